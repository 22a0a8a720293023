"""The EPO OPS client against a fake OPS server on loopback over real HTTP, with the real
Redis: token cache and mid-run expiry (BR-057), throttle colours, black/403 pauses shared
through Redis, 429 backoff (BR-058), and two OS processes sharing one throttle.

No timing assertions: the tests check the delays the client CHOSE (its stats and the
slots it reserved in Redis), never how long anything took."""

from __future__ import annotations

import asyncio
import itertools
import json
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from redis.asyncio import Redis

from domain.ingestion.epo_ops import parse_family_response
from tests.worker.fake_epo import KEY, SECRET, FakeEpo
from worker.ingestion.epo_client import (
    TOKEN_KEY,
    EpoAuthError,
    EpoConfig,
    EpoError,
    EpoOpsClient,
    EpoPaused,
    token_ttl,
)
from worker.ingestion.epo_throttle import SharedThrottle

HERE = Path(__file__).resolve().parent


@pytest.fixture
def fake() -> Iterator[FakeEpo]:
    server = FakeEpo().start()
    yield server
    server.stop()


def _config(fake: FakeEpo, **overrides: object) -> EpoConfig:
    values: dict[str, object] = {
        "base_url": fake.base_url,
        "key": KEY,
        "secret": SECRET,
        "default_rpm": 6000,
        **overrides,
    }
    return EpoConfig(**values)  # type: ignore[arg-type]


@pytest.fixture
async def make_client(redis: Redis, fake: FakeEpo) -> AsyncIterator[object]:
    clients: list[EpoOpsClient] = []

    def build(*, sleep: object = None, **overrides: object) -> EpoOpsClient:
        kwargs = {} if sleep is None else {"sleep": sleep}
        client = EpoOpsClient(_config(fake, **overrides), redis, **kwargs)  # type: ignore[arg-type]
        clients.append(client)
        return client

    yield build
    for client in clients:
        await client.aclose()


async def _no_sleep(_: float) -> None:
    await asyncio.sleep(0)


def test_token_ttl_is_expires_in_minus_60_seconds() -> None:
    assert token_ttl(1199) == 1139
    assert token_ttl(2) == 1  # the fixture server's short-lived token (§4.2)


async def test_family_is_fetched_and_the_token_cached_in_redis(
    make_client: object, fake: FakeEpo, redis: Redis
) -> None:
    client = make_client()  # type: ignore[operator]
    response = await client.family("EP", "1000000", "A1")
    assert response.status == 200 and response.body
    family = parse_family_response(response.body)
    assert (family.family_id, len(family.members)) == ("19768124", 6)
    assert (await client.family("US", "10465445", "B2")).status == 200
    assert (await client.family("US", "1", "B2")).status == 404
    assert fake.token_requests == 1
    ttl = await redis.ttl(TOKEN_KEY)
    assert 1100 < ttl <= 1139
    assert fake.family_requests[0] == "/3.2/rest-services/family/publication/docdb/EP.1000000.A1"


async def test_token_expiring_mid_run_is_refreshed_once_per_expiry(
    make_client: object, fake: FakeEpo, redis: Redis
) -> None:
    fake.script.token_uses = 2  # the server kills each token after two requests
    client = make_client()  # type: ignore[operator]
    statuses = [(await client.family("EP", "1000000", "A1")).status for _ in range(5)]
    assert statuses == [200] * 5
    assert fake.auth_failures == 2
    assert fake.token_requests == client.stats.token_refreshes == 3
    assert (await redis.get(TOKEN_KEY)) == b"token-3"


async def test_a_fresh_token_refused_again_is_an_auth_error(
    make_client: object, fake: FakeEpo
) -> None:
    fake.script.token_uses = 0
    client = make_client()  # type: ignore[operator]
    with pytest.raises(EpoAuthError, match="refused again"):
        await client.family("EP", "1000000", "A1")
    assert fake.token_requests == 2  # exactly one forced refresh (BR-057)


async def test_throttle_colours_slow_the_client_down(
    make_client: object, fake: FakeEpo, redis: Redis
) -> None:
    client = make_client()  # type: ignore[operator]
    for colour in ("green", "yellow", "red", "green"):
        fake.script.throttle = f"busy (images=green:200, inpadoc={colour}:6000)"
        await client.family("EP", "1000000", "A1")
    # The first slot uses the default rate; each later one the colour of the response before.
    assert client.stats.intervals_s == [0.01, 0.01, 0.02, 0.04]
    assert client.stats.colours == ["green", "yellow", "red", "green"]
    assert await SharedThrottle(redis).interval_s() == pytest.approx(0.01)
    fake.script.throttle = "busy (inpadoc=yellow:30)"  # the documented inpadoc rate, yellow
    await client.family("EP", "1000000", "A1")
    assert await SharedThrottle(redis).interval_s() == pytest.approx(4.0)


