"""Entity grouping at scale (issue 6, BR-018..020, pitfall 12): ≥ 1,000,000 generated raw
party names with realistic recording variants, grouped by domain/titles' blocked greedy
algorithm with the candidate search sharded over processes.

    .venv/bin/python -m benchmarks.entity_grouping [--names 1000000] [--processes 2]

Reports wall time per phase, candidate pairs compared vs all pairs, and pairwise
precision/recall against the generator's ground truth (which entity a name came from).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from domain.titles.blocking import candidate_pairs, same_entity_keys
from domain.titles.grouping import GroupingPlan, finish_grouping, plan_grouping
from domain.titles.names import name_key
from domain.titles.types import NameCount

# Consonant-vowel syllables: brand-like words that are rarely near each other by chance.
SYLLABLES = tuple(c + v for c in "BCDFGHKLMNPRSTVWZ" for v in "AEIOU")
FORMS = [
    ("CORPORATION", ["CORP.", "CORP", "Corporation"]),
    ("INCORPORATED", ["INC.", "INC", "Inc."]),
    ("LIMITED", ["LTD.", "LTD", "Limited"]),
    ("COMPANY", ["CO.", "CO", "Company"]),
    ("LLC", ["L.L.C.", "LLC.", "Llc"]),
    ("GMBH", ["GmbH", "G.M.B.H."]),
]
SECTORS = ["TECHNOLOGIES", "SYSTEMS", "PHARMACEUTICALS", "ELECTRONICS", "NETWORKS", "HOLDINGS"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4)))


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    if rng.random() < 0.5:
        return word[:i] + word[i + 1 :]  # dropped letter
    return word[:i] + rng.choice("AEIOURSTN") + word[i + 1 :]  # wrong letter


def generate(total: int, seed: int = 18) -> tuple[list[NameCount], dict[str, int]]:
    """`total` distinct raw names; truth maps each raw name to its entity number."""
    rng = random.Random(seed)
    names: dict[str, int] = {}
    bases: set[str] = set()
    entity = 0
    while len(names) < total:
        words = [_word(rng), _word(rng)]
        sector = rng.choice(SECTORS)
        form, short = rng.choice(FORMS)
        base = " ".join([*words, sector])
        if base in bases:
            continue  # two real companies rarely share a full name
        bases.add(base)
        variants = {f"{base} {form}", f"{base}, {rng.choice(short)}", f"{base} {form}".title()}
        if rng.random() < 0.6:  # a misspelt recording: one letter, in one word
            typo = list(words)
            k = rng.randrange(len(typo))
            typo[k] = _typo(typo[k], rng)
            variants.add(" ".join([*typo, sector, form]))
        if rng.random() < 0.3:
            variants.add(f"{base}, {form}.")
        for v in variants:
            names.setdefault(v, entity)
        entity += 1
    chosen = list(names)[:total]
    counts = [NameCount(n, rng.randint(1, 50)) for n in chosen]
    return counts, {n: names[n] for n in chosen}


def _shard(args: tuple[tuple[str, ...], int, int]) -> tuple[list[tuple[int, int]], int]:
    """blocking.matching_pairs for one shard, counting the (unique) candidate pairs scored."""
    keys, shard, shards = args
    found: list[tuple[int, int]] = []
    compared = 0
    for pair in candidate_pairs(keys, shard, shards):
        compared += 1
        if same_entity_keys(keys[pair[0]], keys[pair[1]]):
            found.append(pair)
    return sorted(found), compared


def pairwise_quality(groups: list[Any], truth: dict[str, int]) -> tuple[float, float]:
    """Pair precision/recall of the predicted groups against the true entities."""

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    predicted = true_positive = 0
    for g in groups:
        ents = Counter(truth[m] for m in g.members if m in truth)
        predicted += pairs(sum(ents.values()))
        true_positive += sum(pairs(c) for c in ents.values())
    sizes: dict[int, int] = defaultdict(int)
    for e in truth.values():
        sizes[e] += 1
    actual = sum(pairs(c) for c in sizes.values())
    return true_positive / max(predicted, 1), true_positive / max(actual, 1)


def run(total: int, processes: int) -> dict[str, Any]:
    names, truth = generate(total)
    start = time.perf_counter()
    plan: GroupingPlan = plan_grouping(names)
    planned = time.perf_counter()
    with ProcessPoolExecutor(processes) as pool:
        shards = list(pool.map(_shard, [(plan.keys, s, processes) for s in range(processes)]))
    searched = time.perf_counter()
    pairs = sorted({p for found, _ in shards for p in found})
    groups = finish_grouping(plan, pairs)
    done = time.perf_counter()
    precision, recall = pairwise_quality(groups, truth)
    keys = len(plan.keys)
    compared = sum(c for _, c in shards)
    return {
        "raw_names": len(names),
        "distinct_keys": keys,
        "entities": len(set(truth.values())),
        "groups": len(groups),
        "seconds": {
            "plan (name_key, sort)": round(planned - start, 1),
            "candidate search": round(searched - planned, 1),
            "greedy + canonical": round(done - searched, 1),
            "total": round(done - start, 1),
        },
        "candidate_pairs_compared": compared,
        "all_pairs": keys * (keys - 1) // 2,
        "compared_fraction": f"{compared / max(keys * (keys - 1) // 2, 1):.2e}",
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "processes": processes,
        "name_key_check": name_key("ACME CORPORATION.") == name_key("Acme Corp"),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--names", type=int, default=1_000_000)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    print(json.dumps(run(args.names, args.processes), indent=2))


if __name__ == "__main__":
    main()
