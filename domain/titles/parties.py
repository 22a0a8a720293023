"""Party identity and comparison (pitfall 8: never raw strings or raw ids alone)."""

from __future__ import annotations

from collections.abc import Iterable

from domain.titles.blocking import same_entity_keys
from domain.titles.names import name_key
from domain.titles.types import Conveyance, OrgCompany, Party


def party_id(p: Party) -> str:
    """§5 input: the entity (group) id, else the name_key ("ungrouped names are their own")."""
    return p.entity_id or f"key:{name_key(p.name)}"


def party_label(p: Party) -> str:
    """§4 row display: canonical name of the entity group, else the raw name."""
    return p.canonical_name or p.name


def same_party(a: Party, b: Party) -> bool:
    """BR-033 identity: same entity id, or equal name_key."""
    if a.entity_id is not None and a.entity_id == b.entity_id:
        return True
    return name_key(a.name) == name_key(b.name)


def parties_overlap(xs: Iterable[Party], ys: Iterable[Party], *, fuzzy: bool = True) -> bool:
    """BR-033: some pair is the same entity (by id/key, or same_entity when fuzzy)."""
    ys = tuple(ys)
    for x in xs:
        for y in ys:
            if same_party(x, y) or (fuzzy and same_entity_keys(name_key(x.name), name_key(y.name))):
                return True
    return False


def same_party_set(xs: Iterable[Party], ys: Iterable[Party]) -> bool:
    """§5 step 4b duplicate test: every party on each side has an identical one on the other."""
    xs, ys = tuple(xs), tuple(ys)
    if not xs or not ys:
        return False
    return all(any(same_party(x, y) for y in ys) for x in xs) and all(
        any(same_party(x, y) for x in xs) for y in ys
    )


def alias_keys(company: OrgCompany) -> frozenset[str]:
    """P4: the company's alias keys (its names through name_key)."""
    return frozenset(k for k in (name_key(n) for n in company.names) if k)


def is_org_party(p: Party, keys: frozenset[str]) -> bool:
    """P4: exact membership of name_key(name) in the alias keys; no fuzziness here."""
    return name_key(p.name) in keys


def arrows(conv: Conveyance) -> int:
    """BR-043 / step 8: distinct assignor entities x distinct assignee entities."""
    return len({party_id(p) for p in conv.assignors}) * len({party_id(p) for p in conv.assignees})
