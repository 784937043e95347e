"""All network I/O of the scraper lives here (httpx on asyncio).

What a fetch goes through, in order, for every URL *and every redirect hop*:

1. **URL check** — only ``http``/``https``, a host must be present.
2. **SSRF guard** — see :class:`GuardedTransport`. Hosts in
   ``FetchSettings.allowed_hosts`` (e.g. the local demo marketplace) bypass it.
3. **robots.txt** (protego), cached per origin for up to 24 h: 2xx → parsed and
   obeyed for our User-Agent, 4xx → everything allowed, 5xx/429 → everything
   disallowed (RFC 9309 §2.3.1). Disallowed → ``robots_disallowed``.
4. **Per-host politeness** — a :class:`HostLimiter` keeps at most one request in
   flight per host and a minimum delay between two requests to it (the larger of
   ``min_host_delay`` and the site's ``Crawl-delay``, capped at 60 s).
5. **The request** — timeouts, conditional headers, honest User-Agent, body streamed
   with a size cap and a content-type check; retries with exponential backoff and
   full jitter on connection errors, timeouts, 5xx and 429 only, honouring
   ``Retry-After`` (seconds or HTTP date) up to ``max_retry_after``.
6. **Redirects** are followed by hand (at most ``max_redirects``), so steps 1-5 run
   again for each hop.

Nothing here parses prices: :func:`fetch_page` returns a :class:`Page` (HTML text and
validators) and :mod:`scraper.api` hands it to :func:`scraper.extract`.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import ipaddress
import random
import re
import socket
import time
import uuid
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Iterable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from scraper.models import FailureKind, ScrapeFailure

__all__ = [
    "USER_AGENT",
    "FetchSettings",
    "GuardedTransport",
    "HostLimiter",
    "InMemoryRobotsCache",
    "InProcessHostLimiter",
    "NullHostLimiter",
    "Page",
    "RedisHostLimiter",
    "RobotsCache",
    "RobotsPolicy",
    "check_url_allowed",
    "classify_address",
    "fetch_page",
    "make_client",
    "parse_retry_after",
]

USER_AGENT = (
    "OmniStockBot/0.1 (+https://github.com/omni-stock/omni-stock; self-hosted price tracker)"
)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 512 * 1024
MAX_CRAWL_DELAY = 60.0


@dataclass(frozen=True)
class FetchSettings:
    """Knobs for fetching. Defaults are the production values."""

    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    #: Wall-clock limit for one attempt (connect + headers + whole body).
    total_timeout: float = 60.0
    max_bytes: int = 5 * 1024 * 1024
    #: Retries after the first attempt (so 3 → at most 4 requests).
    max_retries: int = 3
    backoff_base: float = 1.0
    backoff_max: float = 30.0
    #: A Retry-After longer than this is not waited for: we give up (rate_limited).
    max_retry_after: float = 120.0
    max_redirects: int = 5
    #: Minimum seconds between two requests to the same host.
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


# --------------------------------------------------------------------------- SSRF guard

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_METADATA = frozenset(
    {
        ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack…
        ipaddress.ip_address("169.254.170.2"),  # AWS ECS task metadata
        ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
        ipaddress.ip_address("fd00:ec2::254"),  # AWS IPv6
    }
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def classify_address(address: str | IPAddress) -> str | None:
    """Why ``address`` must not be fetched, or ``None`` if it is a public address.

    Returns one of ``metadata``, ``loopback``, ``private``, ``link_local``, ``cgnat``,
    ``multicast``, ``unspecified``, ``reserved``, ``non_global``; an invalid address
    gives ``invalid``. IPv6 forms embedding an IPv4 address (IPv4-mapped
    ``::ffff:a.b.c.d``, NAT64 ``64:ff9b::/96``, 6to4 ``2002::/16``) are judged by the
    embedded IPv4 address.
    """
    try:
        ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    except ValueError:
        return "invalid"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.scope_id:
            return "link_local"
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            reason = classify_address(embedded)
            return reason
    if ip in _METADATA:
        return "metadata"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link_local"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT:
        return "cgnat"
    if ip.is_multicast:
        return "multicast"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_reserved:
        return "reserved"
    if ip.is_private:
        return "private"
    if not ip.is_global:
        return "non_global"
    return None


_REASONS = {
    "metadata": "a cloud metadata service",
    "loopback": "this machine itself (loopback)",
    "private": "a private network",
    "link_local": "a link-local network",
    "cgnat": "a carrier-grade NAT network",
    "multicast": "a multicast address",
    "unspecified": "an unspecified address",
    "reserved": "a reserved address range",
    "non_global": "a non-public address",
    "invalid": "an invalid address",
}


def _forbidden(host: str, reason: str, url: str | None = None) -> ScrapeFailure:
    return ScrapeFailure(
        FailureKind.FORBIDDEN_ADDRESS,
        f"The address {host} points to {_REASONS.get(reason, 'a forbidden address')}, "
        "which Omni-Stock refuses to fetch for safety.",
        url=url,
    )


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


def host_is_allowed(host: str, port: int | None, scheme: str, allowed: Collection[str]) -> bool:
    """Whether ``host[:port]`` is in the allow-list (``host`` entries match any port)."""
    if not allowed:
        return False
    host = host.lower().strip("[]")
    port = port or _default_port(scheme)
    candidates = {host, f"{host}:{port}", f"[{host}]:{port}"}
    return any(c in allowed for c in candidates)


def _split_url(url: str) -> tuple[str, str, int]:
    """Validate scheme and host; returns ``(scheme, host, port)``."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ScrapeFailure(
            FailureKind.FORBIDDEN_ADDRESS, f"'{url}' is not a valid web address.", url=url
        ) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise ScrapeFailure(
            FailureKind.FORBIDDEN_ADDRESS,
            f"Only http and https addresses can be tracked, not '{scheme or url}'.",
            url=url,
        )
    host = (parts.hostname or "").lower()
    if not host:
        raise ScrapeFailure(
            FailureKind.FORBIDDEN_ADDRESS, f"The address '{url}' has no host name.", url=url
        )
    return scheme, host, port or _default_port(scheme)


