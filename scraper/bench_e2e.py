"""End-to-end scrape throughput against the local demo marketplace.

``uv run python -m scraper.bench_e2e [--requests N]`` starts the demo marketplace in a
thread and fetches the same N product pages twice, one page at a time (the politeness
rule allows one request in flight per host):

* **scraper** — the production path, :func:`scraper.scrape`: SSRF check, robots.txt
  (cached after the first page), the in-process host limiter (min delay 0), streamed
  body with the size cap, content-type and charset handling, then extraction with the
  page's source and the condition filter;
* **raw GET** — a bare ``client.get(url)`` on the same kind of client
  (:func:`scraper.make_client`; the marketplace is allow-listed, so its transport is a
  plain httpx transport) reading the body and nothing else.

Both use one shared keep-alive client, the server's page cache is warmed first, and
the ratio raw/scraper is the cost of everything the scraper adds per page. Every
scraped price is checked against :func:`scraper.demo_marketplace.price_for`.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import sys
import time
from datetime import date
from typing import Any

from scraper.demo_marketplace import (
    CATALOGUE,
    collector_observations,
    price_for,
    product_urls,
    serve_in_thread,
)
from scraper.http import FetchSettings, InMemoryRobotsCache, InProcessHostLimiter, make_client
from scraper.pipeline import FetchTarget, scrape
from scraper.types import ScrapeFailure

__all__ = ["main", "run"]


def _targets(base_url: str, n: int) -> list[dict[str, Any]]:
    """``n`` tracker definitions cycling over every product's trackers."""
    every = [(slug, t) for slug in CATALOGUE for t in product_urls(slug, base_url)]
    return [{"slug": slug, **t} for slug, t in itertools.islice(itertools.cycle(every), n)]


async def _bench(base_url: str, host_port: str, day: date, n: int) -> dict[str, Any]:
    settings = FetchSettings(allowed_hosts={host_port}, min_host_delay=0.0, max_retries=0)
    limiter = InProcessHostLimiter()
    robots = InMemoryRobotsCache()
    targets = _targets(base_url, n)
    async with make_client(settings) as client:
        # Warm-up: server page cache, connection, robots.txt.
        for t in targets[: len(CATALOGUE) * 2]:
            await client.get(t["url"])
        await scrape(
            FetchTarget(url=targets[0]["url"], source=targets[0]["source"]),
            settings=settings,
            client=client,
            limiter=limiter,
            robots_cache=robots,
        )

        started = time.perf_counter()
        raw_bytes = 0
        for t in targets:
            response = await client.get(t["url"])
            raw_bytes += len(response.content)
        raw_seconds = time.perf_counter() - started

        failures: dict[str, int] = {}
        mismatches = 0
        observations = 0
        started = time.perf_counter()
        results = []
        for t in targets:
            target = FetchTarget(
                url=t["url"],
                source=t["source"],
                selector=t["selector"],
                attribute=t["attribute"],
                condition=t["condition"],
                options={"language": "en", "finish": "non_foil"},  # the demo cards' details
            )
            try:
                result = await scrape(
                    target, settings=settings, client=client, limiter=limiter, robots_cache=robots
                )
            except ScrapeFailure as failure:
                failures[failure.kind.value] = failures.get(failure.kind.value, 0) + 1
                continue
            results.append((t, result))
        scraper_seconds = time.perf_counter() - started

    for t, result in results:  # checked outside the timed loop
        observations += len(result.observations)
        if t["source"] in ("ebay", "cardmarket"):  # their own pages and prices
            found = collector_observations(t["slug"], t["source"], t["url"], t["condition"], day)
            expected = [amount for amount, _, _ in found]
        else:
            expected = [price_for(t["slug"], day, t["condition"])]
        if [o.price.amount for o in result.observations] != expected:
            mismatches += 1
    scraper_pps = n / scraper_seconds if scraper_seconds else float("inf")
    raw_pps = n / raw_seconds if raw_seconds else float("inf")
    return {
        "requests": n,
        "scraper_seconds": scraper_seconds,
        "scraper_pages_per_s": scraper_pps,
        "raw_seconds": raw_seconds,
        "raw_pages_per_s": raw_pps,
        "ratio": raw_pps / scraper_pps if scraper_pps else float("inf"),
        "mean_page_bytes": raw_bytes / n if n else 0,
        "observations": observations,
        "failures": failures,
        "price_mismatches": mismatches,
    }


def run(n_requests: int = 200, *, verbose: bool = True) -> dict[str, Any]:
    """Start the demo marketplace in a thread, benchmark, stop it; print and return
    ``requests``, ``scraper_pages_per_s``, ``raw_pages_per_s``, ``ratio`` (raw/scraper),
    the timings, ``observations``, ``failures`` (by kind) and ``price_mismatches``."""
    if n_requests < 1:
        raise ValueError("n_requests must be at least 1")
    day = date.today()
    server, base_url = serve_in_thread(today=lambda: day)
    try:
        report = asyncio.run(_bench(base_url, server.host_port, day, n_requests))
    finally:
        server.stop()
    if verbose:
        print(
            f"end-to-end against the demo marketplace ({n_requests} pages, one at a time, "
            f"~{report['mean_page_bytes'] / 1024:.1f} KiB each):\n"
            f"  raw httpx GET : {report['raw_pages_per_s']:8.1f} pages/s "
            f"({report['raw_seconds'] * 1000 / n_requests:.2f} ms/page)\n"
            f"  scraper.scrape: {report['scraper_pages_per_s']:8.1f} pages/s "
            f"({report['scraper_seconds'] * 1000 / n_requests:.2f} ms/page)\n"
            f"  raw/scraper = {report['ratio']:.2f}x; {report['observations']} observations, "
            f"failures {report['failures'] or 'none'}, "
            f"price mismatches {report['price_mismatches']}"
        )
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scraper.bench_e2e", description=__doc__)
    parser.add_argument("--requests", type=int, default=200, help="pages per side")
    args = parser.parse_args(argv)
    report = run(max(1, args.requests))
    return 1 if report["failures"] or report["price_mismatches"] else 0


if __name__ == "__main__":
    sys.exit(main())
