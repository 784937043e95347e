"""The demo marketplace's deliberate edge pages: not demo items, but pages each showing
one way a scrape goes wrong (or almost does), with what the scraper should say."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from scraper.demo_marketplace.catalogue import LISTING_SELECTOR

__all__ = ["EDGE_CASES"]

#: Deliberate edge pages (not demo items): path, how to track it, what the scraper says.
EDGE_CASES: list[dict[str, Any]] = [
    {
        "path": "/shop/product/virtual-boy-sold-out",
        "source": "structured",
        "selector": None,
        "failure": "out_of_stock",
        "note": "JSON-LD offer marked OutOfStock with no price",
    },
    {
        "path": "/shop/product/game-boy-camera-gold-last-one-sold",
        "source": "structured",
        "selector": None,
        "failure": None,
        "availability": "out_of_stock",
        "price": Decimal("189.00"),
        "note": "sold out but the last price is still shown",
    },
    {
        "path": "/shop/product/mixed-lot-two-prices",
        "source": "structured",
        "selector": None,
        "failure": "ambiguous_prices",
        "note": "two offers with different prices and nothing to choose between them",
    },
    {
        "path": "/listing/mystery-box-price-on-request",
        "source": "css",
        "selector": LISTING_SELECTOR,
        "failure": "no_price_found",
        "note": "the price element says 'Price on request'",
    },
    {
        "path": "/listing/redesigned-shop-page",
        "source": "css",
        "selector": LISTING_SELECTOR,
        "failure": "selector_not_found",
        "note": "the shop changed its layout: the selector matches nothing",
    },
    {
        "path": "/game/nes/no-prices-yet",
        "source": "pricecharting",
        "selector": None,
        "failure": "no_price_found",
        "note": "a PriceCharting-like page with no sales yet (every cell '-')",
    },
    {
        "path": "/private/dealer-price-list",
        "source": "structured",
        "selector": None,
        "failure": "robots_disallowed",
        "note": "robots.txt disallows /private/",
    },
]
