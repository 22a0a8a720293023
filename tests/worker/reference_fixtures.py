"""Fixtures and synthetic inputs for the reference-data job tests.

SYNTHETIC DATA: no real `MaintFeeEvents_*.txt` is available offline (ingestion.md §4.4).
The fee lines below are built strictly to the 0-based column table of ingestion.md §2.6
(both layouts, CRLF, codes with trailing periods); re-check on a connected machine (§5).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from db.engine import make_engine, make_sessionmaker
from domain.ingestion.uspto_xml import split_documents
from patentrack.settings import Settings
from worker import jobs

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
async def sessions(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(settings.worker_db_url(), pool_size=3)
    yield make_sessionmaker(engine)
    await engine.dispose()


@pytest.fixture
async def queue(redis: Redis, settings: Settings) -> AsyncIterator[jobs.JobQueue]:
    assert settings.redis_url
    arq_redis = await jobs.connect_redis(settings.redis_url)
    yield jobs.JobQueue(arq_redis)
    await arq_redis.aclose()


async def rows(engine: AsyncEngine, sql: str) -> list[tuple[object, ...]]:
    async with engine.connect() as conn:
        return [tuple(r) for r in await conn.execute(text(sql))]


def weekly_file_with_one_bad_document(target: Path) -> Path:
    """Two real v4.5 grants with a document truncated inside its biblio block between."""
    good_a, good_b = split_documents(
        io.BytesIO((FIXTURES / "grants/ipg211019_two_v45.xml").read_bytes())
    )
    broken = good_a[: good_a.index(b"<us-parties>")] + b"<us-parties><inventors>\n"
    target.write_bytes(good_a + broken + good_b)
    return target


def _place(width: int, fields: list[tuple[int, str]]) -> str:
    buf = [" "] * width
    for start, value in fields:
        buf[start : start + len(value)] = list(value)
    return "".join(buf)


def current_line(
    patent: str, app: str, entity: str, filing: str, grant: str, event: str, code: str
) -> str:
    """§2.6 current layout: patent [0:13], app [14:22], entity [23], filing [25:33],
    grant [34:42], event date [43:51], code [52:57]; 57 characters + CRLF = 59."""
    line = _place(57, [(0, patent.rjust(13, "0")), (14, app), (23, entity), (25, filing),
                       (34, grant), (43, event), (52, code)])  # fmt: skip
    assert len(line) == 57
    return line + "\r\n"


def older_line(
    patent: str, app: str, entity: str, filing: str, grant: str, event: str, code: str
) -> str:
    """§2.6 older layout: patent [0:7], app [8:16], entity [17], filing [19:27],
    grant [28:36], event date [37:45], code [46:…]."""
    fields = [
        (0, patent),
        (8, app),
        (17, entity),
        (19, filing),
        (28, grant),
        (37, event),
        (46, code),
    ]
    return _place(46 + len(code), fields) + "\r\n"


# as_of 2020-01-01: one grant per derived status (dates worked out in the comments).
CURRENT_LINES = [
    # paid: granted 2016-01-05, 3.5-year fee (due 2019-07-05) paid 2019-06-01.
    current_line("9230001", "14000001", "N", "20140101", "20160105", "20190601", "M1551"),
    # due: granted 2016-09-01, window open 2019-09-01, due 2020-03-01; only an entity change.
    current_line("9430002", "14000002", "Y", "20140201", "20160901", "20170301", "STOL"),
    # surcharge: granted 2016-03-01, due 2019-09-01, grace ends 2020-03-01; a reminder.
    current_line("9270003", "14000003", "N", "20140301", "20160301", "20191001", "REM."),
    # expired: granted 2010-01-05, 3.5-year paid, 7.5-year missed, EXP. after grace end.
    current_line("7640004", "12000004", "N", "20080101", "20100105", "20130601", "M1551"),
    current_line("7640004", "12000004", "N", "20080101", "20100105", "20180212", "EXP."),
    # a design patent: never owes fees.
    current_line("D0600005", "29000005", "Y", "20080101", "20100105", "20100301", "SMAL"),
]
OLDER_LINES = [
    # paid through all three windows (granted 1983-08-23).
    older_line("4400001", "06300001", "N", "19810105", "19830823", "19870210", "M170"),
    older_line("4400001", "06300001", "N", "19810105", "19830823", "19910215", "M171"),
    older_line("4400001", "06300001", "N", "19810105", "19830823", "19950220", "M172"),
    # 4th-year paid, 8th-year missed, expired.
    older_line("4400002", "06300002", "N", "19810105", "19830823", "19870210", "M170"),
    older_line("4400002", "06300002", "N", "19810105", "19830823", "19910924", "EXP."),
]
DESCRIPTIONS = [
    "M1551\tPayment of Maintenance Fee, 4th Year, Large Entity.\r\n",
    "REM.\tMaintenance Fee Reminder Mailed.\r\n",
    "EXP.\tPatent Expired for Failure to Pay Maintenance Fees.\r\n",
    "STOL\tPat Hldr no Longer Claims Small Ent Stat as Indiv Inventor.\r\n",
    "SMAL\tEntity status set to Small.\r\n",
]


def fee_zip(target: Path, lines: list[str], *, day: str = "20200106", extra: str = "") -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr(f"MaintFeeEvents_{day}.txt", "".join(lines) + extra)
        archive.writestr(f"MaintFeeEventsDesc_{day}.txt", "".join(DESCRIPTIONS))
    return target
