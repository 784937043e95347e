"""robots.txt policies (protego) and where they are cached between fetches.

Fetching a robots.txt is done by :mod:`scraper.http.fetch`, which asks the
:class:`RobotsCache` first.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Protocol

from protego import Protego

__all__ = [
    "DEFAULT_ROBOTS_CACHE",
    "MAX_CRAWL_DELAY",
    "ROBOTS_MAX_BYTES",
    "InMemoryRobotsCache",
    "RobotsCache",
    "RobotsPolicy",
]

ROBOTS_MAX_BYTES = 512 * 1024
MAX_CRAWL_DELAY = 60.0


@dataclass(frozen=True)
class RobotsPolicy:
    """A parsed robots.txt, or a blanket allow / disallow."""

    parser: Protego | None = None
    allow_all: bool = False
    reason: str = ""

    def can_fetch(self, url: str, user_agent: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return bool(self.parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(user_agent)
        return float(delay) if delay is not None else None


class RobotsCache(Protocol):
    """Where robots.txt policies are kept between fetches (keyed by origin)."""

    def get(self, origin: str) -> RobotsPolicy | None: ...

    def set(self, origin: str, policy: RobotsPolicy, ttl: float) -> None: ...


class InMemoryRobotsCache:
    """Process-local cache with expiry (the default)."""

    def __init__(self, max_entries: int = 10_000) -> None:
        self._data: dict[str, tuple[float, RobotsPolicy]] = {}
        self.max_entries = max_entries

    def get(self, origin: str) -> RobotsPolicy | None:
        entry = self._data.get(origin)
        if entry is None:
            return None
        expires, policy = entry
        if time.monotonic() >= expires:
            self._data.pop(origin, None)
            return None
        return policy

    def set(self, origin: str, policy: RobotsPolicy, ttl: float) -> None:
        if len(self._data) >= self.max_entries:
            self._data.clear()
        self._data[origin] = (time.monotonic() + ttl, policy)

    def clear(self) -> None:
        self._data.clear()


DEFAULT_ROBOTS_CACHE = InMemoryRobotsCache()
