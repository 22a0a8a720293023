"""Daily assignment XML parser against the real file ad20160101 (ingestion.md §2.1, §4.4)."""

from __future__ import annotations

import gc
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tracemalloc
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from domain.ingestion.assignments_xml import classify_document_id, iter_assignments
from domain.ingestion.records import AssignmentRecord, ParseError, preferred_record
from domain.ingestion.sources import iter_source_streams, open_assignment_source

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "assignments"
SAMPLE_XML = FIXTURES / "ad20160101.xml"
SAMPLE_ZIP = FIXTURES / "ad20160101.zip"
RECORD = re.compile(r"    <patent-assignment>\n.*?    </patent-assignment>\n", re.S)


def _records(items: list[AssignmentRecord | ParseError]) -> list[AssignmentRecord]:
    return [r for r in items if isinstance(r, AssignmentRecord)]


@pytest.fixture(scope="module")
def sample() -> list[AssignmentRecord | ParseError]:
    return list(iter_assignments(SAMPLE_XML))


@pytest.fixture(scope="module")
def by_rf_id(sample: list[AssignmentRecord | ParseError]) -> dict[str, AssignmentRecord]:
    return {r.rf_id: r for r in _records(sample)}


def _split_sample() -> tuple[str, list[str], str]:
    """Header, the 199 record texts and the footer of the real file."""
    text = SAMPLE_XML.read_text(encoding="utf-8")
    matches = list(RECORD.finditer(text))
    return text[: matches[0].start()], [m.group(0) for m in matches], text[matches[-1].end() :]


# --------------------------------------------------------------------------- counts


def test_sample_totals(sample: list[AssignmentRecord | ParseError]) -> None:
    records = _records(sample)
    assert len(sample) == len(records) == 199
    assert sum(len(r.properties) for r in records) == 578
    assert sum(len(r.assignors) for r in records) == 421
    assert sum(len(r.assignees) for r in records) == 207
    ids = [d for r in records for p in r.properties for d in p.document_ids]
    assert len(ids) == 1388
    assert Counter(d.kind for d in ids) == {"X0": 578, "A1": 411, "B2": 232, "B1": 167}
    assert len({r.rf_id for r in records}) == 199
    assert {r.transaction_date for r in records} == {date(2016, 1, 1)}
    assert {r.source for r in records} == {"daily_xml"}


def test_every_property_is_one_document_ids_row(
    sample: list[AssignmentRecord | ParseError],
) -> None:
    properties = [p for r in _records(sample) for p in r.properties]
    # X0 (application number + filing date) is present on every property of this file.
    assert all(p.appno_doc_num and len(p.appno_doc_num) == 8 for p in properties)
    assert all(p.appno_date is not None for p in properties)
    assert sum(p.pgpub_doc_num is not None for p in properties) == 411
    assert sum(p.grant_doc_num is not None for p in properties) == 399
    assert all(len(p.pgpub_doc_num) == 11 for p in properties if p.pgpub_doc_num)


def test_seven_conveyance_kinds(sample: list[AssignmentRecord | ParseError]) -> None:
    kinds = Counter((r.convey_text or "").split(" (")[0] for r in _records(sample))
    assert kinds == {
        "ASSIGNMENT OF ASSIGNORS INTEREST": 140,
        "MERGER": 35,
        "SECURITY INTEREST": 13,
        "RELEASE BY SECURED PARTY": 7,
        "NUNC PRO TUNC ASSIGNMENT": 2,
        "CHANGE OF NAME": 1,
        "LICENSE": 1,
    }


# --------------------------------------------------------------------------- hand-checked records


