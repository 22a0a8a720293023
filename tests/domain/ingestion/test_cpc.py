"""CPC parsers: ST.96 MCF XML, scheme XML and the title list (ingestion.md §2.4, §2.5)."""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from datetime import date
from pathlib import Path

from domain.ingestion.biblio_records import (
    BiblioParseError,
    CpcClassificationRecord,
    CpcMasterRecord,
    LineParseError,
)
from domain.ingestion.cpc import (
    cpc_level,
    iter_cpc_master,
    iter_cpc_master_file,
    iter_cpc_scheme_file,
    iter_cpc_title_list,
    iter_cpc_title_list_file,
    parse_cpc_scheme,
    split_cpc_symbol,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cpc"


def _master() -> CpcMasterRecord:
    (record,) = list(iter_cpc_master_file(FIXTURES / "cpcMaster.xml"))
    assert isinstance(record, CpcMasterRecord)
    return record


def test_mcf_record_with_namespaces() -> None:
    record = _master()
    assert (record.appno_doc_num, record.grant_doc_num, record.pgpub_doc_num) == (
        "13897484",
        "9400000",
        None,
    )
    assert (record.kind, record.document_date, record.patent_type) == (
        "B2",
        date(2016, 7, 26),
        "grant",
    )
    assert len(record.codes) == 9
    main = record.codes[0]
    assert (main.code, main.is_main, main.is_inventive, main.position) == (
        "F04D29/703",
        True,
        True,
        1,
    )
    assert (main.symbol_position, main.version_date) == ("F", date(2013, 1, 1))
    assert [c.code for c in record.codes[1:]] == [
        "F04D17/08",
        "F04D25/06",
        "F04D25/0613",
        "F04D25/08",
        "F04D29/403",
        "F04D29/4206",
        "F04D29/4213",
        "F04D29/4226",
    ]
    assert not any(c.is_main for c in record.codes[1:])
    assert [c.position for c in record.codes] == list(range(1, 10))


def test_mcf_zip_and_bad_record(tmp_path: Path) -> None:
    data = (FIXTURES / "cpcMaster.xml").read_bytes()
    archive = tmp_path / "US_Grant_CPC_MCF_XML_2023-05-01.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("US_Grant_CPC_MCF_XML_2023-05-01/US_Grant_CPC_MCF_1.xml", data)
    (record,) = list(iter_cpc_master_file(archive))
    assert isinstance(record, CpcMasterRecord) and record.grant_doc_num == "9400000"

    no_number = data.replace(b"<pat:PatentNumber>9400000</pat:PatentNumber>", b"")
    (error,) = list(iter_cpc_master(io.BytesIO(no_number), source_name="x.xml"))
    assert isinstance(error, BiblioParseError)
    assert (error.error_type, error.record_identifier) == ("missing_field", "13897484")

    truncated = data[: data.index(b"</pat:FurtherCPC>")]
    (syntax,) = list(iter_cpc_master(io.BytesIO(truncated)))
    assert isinstance(syntax, BiblioParseError) and syntax.error_type == "xml_syntax"


def _scheme() -> dict[str, CpcClassificationRecord]:
    records = parse_cpc_scheme((FIXTURES / "cpc-scheme-A01L.xml").read_bytes())
    codes = [r.cpc_code for r in records]
    assert len(codes) == len(set(codes))  # the title-less wrapper is de-duplicated
    return {r.cpc_code: r for r in records}


def test_scheme_hierarchy_and_wrapper_items() -> None:
    scheme = _scheme()
    assert len(scheme) == 19  # 20 items, one title-less level-6 wrapper of A01L1/00
    subclass = scheme["A01L"]
    assert (subclass.level, subclass.dot_level, subclass.parent_code) == (3, None, "A01")
    assert subclass.not_allocatable is True
    assert subclass.scheme_version == "2016-05-01"
    main = scheme["A01L1/00"]
    assert main.title == (
        "Shoes for horses or other solipeds fastened with nails (A01L3/00 takes precedence)"
    )
    assert (main.level, main.dot_level, main.parent_code, main.not_allocatable) == (
        4,
        0,
        "A01L",
        False,
    )
    sub = scheme["A01L1/02"]
    assert (sub.level, sub.dot_level, sub.parent_code) == (5, 1, "A01L1/00")
    assert (sub.section, sub.cpc_class, sub.subclass, sub.main_group, sub.subgroup) == (
        "A", "01", "L", "1", "02",
    )  # fmt: skip
    assert sub.date_revised == date(2013, 1, 1)
    assert all(r.title for r in scheme.values())


def test_scheme_titles_mark_references_and_cpc_only_text() -> None:
    scheme = _scheme()
    assert scheme["A01L"].title is not None
    assert scheme["A01L"].title.startswith(
        "SHOEING OF ANIMALS {(making metal horseshoes by rolling B21H7/12;"
    )
    assert scheme["A01L"].title.endswith("casting of metals B22D)}")
    assert scheme["A01L"].title_cpc_only is False
    assert scheme["A01L11/00"].title == (
        "Farriers' tools and appliances "
        "(making horseshoes by rolling B21H7/12, by forging B21K15/02)"
    )


DEEP_SCHEME = b"""<?xml version="1.0" encoding="UTF-8"?>
<class-scheme publication-date="2022-08-01" scheme-type="cpc">
<classification-item level="5" sort-key="Y02E">
<classification-symbol>Y02E</classification-symbol>
<class-title><title-part>
<text scheme="cpc">REDUCTION OF GREENHOUSE GAS EMISSIONS</text>
</title-part></class-title>
<classification-item level="6" sort-key="Y02E10/00">
<classification-symbol>Y02E10/00</classification-symbol>
<classification-item level="7" sort-key="Y02E10/00">
<classification-symbol>Y02E10/00</classification-symbol>
<class-title><title-part>
<text scheme="cpc">Energy generation through renewable energy sources</text>
</title-part></class-title>
<classification-item level="8" sort-key="Y02E10/10">
<classification-symbol>Y02E10/10</classification-symbol>
<class-title><title-part><text scheme="cpc">Geothermal energy</text></title-part></class-title>
<classification-item level="9" sort-key="Y02E10/12">
<classification-symbol>Y02E10/12</classification-symbol>
<class-title><title-part>
<CPC-specific-text><text scheme="cpc">Deep one</text></CPC-specific-text>
</title-part></class-title>
<classification-item level="10" sort-key="Y02E10/125">
<classification-symbol>Y02E10/125</classification-symbol>
<class-title><title-part><text scheme="cpc">Deeper</text></title-part></class-title>
</classification-item></classification-item></classification-item></classification-item>
</classification-item></classification-item></class-scheme>
"""


def test_scheme_deep_subgroups_follow_nesting() -> None:
    records = {r.cpc_code: r for r in parse_cpc_scheme(DEEP_SCHEME)}
    assert list(records) == ["Y02E", "Y02E10/00", "Y02E10/10", "Y02E10/12", "Y02E10/125"]
    assert [(r.dot_level, r.parent_code) for r in records.values()] == [
        (None, "Y02"),
        (0, "Y02E"),
        (1, "Y02E10/00"),
        (2, "Y02E10/10"),
        (3, "Y02E10/12"),
    ]
    assert records["Y02E10/12"].title == "{Deep one}"
    assert records["Y02E10/12"].title_cpc_only is True


def _title_list() -> list[CpcClassificationRecord | LineParseError]:
    with (FIXTURES / "cpc-section-D_20220801.txt").open("rb") as handle:
        return list(iter_cpc_title_list(handle, scheme_version="2022-08-01"))


def test_title_list_crlf_tabs_and_levels() -> None:
    rows = _title_list()
    records = [r for r in rows if isinstance(r, CpcClassificationRecord)]
    assert len(rows) == len(records) == 5691
    assert Counter(r.level for r in records) == {1: 1, 2: 10, 3: 41, 4: 398, 5: 5241}
    assert max(r.dot_level or 0 for r in records) == 7
    assert not any("\r" in (r.title or "") or "\t" in (r.title or "") for r in records)
    by_code = {r.cpc_code: r for r in records}
    assert (by_code["D"].title, by_code["D"].parent_code) == ("TEXTILES; PAPER", None)
    assert by_code["D01"].parent_code == "D"
    assert by_code["D01B"].parent_code == "D01"
    assert (by_code["D01B1/00"].dot_level, by_code["D01B1/00"].parent_code) == (0, "D01B")
    assert by_code["D01B1/06"].parent_code == "D01B1/04"  # nearest preceding level - 1
    assert by_code["D01B1/10"].parent_code == "D01B1/00"  # level 1 again
    assert by_code["D01B1/12"].parent_code == "D01B1/10"
    deep = by_code["D01F9/225"]
    assert (deep.dot_level, deep.parent_code, deep.title_cpc_only) == (7, "D01F9/22", True)
    assert deep.title == "{from stabilised polyacrylonitriles}"
    assert by_code["D01F9/24"].parent_code == "D01F9/20"
    assert {r.scheme_version for r in records} == {"2022-08-01"}


def test_title_list_bad_lines_are_reported_and_skipped() -> None:
    data = (
        b"D\t\tTEXTILES; PAPER\r\nnot a valid line\r\nD01B1/02\tx\tBad level\r\nD01\t\tTHREADS\r\n"
    )
    rows = list(iter_cpc_title_list(io.BytesIO(data)))
    assert [type(r).__name__ for r in rows] == [
        "CpcClassificationRecord",
        "LineParseError",
        "LineParseError",
        "CpcClassificationRecord",
    ]
    assert isinstance(rows[1], LineParseError) and rows[1].line_number == 2


def test_symbol_helpers() -> None:
    assert split_cpc_symbol("A61B2560/0209") == ("A", "61", "B", "2560", "0209")
    assert split_cpc_symbol("A01L") == ("A", "01", "L", None, None)
    assert [cpc_level(s) for s in ("H", "H04", "H04L", "H04L67/00", "H04L67/125")] == [
        1,
        2,
        3,
        4,
        5,
    ]


def test_bulk_zips_of_scheme_and_title_list(tmp_path: Path) -> None:
    schemes = tmp_path / "CPCSchemeXML202208.zip"
    with zipfile.ZipFile(schemes, "w") as zf:
        zf.writestr("cpc-scheme-A01L.xml", (FIXTURES / "cpc-scheme-A01L.xml").read_bytes())
        zf.writestr("cpc-scheme-Y02E.xml", DEEP_SCHEME)
    codes = [r.cpc_code for r in iter_cpc_scheme_file(schemes)]
    assert len(codes) == 19 + 5 and codes[0] == "A01L" and codes[-1] == "Y02E10/125"

    titles = tmp_path / "CPCTitleList202208.zip"
    with zipfile.ZipFile(titles, "w") as zf:
        zf.writestr(
            "cpc-section-D_20220801.txt", (FIXTURES / "cpc-section-D_20220801.txt").read_bytes()
        )
    rows = list(iter_cpc_title_list_file(titles))
    assert len(rows) == 5691
    assert {r.scheme_version for r in rows if isinstance(r, CpcClassificationRecord)} == {
        "2022-08-01"
    }
