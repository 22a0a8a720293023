"""Inventor <-> assignor matching and the employer flag BR-021..023, D19 (business-rules §3)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rapidfuzz.distance import Levenshtein

from domain.titles.names import is_organization, name_key
from domain.titles.order import order_key
from domain.titles.types import (
    Classification,
    ClassificationSource,
    Conveyance,
    ConveyanceType,
    EffectiveClassification,
    Inventor,
    InventorMatch,
    InventorSource,
)

T = ConveyanceType

# BR-022 step 1: types whose conveyances may be inventor-originated.
CANDIDATE_TYPES: frozenset[ConveyanceType] = frozenset(
    {T.ASSIGNMENT, T.EMPLOYEE, T.CORRECT, T.MISSING, T.GOVERN, T.OTHER}
)
# D19: "assignment-type" conveyances whose person assignors stand in for inventors.
INFERENCE_TYPES: frozenset[ConveyanceType] = frozenset(
    {T.ASSIGNMENT, T.PARTIALASSIGNMENT, T.EMPLOYEE, T.GOVERN}
)
FLAG_WINDOW_AFTER_YEAR = 1999
FUZZY_LIMIT = 5


def parse_inventor(name: str) -> Inventor:
    """BR-021 string fallback: "Family, Given Middle", else family=tok1, given=tok2, rest."""
    if "," in name:
        family, _, rest = name.partition(",")
        given, _, middle = rest.strip().partition(" ")
        return Inventor(family.strip(), given.strip(), middle.strip())
    tokens = name.split()
    if not tokens:
        return Inventor("")
    return Inventor(tokens[0], tokens[1] if len(tokens) > 1 else "", " ".join(tokens[2:]))


def variations(inv: Inventor) -> tuple[str, str, str, str, str, str]:
    """BR-021: name_keys of `F G`, `G F`, `F G M`, `G M F`, `F`, `G` (no middle: 3=1, 4=2)."""
    f, g, m = inv.family, inv.given, inv.middle
    v1, v2 = name_key(f"{f} {g}"), name_key(f"{g} {f}")
    v3 = name_key(f"{f} {g} {m}") if m else v1
    v4 = name_key(f"{g} {m} {f}") if m else v2
    return v1, v2, v3, v4, name_key(f), name_key(g)


def _tokens(key: str) -> list[str]:
    return sorted(key.split())


def is_person(name: str, inventors: Iterable[Inventor] = ()) -> bool:
    """BR-017 (base + extension) with the rescue: a variation of an inventor is a person."""
    if not is_organization(name, extended=True):
        return True
    key = name_key(name)
    return any(key in variations(inv) for inv in inventors)


def match_assignor(assignor: str, inventor: Inventor) -> InventorMatch | None:
    """BR-022 step 4: exact token multiset, fuzzy with surname anchor, or single token."""
    key = name_key(assignor)
    if not key:
        return None
    var = variations(inventor)
    toks = _tokens(key)
    for idx in (1, 3):
        if toks == _tokens(var[idx - 1]):
            return InventorMatch(inventor, assignor, idx, 0)
    dists = [Levenshtein.distance(v, key) for v in var[:4]]
    best = min(range(4), key=lambda i: (dists[i], i))
    family = name_key(inventor.family)
    if dists[best] < FUZZY_LIMIT and family and _has_surname(key, family):
        return InventorMatch(inventor, assignor, best + 1, dists[best])
    # Single-token variations only match exactly: "John" vs "IBM" is not a match (E50).
    if " " not in key:
        for idx in (5, 6):
            if var[idx - 1] == key:
                return InventorMatch(inventor, assignor, idx, 0)
    return None


def _has_surname(key: str, family: str) -> bool:
    if " " in family:
        return family in key
    return any(Levenshtein.distance(tok, family, score_cutoff=1) <= 1 for tok in key.split())


def match_conveyance(conv: Conveyance, inventors: Sequence[Inventor]) -> InventorMatch | None:
    """BR-022 steps 2-5: first person assignor matching an inventor, else None."""
    persons = [p.name for p in conv.assignors if is_person(p.name, inventors)]
    for name in persons:
        for inv in inventors:
            found = match_assignor(name, inv)
            if found is not None:
                return found
    return None


def in_flag_window(conv: Conveyance, after_year: int = FLAG_WINDOW_AFTER_YEAR) -> bool:
    """P6 flag window: some assignor exec date (else the row's exec date) year > 1999."""
    dates = [p.exec_dt for p in conv.assignors if p.exec_dt is not None]
    if not dates and conv.exec_dt is not None:
        dates = [conv.exec_dt]
    return any(d.year > after_year for d in dates)


def infer_inventors(typed: Sequence[tuple[Conveyance, ConveyanceType]]) -> tuple[Inventor, ...]:
    """D19: natural-person assignors of the asset's earliest assignment-type conveyance."""
    eligible = sorted((c for c, t in typed if t in INFERENCE_TYPES), key=order_key)
    if not eligible:
        return ()
    first = eligible[0]
    sources = [first]
    # Co-inventors often sign separate assignments to the same first owner on other days:
    # all-person conveyances to (some of) the first conveyance's assignees count too.
    first_assignees = {name_key(p.name) for p in first.assignees}
    for c in eligible[1:]:
        if (
            c.assignors
            and all(not is_organization(p.name, extended=True) for p in c.assignors)
            and first_assignees & {name_key(p.name) for p in c.assignees}
        ):
            sources.append(c)
    seen: set[str] = set()
    out: list[Inventor] = []
    for c in sources:
        for p in c.assignors:
            key = " ".join(sorted(name_key(p.name).split()))
            if key and key not in seen and not is_organization(p.name, extended=True):
                seen.add(key)
                out.append(parse_inventor(p.name))
    return tuple(out)


def asset_inventors(
    bibliographic: Sequence[Inventor], typed: Sequence[tuple[Conveyance, ConveyanceType]]
) -> tuple[tuple[Inventor, ...], InventorSource]:
    """D19: bibliographic inventors when known, else inferred ones (marked as such)."""
    if bibliographic:
        return tuple(bibliographic), InventorSource.BIBLIOGRAPHIC
    inferred = infer_inventors(typed)
    return inferred, (InventorSource.INFERRED if inferred else InventorSource.NONE)


def flag_conveyance(
    classification: Classification,
    conv: Conveyance,
    inventors: Sequence[Inventor],
    inventor_source: InventorSource = InventorSource.BIBLIOGRAPHIC,
) -> EffectiveClassification:
    """BR-022/023: effective type; inventor match -> employee unless an override exists."""
    if classification.source in (
        ClassificationSource.OVERRIDE_ORG,
        ClassificationSource.OVERRIDE_GLOBAL,
    ):
        # Overrides are never rewritten by a pipeline step (BR-011, pitfall 17).
        return EffectiveClassification(
            conv.rf_id,
            classification.conveyance_type,
            classification.employer_assign,
            classification.source,
            None,
            inventor_source,
        )
    if classification.rule_type in CANDIDATE_TYPES and inventors and in_flag_window(conv):
        found = match_conveyance(conv, inventors)
        if found is not None:
            return EffectiveClassification(
                conv.rf_id,
                T.EMPLOYEE,
                True,
                ClassificationSource.INVENTOR_MATCH,
                found,
                inventor_source,
            )
    return EffectiveClassification(
        conv.rf_id,
        classification.rule_type,
        classification.rule_employer_assign,
        ClassificationSource.RULE,
        None,
        inventor_source,
    )
