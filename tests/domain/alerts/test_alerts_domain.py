"""Pure alert rules: webhook target URLs (SSRF), signatures, backoff, ops conditions."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.exceptions import InvalidTag

from domain.alerts import conditions as c
from domain.alerts.delivery import delivered, retry_delay, should_retry
from domain.alerts.signing import (
    open_secret,
    seal_secret,
    signature,
    signature_header,
    verify_header,
)
from domain.alerts.targets import check_addresses, is_public_address, url_problem

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "url",
    [
        "http://hooks.example.com/x",  # http outside development
        "https://127.0.0.1/x",
        "https://localhost/x",
        "https://api.localhost/x",
        "https://10.1.2.3/x",
        "https://172.16.0.1/x",
        "https://192.168.1.1/x",
        "https://169.254.169.254/latest/meta-data",  # cloud metadata
        "https://[::1]/x",
        "https://[fd00::1]/x",
        "https://[::ffff:10.0.0.1]/x",
        "https://0.0.0.0/x",
        "https://user:pw@hooks.example.com/x",
        "ftp://hooks.example.com/x",
        "not a url",
    ],
)
def test_production_refuses_unsafe_targets(url: str) -> None:
    assert url_problem(url, allow_private=False) is not None


def test_production_accepts_public_https_and_development_allows_loopback_http() -> None:
    assert url_problem("https://hooks.slack.com/services/T/B/X", allow_private=False) is None
    assert url_problem("https://93.184.216.34:8443/x", allow_private=False) is None
    assert url_problem("http://127.0.0.1:9000/x", allow_private=True) is None
    assert url_problem("http://localhost:9000/x", allow_private=True) is None
    assert url_problem("https://10.0.0.5/x", allow_private=True) is None
    # Even in development, plain http only to loopback.
    assert url_problem("http://10.0.0.5/x", allow_private=True) is not None


def test_resolved_addresses_must_all_be_public() -> None:
    assert is_public_address("93.184.216.34") and not is_public_address("10.0.0.1")
    assert check_addresses(["93.184.216.34"], allow_private=False) is None
    assert check_addresses(["93.184.216.34", "127.0.0.1"], allow_private=False) is not None
    assert check_addresses([], allow_private=True) == "the host does not resolve"
    assert check_addresses(["127.0.0.1"], allow_private=True) is None


def test_signature_round_trip_and_tampering() -> None:
    body = b'{"id":"1"}'
    header = signature_header("whsec_k", 1_700_000_000, body)
    assert header == f"t=1700000000,v1={signature('whsec_k', 1_700_000_000, body)}"
    assert verify_header("whsec_k", header, body, now=1_700_000_100)
    assert not verify_header("whsec_k", header, body + b" ", now=1_700_000_100)
    assert not verify_header("whsec_other", header, body, now=1_700_000_100)
    assert not verify_header("whsec_k", header, body, now=1_700_000_000 + 301)  # replayed late
    assert not verify_header("whsec_k", "garbage", body, now=1_700_000_000)


def test_sealed_secret_is_bound_to_its_webhook() -> None:
    hook, other = uuid.uuid4(), uuid.uuid4()
    sealed = seal_secret("server-secret", "whsec_abc", webhook_id=hook)
    assert "whsec_abc" not in sealed
    assert open_secret("server-secret", sealed, webhook_id=hook) == "whsec_abc"
    with pytest.raises(InvalidTag):
        open_secret("server-secret", sealed, webhook_id=other)
    with pytest.raises(InvalidTag):
        open_secret("another-server-secret", sealed, webhook_id=hook)


def test_backoff_and_delivery_outcome() -> None:
    assert [retry_delay(n, 1.0) for n in (1, 2, 3, 4)] == [1.0, 2.0, 4.0, 8.0]
    assert should_retry(4, 5) and not should_retry(5, 5)
    assert delivered(200) and delivered(204)
    assert not delivered(301) and not delivered(500) and not delivered(None)


def _source(**kw: object) -> c.SourceFacts:
    base: dict[str, object] = {
        "name": "USPTO_PASDL_DAILY",
        "schedule_cron": "0 6 * * *",
        "expected_interval_hours": None,
        "created_at": NOW - timedelta(days=30),
        "last_success_at": NOW - timedelta(hours=1),
        "latest_job_status": "success",
        "latest_job_finished_at": NOW - timedelta(hours=1),
        "latest_job_error": None,
        "window_processed": 1000,
        "window_failed": 0,
    }
    base.update(kw)
    return c.SourceFacts(**base)  # type: ignore[arg-type]


def _keys(*sources: c.SourceFacts, depths: dict[str, int] | None = None) -> list[str]:
    return [x.key for x in c.firing(sources, depths or {}, NOW)]


def test_staleness_is_twice_the_schedule_interval() -> None:
    daily = c.schedule_interval("0 6 * * *", None, NOW)
    assert daily == timedelta(days=1)
    assert c.schedule_interval("0 6 * * 2", None, NOW) == timedelta(days=7)
    assert c.schedule_interval(None, 12, NOW) == timedelta(hours=12)
    at_limit = _source(last_success_at=NOW - timedelta(hours=48))
    past = _source(last_success_at=NOW - timedelta(hours=48, seconds=1))
    assert _keys(at_limit) == []
    assert _keys(past) == ["source_stale:USPTO_PASDL_DAILY"]
    # No cron: the freshness threshold (CPC: 35 days) stands in for the schedule.
    cpc = _source(name="USPTO_CPC_MCF", schedule_cron=None)
    assert _keys(cpc) == []


def test_failure_waits_for_the_grace_and_error_rate_is_strictly_above_5_percent() -> None:
    fresh_failure = _source(latest_job_status="failed", latest_job_finished_at=NOW)
    assert _keys(fresh_failure) == []  # a retry may still follow
    old_failure = _source(
        latest_job_status="failed", latest_job_finished_at=NOW - timedelta(minutes=5)
    )
    assert _keys(old_failure) == ["job_failed:USPTO_PASDL_DAILY"]
    assert _keys(_source(window_processed=100, window_failed=5)) == []
    assert _keys(_source(window_processed=100, window_failed=6)) == ["error_rate:USPTO_PASDL_DAILY"]


def test_queue_depth_and_transitions_deduplicate() -> None:
    assert _keys(depths={"q": 1000}) == []
    assert _keys(depths={"q": 1001}) == ["queue_depth:q"]
    holding = c.firing([], {"q": 1001}, NOW)
    assert c.transitions([], holding) == (holding, [])
    assert c.transitions(["queue_depth:q"], holding) == ([], [])  # still open: silence
    assert c.transitions(["queue_depth:q"], []) == ([], ["queue_depth:q"])
