"""The demo marketplace through the real fetch path: trackers, conditional GET, edge
pages, and the end-to-end benchmark."""

from __future__ import annotations

import asyncio

import pytest

import scraper
from scraper import FetchTarget, InMemoryRobotsCache, NullHostLimiter, ScrapeFailure
from scraper.demo_marketplace import (
    CATALOGUE,
    EDGE_CASES,
    DemoMarketplaceServer,
    collector_observations,
    market_offers,
    price_for,
    product_urls,
)
from scraper.tests.demo_helpers import DAY, _settings

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
                        # The demo's card-market cards are English non-foil (card details).
                        options={"language": "en", "finish": "non_foil"},
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
        source, condition = str(tracker["source"]), tracker["condition"]
        if source in ("ebay", "cardmarket"):  # a sold-listings page: a sale a day
            url = str(tracker["url"])
            got = [(o.price.amount, o.price.currency, o.observed_at.date()) for o in observations]
            expected = collector_observations(slug, source, url, condition, DAY)
            if "/ebay/sch/" not in url:  # a price seen now, not a past sale
                got = [(amount, currency, DAY) for amount, currency, _ in got]
            assert got == expected, (slug, tracker)
            assert {o.condition for o in observations} == {condition}
            continue
        assert {o.price.currency for o in observations} == {"USD"}
        if "/market/" in str(tracker["url"]):  # a listings page: one offer per seller
            offers = [(o.seller.name if o.seller else None, o.price.amount) for o in observations]
            assert offers == [(m.seller.name, m.price) for m in market_offers(slug, DAY)]
            continue
        assert len(observations) == 1, (slug, tracker, observations)
        expected = price_for(slug, DAY, tracker["condition"])  # type: ignore[arg-type]
        assert observations[0].price.amount == expected, (slug, tracker)


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
