"""BR-021..023 and D19: worked examples E42-E53 (§11.4)."""

from __future__ import annotations

from datetime import date

import pytest

from domain.titles.classify import classify
from domain.titles.inventors import (
    asset_inventors,
    flag_conveyance,
    in_flag_window,
    infer_inventors,
    match_assignor,
    match_conveyance,
    parse_inventor,
    variations,
)
from domain.titles.names import name_key
from domain.titles.types import (
    ClassificationSource,
    Conveyance,
    ConveyanceType,
    Inventor,
    InventorSource,
    Override,
    Party,
)

T = ConveyanceType
D = date(2020, 1, 1)
JOHN_W_SMITH = Inventor(family="Smith", given="John", middle="William")
JOHN_SMITH = Inventor(family="Smith", given="John")
JANE_DOE = Inventor(family="Doe", given="Jane")


def conv(
    *assignors: str, text: str = "ASSIGNMENT OF ASSIGNORS INTEREST", when: date = D
) -> Conveyance:
    return Conveyance(
        rf_id="000100-0001",
        reel_no=100,
        frame_no=1,
        convey_text=text,
        record_dt=when,
        assignors=tuple(Party(a, exec_dt=when) for a in assignors),
        assignees=(Party("Acme Corp"),),
    )


@pytest.mark.parametrize(
    ("inventor", "expected"),
    [
        (JOHN_W_SMITH, ("Smith John", "John Smith", "Smith John William", "John William Smith",
                        "Smith", "John")),
        (JANE_DOE, ("Doe Jane", "Jane Doe", "Doe Jane", "Jane Doe", "Doe", "Jane")),
    ],
    ids=["E42", "E43"],
)  # fmt: skip
def test_worked_example_variations(inventor: Inventor, expected: tuple[str, ...]) -> None:
    assert variations(inventor) == tuple(name_key(v) for v in expected)


@pytest.mark.parametrize(
    ("inventor", "assignor", "distance"),
    [
        (JOHN_SMITH, "John Smith", 0),
        (JOHN_SMITH, "Smith, John", 0),
        (parse_inventor("JOHN SMITH"), "john smith", 0),
        (JOHN_W_SMITH, "SMITH, JOHN W.", 2),
    ],
    ids=["E44", "E45", "E46", "E51"],
)
def test_worked_example_matches(inventor: Inventor, assignor: str, distance: int) -> None:
    found = match_assignor(assignor, inventor)
    assert found is not None
    assert found.distance == distance
    assert found.inventor == inventor


def test_E51_match_is_anchored_on_variation_1() -> None:
    found = match_assignor("SMITH, JOHN W.", JOHN_W_SMITH)
    assert found is not None and found.variation_index == 1


@pytest.mark.parametrize(
    ("inventors", "assignors"),
    [
        ((JOHN_SMITH,), ("Acme Corporation",)),
        ((JOHN_SMITH,), ("Acme Corporation", "TechVentures LLC")),
        ((JOHN_W_SMITH,), ("IBM",)),
        ((Inventor("Li", "Wei"),), ("LI NA",)),
    ],
    ids=["E47", "E49", "E50", "E52"],
)
def test_worked_example_non_matches(
    inventors: tuple[Inventor, ...], assignors: tuple[str, ...]
) -> None:
    assert match_conveyance(conv(*assignors), inventors) is None


def test_E48_mixed_assignors_match_the_person() -> None:
    found = match_conveyance(conv("Acme Corporation", "John Smith"), [JOHN_SMITH, JANE_DOE])
    assert found is not None
    assert found.inventor.family == "Smith"
    assert found.assignor == "John Smith"


def test_E53_assignment_becomes_employee_by_inventor_match() -> None:
    c = conv("DOE, JANE")
    result = flag_conveyance(classify(c.rf_id, c.convey_text), c, [JANE_DOE])
    assert result.conveyance_type is T.EMPLOYEE
    assert result.employer_assign is True
    assert result.source is ClassificationSource.INVENTOR_MATCH
    assert result.evidence is not None and result.evidence.assignor == "DOE, JANE"


def test_E53_without_match_keeps_rule_values() -> None:
    c = conv("ROE, RICHARD")
    result = flag_conveyance(classify(c.rf_id, c.convey_text), c, [JANE_DOE])
    assert (result.conveyance_type, result.employer_assign) == (T.ASSIGNMENT, False)
    assert result.source is ClassificationSource.RULE


def test_pitfall_17_override_is_never_rewritten_by_matching() -> None:
    c = conv("DOE, JANE")
    cls = classify(c.rf_id, c.convey_text, org_override=Override(T.LICENSE))
    result = flag_conveyance(cls, c, [JANE_DOE])
    assert result.conveyance_type is T.LICENSE
    assert result.source is ClassificationSource.OVERRIDE_ORG


