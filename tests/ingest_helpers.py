"""Helpers for the assignment ingestion tests: sample variants, table checksums, a fake
USPTO server on loopback (real HTTP), and worker-role sessions."""

from __future__ import annotations

import io
import re
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

ROOT = Path(__file__).resolve().parent
SAMPLE_XML = ROOT / "fixtures" / "assignments" / "ad20160101.xml"
SAMPLE_ZIP = ROOT / "fixtures" / "assignments" / "ad20160101.zip"
_RECORD = re.compile(r"    <patent-assignment>\n.*?    </patent-assignment>\n", re.S)

SHARED_TABLES = ("assignments", "document_ids", "assignors", "assignees", "entities")

# Everything stored, surrogate keys and timestamps included: a true no-op leaves it equal.
_FULL = {
    t: f"SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM {t} x"
    for t in SHARED_TABLES
}

# The content independent of how it was loaded (ids, job ids, timestamps left out), for
# comparing two databases loaded differently (kill-and-resume vs one clean run).
_NATURAL = {
    "assignments": """SELECT rf_id, reel_no, frame_no, convey_text, record_dt, exec_dt, cname,
        correspondent, page_count, status, purge_indicator, last_update_dt, transaction_date,
        source, content_hash FROM assignments""",
    "document_ids": """SELECT a.rf_id, d.seq, d.appno_doc_num, d.appno_date, d.pgpub_doc_num,
        d.pgpub_date, d.grant_doc_num, d.grant_date, d.pct_doc_num, d.title, d.title_lang,
        d.raw_ids FROM document_ids d JOIN assignments a ON a.id = d.assignment_id""",
    "assignors": """SELECT a.rf_id, o.seq, o.or_name, o.exec_dt, o.ack_dt, e.name
        FROM assignors o JOIN assignments a ON a.id = o.assignment_id
        JOIN entities e ON e.id = o.entity_id""",
    "assignees": """SELECT a.rf_id, r.seq, r.ee_name, r.ee_address_1, r.ee_address_2,
        r.ee_city, r.ee_state, r.ee_postcode, r.ee_country, e.name
        FROM assignees r JOIN assignments a ON a.id = r.assignment_id
        JOIN entities e ON e.id = r.entity_id""",
    "entities": "SELECT name, instances, representative_id FROM entities",
}


async def table_counts(engine: AsyncEngine) -> dict[str, int]:
    async with engine.connect() as conn:
        return {
            t: (await conn.execute(text(f"SELECT count(*) FROM {t}"))).scalar_one()
            for t in SHARED_TABLES
        }


async def full_checksum(engine: AsyncEngine) -> dict[str, str]:
    async with engine.connect() as conn:
        return {t: (await conn.execute(text(q))).scalar_one() for t, q in _FULL.items()}


async def natural_checksum(engine: AsyncEngine) -> dict[str, tuple[int, str]]:
    out: dict[str, tuple[int, str]] = {}
    async with engine.connect() as conn:
        for table, query in _NATURAL.items():
            row = (
                await conn.execute(
                    text(
                        f"SELECT count(*), md5(coalesce(string_agg(x::text, '|'"
                        f" ORDER BY x::text), '')) FROM ({query}) x"
                    )
                )
            ).one()
            out[table] = (row[0], row[1])
    return out


async def truncate_ingestion(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "TRUNCATE assignments, document_ids, assignors, assignees, entities,"
                " ingestion_errors, ingestion_jobs, data_sources CASCADE"
            )
        )


# --------------------------------------------------------------------------- sample files


def split_sample() -> tuple[str, list[str], str]:
    """Header, the 199 record texts and the footer of the real file."""
    data = SAMPLE_XML.read_text(encoding="utf-8")
    matches = list(_RECORD.finditer(data))
    return data[: matches[0].start()], [m.group(0) for m in matches], data[matches[-1].end() :]


def build_xml(records: list[str], *, day: str = "20160101") -> bytes:
    head, _, tail = split_sample()
    head = head.replace("<date>20160101</date>", f"<date>{day}</date>", 1)
    return (head + "".join(records) + tail).encode("utf-8")


def build_zip(xml: bytes, member: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, xml)
    return buffer.getvalue()


def write_xml(path: Path, records: list[str], *, day: str = "20160101") -> Path:
    path.write_bytes(build_xml(records, day=day))
    return path


def record_by_reel_frame(records: list[str], reel: int, frame: int) -> int:
    for i, rec in enumerate(records):
        if f"<reel-no>{reel}</reel-no>" in rec and f"<frame-no>{frame}</frame-no>" in rec:
            return i
    raise LookupError(f"{reel}/{frame}")


def empty_day_xml(day: str) -> bytes:
    # §3 quirk 14: weekends and holidays publish a file with no records.
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<us-patent-assignments dtd-version="1.0">'
        f"<action-key-code>DA</action-key-code><transaction-date><date>{day}</date>"
        "</transaction-date><patent-assignments><data-available-code>N</data-available-code>"
        "</patent-assignments></us-patent-assignments>"
    ).encode()


# --------------------------------------------------------------------------- fake USPTO


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


class FakeUspto:
    """A real HTTP server on 127.0.0.1:<free port>; each path replays a script of replies
    (the last one repeats), like the fixture server of ingestion.md §4.3."""

    def __init__(self) -> None:
        self.scripts: dict[str, list[Reply]] = {}
        self.requests: list[Seen] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                fake.requests.append(
                    Seen(self.path, {k.lower(): v for k, v in self.headers.items()})
                )
                script = fake.scripts.get(self.path) or [Reply(404, b"not found")]
                reply = script.pop(0) if len(script) > 1 else script[0]
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            def log_message(self, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}/files/PASDL/"

    def serve(self, name: str, *replies: Reply) -> None:
        self.scripts[f"/files/PASDL/{name}"] = list(replies)

    def hits(self, name: str) -> list[Seen]:
        return [r for r in self.requests if r.path == f"/files/PASDL/{name}"]

    def __enter__(self) -> FakeUspto:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def fake_uspto() -> Iterator[FakeUspto]:
    with FakeUspto() as server:
        yield server
