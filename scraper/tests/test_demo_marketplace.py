"""The demo marketplace: every page shape parses with the real sources to ``price_for``."""

from __future__ import annotations

import ast
import asyncio
import itertools
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from protego import Protego

import scraper
from scraper import FetchSettings, FetchTarget, InMemoryRobotsCache, NullHostLimiter, ScrapeFailure
from scraper.demo_marketplace import (
    BY_NAME,
    CARD_CONDITIONS,
    CATALOGUE,
    EDGE_CASES,
    GAME_CONDITIONS,
    LISTING_SELECTOR,
    SHOP_PATHS,
    DemoMarketplaceServer,
    price_for,
    product_for_name,
    product_urls,
    serve_in_thread,
    shop_path,
)
from scraper.demo_marketplace.catalogue import condition_ladder

DAY = date(2025, 3, 14)
DEMO_DATA = Path(__file__).resolve().parents[2] / "backend" / "inventory" / "demo_data.py"
SHAPE_SOURCE = {"jsonld": "structured", "microdata": "structured", "opengraph": "structured"}


@pytest.fixture(scope="module")
def market() -> Iterator[tuple[DemoMarketplaceServer, str]]:
    server, base_url = serve_in_thread(today=lambda: DAY)
    try:
        yield server, base_url
    finally:
        server.stop()


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=10) as c:
        yield c


def _settings(server: DemoMarketplaceServer) -> FetchSettings:
    return FetchSettings(
        allowed_hosts={server.host_port}, min_host_delay=0.0, max_retries=0, backoff_base=0.01
    )


def _extract_shop(html: str, url: str, shape: str) -> list[scraper.Observation]:
    if shape == "css":
        return scraper.extract(html, url, source="css", selector=LISTING_SELECTOR)
    return scraper.extract(html, url, source=SHAPE_SOURCE[shape])


# ----------------------------------------------------------------------- price_for


def test_price_for_is_deterministic_and_two_decimals() -> None:
    for slug in CATALOGUE:
        first = price_for(slug, DAY)
        assert first == price_for(slug, DAY)
        assert first == first.quantize(Decimal("0.01"))
        assert first.as_tuple().exponent == -2
        assert first > 0


