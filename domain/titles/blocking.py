"""BR-018 similarity and the blocked candidate search of §2.3 step 6 (pitfall 12).

Pairs are only generated inside blocks (A = first token of `core`; B = first 3 chars of
`core` plus, for cores that may match fuzzily, the 1-deletion neighbourhood of its first 4
chars, so a one-letter edit in the prefix still shares a block), pruned by key length (a
Levenshtein lower bound, so no loss inside a block) and scored in C by rapidfuzz.
`process.cdist` would need numpy, which is not a project dependency: small candidate sets
use `process.extract`, large ones a Pass-Join partition filter (lossless).
`matching_pairs` can be sharded so the pipeline may spread blocks over several processes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from domain.titles.names import core_of

MAX_THRESHOLD = 5
MIN_RATIO = 85.0
SHORT_CORE = 8
# Above this many candidates per key length, the partition filter beats a linear scan.
SCAN_LIMIT = 400


def threshold(key_a: str, key_b: str) -> int:
    """BR-018: Levenshtein threshold t = 3 / 4 / 5 by the shorter key's length (<12, <25)."""
    shortest = min(len(key_a), len(key_b))
    if shortest < 12:
        return 3
    return 4 if shortest < 25 else 5


def same_entity_keys(key_a: str, key_b: str) -> bool:
    """BR-018: same_entity on two name_key values (short-core guard, lev < t, ratio >= 85)."""
    if key_a == key_b:
        return True
    t = threshold(key_a, key_b)
    if abs(len(key_a) - len(key_b)) >= t:
        return False
    core_a, core_b = core_of(key_a), core_of(key_b)
    dist = Levenshtein.distance(key_a, key_b, score_cutoff=t)
    if min(len(core_a), len(core_b)) < SHORT_CORE:
        # Short names: one letter is a different company (Intel/Intek, pitfall 10).
        return core_a == core_b and dist < t
    return dist < t and fuzz.ratio(key_a, key_b) >= MIN_RATIO


def matching_pairs(keys: Sequence[str], shard: int = 0, shards: int = 1) -> list[tuple[int, int]]:
    """BR-018 step 6: index pairs (i < j) of distinct keys sharing a block and same_entity."""
    return sorted(
        p for p in candidate_pairs(keys, shard, shards) if same_entity_keys(*_at(keys, p))
    )


def candidate_pairs(
    keys: Sequence[str], shard: int = 0, shards: int = 1
) -> Iterator[tuple[int, int]]:
    """BR-018 step 6: each length-pruned pair sharing a block, once, from its first block."""
    # Blocks are dealt round-robin (largest first) to `shards`. A pair sharing several blocks
    # belongs to the first of them in that order, so shards are disjoint and their union is
    # the full candidate set, whatever the number of processes.
    cores = [core_of(k) for k in keys]
    blocks = sorted(_blocks(cores), key=lambda b: (-len(b[1]), b[0]))
    block_ids: list[list[int]] = [[] for _ in keys]
    for n, (_, members) in enumerate(blocks):
        for i in members:
            block_ids[i].append(n)
    for n, (_, members) in enumerate(blocks):
        if n % shards != shard:
            continue
        seen: set[tuple[int, int]] = set()
        for pair in _candidate_pairs(keys, cores, members):
            if pair not in seen and _first_shared(block_ids[pair[0]], block_ids[pair[1]]) == n:
                seen.add(pair)
                yield pair


def _at(keys: Sequence[str], pair: tuple[int, int]) -> tuple[str, str]:
    return keys[pair[0]], keys[pair[1]]


def _first_shared(ids_a: list[int], ids_b: list[int]) -> int:
    """Smallest block number in both ascending lists (each name has at most 5 blocks)."""
    return min(set(ids_a).intersection(ids_b))


def block_keys(core: str) -> set[tuple[str, str]]:
    """§2.3 step 6 blocks of one core: A (first token, when < 3 chars) and B (prefixes).

    B holds the first 3 chars and, when the core is long enough to match fuzzily (a short
    core only matches an identical core, pitfall 10), every 1-deletion of its first 4
    chars: two cores one edit apart inside that prefix share a deletion (FastSS), and cores
    equal on it share the first 3 chars, so every lev-1 pair same_entity accepts is blocked.
    """
    out = {("B", core[:3])}
    if len(core) >= SHORT_CORE:
        head = core[:4]
        out.update(("B", head[:d] + head[d + 1 :]) for d in range(3))
    first = core.split(" ", 1)[0]
    if len(first) < 3:
        # A first token of >= 3 chars implies the same 3-char prefix: A is inside B.
        out.add(("A", first))
    return out


