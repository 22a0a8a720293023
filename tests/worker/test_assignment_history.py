"""On-demand assignment history (D20) from a fake search API on loopback (real HTTP):
paging, retries, merge with the daily feed by rf_id (preferred_record), inventors kept
as bibliographic inventors, idempotent replays, the org's pipeline queued."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import AsyncIterator, Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from db.loaders.assignments import AssignmentLoader, raw_connection
from db.session import tenant_session
from db.tenant import TenantContext
from domain.ingestion.assignment_api import parse_assignment_api_response
from tests.db.reference_helpers import checksum
from tests.factories import create_asset, create_org
from tests.worker.reference_fixtures import FIXTURES, queue, rows, sessions
from worker import jobs
from worker.ingestion.assignment_api_client import AssignmentApiClient, AssignmentApiConfig
from worker.ingestion.assignment_history import load_history
from worker.task_names import pipeline_job_id

pytestmark = pytest.mark.usefixtures("clean_tables")
__all__ = ["queue", "sessions"]

API = FIXTURES / "assignment-api"


def _page(name: str, *, num_found: int, start: int) -> bytes:
    data = (API / name).read_bytes()
    return data.replace(
        b'numFound="1" start="0"', f'numFound="{num_found}" start="{start}"'.encode()
    )


class FakeSearchApi:
    def __init__(self) -> None:
        self.requests: list[dict[str, list[str]]] = []
        self.fail_next: list[int] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                query = parse_qs(parts.query)
                fake.requests.append(query)
                if fake.fail_next:
                    self._send(fake.fail_next.pop(0), b"")
                    return
                key, start = query["query"][0], int(query["start"][0])
                if key == "47086-788":
                    body = (API / "reelframe_47086-788.xml").read_bytes()
                elif key == "PAGED" and start == 0:
                    body = _page("reelframe_18247-405.xml", num_found=2, start=0)
                elif key == "PAGED":
                    body = _page("reelframe_47086-788.xml", num_found=2, start=1)
                else:
                    body = b'<response><result name="response" numFound="0" start="0"/></response>'
                self._send(200, body)

            def _send(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        host, port = self.server.server_address[:2]
        self.base_url = f"http://{host!s}:{port}/patent/"


@pytest.fixture
def api() -> Iterator[FakeSearchApi]:
    server = FakeSearchApi()
    yield server
    server.server.shutdown()
    server.server.server_close()


@pytest.fixture
async def client(api: FakeSearchApi) -> AsyncIterator[AssignmentApiClient]:
    async def no_sleep(_: float) -> None:
        return None

    config = AssignmentApiConfig(base_url=api.base_url, min_interval_s=0.0, retry_s=0.0)
    c = AssignmentApiClient(config, sleep=no_sleep)
    yield c
    await c.aclose()


async def test_history_loads_records_inventors_and_queues_the_org(
    sessions: async_sessionmaker[AsyncSession],
    client: AssignmentApiClient,
    api: FakeSearchApi,
    admin_engine: AsyncEngine,
    queue: jobs.JobQueue,
) -> None:
    async with admin_engine.begin() as conn:
        org = await create_org(conn)
        await create_asset(conn, org, appno="15710770")
    api.fail_next = [503]  # one transient failure, retried (§2.8: 3 tries)
    outcome = await load_history(
        sessions, client, filter_name="ReelFrame", query="47086-788", queue=queue
    )
    assert (outcome.status, outcome.processed, outcome.inserted) == ("success", 1, 1)
    assert len(api.requests) == 2
    assert api.requests[-1]["filter"] == ["ReelFrame"]
    assignment = await rows(
        admin_engine,
        "SELECT rf_id, source, (SELECT count(*) FROM assignors o WHERE o.assignment_id = a.id)"
        " FROM assignments a",
    )
    assert assignment == [("047086-0788", "search_api", 2)]
    inventors = await rows(
        admin_engine,
        "SELECT i.patent_type, i.patent_doc_num, i.sequence, i.name, i.first_name, i.last_name,"
        " p.appno_doc_num, p.layout_id FROM inventors i JOIN patents p ON p.id = i.patent_id"
        " WHERE i.source = 'search_api' ORDER BY i.sequence",
    )
    assert len(inventors) == 12
    assert inventors[0] == (
        "application", "20180191929", 1, "Mark Kraz", "Mark", "Kraz", "15710770", 14,
    )  # fmt: skip
    assert outcome.organizations == [org]
    assert await queue.status(pipeline_job_id(org)) == "queued"

    async with admin_engine.connect() as conn:
        before = [await checksum(conn, t) for t in ("assignments", "inventors", "patents")]
    again = await load_history(sessions, client, filter_name="ReelFrame", query="47086-788")
    assert (again.inserted, again.updated) == (0, 0)
    async with admin_engine.connect() as conn:
        after = [await checksum(conn, t) for t in ("assignments", "inventors", "patents")]
    assert after == before


async def test_pages_are_followed_until_num_found(
    sessions: async_sessionmaker[AsyncSession],
    client: AssignmentApiClient,
    api: FakeSearchApi,
    admin_engine: AsyncEngine,
) -> None:
    outcome = await load_history(sessions, client, filter_name="PatentNumber", query="PAGED")
    assert [r["start"] for r in api.requests] == [["0"], ["1"]]
    assert outcome.inserted == 2
    assert await rows(admin_engine, "SELECT rf_id FROM assignments ORDER BY 1") == [
        ("018247-0405",),
        ("047086-0788",),
    ]


async def test_daily_feed_record_wins_unless_the_api_record_is_newer(
    sessions: async_sessionmaker[AsyncSession],
    client: AssignmentApiClient,
    admin_engine: AsyncEngine,
) -> None:
    (api_record,) = parse_assignment_api_response(API / "reelframe_47086-788.xml").items
    assert not isinstance(api_record, Exception) and hasattr(api_record, "rf_id")
    daily = dataclasses.replace(api_record, source="daily_xml", convey_text="FROM THE FEED")  # type: ignore[type-var]
    async with tenant_session(sessions, TenantContext.anonymous()) as s:
        await AssignmentLoader(await raw_connection(s), ingestion_job_id=None).merge([daily])
    # Equal lastUpdateDate: the daily-file record wins (§2.8).
    outcome = await load_history(sessions, client, filter_name="ReelFrame", query="47086-788")
    assert (outcome.inserted, outcome.updated) == (0, 0)
    assert await rows(admin_engine, "SELECT source, convey_text FROM assignments") == [
        ("daily_xml", "FROM THE FEED")
    ]
    # An older daily record loses to the API's newer one.
    older = dataclasses.replace(daily, last_update_dt=date(2018, 1, 1))
    async with admin_engine.begin() as conn:
        await conn.exec_driver_sql("DELETE FROM assignments")
    async with tenant_session(sessions, TenantContext.anonymous()) as s:
        await AssignmentLoader(await raw_connection(s), ingestion_job_id=None).merge([older])
    outcome = await load_history(sessions, client, filter_name="ReelFrame", query="47086-788")
    assert outcome.updated == 1
    assert await rows(admin_engine, "SELECT source, last_update_dt FROM assignments") == [
        ("search_api", date(2018, 10, 12))
    ]


def test_config_from_the_environment() -> None:
    config = AssignmentApiConfig.from_env(
        {"PT_SRC_ASSIGNMENT_SEARCH_BASE_URL": "http://127.0.0.1:9/x/"}
    )
    assert (config.base_url, config.ca_bundle, config.min_interval_s) == (
        "http://127.0.0.1:9/x/", None, 1.0,
    )  # fmt: skip
