"""BR-001..012: worked examples E01-E23 (§11.1), pitfalls 1-5 and 17, properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.titles import RULESET_VERSION
from domain.titles.classify import RuleResult, classify, classify_text, refine
from domain.titles.types import ClassificationSource, ConveyanceType, Override

T = ConveyanceType

CASES = [
    ("E01", "CORRECTIVE ASSIGNMENT", T.CORRECT, False),
    ("E02", "RE-RECORD TO CORRECT THE EXECUTION DATE", T.CORRECT, False),
    ("E03", "EMPLOYEE AGREEMENT", T.EMPLOYEE, True),
    ("E04", "EMPLOYMENT AGREEMENT", T.EMPLOYEE, True),
    ("E05", "EMPLOYEE ASSIGNMENT", T.EMPLOYEE, True),
    ("E06", "CONFIRMATORY ASSIGNMENT", T.GOVERN, False),
    ("E07", "CONFIRMATORY LICENSE (SEE DOCUMENT FOR DETAILS).", T.GOVERN, False),
    ("E08", "MERGER AND CHANGE OF NAME", T.MERGER, False),
    ("E09", "CHANGE OF ADDRESS", T.NAMECHG, False),
    ("E10", "EXCLUSIVE LICENSE AGREEMENT", T.LICENSE, False),
    ("E11", "RELEASE OF SECURITY INTEREST", T.RELEASE, False),
    ("E12-a", "SECURITY AGREEMENT", T.SECURITY, False),
    ("E12-b", "PATENT MORTGAGE", T.SECURITY, False),
    ("E13", "ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).", T.ASSIGNMENT, False),
    ("E14", "NUNC PRO TUNC ASSIGNMENT (SEE DOCUMENT FOR DETAILS).", T.ASSIGNMENT, False),
    ("E15", "ASSIGNMENT OF SECURITY INTEREST", T.SECURITY, False),
    ("E16", "LICENSE AND RELEASE AGREEMENT", T.LICENSE, False),
    ("E17", "SECURITIES PLEDGE AGREEMENT", T.MISSING, False),
    ("E18", "LETTERS TESTAMENTARY (SEE DOCUMENT FOR DETAILS).", T.MISSING, False),
    ("E19", "UNRELEASED COLLATERAL SCHEDULE", T.RELEASE, False),
    ("E20", "GOVERNMENT INTEREST AGREEMENT", T.MISSING, False),
    ("E21", "CHANGE  OF\nNAME", T.NAMECHG, False),
    ("E22-empty", "", T.MISSING, False),
    ("E22-null", None, T.MISSING, False),
    ("E22-blank", "   ", T.MISSING, False),
    ("E22-random", "SOME RANDOM TEXT", T.MISSING, False),
]


@pytest.mark.parametrize(("text", "ctype", "employer"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_worked_example_classification(text: str | None, ctype: T, employer: bool) -> None:
    result = classify("000001-0001", text)
    assert result.rule_type is ctype
    assert result.conveyance_type is ctype
    assert result.employer_assign is employer
    assert result.source is ClassificationSource.RULE
    assert result.ruleset_version == RULESET_VERSION


def test_E23_global_override_beats_keyword_rules() -> None:
    result = classify(
        "000001-0001", "CORRECTIVE ASSIGNMENT", global_override=Override(T.ASSIGNMENT)
    )
    assert result.conveyance_type is T.ASSIGNMENT
    assert result.employer_assign is False
    assert result.source is ClassificationSource.OVERRIDE_GLOBAL
    # Rule fields still say what the keywords say, so removing the override is cheap.
    assert result.rule_type is T.CORRECT
    assert result.matched_rule == "BR-001"


def test_org_override_beats_global_override_and_may_use_extended_types() -> None:
    result = classify(
        "x",
        "SECURITY AGREEMENT",
        org_override=Override(T.RESTATEDSECURITY),
        global_override=Override(T.ASSIGNMENT, employer_assign=True),
    )
    assert result.conveyance_type is T.RESTATEDSECURITY
    assert result.employer_assign is False
    assert result.source is ClassificationSource.OVERRIDE_ORG


@pytest.mark.parametrize(
    ("text", "ctype"),
    [
        ("UNRELEASED", T.RELEASE),
        ("PRERELEASE NOTICE", T.RELEASE),
        ("INCORRECT FILING", T.CORRECT),
        ("SUBLICENSE", T.LICENSE),
        ("LICENSEE AGREEMENT", T.LICENSE),
        ("DEMERGER", T.MERGER),
        ("REASSIGNMENT", T.ASSIGNMENT),
    ],
    ids=["release-unreleased", "release-prerelease", "correct-incorrect", "license-sub",
         "license-licensee", "merger-demerger", "assignment-reassignment"],
)  # fmt: skip
def test_pitfall_1_substring_keywords_are_intentional(text: str, ctype: T) -> None:
    assert classify_text(text).conveyance_type is ctype


@pytest.mark.parametrize("text", ["SECURITIES AGREEMENT", "SECURED NOTE"])
def test_pitfall_2_security_is_not_a_prefix_match(text: str) -> None:
    assert classify_text(text).conveyance_type is T.MISSING


@pytest.mark.parametrize("text", ["RERECORD", "RE RECORD", "LETTERS TESTAMENTARY"])
def test_pitfall_3_keywords_that_rarely_fire(text: str) -> None:
    assert classify_text(text).conveyance_type is T.MISSING


def test_pitfall_4_raw_xml_text_is_folded_with_casefold() -> None:
    assert classify_text("CHANGE\tOF\r\n\u00a0NAME").conveyance_type is T.NAMECHG
    # NFKC folds full-width letters before matching.
    assert classify_text("\uff21\uff33SIGNMENT").conveyance_type is T.ASSIGNMENT


def test_pitfall_5_priority_collisions() -> None:
    assert classify_text("CONFIRMATORY ASSIGNMENT").conveyance_type is T.GOVERN
    assert classify_text("ASSIGNMENT OF SECURITY INTEREST").conveyance_type is T.SECURITY


def test_employer_assign_only_from_rule_2() -> None:
    assert classify_text("ASSIGNMENT BY EMPLOYER").employer_assign is False
    assert classify_text("EMPLOYER ASSIGNMENT").conveyance_type is T.ASSIGNMENT


@given(st.one_of(st.none(), st.text()))
def test_classification_is_total_and_deterministic(text: str | None) -> None:
    first = classify("rf", text)
    second = classify("rf", text)
    assert first == second
    assert first.rule_type in set(T)
    assert first.matched_rule in {f"BR-{n:03d}" for n in range(1, 11)}
    # Only rule 2 can set employer_assign.
    assert first.rule_employer_assign is (first.rule_type is T.EMPLOYEE)


@given(st.text(), st.sampled_from(list(T)), st.booleans())
def test_overrides_always_win(text: str, ctype: T, employer: bool) -> None:
    result = classify("rf", text, global_override=Override(ctype, employer))
    assert (result.conveyance_type, result.employer_assign) == (ctype, employer)


@pytest.mark.parametrize(
    ("text", "off", "on"),
    [
        ("ACKNOWLEDGEMENT OF RIGHTS", T.MISSING, T.ASSIGNMENT),
        ("CONFIRMATORY NUNC PRO TUNC", T.GOVERN, T.ASSIGNMENT),
        ("CORRECTION OF CHANGE OF NAME", T.CORRECT, T.NAMECHG),
        ("CHANGE OF ADDRESS", T.NAMECHG, T.ADDRESSCHG),
        ("PATENT PLEDGE", T.MISSING, T.SECURITY),
        ("PLEDGE DISCHARGE", T.MISSING, T.RELEASE),
        ("PARTIAL RELEASE OF SECURITY", T.RELEASE, T.RELEASE),
        ("TERMINATION AND PARTIAL RELEASE", T.RELEASE, T.RELEASE),
        ("PARTIAL RELEASE", T.RELEASE, T.RELEASE),
        ("SECURITY INTEREST PARTIAL RELEASE", T.RELEASE, T.RELEASE),
        ("CONFIRMATORY MERGER", T.GOVERN, T.MERGER),
        ("ASSIGNMENT OF ASSIGNORS INTEREST", T.ASSIGNMENT, T.ASSIGNMENT),
    ],
)
def test_refine_1_ruleset_is_off_by_default(text: str, off: T, on: T) -> None:
    assert classify("rf", text).conveyance_type is off
    refined = classify("rf", text, refine_ruleset=True)
    assert refined.conveyance_type is on
    assert refined.ruleset_version == f"{RULESET_VERSION}+refine-1"


def test_refine_1_partial_release_from_security() -> None:
    rule = classify_text("SECURITY AGREEMENT PARTIAL RELEASE OF COLLATERAL")
    assert rule.conveyance_type is T.RELEASE
    refined = refine(RuleResult(T.SECURITY, False, "BR-008"), "PARTIAL RELEASE")
    assert refined.conveyance_type is T.PARTIALRELEASE
    assert refined.matched_rule == "refine-1"
