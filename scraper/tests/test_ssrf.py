"""The SSRF guard: address classes, URL validation, connect-time checks, redirects."""

from __future__ import annotations

import asyncio
import ssl

import httpx
import pytest

from scraper import (
    FailureKind,
    FetchSettings,
    InMemoryRobotsCache,
    NullHostLimiter,
    ScrapeFailure,
    check_url_allowed,
    classify_address,
    fetch_page,
)
from scraper.http import GuardedTransport
from scraper.tests.conftest import LocalServer, Reply


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("127.255.0.9", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("172.31.255.255", "private"),
        ("192.168.1.10", "private"),
        ("fc00::1", "private"),
        ("fd12:3456::1", "private"),
        ("169.254.1.1", "link_local"),
        ("fe80::1", "link_local"),
        ("fe80::1%1", "link_local"),
        ("100.64.0.1", "cgnat"),
        ("100.127.255.254", "cgnat"),
        ("224.0.0.1", "multicast"),
        ("239.255.255.250", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),  # noqa: S104 - a literal under test, not a bind
        ("::", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "reserved"),
        ("169.254.169.254", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.1.2.3", "private"),
        ("::ffff:169.254.169.254", "metadata"),
        ("64:ff9b::a00:1", "private"),  # NAT64 of 10.0.0.1
        ("2002:c0a8:0101::1", "private"),  # 6to4 of 192.168.1.1
        ("192.0.2.1", "private"),  # TEST-NET-1 (documentation)
        ("198.18.0.1", "private"),  # benchmarking
        ("not an ip", "invalid"),
    ],
)
def test_forbidden_address_classes(address: str, reason: str) -> None:
    assert classify_address(address) == reason


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8", "100.128.0.1"]
)
def test_public_addresses_are_allowed(address: str) -> None:
    assert classify_address(address) is None


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://10.0.0.5:8080/admin",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00:ec2::254]/",
        "http://localhost/",
        "http://0.0.0.0:8000/",
        "ftp://example.com/file",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "http:///nohost",
        "http://[::1/",
    ],
)
def test_check_url_allowed_refuses(url: str) -> None:
    with pytest.raises(ScrapeFailure) as info:
        check_url_allowed(url)
    assert info.value.kind is FailureKind.FORBIDDEN_ADDRESS
    assert info.value.message.endswith(".")


def test_check_url_allowed_accepts_public_literal_and_allow_list() -> None:
    assert check_url_allowed("https://93.184.216.34/item") is None
    assert check_url_allowed("http://127.0.0.1:8765/shop", allowed_hosts={"127.0.0.1:8765"}) is None
    assert check_url_allowed("http://localhost:8765/", allowed_hosts={"localhost"}) is None
    with pytest.raises(ScrapeFailure):
        # host:port entries only match that port
        check_url_allowed("http://127.0.0.1:9999/", allowed_hosts={"127.0.0.1:8765"})


def test_unresolvable_host_is_http_error() -> None:
    with pytest.raises(ScrapeFailure) as info:
        check_url_allowed("http://does-not-exist.invalid/")
    assert info.value.kind is FailureKind.HTTP_ERROR


def _settings(server: LocalServer) -> FetchSettings:
    return FetchSettings(
        allowed_hosts=frozenset({server.host}), min_host_delay=0, backoff_base=0.01, max_retries=0
    )


def _fail(url: str, settings: FetchSettings) -> ScrapeFailure:
    with pytest.raises(ScrapeFailure) as info:
        asyncio.run(
            fetch_page(
                url,
                settings=settings,
                limiter=NullHostLimiter(),
                robots_cache=InMemoryRobotsCache(),
            )
        )
    return info.value


def test_local_server_is_refused_unless_allow_listed(server: LocalServer) -> None:
    server.route("/p", Reply(body="<html></html>"))
    failure = _fail(server.url("/p"), FetchSettings(min_host_delay=0))
    assert failure.kind is FailureKind.FORBIDDEN_ADDRESS
    assert server.requests == []


@pytest.mark.parametrize(
    "location",
    [
        "http://10.1.2.3/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:127.0.0.1]:{port}/secret",
        "http://localhost:{port}/secret",
        "http://127.0.0.1:1/other-port",
        "gopher://127.0.0.1/",
    ],
)
def test_redirect_to_forbidden_address_is_refused(server: LocalServer, location: str) -> None:
    server.route("/go", Reply(302, headers={"Location": location.format(port=server.port)}))
    server.route("/secret", Reply(body="<html>secret</html>"))
    failure = _fail(server.url("/go"), _settings(server))
    assert failure.kind is FailureKind.FORBIDDEN_ADDRESS
    assert server.hits("/secret") == []


def test_guarded_transport_connects_to_the_vetted_ip_with_original_host_and_sni() -> None:
    seen: list[httpx.Request] = []

    def inner(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, html="<html></html>")

    async def resolver(host: str, port: int) -> list[str]:
        return {"shop.example": ["93.184.216.34"], "evil.example": ["93.184.216.34", "10.0.0.7"]}[
            host
        ]

    transport = GuardedTransport(inner=httpx.MockTransport(inner), resolver=resolver)

    async def main() -> None:
        async with httpx.AsyncClient(transport=transport) as client:
            response = await client.get("https://shop.example/item?id=1")
            assert response.status_code == 200
            with pytest.raises(ScrapeFailure) as info:
                await client.get("https://evil.example/")
            assert info.value.kind is FailureKind.FORBIDDEN_ADDRESS

    asyncio.run(main())
    assert len(seen) == 1
    request = seen[0]
    assert request.url.host == "93.184.216.34"
    assert request.url.path == "/item"
    assert request.headers["host"] == "shop.example"
    assert request.extensions["sni_hostname"] == "shop.example"


def test_guarded_transport_refuses_dns_rebinding_to_private() -> None:
    calls: list[str] = []

    async def resolver(host: str, port: int) -> list[str]:
        calls.append(host)
        return ["192.168.0.10"]

    def inner(request: httpx.Request) -> httpx.Response:  # pragma: no cover - must not run
        raise AssertionError("connected to a private address")

    transport = GuardedTransport(inner=httpx.MockTransport(inner), resolver=resolver)

    async def main() -> None:
        async with httpx.AsyncClient(transport=transport) as client:
            with pytest.raises(ScrapeFailure) as info:
                await client.get("http://rebind.example/")
            assert "private network" in info.value.message

    asyncio.run(main())
    assert calls == ["rebind.example"]


def test_every_client_verifies_certificates_with_one_shared_tls_context() -> None:
    """Building the TLS context loads the CA bundle (tens of ms): it is built once per
    process, and it still verifies certificates and host names."""
    from scraper.http.guard import tls_context

    context = tls_context()
    assert context is tls_context()
    assert context.verify_mode is ssl.CERT_REQUIRED
    assert context.check_hostname is True
    assert context.cert_store_stats()["x509_ca"] > 0  # a CA bundle is loaded
