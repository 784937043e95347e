"""Alerts test helpers: the price engine's local page server (never the internet), serving
one product page whose price and availability each test sets."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from price_history import services as price_services
from price_history.factories import TrackerFactory
from price_history.models import JobKind, ScrapeRun, Tracker
from price_history.tests.conftest import (  # noqa: F401  (fixtures)
    PageServer,
    Reply,
    _fast_passwords,
    item,
    owner,
    owner_client,
    pages,
    scraper_settings,
    stranger_client,
    vendor,
    viewer_client,
)

PRODUCT = "/shop/product"


def product_page(price: Decimal | str, currency: str = "EUR", in_stock: bool = True) -> str:
    offer = {
        "@type": "Offer",
        "price": str(price),
        "priceCurrency": currency,
        "availability": f"https://schema.org/{'InStock' if in_stock else 'OutOfStock'}",
    }
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Card", "offers": offer}
    return (
        '<html><head><script type="application/ld+json">'
        f"{json.dumps(data)}</script></head><body>Card</body></html>"
    )


class Shop:
    """The tracked page: `shop.offer(price)` changes what the next check sees."""

    def __init__(self, server: PageServer, tracker: Tracker, path: str = PRODUCT) -> None:
        self.pages = server
        self.tracker = tracker
        self.path = path

    def offer(self, price: Decimal | str, currency: str = "EUR", in_stock: bool = True) -> None:
        self.pages.routes[self.path] = Reply(body=product_page(price, currency, in_stock))

    def broken(self) -> None:
        self.pages.routes[self.path] = Reply(500, "down", content_type="text/plain")

    def check(self) -> ScrapeRun:
        """One scrape run of the tracker, as a worker does it."""
        job = price_services.scrape_job_create(
            kind=JobKind.MANUAL, trackers=[self.tracker], publish=False
        )
        run = job.runs.get()
        price_services.scrape_run_execute(run_id=run.pk)
        run.refresh_from_db()
        self.tracker.refresh_from_db()
        return run


@pytest.fixture
def shop(scraper_settings: Any, pages: PageServer, item: Any) -> Shop:  # noqa: F811
    tracker = TrackerFactory(collectible=item, url=pages.url(PRODUCT))
    return Shop(pages, tracker)


@pytest.fixture
def other_shop(shop: Shop, item: Any) -> Shop:  # noqa: F811
    """A second tracker of the same item, on another page."""
    path = "/other/product"
    return Shop(shop.pages, TrackerFactory(collectible=item, url=shop.pages.url(path)), path)