def _literal_ip(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def _vet_addresses(host: str, addresses: Iterable[str], url: str | None) -> list[str]:
    vetted = []
    for address in addresses:
        reason = classify_address(address)
        if reason is not None:
            raise _forbidden(host if host == address else f"{host} ({address})", reason, url)
        vetted.append(address)
    if not vetted:
        raise ScrapeFailure(
            FailureKind.HTTP_ERROR, f"The host {host} could not be found (DNS).", url=url
        )
    return vetted


def _dns_failure(host: str, url: str | None) -> ScrapeFailure:
    return ScrapeFailure(
        FailureKind.HTTP_ERROR,
        f"The host {host} could not be found; check the address for typos.",
        url=url,
    )


def check_url_allowed(url: str, allowed_hosts: Collection[str] = ()) -> None:
    """Validate a tracker URL on input (synchronous; resolves DNS).

    Returns ``None`` when the URL may be fetched; raises :class:`ScrapeFailure`
    ``forbidden_address`` for a bad scheme or an address in a forbidden range, and
    ``http_error`` when the host does not resolve. Fetching re-checks at connect time,
    so a later DNS change cannot slip through.
    """
    scheme, host, port = _split_url(url)
    allowed = frozenset(h.lower() for h in allowed_hosts)
    if host_is_allowed(host, port, scheme, allowed):
        return
    literal = _literal_ip(host)
    if literal is not None:
        _vet_addresses(host, [str(literal)], url)
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        raise _dns_failure(host, url) from None
    _vet_addresses(host, [str(info[4][0]) for info in infos], url)


async def _resolve(host: str, port: int) -> list[str]:
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class GuardedTransport(httpx.AsyncBaseTransport):
    """An httpx transport that only ever connects to vetted public addresses.

    How: for each request it resolves the host itself, refuses the request if *any*
    resolved address is in a forbidden range (:func:`classify_address`), then rewrites
    the request URL to the vetted IP literal before handing it to a normal
    :class:`httpx.AsyncHTTPTransport`. The ``Host`` header keeps the original name
    (httpx sets it when the request is built) and, for https, the ``sni_hostname``
    request extension makes TLS send the original name as SNI *and verify the
    certificate against it*. So the address that is checked is exactly the address
    that is connected to — a DNS answer that changes between check and connect (DNS
    rebinding) cannot reach an internal address. As a second line, the peer address
    of the opened connection is checked again when the connection exposes it.

    Every request through the client goes through here, including each manually
    followed redirect and robots.txt. ``allowed_hosts`` entries bypass the check (for
    the local demo marketplace). The environment's proxy settings are ignored.
    """

    def __init__(
        self,
        allowed_hosts: Collection[str] = (),
        *,
        inner: httpx.AsyncBaseTransport | None = None,
        resolver: Callable[[str, int], Awaitable[list[str]]] | None = None,
    ) -> None:
        self.allowed_hosts = frozenset(h.lower() for h in allowed_hosts)
        self._inner = inner or httpx.AsyncHTTPTransport(trust_env=False, retries=0)
        self._resolve = resolver or _resolve

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        scheme = url.scheme
        host = url.host.lower()
        port = url.port or _default_port(scheme)
        if scheme not in ("http", "https"):
            raise ScrapeFailure(
                FailureKind.FORBIDDEN_ADDRESS,
                f"Only http and https addresses can be fetched, not '{scheme}'.",
                url=str(url),
            )
        if host_is_allowed(host, port, scheme, self.allowed_hosts):
            return await self._inner.handle_async_request(request)
        literal = _literal_ip(host)
        if literal is not None:
            addresses = _vet_addresses(host, [str(literal)], str(url))
        else:
            try:
                resolved = await self._resolve(host, port)
            except (OSError, UnicodeError):
                raise _dns_failure(host, str(url)) from None
            addresses = _vet_addresses(host, resolved, str(url))
        ip = addresses[0]
        request.url = url.copy_with(host=ip)
        if scheme == "https" and literal is None:
            request.extensions = {**request.extensions, "sni_hostname": host}
        response = await self._inner.handle_async_request(request)
        peer = _peer_address(response)
        if peer is not None and classify_address(peer) is not None:
            await response.aclose()
            raise _forbidden(f"{host} ({peer})", classify_address(peer) or "invalid", str(url))
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


def _peer_address(response: httpx.Response) -> str | None:
    stream = response.extensions.get("network_stream")
    if stream is None:
        return None
    try:
        addr = stream.get_extra_info("server_addr")
    except Exception:  # pragma: no cover - backend specific
        return None
    if isinstance(addr, tuple) and addr:
        return str(addr[0])
    return None


def make_client(settings: FetchSettings | None = None) -> httpx.AsyncClient:
    """An :class:`httpx.AsyncClient` configured for scraping (guarded, no auto-redirects).

    Pass it as ``client=`` to share connections between many fetches; the caller
    closes it. A client built any other way does not get the connect-time SSRF guard
    (fetch_page still checks every URL's resolved addresses before requesting it).
    """
    settings = settings or FetchSettings()
    return httpx.AsyncClient(
        transport=GuardedTransport(settings.allowed_hosts),
        timeout=httpx.Timeout(
            connect=settings.connect_timeout,
            read=settings.read_timeout,
            write=settings.read_timeout,
            pool=settings.connect_timeout,
        ),
        follow_redirects=False,
        trust_env=False,
        headers={"User-Agent": settings.user_agent},
    )


# ------------------------------------------------------------------- per-host limiting


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
            try:
                yield
            finally:
                self._next_at[host] = time.monotonic() + delay


_RELEASE_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
redis.call('SET', KEYS[2], string.format('%.6f', now + tonumber(ARGV[2])), 'PX', ARGV[3])
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""


class RedisHostLimiter:
    """Per-host politeness shared by every worker process using the same Redis.

    Per host two keys: ``<prefix>lock:<host>`` — a lock (``SET NX PX lock_timeout``
    holding a random token, so a crashed worker's lock expires) that makes at most
    one request in flight; and ``<prefix>next:<host>`` — the Redis-server time
    (``TIME``, so worker clocks do not matter) before which the next request may not
    start. Release sets "next" and deletes the lock only if we still own it, in one
    Lua script. ``lock_timeout`` must exceed ``min_delay`` plus the longest request.

    The redis-py asyncio client is created per event loop (an asyncio client must
    not cross loops; Celery tasks typically call ``asyncio.run`` each time).
    """

    def __init__(
        self,
        redis_url: str,
        min_delay: float = 3.0,
        lock_timeout: float = 120.0,
        *,
        prefix: str = "omnistock:scraper:host:",
        poll_interval: float = 0.05,
        acquire_timeout: float = 600.0,
    ) -> None:
        self.redis_url = redis_url
        self.min_delay = min_delay
        self.lock_timeout = lock_timeout
        self.prefix = prefix
        self.poll_interval = poll_interval
        self.acquire_timeout = acquire_timeout
        self._clients: dict[int, Any] = {}

    def _client(self) -> Any:
        import redis.asyncio as aioredis

        loop_id = id(asyncio.get_running_loop())
        client = self._clients.get(loop_id)
        if client is None:
            client = aioredis.Redis.from_url(self.redis_url)
            self._clients = {loop_id: client}  # drop clients of finished loops
        return client

    async def _server_time(self, client: Any) -> float:
        seconds, micros = await client.time()
        return float(seconds) + float(micros) / 1_000_000

    @contextlib.asynccontextmanager
    async def slot(self, host: str, min_delay: float = 0.0) -> AsyncIterator[None]:
        client = self._client()
        delay = max(self.min_delay, min_delay)
        lock_key = f"{self.prefix}lock:{host}"
        next_key = f"{self.prefix}next:{host}"
        token = uuid.uuid4().hex
        ttl_ms = max(1, int(self.lock_timeout * 1000))
        deadline = time.monotonic() + self.acquire_timeout
        while not await client.set(lock_key, token, nx=True, px=ttl_ms):
            if time.monotonic() > deadline:
                raise ScrapeFailure(
                    FailureKind.RATE_LIMITED,
                    f"Too many checks are queued for {host}; this one will run later.",
                )
            await asyncio.sleep(self.poll_interval * (0.5 + random.random()))
        try:
            raw_next = await client.get(next_key)
            if raw_next is not None:
                wait = float(raw_next) - await self._server_time(client)
                if wait > 0:
                    await asyncio.sleep(wait)
            yield
        finally:
            keep_ms = max(1000, int((delay + 60) * 1000))
            await client.eval(_RELEASE_SCRIPT, 2, lock_key, next_key, token, delay, keep_ms)

    async def aclose(self) -> None:
        for client in self._clients.values():
            await client.aclose()
        self._clients = {}


# -------------------------------------------------------------------------- robots.txt


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


DEFAULT_LIMITER = InProcessHostLimiter()
DEFAULT_ROBOTS_CACHE = InMemoryRobotsCache()


# ---------------------------------------------------------------------------- fetching


@dataclass(frozen=True)
class Page:
    """A fetched page. ``html`` is ``""`` when ``not_modified``."""

    url: str
    final_url: str
    status: int
    html: str
    etag: str | None
    last_modified: str | None
    not_modified: bool = False
    content_type: str | None = None


@dataclass
class _Raw:
    status: int
    headers: httpx.Headers
    body: bytes
    url: str


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` → seconds to wait (``None`` if absent or unreadable).

    Accepts delta-seconds (``"120"``) and HTTP dates (``"Wed, 21 Oct 2015 07:28:00
    GMT"``); a date in the past gives ``0``.
    """
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if re.fullmatch(r"\d{1,10}", value):
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())


def _backoff(attempt: int, settings: FetchSettings) -> float:
    """Exponential backoff with full jitter: uniform(0, min(max, base * 2**attempt))."""
    ceiling = min(settings.backoff_max, settings.backoff_base * (2**attempt))
    return random.uniform(0, ceiling)


def _status_text(status: int) -> str:
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _content_type(headers: httpx.Headers) -> str | None:
    value = headers.get("content-type")
    if not value:
        return None
    return value.split(";")[0].strip().lower() or None


def _looks_like_html(body: bytes) -> bool:
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body"))


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([a-zA-Z0-9_\-]+)""", re.I)


def _decode(body: bytes, headers: httpx.Headers) -> str:
    charset = None
    content_type = headers.get("content-type", "")
    match = re.search(r"charset\s*=\s*[\"']?([\w\-]+)", content_type, re.I)
    if match:
        charset = match.group(1)
    else:
        meta = _META_CHARSET.search(body[:4096])
        if meta:
            charset = meta.group(1).decode("ascii", "replace")
    if charset:
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = None
    return body.decode(charset or "utf-8", errors="replace")


class _Fetcher:
    def __init__(
        self,
        settings: FetchSettings,
        client: httpx.AsyncClient,
        limiter: HostLimiter,
        robots_cache: RobotsCache,
    ) -> None:
        self.settings = settings
        self.client = client
        self.limiter = limiter
        self.robots = robots_cache

    async def _precheck(self, url: str, scheme: str, host: str, port: int) -> None:
        """Refuse forbidden addresses before any request (clear error, also for
        clients not built by :func:`make_client`)."""
        if host_is_allowed(host, port, scheme, self.settings.allowed_hosts):
            return
        literal = _literal_ip(host)
        if literal is not None:
            _vet_addresses(host, [str(literal)], url)
            return
        try:
            resolved = await _resolve(host, port)
        except (OSError, UnicodeError):
            raise _dns_failure(host, url) from None
        _vet_addresses(host, resolved, url)

    async def get(
        self,
        url: str,
        *,
        headers: dict[str, str],
        html_only: bool,
        max_bytes: int,
        check_robots: bool,
    ) -> _Raw:
        """GET with manual redirects; every hop is checked again."""
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            scheme, host, port = _split_url(current)
            await self._precheck(current, scheme, host, port)
            delay = self.settings.min_host_delay
            if check_robots and self.settings.respect_robots:
                policy = await self.robots_policy(scheme, host, port)
                if not policy.can_fetch(current, self.settings.user_agent):
                    raise ScrapeFailure(
                        FailureKind.ROBOTS_DISALLOWED,
                        policy.reason
                        or f"The site {host} asks robots not to visit this page (robots.txt), "
                        "so Omni-Stock does not check it.",
                        url=current,
                    )
                crawl_delay = policy.crawl_delay(self.settings.user_agent)
                if crawl_delay:
                    delay = max(delay, min(crawl_delay, MAX_CRAWL_DELAY))
            raw = await self.request(
                current,
                host,
                headers=headers,
                html_only=html_only,
                max_bytes=max_bytes,
                delay=delay,
            )
            location = raw.headers.get("location")
            if raw.status in REDIRECT_STATUSES and location:
                current = urljoin(current, location.strip())
                continue
            return raw
        raise ScrapeFailure(
            FailureKind.HTTP_ERROR,
            f"The page at {urlsplit(url).hostname} redirects more than "
            f"{self.settings.max_redirects} times; giving up.",
            url=url,
        )

    async def request(
        self,
        url: str,
        host: str,
        *,
        headers: dict[str, str],
        html_only: bool,
        max_bytes: int,
        delay: float,
    ) -> _Raw:
        """One URL, with retries on connection errors, timeouts, 5xx and 429."""
        settings = self.settings
        last: _Raw | None = None
        last_error: ScrapeFailure | None = None
        for attempt in range(settings.max_retries + 1):
            retry_after: float | None = None
            try:
                async with self.limiter.slot(host, delay):
                    raw = await self._attempt(url, headers, html_only, max_bytes)
            except (httpx.TimeoutException, TimeoutError):
                last, last_error = (
                    None,
                    ScrapeFailure(
                        FailureKind.TIMEOUT,
                        f"The site {host} did not answer in time.",
                        url=url,
                    ),
                )
            except httpx.TransportError as exc:
                last, last_error = (
                    None,
                    ScrapeFailure(
                        FailureKind.HTTP_ERROR,
                        f"Could not connect to {host} ({type(exc).__name__}).",
                        url=url,
                    ),
                )
            else:
                if raw.status != 429 and raw.status < 500:
                    return raw
                last, last_error = raw, None
                retry_after = parse_retry_after(raw.headers.get("retry-after"))
                if retry_after is not None and retry_after > settings.max_retry_after:
                    break  # the site wants a longer pause than we are willing to wait
            if attempt == settings.max_retries:
                break
            wait = _backoff(attempt, settings)
            if retry_after is not None:
                wait = max(wait, retry_after)
            await asyncio.sleep(wait)
        if last is not None:
            return last
        assert last_error is not None
        raise last_error

    async def _attempt(
        self, url: str, headers: dict[str, str], html_only: bool, max_bytes: int
    ) -> _Raw:
        host = urlsplit(url).hostname or url
        request_headers = {"User-Agent": self.settings.user_agent, **headers}
        if html_only:
            request_headers.setdefault("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
        async with (
            asyncio.timeout(self.settings.total_timeout),
            self.client.stream("GET", url, headers=request_headers) as response,
        ):
            status = response.status_code
            if status >= 300 or status < 200:
                return _Raw(status, response.headers, b"", url)
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise _too_large(host, max_bytes, url)
            content_type = _content_type(response.headers)
            if html_only and content_type is not None and content_type not in HTML_TYPES:
                raise ScrapeFailure(
                    FailureKind.NOT_HTML,
                    f"The address at {host} is not a web page (it returned {content_type}).",
                    url=url,
                )
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise _too_large(host, max_bytes, url)
                chunks.append(chunk)
            body = b"".join(chunks)
            if html_only and content_type is None and not _looks_like_html(body):
                raise ScrapeFailure(
                    FailureKind.NOT_HTML,
                    f"The address at {host} did not return a web page.",
                    url=url,
                )
            return _Raw(status, response.headers, body, url)

    async def robots_policy(self, scheme: str, host: str, port: int) -> RobotsPolicy:
        origin = f"{scheme}://{host}:{port}"
        cached = self.robots.get(origin)
        if cached is not None:
            return cached
        netloc = host if port == _default_port(scheme) else f"{host}:{port}"
        if ":" in host:
            netloc = f"[{host}]" if port == _default_port(scheme) else f"[{host}]:{port}"
        robots_url = f"{scheme}://{netloc}/robots.txt"
        raw = await self.get(
            robots_url,
            headers={},
            html_only=False,
            max_bytes=ROBOTS_MAX_BYTES,
            check_robots=False,
        )
        ttl = self.settings.robots_ttl
        if 200 <= raw.status < 300:
            try:
                parser = Protego.parse(raw.body.decode("utf-8", errors="replace"))
                policy = RobotsPolicy(parser=parser)
            except Exception:  # protego is lenient; never let a bad file crash a fetch
                policy = RobotsPolicy(allow_all=True)
        elif raw.status == 429 or raw.status >= 500:
            ttl = min(ttl, self.settings.robots_error_ttl)
            policy = RobotsPolicy(
                allow_all=False,
                reason=f"The site {host} answered its robots.txt with {_status_text(raw.status)}"
                ", so Omni-Stock treats the whole site as off-limits for now.",
            )
        else:  # 4xx (and anything else): no robots.txt → everything allowed
            policy = RobotsPolicy(allow_all=True)
        self.robots.set(origin, policy, ttl)
        return policy


def _too_large(host: str, max_bytes: int, url: str) -> ScrapeFailure:
    return ScrapeFailure(
        FailureKind.TOO_LARGE,
        f"The page at {host} is larger than {max_bytes // 1024} KB, which is too big to check.",
        url=url,
    )


async def fetch_page(
    url: str,
    *,
    settings: FetchSettings | None = None,
    client: httpx.AsyncClient | None = None,
    limiter: HostLimiter | None = None,
    robots_cache: RobotsCache | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Page:
    """Fetch one HTML page politely and safely (see the module docstring).

    Sends ``If-None-Match`` / ``If-Modified-Since`` when ``etag`` / ``last_modified``
    are given; a 304 answer gives ``Page(not_modified=True, html="")``. Raises
    :class:`ScrapeFailure` (``robots_disallowed``, ``forbidden_address``,
    ``http_error``, ``rate_limited``, ``timeout``, ``too_large``, ``not_html``).
    ``client`` (see :func:`make_client`) is not closed; by default a fresh one is used.
    ``limiter`` / ``robots_cache`` default to process-wide in-memory instances.
    """
    settings = settings or FetchSettings()
    own_client = client is None
    http_client = client if client is not None else make_client(settings)
    fetcher = _Fetcher(
        settings,
        http_client,
        limiter if limiter is not None else DEFAULT_LIMITER,
        robots_cache if robots_cache is not None else DEFAULT_ROBOTS_CACHE,
    )
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        raw = await fetcher.get(
            url, headers=headers, html_only=True, max_bytes=settings.max_bytes, check_robots=True
        )
    finally:
        if own_client:
            await http_client.aclose()
    host = urlsplit(raw.url).hostname or raw.url
    if raw.status == 304:
        return Page(
            url=url,
            final_url=raw.url,
            status=304,
            html="",
            etag=raw.headers.get("etag") or etag,
            last_modified=raw.headers.get("last-modified") or last_modified,
            not_modified=True,
        )
    if raw.status == 429:
        wait = parse_retry_after(raw.headers.get("retry-after"))
        later = f" It asked us to wait {int(wait)} seconds." if wait else ""
        raise ScrapeFailure(
            FailureKind.RATE_LIMITED,
            f"The site {host} is limiting how often it can be checked (HTTP 429).{later}",
            url=raw.url,
            retry_after=wait,
        )
    if raw.status >= 300 or raw.status < 200:
        raise ScrapeFailure(
            FailureKind.HTTP_ERROR,
            f"The page at {host} returned {_status_text(raw.status)}.",
            url=raw.url,
        )
    return Page(
        url=url,
        final_url=raw.url,
        status=raw.status,
        html=_decode(raw.body, raw.headers),
        etag=raw.headers.get("etag"),
        last_modified=raw.headers.get("last-modified"),
        content_type=_content_type(raw.headers),
    )
