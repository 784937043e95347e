"""The demo marketplace HTTP server (stdlib ``ThreadingHTTPServer``, no dependencies).

Routes (every product of :data:`CATALOGUE` in every shape):

* ``/`` — index with links to every page;
* ``/game/<console>/<product>`` — PriceCharting-like page (cards and games), a
  ``/game/<other>/<product>`` with a known product answers 301 to the canonical path;
* ``/shop/product/<slug>`` — JSON-LD Product/Offer;
* ``/store/item/<slug>`` — microdata;
* ``/og/<slug>`` — OpenGraph / ``product:price:*`` meta tags only;
* ``/listing/<slug>`` — plain HTML, price in ``.price-now`` (and ``data-price``);
* ``/private/…`` — disallowed by ``/robots.txt``;
* the deliberate edge pages of :data:`EDGE_CASES`.

Every HTML answer has ``Content-Type: text/html; charset=utf-8``, a strong ``ETag``
(hash of the body), ``Last-Modified`` (midnight UTC of the first day the body looked
like today's), ``Cache-Control: no-cache`` and ``X-Demo-Marketplace: 1``; a matching
``If-None-Match`` (or, without it, ``If-Modified-Since``) gets ``304``.
"""

from __future__ import annotations

import hashlib
import html
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from email.utils import format_datetime, parsedate_to_datetime
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast
from urllib.parse import urlsplit

from scraper.demo_marketplace.catalogue import (
    CARD_CONDITIONS,
    CATALOGUE,
    EDGE_CASES,
    SHOP_PATHS,
    Product,
    price_for,
    shop_path,
)

__all__ = ["DemoMarketplaceServer", "make_server", "render", "serve_in_thread", "utc_today"]

SITE = "Demo Marketplace"
ROBOTS_TXT = "User-agent: *\nDisallow: /private/\nAllow: /\n"
#: How many days back Last-Modified looks for an identical page.
_LOOKBACK_DAYS = 45

_CONSOLE_NAMES = {
    "pokemon-base-set": "Pokemon Base Set",
    "pokemon-evolving-skies": "Pokemon Evolving Skies",
    "pokemon-japanese-151": "Pokemon Japanese 151",
    "magic-unlimited": "Magic Unlimited",
    "magic-alpha": "Magic Alpha",
    "magic-future-sight": "Magic Future Sight",
    "magic-lord-of-the-rings": "Magic Lord of the Rings",
    "yugioh-legend-of-blue-eyes-white-dragon": "YuGiOh Legend of Blue Eyes White Dragon",
    "one-piece-romance-dawn": "One Piece Romance Dawn",
    "lorcana-the-first-chapter": "Lorcana The First Chapter",
    "basketball-cards-1986-fleer": "Basketball Cards 1986 Fleer",
    "super-nintendo": "Super Nintendo",
    "nintendo-64": "Nintendo 64",
    "gameboy": "GameBoy",
    "playstation": "Playstation",
    "sega-saturn": "Sega Saturn",
    "gamecube": "Gamecube",
    "jp-gameboy-advance": "JP GameBoy Advance",
    "nes": "NES",
}
_GAME_HEADINGS = ("Loose", "Complete", "New", "Graded", "Box Only", "Manual Only")
_CARD_HEADINGS = ("Ungraded", "Grade 7", "Grade 8", "Grade 9", "Grade 9.5", "PSA 10")
_CELL_IDS = (
    "used_price",
    "complete_price",
    "new_price",
    "graded_price",
    "box_only_price",
    "manual_only_price",
)
_PC_INDEX: dict[str, Product] = {p.pricecharting: p for p in CATALOGUE.values() if p.pricecharting}


def utc_today() -> date:
    return datetime.now(UTC).date()


# ----------------------------------------------------------------------------- rendering


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _money(amount: Decimal | None) -> str:
    return "-" if amount is None else f"${amount:,.2f}"


def _plain(amount: Decimal) -> str:
    return f"{amount:.2f}"


def _json_ld(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def _page(title: str, body: str, head: str = "", canonical: str | None = None) -> str:
    link = f'<link rel="canonical" href="{_e(canonical)}">\n' if canonical else ""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_e(title)}</title>\n{link}{head}</head>\n<body>\n"
        f'<header class="site"><a href="/">{SITE}</a> '
        '<span class="cart-total">Cart: $0.00</span></header>\n'
        f"<main>\n{body}\n</main>\n"
        "<footer><p>Local demo data for Omni-Stock. Prices move a little every day.</p>"
        "</footer>\n</body>\n</html>\n"
    )