def test_first_record_x0_a1_b2(by_rf_id: dict[str, AssignmentRecord]) -> None:
    r = by_rf_id["037388-0092"]
    assert (r.reel_no, r.frame_no) == ("37388", "92")
    assert r.last_update_dt == date(2016, 1, 1)
    assert r.purge_indicator == "N"
    assert r.status == "active"
    assert r.record_dt == date(2015, 12, 30)
    assert r.page_count == 3
    assert r.convey_text == "ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS)."
    assert r.cname == "CHRISTIE, PARKER & HALE, LLP"  # &amp; decoded
    assert (r.caddress_1, r.caddress_2, r.caddress_3) == (
        "PO BOX 29001",
        "GLENDALE, CA 91209",
        None,
    )
    assert r.correspondent == {
        "name": "CHRISTIE, PARKER & HALE, LLP",
        "address": ["PO BOX 29001", "GLENDALE, CA 91209"],
    }
    assert [(a.seq, a.or_name, a.exec_dt) for a in r.assignors] == [
        (1, "WEINSTEIN, DAMON", date(2006, 3, 30)),
        (2, "SEGALL, TIMOTHY R.", date(2006, 3, 29)),
        (3, "LAIOSA, VINCENT E.", date(2006, 3, 29)),
    ]
    assert r.exec_dt == date(2006, 3, 29)  # earliest assignor date
    (ee,) = r.assignees
    assert (ee.ee_name, ee.ee_address_1, ee.ee_city, ee.ee_state, ee.ee_postcode) == (
        "SOUNDBITE COMMUNICATIONS, INC.",
        "2 BURLINGTON WOODS DRIVE",
        "BURLINGTON",
        "MASSACHUSETTS",
        "01803",  # postcode stays text: leading zero kept
    )
    assert ee.ee_country is None
    (p,) = r.properties
    assert (p.appno_doc_num, p.appno_date) == ("14678893", date(2015, 4, 3))
    assert (p.pgpub_doc_num, p.pgpub_date) == ("20150215460", date(2015, 7, 30))
    assert (p.grant_doc_num, p.grant_date) == ("9219817", date(2015, 12, 22))
    assert [d.kind for d in p.document_ids] == ["X0", "A1", "B2"]
    assert [d.id_type for d in p.document_ids] == ["application", "publication", "grant"]
    assert p.document_ids[0].date_raw == "20150403"
    assert p.title == "Method and System for Managing Interactive Communications Campaigns"
    assert p.title_lang == "en"
    assert p.inventors == ()


def test_foreign_assignee_address(by_rf_id: dict[str, AssignmentRecord]) -> None:
    r = by_rf_id["037388-0106"]
    assert r.page_count == 5
    assert r.cname == "JAMES E. ARMSTRONG, IV"
    assert len(r.assignors) == 7
    assert r.exec_dt == date(2015, 3, 18)
    (ee,) = r.assignees
    assert ee.ee_name == "NATIONAL UNIVERSITY CORPORATION NAGOYA UNIVERSITY"
    assert ee.ee_address_1 == "1, FURO-CHO, CHIKUSA-KU, AICHI"
    assert (ee.ee_city, ee.ee_state, ee.ee_postcode, ee.ee_country) == (
        "NAGOYA-SHI",
        None,
        "4648601",
        "JAPAN",
    )
    (p,) = r.properties
    assert (p.appno_doc_num, p.pgpub_doc_num, p.grant_doc_num) == (
        "14434207",
        "20150260729",
        None,
    )


def test_design_grant_arrives_as_b1(by_rf_id: dict[str, AssignmentRecord]) -> None:
    r = by_rf_id["037388-0584"]
    assert r.record_dt == date(2015, 12, 31)
    assert r.cname == "KING & SPALDING"
    assert [(a.or_name, a.exec_dt) for a in r.assignors] == [("CLEMENTS, RUSS", date(2013, 8, 8))]
    assert r.assignees[0].ee_address_1 == "600 TRAVIS STREET, SUITE 5600"
    (p,) = r.properties
    assert (p.appno_doc_num, p.appno_date) == ("29452823", date(2013, 4, 22))
    assert (p.grant_doc_num, p.grant_date) == ("D701988", date(2014, 4, 1))
    assert [d.kind for d in p.document_ids] == ["X0", "B1"]  # design as B1 (§3 quirk 8)
    assert p.pgpub_doc_num is None
    assert p.title == "Multi-Panel Edgelit Luminaire"