async def test_black_pauses_every_client_then_they_resume(
    make_client: object, fake: FakeEpo, redis: Redis
) -> None:
    first = make_client(black_pause_s=0.3)  # type: ignore[operator]
    fake.script.throttle = "overloaded (inpadoc=black:6000)"
    await first.family("EP", "1000000", "A1")
    fake.script.throttle = "idle (inpadoc=green:6000)"
    # A second client (another process in production) honours the same pause.
    second = make_client(black_pause_s=0.3)  # type: ignore[operator]
    assert (await second.family("EP", "1000000", "A1")).status == 200
    assert len(second.stats.pauses_s) == 1 and 0.1 < second.stats.pauses_s[0] <= 0.3


async def test_long_black_pause_is_not_waited_inline(
    make_client: object, fake: FakeEpo, redis: Redis
) -> None:
    client = make_client(black_pause_s=3600, max_inline_pause_s=1)  # type: ignore[operator]
    fake.script.throttle = "busy (inpadoc=black:60)"
    await client.family("EP", "1000000", "A1")
    with pytest.raises(EpoPaused) as paused:
        await client.family("EP", "1000000", "A1")
    assert paused.value.resume_in_s > 3500
    assert await redis.pttl("epo:ops:pause") > 3_500_000
    assert len(fake.family_requests) == 1  # the paused request never reached OPS


async def test_403_quota_pauses_and_resumes(make_client: object, fake: FakeEpo) -> None:
    fake.script.failures.append(
        (403, {"X-Rejection-Reason": "IndividualQuotaPerHour", "Retry-After": "0.3"})
    )
    client = make_client()  # type: ignore[operator]
    assert (await client.family("EP", "1000000", "A1")).status == 200
    assert len(client.stats.pauses_s) == 1 and 0.1 < client.stats.pauses_s[0] <= 0.3
    assert len(fake.family_requests) == 2


async def test_403_quota_with_a_long_window_stops_the_job(
    make_client: object, fake: FakeEpo
) -> None:
    fake.script.failures.append((403, {"X-Rejection-Reason": "RegisteredQuotaPerWeek"}))
    client = make_client(quota_pause_s=7 * 86400, max_inline_pause_s=60)  # type: ignore[operator]
    with pytest.raises(EpoPaused):
        await client.family("EP", "1000000", "A1")


async def test_429_backs_off_exponentially_honouring_retry_after(
    make_client: object, fake: FakeEpo
) -> None:
    fake.script.failures.extend([(429, {}), (429, {"Retry-After": "0.5"}), (429, {})])
    client = make_client(backoff_base_s=0.01, sleep=_no_sleep)  # type: ignore[operator]
    assert (await client.family("EP", "1000000", "A1")).status == 200
    first, second, third = client.stats.backoffs_s
    assert 0.01 <= first <= 0.011
    assert 0.5 <= second <= 0.501  # Retry-After larger than 2 x base wins
    assert 0.04 <= third <= 0.041


async def test_429_gives_up_after_five_retries(make_client: object, fake: FakeEpo) -> None:
    fake.script.failures.extend([(429, {})] * 6)
    client = make_client(backoff_base_s=1.0, sleep=_no_sleep)  # type: ignore[operator]
    with pytest.raises(EpoError, match="429"):
        await client.family("EP", "1000000", "A1")
    assert [int(d) for d in client.stats.backoffs_s] == [1, 2, 4, 8, 16]  # BR-058


async def test_two_worker_processes_share_one_throttle(
    fake: FakeEpo, redis: Redis, redis_url: str
) -> None:
    # Only the very first family response says "yellow": the process that does not get it
    # must still slow down, because the colour lives in Redis, not in the process.
    fake.script.throttle = "busy (inpadoc=yellow:3000)"
    fake.script.throttle_once = True
    script = str(HERE / "epo_worker_proc.py")
    procs = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            script,
            fake.base_url,
            redis_url,
            "6",
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        for _ in range(2)
    ]
    results = []
    for proc in procs:
        out, err = await asyncio.wait_for(proc.communicate(), timeout=120)
        assert proc.returncode == 0, err.decode()
        results.append(json.loads(out))
    assert len({p.pid for p in procs}) == 2
    assert [r["statuses"] for r in results] == [[200] * 6, [200] * 6]
    assert len(fake.family_requests) == 12
    assert fake.token_requests == 1  # one refresher; the other process used its token
    saw = [r for r in results if r["colours"]]
    blind = [r for r in results if not r["colours"]]
    assert len(saw) == 1 and len(blind) == 1
    assert 0.04 in blind[0]["intervals"]  # 60 s x 2 (yellow) / 3000
    assert all(r["shared_interval"] == pytest.approx(0.04) for r in results)
    # Slots reserved in Redis by both processes never come closer than the yellow interval.
    slots = sorted(s for r in results for s in r["slots"])
    assert len(slots) == 12
    assert min(b - a for a, b in itertools.pairwise(slots)) >= 40