def _console_name(console: str) -> str:
    return _CONSOLE_NAMES.get(console) or console.replace("-", " ").title()


def _pc_cells(product: Product, day: date) -> list[tuple[Decimal | None, Decimal | None]]:
    """(price, change since yesterday) for the six cells of the price table."""
    yesterday = day - timedelta(days=1)
    if product.category == "trading_card":
        conditions = list(CARD_CONDITIONS)
        cells = [
            (price_for(product.slug, day, c), price_for(product.slug, yesterday, c))
            for c in conditions
        ]
    else:
        conditions = ["loose", "cib", "new", "graded"]
        cells = [
            (price_for(product.slug, day, c), price_for(product.slug, yesterday, c))
            for c in conditions
        ]
        # Box only / manual only are parts, not the item: a fraction of the loose price.
        loose_today, loose_before = cells[0]
        for share in (Decimal("0.35"), Decimal("0.12")):
            cells.append(
                (
                    (loose_today * share).quantize(Decimal("0.01")),
                    (loose_before * share).quantize(Decimal("0.01")),
                )
            )
    return [(today, today - before) for today, before in cells]


def _change_span(change: Decimal | None) -> str:
    if change is None:
        return ""
    sign = "+" if change > 0 else ("-" if change < 0 else "")
    return (
        '\n      <span class="change" title="dollar change from last update">'
        f'{sign}<span class="js-price">{_money(abs(change))}</span></span>'
    )


def _pricecharting_page(
    product_title: str,
    console: str,
    path: str,
    cells: list[tuple[Decimal | None, Decimal | None]],
    card: bool,
    product_id: int,
) -> str:
    headings = _CARD_HEADINGS if card else _GAME_HEADINGS
    console_label = _console_name(console)
    hidden = ' class="tablet-portrait-hidden"'
    th = "".join(f"<th{hidden if i >= 3 else ''}>{h}</th>" for i, h in enumerate(headings))
    tds = []
    for i, (cell_id, (price, change)) in enumerate(zip(_CELL_IDS, cells, strict=True)):
        css = hidden if i >= 3 else ""
        tds.append(
            f'    <td id="{cell_id}"{css}>\n      <span class="price js-price">{_money(price)}</span>'
            f"{_change_span(change if price is not None else None)}\n    </td>"
        )
    repeated = "".join(
        f'<td id="{cell_id}"><span class="price js-price">{_money(price)}</span></td>'
        for cell_id, (price, _) in list(zip(_CELL_IDS, cells, strict=True))[3:]
    )
    kind = "Cards" if card else "Games"
    body = (
        '<div id="game-page">\n'
        f'<h1 id="product_name" class="chart_title" title="{product_id}">{_e(product_title)}\n'
        f'  <a href="/console/{_e(console)}">{_e(console_label)}</a></h1>\n'
        '<table id="price_data" class="info_box">\n'
        f"  <thead><tr>{th}</tr></thead>\n"
        "  <tbody><tr>\n" + "\n".join(tds) + "\n  </tr></tbody>\n"
        f'  <tbody><tr class="additional_data">{repeated}</tr></tbody>\n'
        "</table>\n"
        '<p class="disclaimer">Prices are based on completed sales (demo data).</p>\n'
        "</div>"
    )
    return _page(
        f"{product_title} Prices | {console_label} | {kind}",
        body,
        canonical=path,
    )


def _product_id(slug: str) -> int:
    return int.from_bytes(hashlib.sha256(slug.encode()).digest()[:3], "big")


def _render_game(product: Product, day: date) -> str:
    assert product.pricecharting
    assert product.console
    return _pricecharting_page(
        product.display_title,
        product.console,
        f"/game/{product.pricecharting}",
        _pc_cells(product, day),
        product.category == "trading_card",
        _product_id(product.slug),
    )


_SCHEMA_IN_STOCK = "https://schema.org/InStock"
_SCHEMA_OUT_OF_STOCK = "https://schema.org/OutOfStock"


def _jsonld_page(title: str, slug: str, offers: list[dict[str, Any]], shown: str) -> str:
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "Product",
        "name": title,
        "sku": f"DEMO-{slug.upper()[:24]}",
        "image": [f"/images/{slug}.jpg"],
        "brand": {"@type": "Brand", "name": SITE},
        "offers": offers[0] if len(offers) == 1 else offers,
    }
    body = (
        f'<nav class="crumbs"><a href="/">Home</a> › {_e(title)}</nav>\n'
        f'<h1 class="product-title">{_e(title)}</h1>\n'
        f'<div class="price-box">{shown}</div>\n'
        "<button>Add to cart</button>"
    )
    return _page(f"{title} – {SITE}", body, head=_json_ld(data) + "\n")


