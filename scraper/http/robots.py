"""robots.txt policies (protego) and where they are cached between fetches.

Fetching a robots.txt is done by :mod:`scraper.http.fetch`, which asks the
:class:`RobotsCache` first.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from typing import Any, Protocol

from protego import Protego

logger = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_ROBOTS_CACHE",
    "MAX_CRAWL_DELAY",
    "ROBOTS_MAX_BYTES",
    "InMemoryRobotsCache",
    "RedisRobotsCache",
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
    #: The HTTP status robots.txt answered with when it made the site off-limits for a
    #: while (429, 5xx): the failure says it (as a value, so in any language).
    status: int | None = None
    #: The robots.txt the parser read: what a shared cache stores (a parser is not data).
    text: str | None = None

    @classmethod
    def parse(cls, text: str) -> RobotsPolicy:
        """The policy of a robots.txt file; one protego cannot parse allows everything."""
        try:
            return cls(parser=Protego.parse(text), text=text)
        except Exception:  # protego is lenient; never let a bad file crash a fetch
            return cls(allow_all=True)

    def to_json(self) -> str:
        return json.dumps({"text": self.text, "allow_all": self.allow_all, "status": self.status})

    @classmethod
    def from_json(cls, data: str | bytes) -> RobotsPolicy:
        fields = json.loads(data)
        if isinstance(fields.get("text"), str):
            return cls.parse(fields["text"])
        allow_all, status = bool(fields.get("allow_all")), fields.get("status")
        if not allow_all and not isinstance(status, int):
            # An older entry (its English reason, no status): read the site's file again
            # rather than tell a reader the wrong sentence.
            raise ValueError("a blanket disallow without its status")
        return cls(allow_all=allow_all, status=None if allow_all else status)

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


class RedisRobotsCache:
    """robots.txt policies shared by every worker on one Redis, in front of a process-local
    cache: a site's robots.txt is read once for all workers, not once per worker process
    (each read takes one of the host's politeness slots). Redis failing never fails a
    fetch: the policy is then kept (and looked up) in this process only.

    Synchronous on purpose (the cache protocol is): a GET or SET on a local Redis takes
    well under a millisecond, once per origin and process until the local copy expires."""

    def __init__(
        self,
        url: str,
        *,
        prefix: str = "scraper:robots:",
        socket_timeout: float = 2.0,
        local: InMemoryRobotsCache | None = None,
        client: Any = None,
    ) -> None:
        if client is None:
            import redis  # the scraper needs redis only when asked to share

            client = redis.Redis.from_url(
                url, socket_timeout=socket_timeout, socket_connect_timeout=socket_timeout
            )
        self._redis = client
        self.prefix = prefix
        self.local = local if local is not None else InMemoryRobotsCache()

    def get(self, origin: str) -> RobotsPolicy | None:
        policy = self.local.get(origin)
        if policy is not None:
            return policy
        try:
            with self._redis.pipeline(transaction=False) as pipe:
                data, ttl_ms = pipe.get(self.prefix + origin).pttl(self.prefix + origin).execute()
        except Exception as error:  # an unreachable Redis: fetch robots.txt ourselves
            logger.warning("robots.txt cache unavailable: %s", error)
            return None
        if data is None or ttl_ms is None or ttl_ms <= 0:
            return None
        try:
            policy = RobotsPolicy.from_json(data)
        except (ValueError, TypeError, AttributeError):
            return None  # not ours, or from an older version: read the site's again
        self.local.set(origin, policy, ttl_ms / 1000)
        return policy

    def set(self, origin: str, policy: RobotsPolicy, ttl: float) -> None:
        self.local.set(origin, policy, ttl)
        try:
            self._redis.set(self.prefix + origin, policy.to_json(), px=max(int(ttl * 1000), 1))
        except Exception as error:  # shared the next time Redis answers
            logger.warning("robots.txt cache unavailable: %s", error)
