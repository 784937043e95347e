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
    COLLECTOR_TRACKERS,
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
from scraper.demo_marketplace.collector_pages import (
    SOLD_DAYS,
    collector_observations,
    collector_price,
)
from scraper.demo_marketplace.discogs_api import discogs_price
from scraper.demo_marketplace.discogs_listings import (
    DISCOGS_TRACKERS,
    demo_listings,
    release_path,
)
from scraper.demo_marketplace.ebay_browse_api import (
    EBAY_API_ITEMS,
    EBAY_API_TRACKERS,
    ebay_api_price,
    ebay_item_path,
)
from scraper.demo_marketplace.edge_cases import EDGE_CASES
from scraper.demo_marketplace.market import (
    SELLERS,
    MarketOffer,
    MarketSeller,
    market_offers,
    market_sellers,
)
from scraper.demo_marketplace.routes import ROBOTS_TXT
from scraper.demo_marketplace.server import DemoMarketplaceServer, make_server, serve_in_thread

__all__ = [
    "BY_NAME",
    "CARD_CONDITIONS",
    "CATALOGUE",
    "COLLECTOR_TRACKERS",
    "DISCOGS_TRACKERS",
    "EBAY_API_ITEMS",
    "EBAY_API_TRACKERS",
    "EDGE_CASES",
    "GAME_CONDITIONS",
    "LISTING_SELECTOR",
    "ROBOTS_TXT",
    "SELLERS",
    "SHOP_PATHS",
    "SOLD_DAYS",
    "DemoMarketplaceServer",
    "MarketOffer",
    "MarketSeller",
    "Product",
    "collector_observations",
    "collector_price",
    "demo_listings",
    "discogs_price",
    "ebay_api_price",
    "ebay_item_path",
    "make_server",
    "market_offers",
    "market_sellers",
    "price_for",
    "product_for_name",
    "product_urls",
    "release_path",
    "serve_in_thread",
    "shop_path",
    "wobble",
]