def test_reissue_grant_arrives_as_b1(by_rf_id: dict[str, AssignmentRecord]) -> None:
    r = by_rf_id["037389-0970"]
    assert r.convey_text == "ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS)."
    assert [a.or_name for a in r.assignors] == ["GROENKE, ALLEN W.", "BREWER, JAMES E."]
    assert r.exec_dt == date(1998, 10, 27)
    assert r.assignees[0].ee_name == "SURVIVALINK CORPORATION"
    assert r.assignees[0].ee_city == "MINNETONKA"
    (p,) = r.properties
    assert (p.appno_doc_num, p.appno_date) == ("10255988", date(2002, 9, 25))
    assert (p.grant_doc_num, p.grant_date) == ("RE40471", date(2008, 8, 26))
    assert p.document_ids[1].kind == "B1"
    assert p.title == "AED WITH FORCE SENSOR"


def test_license_and_merger_records(by_rf_id: dict[str, AssignmentRecord]) -> None:
    lic = by_rf_id["037389-0228"]
    assert lic.convey_text == "LICENSE (SEE DOCUMENT FOR DETAILS)."
    assert lic.page_count == 10
    assert (lic.caddress_1, lic.caddress_2, lic.caddress_3) == (
        "80 SOUTH 8TH STREET",
        "4800 IDS CENTER",
        "MINNEAPOLIS, MN 55402",
    )
    assert [(a.or_name, a.exec_dt) for a in lic.assignors] == [
        ("WORDEN, MICHAEL D.", date(2003, 4, 29))
    ]
    assert lic.assignees[0].ee_address_1 == "5474 FELTL ROAD"
    merger = by_rf_id["037392-0187"]
    assert merger.convey_text == "MERGER (SEE DOCUMENT FOR DETAILS)."
    assert len(merger.properties) == 36
    assert merger.properties[34].grant_doc_num == "RE44472"
    assert [p.seq for p in merger.properties] == list(range(1, 37))


def test_non_ascii_names(sample: list[AssignmentRecord | ParseError]) -> None:
    names = {a.or_name for r in _records(sample) for a in r.assignors}
    assert {"JÜNEMANN, RALF", "VENNSTRÖM, ANDERS", "HÖGSTEDT, CHRISTIAN"} <= names


def test_classify_document_id_fallbacks() -> None:
    assert classify_document_id("14678893", None) == "application"
    assert classify_document_id("20150215460", None) == "publication"
    assert classify_document_id("D701988", None) == "grant"
    assert classify_document_id("RE40471", "E") == "grant"
    assert classify_document_id("20150012345", "P1") == "publication"  # plant publication
    assert classify_document_id("PP34567", "P3") == "grant"
    assert classify_document_id("PCT/US2013/064552", None) == "pct"
    assert classify_document_id("???", None) == "unknown"


# --------------------------------------------------------------------------- sources


def test_zip_parses_identically(sample: list[AssignmentRecord | ParseError]) -> None:
    members = [
        (m.name, list(iter_assignments(m.stream))) for m in open_assignment_source(SAMPLE_ZIP)
    ]
    assert [name for name, _ in members] == ["ad20160101.xml"]
    assert members[0][1] == sample  # frozen dataclasses compare field by field


def test_plain_file_and_folder_sources(tmp_path: Path, sample: list) -> None:
    (direct,) = [list(iter_assignments(m.stream)) for m in open_assignment_source(SAMPLE_XML)]
    assert direct == sample
    folder = tmp_path / "drop"
    (folder / "nested").mkdir(parents=True)
    shutil.copy(SAMPLE_ZIP, folder / "ad20160101.zip")
    shutil.copy(SAMPLE_XML, folder / "nested" / "ad20160101.xml")
    (folder / "notes.txt").write_text("not xml")
    found = [
        (m.name, len(list(iter_assignments(m.stream)))) for m in open_assignment_source(folder)
    ]
    assert found == [("ad20160101.xml", 199), (str(folder / "nested" / "ad20160101.xml"), 199)]


