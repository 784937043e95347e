"""Omni-Stock scraper: fetch marketplace pages and turn them into price observations.

Standalone (no Django). Parsing never fetches (:func:`extract`), fetching never parses
(:mod:`scraper.http`); :func:`fetch_observations` / :func:`scrape` combine the two.
See ``scraper/README.md``.
"""

from scraper.catalogue import CATALOGUES, CatalogueMatch, search_catalogue
from scraper.http import (
    USER_AGENT,
    FetchedImage,
    FetchSettings,
    HostLimiter,
    InMemoryRobotsCache,
    InProcessHostLimiter,
    NullHostLimiter,
    Page,
    RedisHostLimiter,
    RedisRobotsCache,
    RobotsCache,
    check_url_allowed,
    classify_address,
    fetch_image,
    fetch_page,
    make_client,
)
from scraper.images import find_product_image
from scraper.pipeline import (
    FetchResult,
    FetchTarget,
    fetch_observations,
    fetch_product_image,
    filter_condition,
    scrape,
)
from scraper.prices import parse_price
from scraper.sources import SOURCES, extract, source_for_url
from scraper.sources.css import selector_problem
from scraper.types import (
    Auction,
    FailureKind,
    Money,
    NotModified,
    Observation,
    ScrapeFailure,
    Secret,
    Seller,
)

__all__ = [
    "CATALOGUES",
    "SOURCES",
    "USER_AGENT",
    "Auction",
    "CatalogueMatch",
    "FailureKind",
    "FetchResult",
    "FetchSettings",
    "FetchTarget",
    "FetchedImage",
    "HostLimiter",
    "InMemoryRobotsCache",
    "InProcessHostLimiter",
    "Money",
    "NotModified",
    "NullHostLimiter",
    "Observation",
    "Page",
    "RedisHostLimiter",
    "RedisRobotsCache",
    "RobotsCache",
    "ScrapeFailure",
    "Secret",
    "Seller",
    "check_url_allowed",
    "classify_address",
    "extract",
    "fetch_image",
    "fetch_observations",
    "fetch_page",
    "fetch_product_image",
    "filter_condition",
    "find_product_image",
    "make_client",
    "parse_price",
    "scrape",
    "search_catalogue",
    "selector_problem",
    "source_for_url",
]
