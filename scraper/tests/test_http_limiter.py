"""The in-process host limiter: one request in flight per host, the minimum delay, and
several event loops."""

from __future__ import annotations

import asyncio
import itertools
import time

from scraper import (
    FetchSettings,
    InMemoryRobotsCache,
    InProcessHostLimiter,
    fetch_page,
)
from scraper.tests.conftest import LocalServer, Reply
from scraper.tests.http_helpers import PRODUCT, run

# ---------------------------------------------------------------------- in-process limiter


def test_in_process_limiter_one_in_flight_and_min_delay(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    server.route("/p", Reply(body=PRODUCT, delay=0.1))
    settings = FetchSettings(**{**fast_settings.__dict__, "min_host_delay": 0.2})
    finished: list[float] = []

    async def one(limiter: InProcessHostLimiter, cache: InMemoryRobotsCache) -> None:
        await fetch_page(server.url("/p"), settings=settings, limiter=limiter, robots_cache=cache)
        finished.append(time.time())

    async def main() -> None:
        limiter, cache = InProcessHostLimiter(), InMemoryRobotsCache()
        await asyncio.gather(*(one(limiter, cache) for _ in range(3)))

    run(main())
    starts = sorted(h.at for h in server.hits("/p"))
    assert len(starts) == 3
    for earlier, later in itertools.pairwise(starts):
        # each request takes 0.1 s; the next may start 0.2 s after it started
        assert later - earlier >= 0.19


def test_in_process_limiter_survives_several_event_loops() -> None:
    """Celery runs ``asyncio.run`` per task; the shared limiter must keep working and
    keep the delay across loops."""
    limiter = InProcessHostLimiter()
    stamps: list[float] = []

    async def use() -> None:
        async with limiter.slot("h.example", 0.2):
            stamps.append(time.monotonic())

    run(use())
    run(use())
    assert stamps[1] - stamps[0] >= 0.19


def test_in_process_limiter_does_not_delay_other_hosts() -> None:
    limiter = InProcessHostLimiter(min_delay=5.0)

    async def main() -> float:
        async with limiter.slot("a.example"):
            pass
        started = time.monotonic()
        async with limiter.slot("b.example"):
            pass
        return time.monotonic() - started

    assert run(main()) < 0.5
