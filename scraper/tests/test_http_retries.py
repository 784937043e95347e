"""Retries, Retry-After, timeouts and refused connections against a local server."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from scraper import (
    FailureKind,
    FetchSettings,
)
from scraper.http import parse_retry_after
from scraper.tests.conftest import LocalServer, Reply
from scraper.tests.http_helpers import PRODUCT, failure_of, fetch

# --------------------------------------------------------------------------- retries


def test_retries_5xx_then_succeeds(server: LocalServer, fast_settings: FetchSettings) -> None:
    server.route("/flaky", Reply(503), Reply(502), Reply(body=PRODUCT))
    page = fetch(server.url("/flaky"), fast_settings)
    assert page.status == 200
    assert len(server.hits("/flaky")) == 3


def test_5xx_after_exhausting_retries_is_http_error(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    server.route("/down", Reply(500))
    failure = failure_of(server.url("/down"), fast_settings)
    assert failure.kind is FailureKind.HTTP_ERROR
    assert failure.message == ("The page at 127.0.0.1 returned HTTP 500 Internal Server Error.")
    assert len(server.hits("/down")) == fast_settings.max_retries + 1


def test_no_retry_on_404(server: LocalServer, fast_settings: FetchSettings) -> None:
    server.route("/gone", Reply(404, "nope"))
    failure = failure_of(server.url("/gone"), fast_settings)
    assert failure.kind is FailureKind.HTTP_ERROR
    assert failure.message == "The page at 127.0.0.1 returned HTTP 404 Not Found."
    assert len(server.hits("/gone")) == 1


def test_429_is_retried_honouring_retry_after(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    server.route("/busy", Reply(429, headers={"Retry-After": "1"}), Reply(body=PRODUCT))
    started = time.monotonic()
    page = fetch(server.url("/busy"), fast_settings)
    assert page.status == 200
    hits = server.hits("/busy")
    assert len(hits) == 2
    assert hits[1].at - hits[0].at >= 0.95  # waited for Retry-After, not the tiny backoff
    assert time.monotonic() - started < 5


def test_429_exhausted_is_rate_limited(server: LocalServer, fast_settings: FetchSettings) -> None:
    server.route("/busy", Reply(429))
    failure = failure_of(server.url("/busy"), fast_settings)
    assert failure.kind is FailureKind.RATE_LIMITED
    assert len(server.hits("/busy")) == fast_settings.max_retries + 1


def test_retry_after_beyond_cap_gives_up_at_once(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    server.route("/busy", Reply(429, headers={"Retry-After": "3600"}))
    started = time.monotonic()
    failure = failure_of(server.url("/busy"), fast_settings)
    assert failure.kind is FailureKind.RATE_LIMITED
    assert failure.retry_after == 3600
    assert len(server.hits("/busy")) == 1
    assert time.monotonic() - started < 2


def test_parse_retry_after() -> None:
    now = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(format_datetime(now + timedelta(seconds=90), usegmt=True), now) == 90
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after("") is None
    assert parse_retry_after(None) is None


def test_timeout(server: LocalServer, fast_settings: FetchSettings) -> None:
    server.route("/slow", Reply(body=PRODUCT, delay=1.0))
    settings = FetchSettings(
        allowed_hosts=fast_settings.allowed_hosts,
        min_host_delay=0,
        read_timeout=0.2,
        max_retries=1,
        backoff_base=0.01,
    )
    failure = failure_of(server.url("/slow"), settings)
    assert failure.kind is FailureKind.TIMEOUT
    assert len(server.hits("/slow")) == 2  # timeouts are retried


def test_connection_refused_is_http_error(fast_settings: FetchSettings) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = FetchSettings(
        allowed_hosts=frozenset({f"127.0.0.1:{port}"}),
        min_host_delay=0,
        max_retries=1,
        backoff_base=0.01,
    )
    failure = failure_of(f"http://127.0.0.1:{port}/", settings)
    assert failure.kind is FailureKind.HTTP_ERROR
    assert "connect" in failure.message