def test_price_for_is_the_same_in_a_fresh_process() -> None:
    """No dependency on PYTHONHASHSEED or process state."""
    code = (
        "from datetime import date; from scraper.demo_marketplace import price_for; "
        "print(price_for('charizard-4', date(2025, 3, 14), 'psa_10'), "
        "price_for('saga-1', date(2024, 1, 1)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    ).stdout.split()
    assert out == [
        str(price_for("charizard-4", DAY, "psa_10")),
        str(price_for("saga-1", date(2024, 1, 1))),
    ]


def test_price_for_moves_from_day_to_day_smoothly() -> None:
    for slug in CATALOGUE:
        series = [price_for(slug, DAY + timedelta(days=i)) for i in range(60)]
        assert len(set(series)) > 10, slug
        for before, after in itertools.pairwise(series):
            # Smooth: never more than ~7 % (plus a cent of rounding) in one day.
            assert abs(after - before) <= before * Decimal("0.07") + Decimal("0.02"), slug


@pytest.mark.parametrize("slug", list(CATALOGUE))
def test_price_for_stays_within_15_percent_of_the_base(slug: str) -> None:
    product = CATALOGUE[slug]
    ladder = condition_ladder(product)
    for condition in [None, *ladder]:
        if condition is None or product.condition is None:
            reference = product.base_price
        else:
            reference = product.base_price * ladder[condition] / ladder[product.condition]
        for offset in range(0, 730, 7):
            price = price_for(slug, DAY + timedelta(days=offset), condition)
            assert abs(price - reference) <= reference * Decimal("0.15") + Decimal("0.01")


@pytest.mark.parametrize("slug", [s for s, p in CATALOGUE.items() if p.pricecharting])
def test_conditions_keep_their_order_every_day(slug: str) -> None:
    product = CATALOGUE[slug]
    ladder = list(condition_ladder(product))
    expected = list(CARD_CONDITIONS if product.category == "trading_card" else GAME_CONDITIONS)
    assert ladder == expected
    for offset in range(0, 400, 3):
        day = DAY + timedelta(days=offset)
        prices = [price_for(slug, day, c) for c in ladder]
        assert prices == sorted(prices)
        assert len(set(prices)) == len(prices)


def test_games_order_loose_cib_new_graded() -> None:
    prices = [price_for("earthbound", DAY, c) for c in ("loose", "cib", "new", "graded")]
    assert prices[0] < prices[1] < prices[2] < prices[3]


def test_condition_none_is_the_collectors_own_condition() -> None:
    assert price_for("charizard-4", DAY) == price_for("charizard-4", DAY, "grade_9")
    assert price_for("chrono-trigger", DAY) == price_for("chrono-trigger", DAY, "loose")


def test_price_for_rejects_unknown_slugs_and_conditions() -> None:
    with pytest.raises(KeyError):
        price_for("no-such-thing", DAY)
    with pytest.raises(ValueError, match="condition"):
        price_for("earthbound", DAY, "psa_10")
    with pytest.raises(ValueError, match="condition"):
        price_for("saga-1", DAY, "loose")


# --------------------------------------------------------------------- the catalogue


def _demo_collectibles() -> list[tuple[str, str, str | None]]:
    """(name, category constant, pricecharting id) from demo_data.py, read with ast."""
    tree = ast.parse(DEMO_DATA.read_text(encoding="utf-8"))
    items: list[tuple[str, str, str | None]] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.AnnAssign | ast.Assign) and isinstance(node.value, ast.List)):
            continue
        target = node.target if isinstance(node, ast.AnnAssign) else node.targets[0]
        if not (isinstance(target, ast.Name) and target.id == "DEMO_COLLECTIBLES"):
            continue
        for element in node.value.elts:
            assert isinstance(element, ast.Dict)
            fields = {
                k.value: v
                for k, v in zip(element.keys, element.values, strict=True)
                if isinstance(k, ast.Constant)
            }
            name = fields["name"]
            assert isinstance(name, ast.Constant)
            category = ast.unparse(fields["category"])
            pc = None
            external = fields.get("external_ids")
            if isinstance(external, ast.Dict):
                for k, v in zip(external.keys, external.values, strict=True):
                    if isinstance(k, ast.Constant) and k.value == "pricecharting":
                        assert isinstance(v, ast.Constant)
                        pc = v.value
            items.append((name.value, category, pc))
    return items


@pytest.mark.skipif(not DEMO_DATA.exists(), reason="backend demo data not present")
def test_catalogue_covers_every_demo_collectible_by_name() -> None:
    demo = _demo_collectibles()
    assert len(demo) >= 40
    assert {name for name, _, _ in demo} == set(BY_NAME)
    for name, category, pc in demo:
        product = product_for_name(name)
        assert product is not None, name
        if pc is not None:
            assert product.pricecharting == pc, name
        if category in {"CARD", "GAME"}:
            assert product.pricecharting, f"{name}: cards and games get a price guide page"


def test_catalogue_entries_are_well_formed() -> None:
    for slug, product in CATALOGUE.items():
        assert slug == product.slug
        assert product.shop in SHOP_PATHS
        assert product.currency == "USD"
        if product.pricecharting:
            assert product.pricecharting.split("/")[1] == slug
            assert product.condition in condition_ladder(product)
        else:
            assert product.condition is None
    # The demo collection exercises every shop shape.
    assert {p.shop for p in CATALOGUE.values()} == set(SHOP_PATHS)


def test_product_urls_give_tracker_definitions() -> None:
    base = "http://127.0.0.1:8765/"
    trackers = product_urls("charizard-4", base)
    assert trackers == [
        {
            "source": "pricecharting",
            "url": "http://127.0.0.1:8765/game/pokemon-base-set/charizard-4",
            "selector": None,
            "attribute": None,
            "condition": "grade_9",
        },
        {
            "source": "structured",
            "url": "http://127.0.0.1:8765/shop/product/charizard-4",
            "selector": None,
            "attribute": None,
            "condition": None,
        },
    ]
    css = product_urls("earthbound", base)[1]
    assert css["source"] == "css"
    assert css["selector"] == ".price-now"
    assert css["url"].endswith("/listing/earthbound")
    assert [t["source"] for t in product_urls("saga-1", base)] == ["structured"]


