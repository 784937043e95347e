"""Shared by the fetch tests (test_http_*.py): page bodies and small call wrappers."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from scraper import FetchSettings, InMemoryRobotsCache, NullHostLimiter, ScrapeFailure, fetch_page

FIXTURES = Path(__file__).parent / "fixtures"
PRODUCT = (FIXTURES / "structured" / "jsonld_single_offer.html").read_text(encoding="utf-8")
PRICECHARTING = (FIXTURES / "pricecharting" / "game_maniac_mansion.html").read_text(
    encoding="utf-8"
)


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def fetch(url: str, settings: FetchSettings, **kwargs: Any) -> Any:
    kwargs.setdefault("limiter", NullHostLimiter())
    kwargs.setdefault("robots_cache", InMemoryRobotsCache())
    return run(fetch_page(url, settings=settings, **kwargs))


def failure_of(url: str, settings: FetchSettings, **kwargs: Any) -> ScrapeFailure:
    with pytest.raises(ScrapeFailure) as info:
        fetch(url, settings, **kwargs)
    return info.value
