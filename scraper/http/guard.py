"""SSRF guard: which addresses may be fetched, checked on input and at connect time.

:func:`check_url_allowed` validates a tracker URL (synchronously, resolving DNS);
:class:`GuardedTransport` re-checks every request at connect time and connects to the
vetted address itself; :func:`make_client` builds a client that uses it.
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import socket
import ssl
from collections.abc import Awaitable, Callable, Collection, Iterable
from urllib.parse import urlsplit

import httpx

from scraper.http.settings import FetchSettings
from scraper.types import FailureKind, ScrapeFailure

__all__ = [
    "GuardedTransport",
    "check_url_allowed",
    "classify_address",
    "host_is_allowed",
    "make_client",
]

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
        code="forbidden_address",
        params={"host": host, "reason": reason},
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
            FailureKind.FORBIDDEN_ADDRESS,
            f"'{url}' is not a valid web address.",
            url=url,
            code="invalid_address",
            params={"url": url},
        ) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise ScrapeFailure(
            FailureKind.FORBIDDEN_ADDRESS,
            f"Only http and https addresses can be tracked, not '{scheme or url}'.",
            url=url,
            code="scheme_not_trackable",
            params={"scheme": scheme or url},
        )
    host = (parts.hostname or "").lower()
    if not host:
        raise ScrapeFailure(
            FailureKind.FORBIDDEN_ADDRESS,
            f"The address '{url}' has no host name.",
            url=url,
            code="no_host_name",
            params={"url": url},
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
            FailureKind.HTTP_ERROR,
            f"The host {host} could not be found (DNS).",
            url=url,
            code="host_without_address",
            params={"host": host},
        )
    return vetted


def _dns_failure(host: str, url: str | None) -> ScrapeFailure:
    return ScrapeFailure(
        FailureKind.HTTP_ERROR,
        f"The host {host} could not be found; check the address for typos.",
        url=url,
        code="host_not_found",
        params={"host": host},
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


async def _precheck(
    url: str, scheme: str, host: str, port: int, allowed_hosts: Collection[str]
) -> None:
    """Refuse a forbidden address before any request: the asynchronous form of
    :func:`check_url_allowed` for a URL already split by :func:`_split_url`. Gives a clear
    error up front, also for clients not built by :func:`make_client`."""
    if host_is_allowed(host, port, scheme, allowed_hosts):
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


@functools.cache
def tls_context() -> ssl.SSLContext:
    """The TLS settings of every scraping client: httpx's defaults (certificates verified
    against certifi's bundle, the environment's CA settings ignored). Built once per
    process and shared — httpx would build one per client, loading the bundle each time
    (about 20 ms, a third of a whole check of a fast page); an `SSLContext` is safe to
    share between connections and threads."""
    return httpx.create_ssl_context(trust_env=False)


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
        self._inner = inner or httpx.AsyncHTTPTransport(
            verify=tls_context(), trust_env=False, retries=0
        )
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
                code="scheme_not_fetchable",
                params={"scheme": scheme},
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