# ---------------------------------------------------------------- pages parse to price_for


@pytest.mark.parametrize("slug", list(CATALOGUE))
def test_every_shop_shape_parses_to_price_for(
    market: tuple[DemoMarketplaceServer, str], client: httpx.Client, slug: str
) -> None:
    _, base = market
    product = CATALOGUE[slug]
    for shape in SHOP_PATHS:
        url = base + shop_path(slug, shape)
        response = client.get(url)
        assert response.status_code == 200, url
        observations = _extract_shop(response.text, url, shape)
        assert len(observations) == 1, (shape, observations)
        obs = observations[0]
        assert obs.price.amount == price_for(slug, DAY), shape
        assert obs.price.currency == "USD", shape
        assert obs.condition is None, shape
        assert obs.title == product.display_title, shape
        if shape != "css":
            assert obs.availability == "in_stock", shape


@pytest.mark.parametrize("slug", [s for s, p in CATALOGUE.items() if p.pricecharting])
def test_price_guide_pages_parse_per_condition(
    market: tuple[DemoMarketplaceServer, str], client: httpx.Client, slug: str
) -> None:
    _, base = market
    product = CATALOGUE[slug]
    url = f"{base}/game/{product.pricecharting}"
    response = client.get(url)
    assert response.status_code == 200
    observations = scraper.extract(response.text, url, source="pricecharting")
    got = {o.condition: o.price.amount for o in observations}
    assert got == {c: price_for(slug, DAY, c) for c in product.conditions}
    assert {o.price.currency for o in observations} == {"USD"}
    assert {o.title for o in observations} == {product.display_title}


def test_price_guide_change_span_is_not_read_as_a_price(
    market: tuple[DemoMarketplaceServer, str], client: httpx.Client
) -> None:
    _, base = market
    html = client.get(f"{base}/game/super-nintendo/earthbound").text
    assert 'class="change"' in html
    assert "<th>Loose</th>" in html
    cards = client.get(f"{base}/game/pokemon-base-set/charizard-4").text
    assert "<th>Ungraded</th>" in cards
    assert "PSA 10" in cards


def test_price_guide_with_another_console_redirects_to_the_canonical_page(
    market: tuple[DemoMarketplaceServer, str], client: httpx.Client
) -> None:
    _, base = market
    response = client.get(f"{base}/game/snes/earthbound")
    assert response.status_code == 301
    assert response.headers["location"] == "/game/super-nintendo/earthbound"


def test_prices_follow_the_servers_day() -> None:
    day = {"value": DAY}
    server, base = serve_in_thread(today=lambda: day["value"])
    try:
        with httpx.Client() as http:
            url = f"{base}/shop/product/chrono-trigger"
            seen = {}
            for offset in (0, 10, 20):
                day["value"] = DAY + timedelta(days=offset)
                obs = scraper.extract(http.get(url).text, url, source="structured")
                seen[offset] = obs[0].price.amount
                assert seen[offset] == price_for("chrono-trigger", day["value"])
            assert len(set(seen.values())) == 3
    finally:
        server.stop()


# ---------------------------------------------------------------------- real fetch path


