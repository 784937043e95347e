"""What the demo marketplace answers for each path: :func:`render` (pure, cached).

Routes (every product of :data:`CATALOGUE` in every shape):

* ``/`` — index with links to every page;
* ``/game/<console>/<product>`` — PriceCharting-like page (cards and games), a
  ``/game/<other>/<product>`` with a known product answers 301 to the canonical path;
* ``/shop/product/<slug>`` — JSON-LD Product/Offer;
* ``/store/item/<slug>`` — microdata;
* ``/og/<slug>`` — OpenGraph / ``product:price:*`` meta tags only;
* ``/listing/<slug>`` — plain HTML, price in ``.price-now`` (and ``data-price``);
* ``/market/<slug>`` — a marketplace listings page: several sellers' offers (JSON-LD);
* ``/ebay/itm/<slug>``, ``/ebay/sch/<slug>``, ``/cardmarket/Magic/Products/Singles/<slug>``
  — eBay-like item and sold-listings pages and a Cardmarket-like card page
  (``collector_pages.py``) for the items watched there;
* ``/discogs/release/<id>-<slug>`` and the Discogs-shaped JSON API under
  ``/discogs-api/`` (``discogs_api.py``) for the demo's records, and their marketplace
  listings pages ``/discogs/sell/release/<id>`` (``discogs_listings.py``);
* ``/ebay/itm/<number>`` and the eBay Browse-shaped JSON API under ``/ebay-api/``
  (``ebay_browse_api.py``; the server answers the API, which reads headers and a POST);
* ``/private/…`` — disallowed by ``/robots.txt``;
* the deliberate edge pages of :data:`EDGE_CASES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from scraper.demo_marketplace.catalogue import (
    CATALOGUE,
    COLLECTOR_TRACKERS,
    SHOP_PATHS,
    price_for,
    shop_path,
)
from scraper.demo_marketplace.collector_pages import collector_page
from scraper.demo_marketplace.discogs_api import api_answer, demo_release_links, release_page
from scraper.demo_marketplace.discogs_listings import listings_page
from scraper.demo_marketplace.ebay_browse_api import (
    EBAY_API_ITEMS,
    ebay_item_page,
    ebay_item_path,
)
from scraper.demo_marketplace.edge_cases import EDGE_CASES
from scraper.demo_marketplace.layout import SITE, _e, _money, _page
from scraper.demo_marketplace.price_guide import (
    _PC_INDEX,
    _pricecharting_page,
    _product_id,
    _render_game,
)
from scraper.demo_marketplace.shop_pages import _RENDERERS, _jsonld_page, _listing_page, _offer

__all__ = ["ROBOTS_TXT", "Answer", "render"]

ROBOTS_TXT = "User-agent: *\nDisallow: /private/\nAllow: /\n"


def _edge_page(path: str, day: date) -> str | None:
    if path == "/shop/product/virtual-boy-sold-out":
        return _jsonld_page(
            "Nintendo Virtual Boy (console, boxed)",
            "virtual-boy-sold-out",
            [_offer("virtual-boy-sold-out", None, "USD", False)],
            '<span class="stock">Sold out</span>',
        )
    if path == "/shop/product/game-boy-camera-gold-last-one-sold":
        return _jsonld_page(
            "Game Boy Camera Gold (Zelda edition)",
            "game-boy-camera-gold-last-one-sold",
            [_offer("game-boy-camera-gold-last-one-sold", Decimal("189.00"), "USD", False)],
            '<span class="price">$189.00</span> <span class="stock">Sold out</span>',
        )
    if path == "/shop/product/mixed-lot-two-prices":
        slug = "mixed-lot-two-prices"
        return _jsonld_page(
            "Mixed lot of N64 games",
            slug,
            [
                _offer(slug, Decimal("120.00"), "USD", True),
                _offer(slug, Decimal("95.00"), "USD", True),
            ],
            '<span class="price">$95.00 – $120.00</span>',
        )
    if path == "/listing/mystery-box-price-on-request":
        return _listing_page(
            "Mystery box of retro games",
            '  <span class="price-now">Price on request</span>',
        )
    if path == "/listing/redesigned-shop-page":
        return _listing_page(
            "Sega Dreamcast (boxed)",
            '  <div class="product-price__current">$145.00</div>',
        )
    if path == "/game/nes/no-prices-yet":
        return _pricecharting_page(
            "Unreleased Prototype Cartridge",
            "nes",
            path,
            [(None, None)] * 6,
            False,
            _product_id(path),
        )
    if path.startswith("/private/"):
        return _listing_page(
            "Dealer price list (private)",
            '  <span class="price-now">$1.00</span>',
        )
    return None


def _index(day: date) -> str:
    rows = []
    for p in CATALOGUE.values():
        links = []
        if p.pricecharting:
            links.append(f'<a href="/game/{_e(p.pricecharting)}">price guide</a>')
        for shape in SHOP_PATHS:
            label = "(tracked) " if shape == p.shop else ""
            links.append(f'<a href="{_e(shop_path(p.slug, shape))}">{label}{shape}</a>')
        for source, path, _ in COLLECTOR_TRACKERS.get(p.slug, ()):
            links.append(f'<a href="{_e(path)}">(tracked) {source}</a>')
        rows.append(
            f"<tr><td>{_e(p.display_title)}</td><td>{_e(p.category)}</td>"
            f'<td class="price">{_money(price_for(p.slug, day))}</td>'
            f"<td>{' · '.join(links)}</td></tr>"
        )
    records = "".join(
        f'<li><a href="{_e(path)}">{_e(title)}</a></li>' for title, path in demo_release_links()
    )
    listings = "".join(
        f'<li><a href="{_e(ebay_item_path(slug))}">{_e(CATALOGUE[slug].display_title)}</a></li>'
        for slug in EBAY_API_ITEMS
    )
    edges = "".join(
        '<li><a href="{0}">{0}</a> — {1}</li>'.format(_e(c["path"]), _e(c["note"]))
        for c in EDGE_CASES
    )
    body = (
        f"<h1>{SITE}</h1>\n"
        f"<p>{len(CATALOGUE)} products in several page shapes: a PriceCharting-like price "
        "guide, JSON-LD, microdata and OpenGraph shop pages, plain listings "
        "(price in <code>.price-now</code>) and marketplace listings where several sellers "
        "offer each product.</p>\n"
        '<table class="catalogue"><thead><tr><th>Product</th><th>Category</th>'
        "<th>Today</th><th>Pages</th></tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody></table>\n"
        "<h2>Discogs releases (read through the demo Discogs API)</h2>\n"
        f'<ul class="discogs-releases">{records}</ul>\n'
        "<h2>eBay listings (read through the demo eBay Browse API)</h2>\n"
        f'<ul class="ebay-api-items">{listings}</ul>\n'
        f'<h2>Edge cases</h2>\n<ul class="edge-cases">{edges}</ul>'
    )
    return _page(SITE, body)


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    body: str
    content_type: str = "text/html; charset=utf-8"
    location: str | None = None
    #: Whether the body depends only on the day (then ETag / Last-Modified are sent).
    cacheable: bool = True


@lru_cache(maxsize=8192)
def render(path: str, day: date) -> Answer:
    """The answer for ``path`` (no query string) on ``day``. Pure; cached."""
    if path == "/":
        return Answer(200, _index(day))
    if path == "/robots.txt":
        return Answer(200, ROBOTS_TXT, "text/plain; charset=utf-8")
    edge = _edge_page(path, day)
    if edge is not None:
        return Answer(200, edge)
    parts = path.strip("/").split("/")
    if len(parts) == 3 and parts[0] == "game":
        product = _PC_INDEX.get(f"{parts[1]}/{parts[2]}")
        if product is not None:
            return Answer(200, _render_game(product, day))
        moved = CATALOGUE.get(parts[2])
        if moved is not None and moved.pricecharting:
            return Answer(301, "", location=f"/game/{moved.pricecharting}", cacheable=False)
    for shape, prefix in SHOP_PATHS.items():
        if path.startswith(prefix):
            product = CATALOGUE.get(path[len(prefix) :])
            if product is not None:
                return Answer(200, _RENDERERS[shape](product, day))
    collector = collector_page(path, day)
    if collector is not None:
        return Answer(200, collector)
    record = release_page(path)
    if record is not None:
        return Answer(200, record)
    listing = ebay_item_page(path, day)
    if listing is not None:
        return Answer(200, listing)
    offers = listings_page(path, day)
    if offers is not None:
        return Answer(200, offers)
    api = api_answer(path, day)
    if api is not None:
        return Answer(200, api, "application/json", cacheable=False)
    return Answer(
        404,
        _page(f"Not found – {SITE}", "<h1>Not found</h1>\n<p>No such page.</p>"),
        cacheable=False,
    )
