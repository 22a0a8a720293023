"""Resolve where PostgreSQL and Redis are: the configured URLs, or embedded ones."""

from __future__ import annotations

from dataclasses import dataclass, field

from patentrack.embedded import EmbeddedPostgres, EmbeddedRedis
from patentrack.settings import Settings


@dataclass
class Services:
    database_url: str
    redis_url: str
    embedded: list[EmbeddedPostgres | EmbeddedRedis] = field(default_factory=list)

    def stop(self) -> None:
        # Reverse order: Redis first, PostgreSQL last.
        for service in reversed(self.embedded):
            service.stop()
        self.embedded.clear()


def resolve(settings: Settings) -> Services:
    """Use DATABASE_URL / REDIS_URL when set; otherwise start the embedded servers (D18)."""
    embedded: list[EmbeddedPostgres | EmbeddedRedis] = []
    database_url = settings.database_url
    redis_url = settings.redis_url
    try:
        if not database_url:
            pg = EmbeddedPostgres(settings.data_dir)
            database_url = pg.start()
            embedded.append(pg)
        if not redis_url:
            redis = EmbeddedRedis(settings.data_dir)
            redis_url = redis.start()
            embedded.append(redis)
    except BaseException:
        for service in reversed(embedded):
            service.stop()
        raise
    return Services(database_url, redis_url, embedded)