def test_every_product_url_scrapes_through_the_real_fetch_path(
    market: tuple[DemoMarketplaceServer, str],
) -> None:
    server, base = market

    async def run() -> list[tuple[str, dict[str, object], list[scraper.Observation]]]:
        settings = _settings(server)
        robots = InMemoryRobotsCache()
        results = []
        async with scraper.make_client(settings) as http:
            for slug in CATALOGUE:
                for tracker in product_urls(slug, base):
                    target = FetchTarget(
                        url=tracker["url"],
                        source=tracker["source"],
                        selector=tracker["selector"],
                        attribute=tracker["attribute"],
                        condition=tracker["condition"],
                    )
                    obs = await scraper.fetch_observations(
                        target,
                        settings=settings,
                        client=http,
                        limiter=NullHostLimiter(),
                        robots_cache=robots,
                    )
                    results.append((slug, tracker, obs))
        return results

    results = asyncio.run(run())
    assert len(results) >= len(CATALOGUE)
    for slug, tracker, observations in results:
        assert len(observations) == 1, (slug, tracker, observations)
        expected = price_for(slug, DAY, tracker["condition"])  # type: ignore[arg-type]
        assert observations[0].price.amount == expected, (slug, tracker)
        assert observations[0].price.currency == "USD"


def test_scrape_with_etag_is_not_modified(market: tuple[DemoMarketplaceServer, str]) -> None:
    server, base = market
    url = f"{base}/store/item/saga-1"

    async def run() -> tuple[scraper.FetchResult, scraper.FetchResult]:
        settings = _settings(server)
        robots = InMemoryRobotsCache()
        limiter = NullHostLimiter()
        first = await scraper.scrape(
            FetchTarget(url=url), settings=settings, limiter=limiter, robots_cache=robots
        )
        again = await scraper.scrape(
            FetchTarget(url=url, etag=first.etag, last_modified=first.last_modified),
            settings=settings,
            limiter=limiter,
            robots_cache=robots,
        )
        return first, again

    first, again = asyncio.run(run())
    assert first.etag
    assert first.observations[0].price.amount == price_for("saga-1", DAY)
    assert again.not_modified
    assert again.observations == []


@pytest.mark.parametrize("case", EDGE_CASES, ids=[c["path"] for c in EDGE_CASES])
def test_edge_pages(market: tuple[DemoMarketplaceServer, str], case: dict[str, object]) -> None:
    server, base = market
    target = FetchTarget(
        url=f"{base}{case['path']}",
        source=str(case["source"]),
        selector=case["selector"],  # type: ignore[arg-type]
    )

    async def run() -> list[scraper.Observation]:
        return await scraper.fetch_observations(
            target,
            settings=_settings(server),
            limiter=NullHostLimiter(),
            robots_cache=InMemoryRobotsCache(),
        )

    if case["failure"]:
        with pytest.raises(ScrapeFailure) as failure:
            asyncio.run(run())
        assert failure.value.kind.value == case["failure"]
    else:
        observations = asyncio.run(run())
        assert [o.price.amount for o in observations] == [case["price"]]
        assert observations[0].availability == case["availability"]


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


def test_index_links_every_page(
    market: tuple[DemoMarketplaceServer, str], client: httpx.Client
) -> None:
    _, base = market
    html = client.get(f"{base}/").text
    for slug, product in CATALOGUE.items():
        for shape in SHOP_PATHS:
            assert f'href="{shop_path(slug, shape)}"' in html
        if product.pricecharting:
            assert f'href="/game/{product.pricecharting}"' in html
    for case in EDGE_CASES:
        assert f'href="{case["path"]}"' in html


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


def test_end_to_end_benchmark_runs_and_checks_prices() -> None:
    from scraper import bench_e2e

    report = bench_e2e.run(n_requests=20, verbose=False)
    assert report["requests"] == 20
    assert report["failures"] == {}
    assert report["price_mismatches"] == 0
    assert report["observations"] == 20
    assert report["scraper_pages_per_s"] > 0
    assert report["raw_pages_per_s"] > 0
    assert report["ratio"] == pytest.approx(
        report["raw_pages_per_s"] / report["scraper_pages_per_s"]
    )


def test_listing_price_is_also_in_a_data_attribute(
    market: tuple[DemoMarketplaceServer, str], client: httpx.Client
) -> None:
    _, base = market
    url = f"{base}/listing/earthbound"
    html = client.get(url).text
    obs = scraper.extract(
        html, url, source="css", selector=".price-box", attribute="data-price", currency_hint="USD"
    )
    assert [o.price.amount for o in obs] == [price_for("earthbound", DAY)]
