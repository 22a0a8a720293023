"""BR-013..017 and P1/P2: worked examples E24-E32 (§11.2), pitfalls 8, 9, 11."""

from __future__ import annotations

import pytest

from domain.titles.inventors import is_person
from domain.titles.names import fold, is_organization, name_key, normalize_display
from domain.titles.types import Inventor

DISPLAY = [
    ("E24-corp", "MICROSOFT CORPORATION", "Microsoft Corp"),
    ("E24-inc", "APPLE INCORPORATED", "Apple Inc"),
    ("E24-ltd", "GOOGLE LIMITED", "Google Ltd"),
    ("E24-co", "AMAZON COMPANY", "Amazon Co"),
    ("E25-person", "JOHN SMITH", "John Smith"),
    ("E25-leading-suffix", "CORPORATION OF AMERICA", "Corporation Of America"),
    ("E25-empty", "", ""),
    ("E26", "ACME INCORPORATION", "Acme Incorporation"),
    ("E27", "  SONY   CORPORATION ", "Sony Corp"),
    ("E28-hyphen", "hewlett-packard company", "Hewlett-packard Co"),
    ("E28-apostrophe", "McDONALD'S CORPORATION", "Mcdonald's Corp"),
    ("E29-foo", "FOO CO., LTD.", "Foo Co., Ltd."),
    ("E29-msft", "Microsoft Corporation.", "Microsoft Corporation."),
]


@pytest.mark.parametrize(("raw", "expected"), [c[1:] for c in DISPLAY], ids=[c[0] for c in DISPLAY])
def test_worked_example_display(raw: str, expected: str) -> None:
    assert normalize_display(raw) == expected


def test_suffix_only_name_becomes_the_replacement() -> None:
    assert normalize_display("CORPORATION") == "Corp"
    assert normalize_display("Acme, Inc. Incorporated") == "Acme, Inc. Inc"


ORGS = [
    ("E30-systems", "ACME SYSTEMS", True),
    ("E30-states", "UNITED STATES OF AMERICA AS REPRESENTED BY THE SECRETARY OF THE NAVY", True),
    ("E30-digit", "3M INNOVATIVE PROPERTIES", True),
    ("E31-person", "SMITH, JOHN A.", False),
    ("E31-ibm", "IBM", False),
    ("E32-na", "NA, JONG-HO", True),
    ("pitfall9-societe", "SOCIÉTÉ GÉNÉRALE", True),
    ("a/s", "NOVO NORDISK A/S", True),
]


@pytest.mark.parametrize(("raw", "is_org"), [c[1:] for c in ORGS], ids=[c[0] for c in ORGS])
def test_worked_example_organisation_detector(raw: str, is_org: bool) -> None:
    assert is_organization(raw) is is_org


def test_E32_rescue_makes_na_a_person_when_inventor_na_is_on_the_asset() -> None:
    assert is_person("NA, JONG-HO", [Inventor("Na", "Jong-Ho")]) is True
    assert is_person("NA, JONG-HO", [Inventor("Lee", "Jong-Ho")]) is False


@pytest.mark.parametrize("surname", ["Na", "Sa", "Ab", "Kg", "Bv", "Kk"])
def test_pitfall_11_legal_form_surnames_are_rescued(surname: str) -> None:
    name = f"{surname.upper()}, MIN"
    assert is_organization(name, extended=True) is True
    assert is_person(name, [Inventor(surname, "Min")]) is True


def test_extension_list_only_applies_when_asked() -> None:
    assert is_organization("ACME TECHNOLOGIES") is False
    assert is_organization("ACME TECHNOLOGIES", extended=True) is True


def test_word_boundaries_in_detector() -> None:
    # "co" inside "cohen" and "inc" inside "vincent" are not tokens.
    assert is_organization("COHEN, VINCENT") is False
    assert is_organization("McDonald's Bank") is True


@pytest.mark.parametrize(
    "variant", ["ACME CORP.", "Acme Corp", "ACME CORPORATION", "acme  corporation.", "Acme, Corp"]
)
def test_pitfall_8_punctuation_variants_share_a_key(variant: str) -> None:
    assert name_key(variant) == "acme corp"


def test_pitfall_9_capwords_not_title() -> None:
    assert normalize_display("HEWLETT-PACKARD") == "Hewlett-packard"
    assert normalize_display("hewlett-packard") != "Hewlett-Packard"


def test_fold_collapses_all_whitespace_and_casefolds() -> None:
    assert fold(" A\u00a0B\t\nC  ") == "a b c"
    assert fold(None) == ""
    assert fold("STRASSE") == fold("straße")


def test_name_key_keeps_hyphen_ampersand_and_slash() -> None:
    assert name_key("Fish & Richardson P.C.") == "fish & richardson pc"
    assert name_key("A/S Foo-Bar") == "a/s foo-bar"
