"""Transaction classification BR-001..012 with overrides (business-rules.md §1)."""

from __future__ import annotations

from dataclasses import dataclass

from domain.titles.names import fold
from domain.titles.types import Classification, ClassificationSource, ConveyanceType, Override
from domain.titles.version import RULESET_VERSION

T = ConveyanceType

# BR-012: this order is normative; plain substrings of the folded text, first rule wins.
KEYWORD_RULES: tuple[tuple[str, tuple[str, ...], ConveyanceType], ...] = (
    ("BR-001", ("correct", "re-record"), T.CORRECT),
    ("BR-002", ("employee", "employment"), T.EMPLOYEE),
    ("BR-003", ("confirmator",), T.GOVERN),
    ("BR-004", ("merger",), T.MERGER),
    ("BR-005", ("change of name", "change of address"), T.NAMECHG),
    ("BR-006", ("license", "letters of testamentary"), T.LICENSE),
    ("BR-007", ("release",), T.RELEASE),
    ("BR-008", ("security", "mortgage"), T.SECURITY),
    ("BR-009", ("assignment",), T.ASSIGNMENT),
)
NO_MATCH_RULE = "BR-010"
REFINE_RULESET = "refine-1"

_M, _O, _G = T.MISSING, T.OTHER, T.GOVERN
# §1.4 optional refinement ruleset (off by default), applied in the listed order to the
# current type: (types it may rewrite, any-of phrases, none-of phrases, result).
REFINEMENTS: tuple[
    tuple[frozenset[ConveyanceType] | None, tuple[str, ...], tuple[str, ...], ConveyanceType],
    ...,
] = (
    (
        frozenset({_M, _O, _G}),
        (
            "assignment of assignors interest",
            "assignment of rights",
            "acknowledgement of rights",
            "assignment of intellectual property",
            "nunc",
            "tunc",
            "conversion",
            "continuance",
        ),
        (),
        T.ASSIGNMENT,
    ),
    (frozenset({_M, _O, _G, T.CORRECT}), ("change of name",), (), T.NAMECHG),
    (frozenset({_M, T.NAMECHG, _O}), ("address",), (), T.ADDRESSCHG),
    (frozenset({_M, _O, _G}), ("license",), (), T.LICENSE),
    (
        frozenset({_M, _O, _G}),
        ("security", "pledge", "succession of agency"),
        ("release", "discharge"),
        T.SECURITY,
    ),
    (frozenset({_M, T.SECURITY, _O, _G}), ("partial release",), (), T.PARTIALRELEASE),
    (frozenset({_M, T.SECURITY, _O, _G}), ("release", "discharge"), ("partial",), T.RELEASE),
    (None, ("merger",), (), T.MERGER),
)


@dataclass(frozen=True)
class RuleResult:
    """Keyword-rule outcome for one text."""

    conveyance_type: ConveyanceType
    employer_assign: bool
    matched_rule: str


def classify_text(text: str | None) -> RuleResult:
    """BR-001..010: first keyword rule whose keyword is a substring of fold(text)."""
    t = fold(text)
    if t:
        for rule_id, keywords, ctype in KEYWORD_RULES:
            if any(k in t for k in keywords):
                # Only BR-002 sets employer_assign ("employer" does not contain "employee").
                return RuleResult(ctype, ctype is T.EMPLOYEE, rule_id)
    return RuleResult(T.MISSING, False, NO_MATCH_RULE)


def refine(rule: RuleResult, text: str | None) -> RuleResult:
    """§1.4 refine-1 (optional, off by default): phrase-based second pass over rule types."""
    t = fold(text)
    ctype, matched = rule.conveyance_type, rule.matched_rule
    for allowed, any_of, none_of, result in REFINEMENTS:
        applies = allowed is None or ctype in allowed
        if applies and any(p in t for p in any_of) and not any(p in t for p in none_of):
            ctype, matched = result, REFINE_RULESET
    return RuleResult(ctype, rule.employer_assign, matched)


def classify(
    rf_id: str,
    text: str | None,
    *,
    org_override: Override | None = None,
    global_override: Override | None = None,
    refine_ruleset: bool = False,
) -> Classification:
    """BR-011/012: keyword rules (+ optional §1.4), then org > global override as effective."""
    rule = classify_text(text)
    if refine_ruleset:
        rule = refine(rule, text)
    # Rule fields are always computed so that removing an override needs no reclassify.
    chosen: Override | None = None
    source = ClassificationSource.RULE
    if org_override is not None:
        chosen, source = org_override, ClassificationSource.OVERRIDE_ORG
    elif global_override is not None:
        chosen, source = global_override, ClassificationSource.OVERRIDE_GLOBAL
    return Classification(
        rf_id=rf_id,
        rule_type=rule.conveyance_type,
        rule_employer_assign=rule.employer_assign,
        matched_rule=rule.matched_rule,
        conveyance_type=chosen.conveyance_type if chosen else rule.conveyance_type,
        employer_assign=chosen.employer_assign if chosen else rule.employer_assign,
        source=source,
        # P7: a different ruleset is a different version (forces a full recompute).
        ruleset_version=f"{RULESET_VERSION}+{REFINE_RULESET}"
        if refine_ruleset
        else RULESET_VERSION,
    )
