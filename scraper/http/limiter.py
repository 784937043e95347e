"""Per-host politeness: at most one request in flight per host, and a minimum delay
between the starts of two requests to it (with a pause after each: `pause_after`), in
one process or across workers sharing a Redis."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import logging
import random
import time
import uuid
import weakref
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager
from typing import Any, Protocol

from scraper.types import FailureKind, ScrapeFailure

logger = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_LIMITER",
    "HostBusy",
    "HostLimiter",
    "InProcessHostLimiter",
    "NullHostLimiter",
    "RedisHostLimiter",
]


class HostBusy(ScrapeFailure):
    """The host's slot is not free within the limiter's ``acquire_timeout``: no request
    was sent. ``retry_after``: seconds until it is expected to be free (None: unknown, a
    request of someone else holds it)."""

    def __init__(self, host: str, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(FailureKind.RATE_LIMITED, message, retry_after=retry_after)
        self.busy_host = host


class HostLimiter(Protocol):
    """Politeness per host: one request in flight, and ``min_delay`` seconds between the
    end of one request and the start of the next. Implementations must hold across
    whatever scope they claim (one process, or all workers sharing a Redis)."""

    def slot(self, host: str, min_delay: float = 0.0) -> AbstractAsyncContextManager[None]: ...


class NullHostLimiter:
    """No limiting at all (tests; never for real scraping)."""

    @contextlib.asynccontextmanager
    async def slot(self, host: str, min_delay: float = 0.0) -> AsyncIterator[None]:
        yield


class InProcessHostLimiter:
    """asyncio limiter for one process. Safe to share between event loops (Celery's
    ``asyncio.run`` per task): locks are per loop, the timing state is shared."""

    def __init__(self, min_delay: float = 0.0) -> None:
        self.min_delay = min_delay
        self._next_at: dict[str, float] = {}
        self._locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, asyncio.Lock]]
        self._locks = weakref.WeakKeyDictionary()

    def _lock(self, host: str) -> asyncio.Lock:
        per_loop = self._locks.setdefault(asyncio.get_running_loop(), {})
        lock = per_loop.get(host)
        if lock is None:
            if len(per_loop) > 10_000:
                for name in [h for h, lk in per_loop.items() if not lk.locked()]:
                    del per_loop[name]
            lock = per_loop[host] = asyncio.Lock()
        return lock

    @contextlib.asynccontextmanager
    async def slot(self, host: str, min_delay: float = 0.0) -> AsyncIterator[None]:
        delay = max(self.min_delay, min_delay)
        async with self._lock(host):
            wait = self._next_at.get(host, 0.0) - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            started = time.monotonic()
            try:
                yield
            finally:
                ended = time.monotonic()
                self._next_at[host] = ended + pause_after(started, ended, delay)


def pause_after(started: float, ended: float, delay: float) -> float:
    """Seconds from a request's end (`ended`) until the host's next request may start:
    `delay` after this one started (one request per delay, as robots.txt's crawl-delay
    reads), and never less than half of it after this one ended, so a slow answer still
    gets a pause. One request at a time besides: the slot is held until the end."""
    return max(started + delay - ended, delay / 2)


_RELEASE_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
redis.call('SET', KEYS[2], string.format('%.6f', now + tonumber(ARGV[2])), 'PX', ARGV[3])
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""

# Booking (`RedisHostLimiter.book`): the host's next start is the latest of now (plus
# `after`), its "next" key, one delay past now while a request holds the lock, and the end
# of the last booking; the booking then moves one delay past that start. Returns the
# seconds until the start.
_BOOK_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local delay = tonumber(ARGV[1])
local start = math.max(now + tonumber(ARGV[3]), tonumber(redis.call('GET', KEYS[2]) or '0'))
if redis.call('EXISTS', KEYS[1]) == 1 then start = math.max(start, now + delay) end
if ARGV[2] == '1' then
  start = math.max(start, tonumber(redis.call('GET', KEYS[3]) or '0'))
  local keep = math.floor((start + delay - now + 60) * 1000)
  redis.call('SET', KEYS[3], string.format('%.6f', start + delay), 'PX', keep)
end
return string.format('%.6f', start - now)
"""

_UNLOCK_SCRIPT = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""

