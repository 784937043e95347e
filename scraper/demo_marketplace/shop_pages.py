"""Shop pages, one renderer per shape of :data:`SHOP_PATHS`: JSON-LD Product/Offer,
microdata, OpenGraph ``product:price:*`` meta tags, plain listings (``.price-now``) and
marketplace listings with several sellers (``market.py``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from scraper.demo_marketplace.catalogue import Product, price_for
from scraper.demo_marketplace.layout import SITE, _e, _json_ld, _money, _page, _plain
from scraper.demo_marketplace.market import render_market

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
    "market": render_market,
}
