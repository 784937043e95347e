"""Shared by the demo marketplace tests (the ``market`` and ``client`` fixtures are in
conftest.py)."""

from __future__ import annotations

from datetime import date

import scraper
from scraper import FetchSettings
from scraper.demo_marketplace import LISTING_SELECTOR, DemoMarketplaceServer

DAY = date(2025, 3, 14)
SHAPE_SOURCE = {"jsonld": "structured", "microdata": "structured", "opengraph": "structured"}


def _settings(server: DemoMarketplaceServer) -> FetchSettings:
    return FetchSettings(
        allowed_hosts={server.host_port}, min_host_delay=0.0, max_retries=0, backoff_base=0.01
    )


def _extract_shop(html: str, url: str, shape: str) -> list[scraper.Observation]:
    if shape == "css":
        return scraper.extract(html, url, source="css", selector=LISTING_SELECTOR)
    return scraper.extract(html, url, source=SHAPE_SOURCE[shape])
