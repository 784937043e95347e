"""`FetchSettings.deadline`: one wall-clock limit for a whole fetch (robots.txt, retries and
their waits, waiting for the host's politeness slot), so one slow host cannot hold a
worker for minutes. Against a local server."""

from __future__ import annotations

import asyncio
import time

import pytest

from scraper import (
    FailureKind,
    FetchSettings,
    FetchTarget,
    InMemoryRobotsCache,
    InProcessHostLimiter,
    ScrapeFailure,
    fetch_page,
    scrape,
)
from scraper.tests.conftest import LocalServer, Reply
from scraper.tests.http_helpers import PRODUCT, failure_of, fetch, run


def with_(settings: FetchSettings, **changes: object) -> FetchSettings:
    return FetchSettings(**{**settings.__dict__, **changes})


def test_a_fetch_within_its_deadline_is_unchanged(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    server.route("/p", Reply(body=PRODUCT))
    assert fetch(server.url("/p"), with_(fast_settings, deadline=5.0)).status == 200


def test_a_slow_site_times_out_at_the_deadline_not_the_attempt_timeout(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    server.route("/slow", Reply(body=PRODUCT, delay=3.0))
    settings = with_(fast_settings, deadline=0.5, total_timeout=10.0, read_timeout=10.0)
    started = time.monotonic()

    with pytest.raises(ScrapeFailure) as info:
        run(scrape(FetchTarget(url=server.url("/slow")), settings=settings))

    assert time.monotonic() - started < 1.5
    assert info.value.kind is FailureKind.TIMEOUT
    assert "within 0.5 seconds" in info.value.message


def test_the_deadline_bounds_retries_and_their_waits(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    server.route("/down", Reply(503, headers={"Retry-After": "2"}))
    settings = with_(fast_settings, deadline=1.0, max_retries=10, max_retry_after=30.0)
    started = time.monotonic()

    failure = failure_of(server.url("/down"), settings)

    # A Retry-After that would end past the deadline is not slept: the answer stands.
    assert time.monotonic() - started < 1.0
    assert failure.kind is FailureKind.HTTP_ERROR
    assert "503" in failure.message
    assert len(server.hits("/down")) == 1


def test_retries_stop_when_the_deadline_strikes_mid_attempt(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    server.route("/flaky", Reply(500), Reply(body=PRODUCT, delay=3.0))
    settings = with_(fast_settings, deadline=0.8, total_timeout=10.0, read_timeout=10.0)
    started = time.monotonic()

    failure = failure_of(server.url("/flaky"), settings)

    assert time.monotonic() - started < 1.8
    assert failure.kind is FailureKind.TIMEOUT


def test_waiting_for_a_busy_host_counts_against_the_deadline(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    server.route("/p", Reply(body=PRODUCT))
    limiter = InProcessHostLimiter()
    settings = with_(fast_settings, deadline=0.5)

    async def main() -> tuple[ScrapeFailure, float]:
        holding = asyncio.Event()

        async def other_check() -> None:
            async with limiter.slot("127.0.0.1"):
                holding.set()
                await asyncio.sleep(2.0)

        other = asyncio.create_task(other_check())
        await holding.wait()
        started = time.monotonic()
        try:
            await fetch_page(
                server.url("/p"),
                settings=settings,
                limiter=limiter,
                robots_cache=InMemoryRobotsCache(),
            )
        except ScrapeFailure as failure:
            return failure, time.monotonic() - started
        finally:
            other.cancel()
        raise AssertionError("the fetch should have run out of time")

    failure, waited = run(main())

    assert waited < 1.0
    assert failure.kind is FailureKind.RATE_LIMITED
    assert "Other checks of 127.0.0.1" in failure.message
    assert server.hits("/p") == []