def test_non_candidate_types_are_not_flagged() -> None:
    c = conv("DOE, JANE", text="SECURITY AGREEMENT")
    assert flag_conveyance(classify(c.rf_id, c.convey_text), c, [JANE_DOE]).employer_assign is False


def test_P6_flag_window_excludes_1999_executions() -> None:
    old = conv("DOE, JANE", when=date(1999, 12, 31))
    assert in_flag_window(old) is False
    assert in_flag_window(conv("DOE, JANE", when=date(2000, 1, 1))) is True
    result = flag_conveyance(classify(old.rf_id, old.convey_text), old, [JANE_DOE])
    assert result.source is ClassificationSource.RULE


def test_pitfall_10_single_token_variation_must_match_exactly() -> None:
    assert match_assignor("JOHN", JOHN_SMITH) is not None
    assert match_assignor("JOHNS", JOHN_SMITH) is None


def test_fuzzy_match_needs_the_surname_anchor() -> None:
    # Both are within distance 5 of "john smith"; only the first carries the surname
    # (a token within lev 1 of "smith"), so only it matches.
    assert match_assignor("John Smyth X", Inventor("Smith", "John")) is not None
    assert match_assignor("John Smxyh", Inventor("Smith", "John")) is None


def test_parse_inventor_string_fallback() -> None:
    assert parse_inventor("Smith, John William") == Inventor("Smith", "John", "William")
    assert parse_inventor("SMITH JOHN W") == Inventor("SMITH", "JOHN", "W")


def test_D19_inferred_inventors_come_from_earliest_assignment() -> None:
    early = conv("DOE, JANE", "ACME HOLDINGS INC", when=date(2019, 1, 1))
    late = Conveyance(
        rf_id="000200-0002", reel_no=200, frame_no=2, convey_text="ASSIGNMENT",
        record_dt=date(2021, 1, 1), assignors=(Party("ROE, RICHARD", exec_dt=date(2021, 1, 1)),),
    )  # fmt: skip
    inferred = infer_inventors([(late, T.ASSIGNMENT), (early, T.ASSIGNMENT)])
    assert inferred == (Inventor("DOE", "JANE"),)
    inventors, source = asset_inventors([], [(late, T.ASSIGNMENT), (early, T.ASSIGNMENT)])
    assert source is InventorSource.INFERRED
    result = flag_conveyance(classify(early.rf_id, early.convey_text), early, inventors, source)
    assert result.employer_assign is True
    assert result.inventor_source is InventorSource.INFERRED


def test_D19_bibliographic_inventors_win_over_inference() -> None:
    inventors, source = asset_inventors([JANE_DOE], [(conv("ROE, RICHARD"), T.ASSIGNMENT)])
    assert (inventors, source) == ((JANE_DOE,), InventorSource.BIBLIOGRAPHIC)
    assert asset_inventors([], [(conv("Acme Corp"), T.ASSIGNMENT)]) == ((), InventorSource.NONE)


def test_D19_co_inventors_signing_separately_are_all_inferred() -> None:
    first = Conveyance(
        rf_id="1", reel_no=1, frame_no=1, convey_text="ASSIGNMENT", record_dt=date(2015, 12, 31),
        assignors=(Party("PENNEY, KATHRYN L.", exec_dt=date(2015, 8, 24)),),
        assignees=(Party("DANA-FARBER CANCER INSTITUTE, INC."), Party("BRIGHAM INC")),
    )  # fmt: skip
    second = Conveyance(
        rf_id="2", reel_no=1, frame_no=2, convey_text="ASSIGNMENT", record_dt=date(2015, 12, 31),
        assignors=(Party("LODA, MASSIMO", exec_dt=date(2015, 12, 16)),
                   Party("SVITLANA TYEKUCHEVA", exec_dt=date(2015, 12, 17))),
        assignees=(Party("Dana-Farber Cancer Institute Inc"),),
    )  # fmt: skip
    unrelated = Conveyance(
        rf_id="3", reel_no=1, frame_no=3, convey_text="ASSIGNMENT", record_dt=date(2016, 1, 1),
        assignors=(Party("ROE, RICHARD", exec_dt=date(2016, 1, 1)),),
        assignees=(Party("Other Corp"),),
    )  # fmt: skip
    typed = [(c, T.ASSIGNMENT) for c in (second, unrelated, first)]
    inferred = infer_inventors(typed)
    assert [i.family for i in inferred] == ["PENNEY", "LODA", "SVITLANA"]
    cls = classify(second.rf_id, second.convey_text)
    assert flag_conveyance(cls, second, inferred, InventorSource.INFERRED).employer_assign is True
