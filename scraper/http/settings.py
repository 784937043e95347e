"""Fetch settings shared by the fetching modules: :class:`FetchSettings` and the User-Agent."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace

from scraper.types import FailureKind, ScrapeFailure

__all__ = ["USER_AGENT", "FetchSettings", "shared_deadline"]

USER_AGENT = (
    "OmniStockBot/0.1 (+https://github.com/omni-stock/omni-stock; self-hosted price tracker)"
)


@dataclass(frozen=True)
class FetchSettings:
    """Knobs for fetching. Defaults are the production values."""

    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    #: Wall-clock limit for one attempt (connect + headers + whole body).
    total_timeout: float = 60.0
    #: Wall-clock limit for the whole fetch: robots.txt, redirects, retries and their
    #: waits, and waiting for the host's politeness slot. ``None``: no overall limit.
    deadline: float | None = None
    #: Most bytes of a body, counted after decompression.
    max_bytes: int = 5 * 1024 * 1024
    #: Retries after the first attempt (so 3 → at most 4 requests).
    max_retries: int = 3
    backoff_base: float = 1.0
    backoff_max: float = 30.0
    #: A Retry-After longer than this is not waited for: we give up (rate_limited).
    max_retry_after: float = 120.0
    max_redirects: int = 5
    #: Minimum seconds between the starts of two requests to the same host (`pause_after`).
    min_host_delay: float = 3.0
    respect_robots: bool = True
    robots_ttl: float = 24 * 3600.0
    #: How long a 5xx/429 robots.txt answer (→ disallow) is remembered.
    robots_error_ttl: float = 600.0
    #: ``host`` or ``host:port`` entries that bypass the SSRF address check (dev only).
    #: Any collection is accepted; it is stored as a lower-cased frozenset.
    allowed_hosts: Collection[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "allowed_hosts", frozenset(h.strip().lower() for h in self.allowed_hosts)
        )


def shared_deadline(
    settings: FetchSettings, *, what: str, url: str | None = None
) -> Callable[[], FetchSettings]:
    """Several requests under one deadline (a check's API calls, a search's pages): each
    call answers ``settings`` with what the earlier requests left of
    ``settings.deadline``, or raises the ``timeout`` failure (``what`` says whose). Call
    it inside the event loop that runs the requests."""
    loop = asyncio.get_running_loop()
    started = loop.time()

    def budget() -> FetchSettings:
        if settings.deadline is None:
            return settings
        left = settings.deadline - (loop.time() - started)
        if left <= 0:
            raise ScrapeFailure(
                FailureKind.TIMEOUT,
                f"{what} took all the {settings.deadline:g} seconds.",
                url=url,
                code="time_used_up",
                params={"task": what, "seconds": f"{settings.deadline:g}"},
            )
        return replace(settings, deadline=left)

    return budget