def _offer(slug: str, price: Decimal | None, currency: str, in_stock: bool) -> dict[str, Any]:
    offer: dict[str, Any] = {"@type": "Offer", "url": f"/shop/product/{slug}"}
    if price is not None:
        offer["priceCurrency"] = currency
        offer["price"] = _plain(price)
    offer["availability"] = _SCHEMA_IN_STOCK if in_stock else _SCHEMA_OUT_OF_STOCK
    offer["seller"] = {"@type": "Organization", "name": SITE}
    return offer


def _render_jsonld(product: Product, day: date) -> str:
    price = price_for(product.slug, day)
    offer = _offer(product.slug, price, product.currency, True)
    return _jsonld_page(
        product.display_title,
        product.slug,
        [offer],
        f'<span class="price">{_money(price)}</span> <span class="stock">In stock</span>',
    )


def _render_microdata(product: Product, day: date) -> str:
    price = price_for(product.slug, day)
    title = product.display_title
    body = (
        '<div itemscope itemtype="https://schema.org/Product">\n'
        f'  <h1 itemprop="name">{_e(title)}</h1>\n'
        f'  <img itemprop="image" src="/images/{_e(product.slug)}.jpg" alt="">\n'
        '  <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">\n'
        f'    <span class="price">$<span itemprop="price" content="{_plain(price)}">'
        f"{price:,.2f}</span></span>\n"
        f'    <meta itemprop="priceCurrency" content="{_e(product.currency)}">\n'
        f'    <link itemprop="availability" href="{_SCHEMA_IN_STOCK}">In stock\n'
        "  </div>\n"
        '  <div class="seller" itemscope itemtype="https://schema.org/Organization">\n'
        f'    <span itemprop="name">{SITE}</span>\n'
        "  </div>\n"
        "</div>"
    )
    return _page(f"{title} – {SITE}", body)


def _render_opengraph(product: Product, day: date) -> str:
    price = price_for(product.slug, day)
    title = product.display_title
    head = (
        '<meta property="og:type" content="product">\n'
        f'<meta property="og:title" content="{_e(title)}">\n'
        f'<meta property="og:url" content="/og/{_e(product.slug)}">\n'
        f'<meta property="product:price:amount" content="{_plain(price)}">\n'
        f'<meta property="product:price:currency" content="{_e(product.currency)}">\n'
        '<meta property="product:availability" content="in stock">\n'
    )
    body = f"<h1>{_e(title)}</h1>\n<p>See the price in our app.</p>"
    return _page(f"{title} | {SITE}", body, head=head)


def _listing_page(title: str, price_html: str, attrs: str = "") -> str:
    body = (
        f'<h1 class="listing-title">{_e(title)}</h1>\n'
        f'<div class="price-box"{attrs}>\n{price_html}\n</div>\n'
        '<ul class="related">\n'
        '  <li><a href="/">Similar item</a> <span class="card-price">$19.99</span></li>\n'
        '  <li><a href="/">Another one</a> <span class="card-price">$24.99</span></li>\n'
        "</ul>\n"
        '<p class="shipping">Ships in 2–3 days</p>'
    )
    head = f'<meta property="og:title" content="{_e(title)}">\n'
    return _page(f"{title} | {SITE}", body, head=head)


def _render_listing(product: Product, day: date) -> str:
    price = price_for(product.slug, day)
    was = (price * Decimal("1.2")).quantize(Decimal("0.01"))
    return _listing_page(
        product.display_title,
        f'  <span class="price-now">{_money(price)}</span>\n'
        f'  <s class="price-was">{_money(was)}</s>',
        f' data-price="{_plain(price)}" data-currency="{_e(product.currency)}"',
    )


_RENDERERS: dict[str, Callable[[Product, date], str]] = {
    "jsonld": _render_jsonld,
    "microdata": _render_microdata,
    "opengraph": _render_opengraph,
    "css": _render_listing,
}


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
        rows.append(
            f"<tr><td>{_e(p.display_title)}</td><td>{_e(p.category)}</td>"
            f'<td class="price">{_money(price_for(p.slug, day))}</td>'
            f"<td>{' · '.join(links)}</td></tr>"
        )
    edges = "".join(
        '<li><a href="{0}">{0}</a> — {1}</li>'.format(_e(c["path"]), _e(c["note"]))
        for c in EDGE_CASES
    )
    body = (
        f"<h1>{SITE}</h1>\n"
        f"<p>{len(CATALOGUE)} products in several page shapes: a PriceCharting-like price "
        "guide, JSON-LD, microdata and OpenGraph shop pages, and plain listings "
        "(price in <code>.price-now</code>).</p>\n"
        '<table class="catalogue"><thead><tr><th>Product</th><th>Category</th>'
        "<th>Today</th><th>Pages</th></tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody></table>\n"
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
    return Answer(
        404,
        _page(f"Not found – {SITE}", "<h1>Not found</h1>\n<p>No such page.</p>"),
        cacheable=False,
    )


def _last_modified_day(path: str, day: date) -> date:
    """The first day (looking back at most ``_LOOKBACK_DAYS``) showing today's body."""
    body = render(path, day).body
    first = day
    for back in range(1, _LOOKBACK_DAYS + 1):
        earlier = day - timedelta(days=back)
        if render(path, earlier).body != body:
            break
        first = earlier
    return first


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:24] + '"'


