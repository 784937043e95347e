"""The demo marketplace's HTTP behaviour: headers, HEAD, 404, ETag / Last-Modified and
304, robots.txt, the request counter and the command line."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import httpx
from protego import Protego

import scraper
from scraper.demo_marketplace import (
    LISTING_SELECTOR,
    DemoMarketplaceServer,
    price_for,
    serve_in_thread,
)
from scraper.tests.demo_helpers import DAY

# ------------------------------------------------------------------ HTTP behaviour


def test_headers(market: tuple[DemoMarketplaceServer, str], client: httpx.Client) -> None:
    _, base = market
    for path in ("/", "/game/gameboy/pokemon-red", "/listing/saga-1", "/og/watchmen-1"):
        response = client.get(base + path)
        assert response.status_code == 200
        assert response.headers["content-type"] == "text/html; charset=utf-8"
        assert response.headers["x-demo-marketplace"] == "1"
        assert response.headers["etag"].startswith('"')
        assert response.headers["last-modified"].endswith("GMT")
        assert int(response.headers["content-length"]) == len(response.content)


def test_head_has_headers_but_no_body(
    market: tuple[DemoMarketplaceServer, str], client: httpx.Client
) -> None:
    _, base = market
    get = client.get(f"{base}/shop/product/saga-1")
    head = client.head(f"{base}/shop/product/saga-1")
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["etag"] == get.headers["etag"]


def test_unknown_page_is_404(
    market: tuple[DemoMarketplaceServer, str], client: httpx.Client
) -> None:
    _, base = market
    for path in ("/shop/product/nope", "/game/nes/nope", "/nothing/here"):
        response = client.get(base + path)
        assert response.status_code == 404
        assert response.headers["x-demo-marketplace"] == "1"
        assert "etag" not in response.headers


def test_etag_and_if_modified_since_give_304(
    market: tuple[DemoMarketplaceServer, str], client: httpx.Client
) -> None:
    _, base = market
    url = f"{base}/game/nintendo-64/super-mario-64"
    first = client.get(url)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    again = client.get(url)
    assert again.headers["etag"] == etag  # stable within the day

    by_etag = client.get(url, headers={"If-None-Match": etag})
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    assert by_etag.headers["etag"] == etag
    assert by_etag.headers["x-demo-marketplace"] == "1"
    assert client.get(url, headers={"If-None-Match": f'"other", W/{etag}'}).status_code == 304
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200

    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    older = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert client.get(url, headers={"If-Modified-Since": older}).status_code == 200
    # If-None-Match wins over If-Modified-Since.
    mixed = {"If-None-Match": '"other"', "If-Modified-Since": modified}
    assert client.get(url, headers=mixed).status_code == 200


def test_etag_and_last_modified_change_when_the_price_changes() -> None:
    day = {"value": DAY}
    server, base = serve_in_thread(today=lambda: day["value"])
    url = f"{base}/shop/product/charizard-4"
    try:
        with httpx.Client() as http:
            first = http.get(url)
            # Find the next day on which the price differs (it moves every few days at most).
            later = DAY + timedelta(days=1)
            while price_for("charizard-4", later) == price_for("charizard-4", DAY):
                later += timedelta(days=1)
            day["value"] = later
            second = http.get(url)
            assert second.headers["etag"] != first.headers["etag"]
            assert second.headers["last-modified"] != first.headers["last-modified"]
            assert second.headers["last-modified"].startswith(later.strftime("%a, %d %b %Y"))
            stale = http.get(url, headers={"If-None-Match": first.headers["etag"]})
            assert stale.status_code == 200
            stale = http.get(url, headers={"If-Modified-Since": first.headers["last-modified"]})
            assert stale.status_code == 200
    finally:
        server.stop()


def test_robots_txt_allows_everything_but_private(
    market: tuple[DemoMarketplaceServer, str], client: httpx.Client
) -> None:
    _, base = market
    response = client.get(f"{base}/robots.txt")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    robots = Protego.parse(response.text)
    agent = scraper.USER_AGENT
    assert robots.can_fetch(f"{base}/shop/product/saga-1", agent)
    assert robots.can_fetch(f"{base}/game/super-nintendo/earthbound", agent)
    assert not robots.can_fetch(f"{base}/private/dealer-price-list", agent)


def test_request_counter(market: tuple[DemoMarketplaceServer, str], client: httpx.Client) -> None:
    server, base = market
    before = server.requests_served
    client.get(f"{base}/robots.txt")
    assert server.requests_served == before + 1


def test_cli_serves_until_stopped(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "scraper.demo_marketplace", "--port", "0", "--day", "2025-03-14"],
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert "Demo marketplace serving" in line, line
        base = line.split(" on ", 1)[1].split("/ ", 1)[0]
        response = httpx.get(f"{base}/listing/saga-1", timeout=5)
        obs = scraper.extract(response.text, base, source="css", selector=LISTING_SELECTOR)
        assert obs[0].price.amount == price_for("saga-1", DAY)
    finally:
        process.terminate()
        process.wait(timeout=10)