_RENEW_SCRIPT = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
"""


class RedisHostLimiter:
    """Per-host politeness shared by every worker process using the same Redis.

    Per host two keys: ``<prefix>lock:<host>`` — a lock owned by a random token and
    *leased* (``SET NX PX lease``): while the slot is held a background task renews the
    lease every third of it, so a request may take as long as it needs, yet the lock of
    a process that died (``kill -9``, a pool child killed at its time limit) is free
    again within ``lease`` seconds; and ``<prefix>next:<host>`` — the Redis-server time
    (``TIME``, so worker clocks do not matter) before which the next request may not
    start. Leaving the slot, however it is left, stops the renewal, sets "next" (the
    pause `pause_after` from Redis' now: the request's duration is measured here, on a
    monotonic clock) and deletes the lock only if we still own it, in one Lua script.

    ``acquire_timeout`` bounds the wait for a busy host, its lock and its delay (then
    :class:`HostBusy`, a ``rate_limited`` failure: a delay that would end past it is not
    slept at all, and the lock is left without sending anything);
    ``socket_timeout`` / ``socket_connect_timeout`` bound every Redis command, so a
    frozen Redis fails fast (``redis.exceptions.TimeoutError``/``ConnectionError``).

    The redis-py asyncio client is created per event loop (an asyncio client must
    not cross loops) and kept while that loop lives, so a caller that keeps its loop
    between calls keeps its connection too (:meth:`with_acquire_timeout`: the same
    clients with another wait). :meth:`aclose` closes the running loop's client.
    """

    def __init__(
        self,
        redis_url: str,
        min_delay: float = 3.0,
        lease: float = 10.0,
        *,
        prefix: str = "omnistock:scraper:host:",
        poll_interval: float = 0.05,
        acquire_timeout: float = 600.0,
        socket_timeout: float | None = 5.0,
        socket_connect_timeout: float | None = 5.0,
    ) -> None:
        if lease <= 0:
            raise ValueError("lease must be positive")
        self.redis_url = redis_url
        self.min_delay = min_delay
        self.lease = lease
        self.prefix = prefix
        self.poll_interval = poll_interval
        self.acquire_timeout = acquire_timeout
        self.socket_timeout = socket_timeout
        self.socket_connect_timeout = socket_connect_timeout
        # Per loop. Not weakly keyed: a connected client holds its loop, so the entry
        # would never go; the clients of closed loops are dropped instead (`_client`).
        self._clients: dict[asyncio.AbstractEventLoop, Any] = {}

    def with_acquire_timeout(self, acquire_timeout: float) -> RedisHostLimiter:
        """This limiter waiting at most `acquire_timeout` for a busy host, sharing its
        Redis clients (and their open connections) with this one."""
        other = copy.copy(self)
        other.acquire_timeout = acquire_timeout
        return other

    def _client(self) -> Any:
        import redis.asyncio as aioredis

        loop = asyncio.get_running_loop()
        client = self._clients.get(loop)
        if client is None:
            for closed in [other for other in self._clients if other.is_closed()]:
                del self._clients[closed]
            client = aioredis.Redis.from_url(
                self.redis_url,
                socket_timeout=self.socket_timeout,
                socket_connect_timeout=self.socket_connect_timeout,
            )
            self._clients[loop] = client
        return client

    async def _server_time(self, client: Any) -> float:
        seconds, micros = await client.time()
        return float(seconds) + float(micros) / 1_000_000

    async def _keep_leased(self, client: Any, lock_key: str, token: str, lease_ms: int) -> None:
        """Renew the lease every third of it while the slot is held; stop if it was lost."""
        while True:
            await asyncio.sleep(self.lease / 3)
            try:
                renewed = await client.eval(_RENEW_SCRIPT, 1, lock_key, token, lease_ms)
            except Exception as exc:  # Redis trouble: the lease may lapse; try again
                logger.warning("Could not renew the host lock %s: %s", lock_key, exc)
                continue
            if not renewed:
                logger.warning("Lost the host lock %s (its lease lapsed).", lock_key)
                return

    @contextlib.asynccontextmanager
    async def slot(self, host: str, min_delay: float = 0.0) -> AsyncIterator[None]:
        client = self._client()
        delay = max(self.min_delay, min_delay)
        lock_key = f"{self.prefix}lock:{host}"
        next_key = f"{self.prefix}next:{host}"
        token = uuid.uuid4().hex
        lease_ms = max(1, int(self.lease * 1000))
        deadline = time.monotonic() + self.acquire_timeout
        while not await client.set(lock_key, token, nx=True, px=lease_ms):
            if time.monotonic() > deadline:
                raise HostBusy(
                    host, f"Too many checks are queued for {host}; this one will run later."
                )
            await asyncio.sleep(self.poll_interval * (0.5 + random.random()))
        renewal = asyncio.create_task(self._keep_leased(client, lock_key, token, lease_ms))
        sent = False
        try:
            raw_next = await client.get(next_key)
            if raw_next is not None:
                wait = float(raw_next) - await self._server_time(client)
                if wait > deadline - time.monotonic():
                    raise HostBusy(
                        host,
                        f"{host} may not be visited for another {wait:.1f} seconds.",
                        retry_after=wait,
                    )
                if wait > 0:
                    await asyncio.sleep(wait)
            sent = True
            started = time.monotonic()
            yield
        finally:
            renewal.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewal
            if sent:
                pause = pause_after(started, time.monotonic(), delay)
                keep_ms = max(1000, int((delay + 60) * 1000))
                await client.eval(_RELEASE_SCRIPT, 2, lock_key, next_key, token, pause, keep_ms)
            else:  # nothing was sent: the host's delay stands as it was
                await client.eval(_UNLOCK_SCRIPT, 1, lock_key, token)

    async def book(
        self, host: str, min_delay: float = 0.0, *, reserve: bool = True, after: float = 0.0
    ) -> float:
        """Seconds until ``host`` may be visited, without waiting (0: now). With ``reserve``
        the start is also booked (``<prefix>book:<host>``): the next booking starts one
        delay later, so callers that each book once are spread over the host's slots
        instead of all waiting for the same one. Without it, only when the host itself
        is free (its lock and its "next" key), bookings aside. ``after``: no start
        sooner than that many seconds from now. A booking is advice for when to call
        :meth:`slot`, which alone enforces politeness."""
        client = self._client()
        delay = max(self.min_delay, min_delay)
        keys = (f"{self.prefix}lock:{host}", f"{self.prefix}next:{host}")
        book_key = f"{self.prefix}book:{host}"
        flag = "1" if reserve else "0"
        raw = await client.eval(_BOOK_SCRIPT, 3, *keys, book_key, delay, flag, max(after, 0.0))
        return max(0.0, float(raw))

    async def aclose(self) -> None:
        client = self._clients.pop(asyncio.get_running_loop(), None)
        if client is not None:
            await client.aclose()


DEFAULT_LIMITER = InProcessHostLimiter()