def _etag_matches(header: str, etag: str) -> bool:
    if header.strip() == "*":
        return True
    candidates = [c.strip() for c in header.split(",")]
    return any(c.removeprefix("W/") == etag for c in candidates)


# -------------------------------------------------------------------------------- server


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "DemoMarketplace/1.0"
    disable_nagle_algorithm = True  # one small response per request: no 40 ms stalls

    @property
    def marketplace(self) -> DemoMarketplaceServer:
        return cast(DemoMarketplaceServer, self.server)

    def log_message(self, format: str, *args: Any) -> None:
        if self.marketplace.verbose:
            super().log_message(format, *args)

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_GET(self) -> None:
        self._answer(head=False)

    def _answer(self, *, head: bool) -> None:
        self.marketplace.count_request()
        path = urlsplit(self.path).path or "/"
        day = self.marketplace.today()
        answer = render(path, day)
        body = answer.body.encode("utf-8")
        headers: dict[str, str] = {
            "X-Demo-Marketplace": "1",
            "Cache-Control": "no-cache",
        }
        status = answer.status
        if answer.location:
            headers["Location"] = answer.location
        if answer.cacheable and status == 200:
            etag = _etag(body)
            modified = datetime.combine(_last_modified_day(path, day), time(0), tzinfo=UTC)
            headers["ETag"] = etag
            headers["Last-Modified"] = format_datetime(modified, usegmt=True)
            if self._not_modified(etag, modified):
                status, body = 304, b""
        try:
            self.send_response(status)
            if status != 304:
                headers["Content-Type"] = answer.content_type
                headers["Content-Length"] = str(len(body))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if body and not head:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # client went away
            self.close_connection = True

    def _not_modified(self, etag: str, modified: datetime) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            return _etag_matches(if_none_match, etag)
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                when = parsedate_to_datetime(since)
            except (TypeError, ValueError, IndexError):
                return False
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            return modified <= when
        return False


class DemoMarketplaceServer(ThreadingHTTPServer):
    """The marketplace server. ``today`` is the clock (UTC date); swap it in tests."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        address: tuple[str, int],
        *,
        today: Callable[[], date] = utc_today,
        verbose: bool = False,
    ) -> None:
        super().__init__(address, _Handler)
        self.today = today
        self.verbose = verbose
        self.requests_served = 0
        self._count_lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def count_request(self) -> None:
        with self._count_lock:
            self.requests_served += 1

    @property
    def host_port(self) -> str:
        """``host:port`` as ``FetchSettings.allowed_hosts`` wants it."""
        host, port = self.server_address[:2]
        host = str(host)
        return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"

    @property
    def base_url(self) -> str:
        return f"http://{self.host_port}"

    def stop(self) -> None:
        """Stop serving (if started by :func:`serve_in_thread`) and close the socket."""
        if self._thread is not None:
            self.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self.server_close()


def make_server(
    host: str = "127.0.0.1",
    port: int = 8765,
    *,
    today: Callable[[], date] = utc_today,
    verbose: bool = False,
) -> DemoMarketplaceServer:
    """A bound (not yet serving) marketplace server; call ``serve_forever()``."""
    return DemoMarketplaceServer((host, port), today=today, verbose=verbose)


def serve_in_thread(
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    today: Callable[[], date] = utc_today,
    verbose: bool = False,
) -> tuple[DemoMarketplaceServer, str]:
    """Start a marketplace in a daemon thread. Returns ``(server, base_url)``;
    ``server.stop()`` shuts it down. ``port=0`` picks a free port."""
    server = make_server(host, port, today=today, verbose=verbose)
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": 0.05},
        name=f"demo-marketplace-{server.server_address[1]}",
        daemon=True,
    )
    server._thread = thread
    thread.start()
    return server, server.base_url