def _blocks(cores: Sequence[str]) -> list[tuple[tuple[str, str], list[int]]]:
    """Blocks with at least two members (see `block_keys`), members ascending."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, core in enumerate(cores):
        for b in block_keys(core):
            blocks[b].append(i)
    return [(b, members) for b, members in blocks.items() if len(members) > 1]


def _candidate_pairs(
    keys: Sequence[str], cores: Sequence[str], members: list[int]
) -> Iterator[tuple[int, int]]:
    """Pairs inside one block that can satisfy same_entity, scored in C by rapidfuzz.

    Lossless pruning: a pair's threshold t depends on the shorter key, so a query of length L
    is only compared with keys of length L..L+t-1 (length difference is a Levenshtein lower
    bound) at cutoff t-1; a short core (< 8) can only match an identical core, and a long
    core can never match a short one.
    """
    by_len: dict[int, list[int]] = defaultdict(list)
    by_core: dict[str, list[int]] = defaultdict(list)
    for i in members:
        if len(cores[i]) < SHORT_CORE:
            by_core[cores[i]].append(i)
        else:
            by_len[len(keys[i])].append(i)
    for same_core in by_core.values():
        for a in range(len(same_core)):
            for b in range(a + 1, len(same_core)):
                i, j = same_core[a], same_core[b]
                yield (i, j) if i < j else (j, i)
    for length in sorted(by_len):
        t = threshold("x" * length, "x" * length)
        choice_idx = [j for ln in range(length, length + t) for j in by_len.get(ln, ())]
        if len(choice_idx) < 2:
            continue
        if len(choice_idx) > SCAN_LIMIT and length > t:
            yield from _segment_pairs(keys, by_len, length, t - 1)
        else:
            yield from _scan_pairs(keys, by_len[length], choice_idx, length, t - 1)


def _scan_pairs(
    keys: Sequence[str], queries: list[int], choice_idx: list[int], length: int, k: int
) -> Iterator[tuple[int, int]]:
    """Small candidate sets: one C-level Levenshtein scan per query (rapidfuzz)."""
    choice_keys = [keys[j] for j in choice_idx]
    for i in queries:
        hits = process.extract(
            keys[i], choice_keys, scorer=Levenshtein.distance, score_cutoff=k, limit=None
        )
        for _, _, pos in hits:
            j = choice_idx[pos]
            # Equal-length pairs are seen from both sides; keep one direction.
            if j != i and (len(keys[j]) != length or i < j):
                yield (i, j) if i < j else (j, i)


def _segments(length: int, k: int) -> list[tuple[int, int]]:
    """Even partition of a string of `length` into k+1 (start, size) segments (Pass-Join)."""
    n = k + 1
    base, extra = divmod(length, n)
    out, pos = [], 0
    for i in range(n):
        size = base + (1 if i >= n - extra else 0)
        out.append((pos, size))
        pos += size
    return out


def _segment_pairs(
    keys: Sequence[str], by_len: dict[int, list[int]], length: int, k: int
) -> Iterator[tuple[int, int]]:
    """Large candidate sets: Pass-Join partition filter (lossless for lev <= k).

    If lev(r, s) <= k, one of the k+1 segments of r occurs in s at a position allowed by
    the multi-match-aware bound (Li et al., VLDB 2011); only those substrings are probed.
    """
    segs = _segments(length, k)
    index: list[dict[str, list[int]]] = [defaultdict(list) for _ in segs]
    for j in by_len[length]:
        key = keys[j]
        for n, (start, size) in enumerate(segs):
            index[n][key[start : start + size]].append(j)
    for q_len in range(length, length + k + 1):
        delta = q_len - length
        # Probe windows depend only on (segment, delta): compute them once per length.
        probes = []
        for n, (start, size) in enumerate(segs):
            lo = max(start - n, start + delta - (k - n), 0)
            hi = min(start + n, start + delta + (k - n), q_len - size)
            probes.append((index[n], size, range(lo, hi + 1)))
        for i in by_len.get(q_len, ()):
            key = keys[i]
            cands: set[int] = set()
            for seg_index, size, positions in probes:
                for p in positions:
                    hit = seg_index.get(key[p : p + size])
                    if hit:
                        cands.update(hit)
            cands.discard(i)
            if q_len == length:
                # Equal-length pairs are probed from both sides; verify one direction.
                cands = {j for j in cands if i < j}
            if not cands:
                continue
            # Verify all candidates in one C-level call (far cheaper than a Python loop).
            cand_list = list(cands)
            hits = process.extract(
                key,
                [keys[j] for j in cand_list],
                scorer=Levenshtein.distance,
                score_cutoff=k,
                limit=None,
            )
            for _, _, pos in hits:
                j = cand_list[pos]
                yield (i, j) if i < j else (j, i)
