"""One OS process fetching families through the shared throttle (run by test_epo_client).

Usage: python epo_worker_proc.py BASE_URL REDIS_URL COUNT; prints a JSON summary.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from redis.asyncio import Redis

from worker.ingestion.epo_client import EpoConfig, EpoOpsClient
from worker.ingestion.epo_throttle import SharedThrottle


async def main(base_url: str, redis_url: str, count: int) -> None:
    redis = Redis.from_url(redis_url)
    config = EpoConfig(base_url=base_url, key="test-key", secret="test-secret", default_rpm=600)
    client = EpoOpsClient(config, redis)
    slots: list[int] = []
    original = client.throttle.acquire

    async def recording_acquire() -> object:
        slot = await original()
        if not slot.paused:
            slots.append(slot.slot_ms)
        return slot

    client.throttle.acquire = recording_acquire  # type: ignore[method-assign]
    statuses = [(await client.family("EP", "1000000", "A1")).status for _ in range(count)]
    await client.aclose()
    shared = await SharedThrottle(redis).interval_s()
    await redis.aclose()
    print(
        json.dumps(
            {
                "statuses": statuses,
                "slots": slots,
                "intervals": client.stats.intervals_s,
                "colours": client.stats.colours,
                "shared_interval": shared,
            }
        )
    )


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
