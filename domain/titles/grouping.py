"""Entity grouping BR-018..020: greedy seeding over BLOCKED candidate pairs (§2.3).

The greedy walk (BR-020) runs on the sparse pair graph produced by `blocking.matching_pairs`,
which is exactly the legacy seed-only comparison restricted to blocks. The three phases are
public so the pipeline can shard the expensive middle one over processes:
`plan_grouping` -> `matching_pairs(plan.keys, shard, shards)` -> `finish_grouping`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from domain.titles.blocking import block_keys, matching_pairs, same_entity_keys, threshold
from domain.titles.names import core_of, name_key, normalize_display
from domain.titles.types import EntityGroup, GroupPin, NameCount

__all__ = [
    "BlockIndex",
    "GroupingPlan",
    "affected_component_keys",
    "block_index",
    "finish_grouping",
    "group_lookup",
    "group_names",
    "join_new_names",
    "plan_grouping",
    "regroup_components",
    "same_entity",
    "same_entity_keys",
    "threshold",
]

# The LRU cache only churns on a million distinct names: call the function directly.
_KEY = name_key.__wrapped__


@dataclass
class _Record:
    key: str
    count: int
    raws: dict[str, int]
    words: int

    def best_raw(self) -> str:
        # Most frequent spelling of this key; ties -> lexicographically smallest (determinism).
        if len(self.raws) == 1:
            return next(iter(self.raws))
        return min(self.raws.items(), key=lambda kv: (-kv[1], kv[0]))[0]


@dataclass(frozen=True)
class GroupingPlan:
    """Distinct name keys in BR-020 order with their counts and raw spellings (picklable)."""

    keys: tuple[str, ...]
    counts: tuple[int, ...]
    raws: tuple[tuple[tuple[str, int], ...], ...]
    pinned: tuple[EntityGroup, ...] = ()


def same_entity(name_a: str, name_b: str) -> bool:
    """BR-018: same_entity on raw names (compared through name_key, P2)."""
    return same_entity_keys(name_key(name_a), name_key(name_b))


def _merge_by_key(names: Iterable[NameCount], excluded: frozenset[str]) -> list[_Record]:
    by_key: dict[str, _Record] = {}
    for nc in names:
        key = _KEY(nc.name)
        if not key or key in excluded:
            continue
        rec = by_key.get(key)
        if rec is None:
            rec = _Record(key, 0, {}, len(key.split(" ")))
            by_key[key] = rec
        rec.count += nc.count
        rec.raws[nc.name] = rec.raws.get(nc.name, 0) + nc.count
    recs = list(by_key.values())
    # BR-020: word count desc, count desc, key asc (key tie-break makes it deterministic).
    recs.sort(key=lambda r: (-r.words, -r.count, r.key))
    return recs


def _group_of(plan: GroupingPlan, idx: list[int]) -> EntityGroup:
    # idx[0] is the seed. BR-019: highest count wins; ties keep the earlier member in sort
    # order (the seed side).
    counts = plan.counts
    canon = idx[0]
    for i in idx[1:]:
        if counts[i] > counts[canon]:
            canon = i
    spellings = plan.raws[canon]
    raw = spellings[0][0]  # raws are stored most frequent first
    if len(idx) == 1:
        members: tuple[str, ...] = tuple(sorted(r for r, _ in spellings))
        keys: tuple[str, ...] = (plan.keys[canon],)
    else:
        members = tuple(sorted(r for i in idx for r, _ in plan.raws[i]))
        keys = tuple(sorted(plan.keys[i] for i in idx))
    return EntityGroup(
        canonical_name=normalize_display(raw),
        canonical_raw=raw,
        canonical_key=plan.keys[canon],
        members=members,
        member_keys=keys,
        count=sum(counts[i] for i in idx),
        seed_key=plan.keys[idx[0]],
    )


def _pinned_groups(
    names: Sequence[NameCount], pins: Sequence[GroupPin]
) -> tuple[list[EntityGroup], frozenset[str]]:
    if not pins:
        return [], frozenset()
    counts: dict[str, int] = defaultdict(int)
    raws_by_key: dict[str, set[str]] = defaultdict(set)
    for nc in names:
        k = name_key(nc.name)
        counts[k] += nc.count
        raws_by_key[k].add(nc.name)
    taken: set[str] = set()
    groups: list[EntityGroup] = []
    for pin in pins:
        keys = sorted({name_key(m) for m in pin.members} - taken - {""})
        if not keys:
            continue
        taken.update(keys)
        members = sorted({*pin.members, *(r for k in keys for r in raws_by_key.get(k, ()))})
        groups.append(
            EntityGroup(
                canonical_name=pin.canonical_name,
                canonical_raw=pin.canonical_name,
                canonical_key=name_key(pin.canonical_name),
                members=tuple(members),
                member_keys=tuple(keys),
                count=sum(counts.get(k, 0) for k in keys),
                pinned=True,
            )
        )
    return groups, frozenset(taken)


def plan_grouping(names: Sequence[NameCount], pins: Sequence[GroupPin] = ()) -> GroupingPlan:
    """BR-018/020 steps 1-2: merge identical keys, apply pins, sort for the greedy walk."""
    pinned, excluded = _pinned_groups(names, pins)
    recs = _merge_by_key(names, excluded)
    return GroupingPlan(
        keys=tuple(r.key for r in recs),
        counts=tuple(r.count for r in recs),
        raws=tuple(tuple(sorted(r.raws.items(), key=lambda kv: (-kv[1], kv[0]))) for r in recs),
        pinned=tuple(pinned),
    )


def finish_grouping(plan: GroupingPlan, pairs: Iterable[tuple[int, int]]) -> list[EntityGroup]:
    """BR-019/020 steps 3-5: greedy seeding over the matching pairs, canonical per group."""
    later: dict[int, list[int]] = defaultdict(list)
    for i, j in pairs:
        later[min(i, j)].append(max(i, j))
    assigned = [False] * len(plan.keys)
    groups: list[EntityGroup] = list(plan.pinned)
    for i in range(len(plan.keys)):
        if assigned[i]:
            continue
        assigned[i] = True
        idx = [i]
        # Comparison is against the seed only (non-transitive), as in legacy.
        for j in sorted(set(later.get(i, ()))):
            if not assigned[j]:
                assigned[j] = True
                idx.append(j)
        groups.append(_group_of(plan, idx))
    return groups


def group_names(names: Sequence[NameCount], pins: Sequence[GroupPin] = ()) -> list[EntityGroup]:
    """BR-018..020: group raw names into entities (blocked greedy seeding, pins win)."""
    plan = plan_grouping(names, pins)
    return finish_grouping(plan, matching_pairs(plan.keys))


def group_lookup(groups: Iterable[EntityGroup]) -> dict[str, EntityGroup]:
    """BR-019 helper: name_key of every member -> its group (for canonical display)."""
    return {k: g for g in groups for k in g.member_keys}


def _block_keys(key: str) -> set[tuple[str, str]]:
    return block_keys(core_of(key))


def join_new_names(groups: Sequence[EntityGroup], names: Sequence[NameCount]) -> list[EntityGroup]:
    """BR-018 incremental: each new name joins the first matching seed in its blocks."""
    # Canonical names are kept (stable display between full regroups, which happen on a
    # ruleset bump); unmatched names become new seeds, in BR-020 order.
    out = list(groups)
    by_key = {k: n for n, g in enumerate(out) for k in g.member_keys}
    seeds: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, g in enumerate(out):
        if not g.pinned and g.seed_key:
            for b in _block_keys(g.seed_key):
                seeds[b].append(n)
    for rec in _merge_by_key(names, frozenset()):
        n_found = by_key.get(rec.key)
        if n_found is None:
            candidates = sorted({n for b in _block_keys(rec.key) for n in seeds.get(b, ())})
            n_found = next(
                (n for n in candidates if same_entity_keys(out[n].seed_key, rec.key)), None
            )
        if n_found is None:
            single = GroupingPlan(
                (rec.key,),
                (rec.count,),
                (tuple(sorted(rec.raws.items(), key=lambda kv: (-kv[1], kv[0]))),),
            )
            grp = _group_of(single, [0])
            out.append(grp)
            n_found = len(out) - 1
            for b in _block_keys(rec.key):
                seeds[b].append(n_found)
        else:
            g = out[n_found]
            out[n_found] = replace(
                g,
                members=tuple(sorted({*g.members, *rec.raws})),
                member_keys=tuple(sorted({*g.member_keys, rec.key})),
                count=g.count + rec.count,
            )
        by_key[rec.key] = n_found
    return out


def _neighbours(key: str, index: dict[tuple[str, str], list[str]]) -> set[str]:
    """BR-018 step 6: keys sharing a block with `key` and same_entity with it."""
    found: set[str] = set()
    for b in _block_keys(key):
        for other in index.get(b, ()):
            if other != key and other not in found and same_entity_keys(key, other):
                found.add(other)
    return found


BlockIndex = dict[tuple[str, str], list[str]]


def block_index(all_keys: Iterable[str]) -> BlockIndex:
    """§2.3 step 6 blocks of every name key (issue 6: neighbour look-ups of a few keys)."""
    index: BlockIndex = defaultdict(list)
    for key in all_keys:
        for b in _block_keys(key):
            index[b].append(key)
    return index


def affected_component_keys(index: BlockIndex, touched: Iterable[str]) -> set[str]:
    """The keys of every connected component of the blocked BR-018 pair graph (over the
    keys of `index`) that contains a `touched` key (issue 6 incremental grouping)."""
    seen: set[str] = set()
    todo = [k for k in touched if k]
    while todo:
        key = todo.pop()
        if key in seen:
            continue
        seen.add(key)
        todo.extend(_neighbours(key, index) - seen)
    return seen


def regroup_components(names: Sequence[NameCount], index: BlockIndex) -> list[EntityGroup]:
    """BR-018..020 on whole components (issue 6): `names` are every spelling, with its
    count, of the keys of some connected components of the blocked pair graph over the
    keys of `index` (see `affected_component_keys`). The greedy walk (BR-020) only links keys of
    one component, in their relative BR-020 order, so the groups returned are exactly the
    groups `group_names` gives these keys on the org's full name list (no pins)."""
    plan = plan_grouping(names)
    position = {k: i for i, k in enumerate(plan.keys)}
    pairs = [
        (i, position[other])
        for i, key in enumerate(plan.keys)
        for other in _neighbours(key, index)
        if other in position and position[other] > i
    ]
    return finish_grouping(plan, pairs)