def test_tar_with_nested_zip_source(tmp_path: Path) -> None:
    # Red Book layout (§2.2): TAR -> per-document ZIP -> XML; folder names are ignored.
    tar_path = tmp_path / "I20160101.tar"
    with tarfile.open(tar_path, "w") as tar:
        tar.add(SAMPLE_ZIP, arcname="UTIL0001/ad20160101.zip")
        data = b"<r/>"
        info = tarfile.TarInfo("DESIGN/readme.XML")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    names = [(m.name, m.stream.read(5)) for m in iter_source_streams(tar_path)]
    assert names == [("ad20160101.xml", b"<?xml"), ("DESIGN/readme.XML", b"<r/>")]


# --------------------------------------------------------------------------- malformed input


def _write(path: Path, head: str, records: list[str], tail: str) -> Path:
    path.write_text(head + "".join(records) + tail, encoding="utf-8")
    return path


def test_one_malformed_record_in_the_middle(tmp_path: Path) -> None:
    head, records, tail = _split_sample()
    assert len(records) == 199
    bad = records[99]
    records[99] = re.sub(r"<patent-assignees>.*</patent-assignees>\n", "", bad, flags=re.S)
    path = _write(tmp_path / "ad_bad.xml", head, records, tail)
    items = list(iter_assignments(path))
    errors = [i for i in items if isinstance(i, ParseError)]
    assert len(items) == 199
    assert len(errors) == 1
    (err,) = errors
    assert err.ordinal == 100
    expected_line = (head + "".join(records[:99])).count("\n") + 1
    assert err.line == expected_line
    reel = re.search(r"<reel-no>(\d+)</reel-no>", bad)
    frame = re.search(r"<frame-no>(\d+)</frame-no>", bad)
    assert reel and frame
    assert (err.reel_no, err.frame_no) == (reel.group(1), frame.group(1))
    assert err.record_identifier == f"{reel.group(1)}-{frame.group(1)}"
    assert err.reason == "no assignee"
    assert err.error_type == "invalid_record"
    assert err.raw is not None and err.raw.startswith("<patent-assignment>")
    good = _records(items)
    assert len(good) == 198
    assert items.index(err) == 99  # order preserved, the next records still follow


def test_bad_frame_number_is_reported_with_raw_value(tmp_path: Path) -> None:
    head, records, tail = _split_sample()
    records[10] = re.sub(r"<frame-no>\d+</frame-no>", "<frame-no>12X</frame-no>", records[10])
    records[20] = records[20].replace("<page-count>", "<page-count>x")
    items = list(iter_assignments(_write(tmp_path / "ad.xml", head, records, tail)))
    errors = [i for i in items if isinstance(i, ParseError)]
    assert [(e.ordinal, e.frame_no) for e in errors] == [(11, "12X"), (21, errors[1].frame_no)]
    assert "frame-no is not an integer" in errors[0].reason
    assert errors[0].reel_no is not None
    assert "page-count" in errors[1].reason
    assert len(_records(items)) == 197


def test_truncated_file_keeps_parsed_records(tmp_path: Path) -> None:
    data = SAMPLE_XML.read_bytes()
    cut = data.index(b"<patent-assignment>", len(data) // 2) + 200
    path = tmp_path / "ad_truncated.xml"
    path.write_bytes(data[:cut])
    items = list(iter_assignments(path))
    assert isinstance(items[-1], ParseError)
    assert items[-1].error_type == "xml_syntax"
    assert items[-1].line is not None
    assert all(isinstance(i, AssignmentRecord) for i in items[:-1])
    assert items[-1].ordinal == len(items)  # the record being read when the file broke


def test_empty_day_file(tmp_path: Path) -> None:
    # §3 quirk 14: an empty day carries data-available-code instead of records.
    path = tmp_path / "ad20240106.xml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<us-patent-assignments dtd-version="1.0">'
        "<action-key-code>DA</action-key-code><transaction-date><date>20240106</date>"
        "</transaction-date><patent-assignments><data-available-code>N</data-available-code>"
        "</patent-assignments></us-patent-assignments>"
    )
    assert list(iter_assignments(path)) == []


