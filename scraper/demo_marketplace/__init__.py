"""A local demo marketplace: pages in every shape the scraper's sources read, with
prices that move a little every day (deterministically).

``python -m scraper.demo_marketplace [--host 127.0.0.1] [--port 8765]`` serves it.
Importing this package starts nothing: :func:`price_for`, :data:`CATALOGUE` and
:func:`product_urls` are pure, so ``seed_demo`` can backfill a history that matches
what the server shows today. Tests start it with :func:`serve_in_thread` on port 0.
"""

from scraper.demo_marketplace.catalogue import (
    BY_NAME,
    CARD_CONDITIONS,
    CATALOGUE,
    EDGE_CASES,
    GAME_CONDITIONS,
    LISTING_SELECTOR,
    SHOP_PATHS,
    Product,
    price_for,
    product_for_name,
    product_urls,
    shop_path,
    wobble,
)
from scraper.demo_marketplace.routes import ROBOTS_TXT
from scraper.demo_marketplace.server import DemoMarketplaceServer, make_server, serve_in_thread

__all__ = [
    "BY_NAME",
    "CARD_CONDITIONS",
    "CATALOGUE",
    "EDGE_CASES",
    "GAME_CONDITIONS",
    "LISTING_SELECTOR",
    "ROBOTS_TXT",
    "SHOP_PATHS",
    "DemoMarketplaceServer",
    "Product",
    "make_server",
    "price_for",
    "product_for_name",
    "product_urls",
    "serve_in_thread",
    "shop_path",
    "wobble",
]