def test_utf8_bom_is_accepted(tmp_path: Path, sample: list) -> None:
    # §3 quirk 16: files may start with a UTF-8 byte-order mark.
    path = tmp_path / "ad_bom.xml"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE_XML.read_bytes())
    assert list(iter_assignments(path)) == sample


def test_purged_record_is_void(tmp_path: Path) -> None:
    head, records, tail = _split_sample()
    one = records[0].replace("<purge-indicator>N<", "<purge-indicator>Y<")
    (rec,) = iter_assignments(_write(tmp_path / "ad.xml", head, [one], tail))
    assert isinstance(rec, AssignmentRecord)
    assert rec.status == "void"


def test_newer_last_update_wins(by_rf_id: dict[str, AssignmentRecord]) -> None:
    from dataclasses import replace

    current = by_rf_id["037388-0092"]
    older = replace(current, last_update_dt=date(2015, 1, 1), convey_text="OLD")
    assert preferred_record(current, older) is current
    assert preferred_record(older, current) is current
    api_same_day = replace(current, source="search_api")
    assert preferred_record(current, api_same_day) is current  # daily wins ties (§2.8)
    assert preferred_record(api_same_day, current) is current
    with pytest.raises(ValueError, match="different records"):
        preferred_record(current, by_rf_id["037388-0106"])


# --------------------------------------------------------------------------- memory


def _generated(path: Path, copies: int) -> Path:
    head, records, tail = _split_sample()
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        for k in range(copies):
            for rec in records:
                out.write(
                    re.sub(
                        r"<reel-no>(\d+)</reel-no>",
                        lambda m, k=k: f"<reel-no>{int(m.group(1)) + k * 100000}</reel-no>",
                        rec,
                    )
                )
        out.write(tail)
    return path


def _peak_while_parsing(path: Path) -> tuple[int, int]:
    # CPython keeps freed tuples/dicts on freelists (up to 2,000 per tuple size), which
    # tracemalloc counts as allocated; a full collection empties them, so the peak measures
    # what the parser itself holds rather than interpreter caches.
    gc.collect()
    tracemalloc.start()
    count = 0
    try:
        for _ in iter_assignments(path):
            count += 1
            if count % 50 == 0:
                gc.collect()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return count, peak


def test_memory_stays_flat_for_a_ten_times_larger_file(tmp_path: Path) -> None:
    small = _generated(tmp_path / "small.xml", 1)
    large = _generated(tmp_path / "large.xml", 10)
    assert large.stat().st_size > 9 * small.stat().st_size
    small_count, small_peak = _peak_while_parsing(small)
    large_count, large_peak = _peak_while_parsing(large)
    assert (small_count, large_count) == (199, 1990)
    assert large_peak < 3 * small_peak, (small_peak, large_peak)


_RSS_PROBE = """
import resource, sys
from domain.ingestion.assignments_xml import iter_assignments
count = sum(1 for _ in iter_assignments(sys.argv[1]))
print(count, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
"""


def _peak_rss(path: Path) -> tuple[int, int]:
    root = Path(__file__).resolve().parents[3]
    out = subprocess.run(
        [sys.executable, "-c", _RSS_PROBE, str(path)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return int(out[0]), int(out[1])


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in KiB on Linux only")
def test_libxml2_tree_memory_stays_flat(tmp_path: Path) -> None:
    # tracemalloc cannot see libxml2's C heap, where an un-cleared tree would grow; the
    # process peak RSS can. Without release() the 10x file costs ~9x its size in RSS.
    small = _generated(tmp_path / "small.xml", 1)
    large = _generated(tmp_path / "large.xml", 10)
    small_count, small_rss = _peak_rss(small)
    large_count, large_rss = _peak_rss(large)
    assert (small_count, large_count) == (199, 1990)
    extra_input = large.stat().st_size - small.stat().st_size
    assert large_rss - small_rss < extra_input, (small_rss, large_rss, extra_input)
