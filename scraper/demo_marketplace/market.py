"""Marketplace listings pages (``/market/<slug>``): several sellers offer one product.

A fixed cast of :data:`SELLERS`; each product is offered by :data:`OFFERS_PER_PRODUCT`
of them, chosen by a hash of the slug, so sellers overlap across products (what the
want list's seller bundles are built from). Each seller asks its own markup or discount
on the day's :func:`~scraper.demo_marketplace.catalogue.price_for` and charges its flat
shipping. The page carries schema.org JSON-LD (a ``Product`` whose ``AggregateOffer``
lists one ``Offer`` per seller with ``seller``, ``itemCondition`` and
``shippingDetails``) and the same offers as a visible table. Pure and deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from scraper.demo_marketplace.catalogue import CATALOGUE, SHOP_PATHS, Product, _unit, price_for
from scraper.demo_marketplace.layout import SITE, _e, _json_ld, _money, _page, _plain

__all__ = [
    "OFFERS_PER_PRODUCT",
    "SELLERS",
    "MarketOffer",
    "MarketSeller",
    "market_offers",
    "market_sellers",
    "render_market",
    "seller_url",
]

_CENT = Decimal("0.01")
_USED = "https://schema.org/UsedCondition"
_IN_STOCK = "https://schema.org/InStock"
OFFERS_PER_PRODUCT = 3


@dataclass(frozen=True, slots=True)
class MarketSeller:
    #: The seller's handle: its profile is ``/market/seller/<id>``.
    id: str
    name: str
    #: Flat shipping per order, in USD (zero: free).
    shipping: Decimal


SELLERS: tuple[MarketSeller, ...] = (
    MarketSeller("retro-rick", "Retro Rick's Records & Games", Decimal("4.50")),
    MarketSeller("mint-condition-co", "Mint Condition Co.", Decimal("3.99")),
    MarketSeller("attic-finds", "Attic Finds", Decimal("0.00")),
    MarketSeller("graded-goods", "Graded Goods", Decimal("6.00")),
    MarketSeller("vinyl-vault", "The Vinyl Vault", Decimal("5.25")),
    MarketSeller("corner-comics", "Corner Comics & Cards", Decimal("2.75")),
)


@dataclass(frozen=True, slots=True)
class MarketOffer:
    seller: MarketSeller
    price: Decimal
    currency: str


def seller_url(seller: MarketSeller) -> str:
    """The seller's profile path (the stable id its offers carry)."""
    return f"{SHOP_PATHS['market']}seller/{seller.id}"


def market_sellers(slug: str) -> tuple[MarketSeller, ...]:
    """The sellers offering ``slug`` (the same every day), in display order."""
    ranked = sorted(SELLERS, key=lambda seller: _unit(slug, seller.id, "sells"))
    return tuple(ranked[:OFFERS_PER_PRODUCT])


def market_offers(slug: str, day: date) -> list[MarketOffer]:
    """The offers on ``slug``'s listings page on ``day``, cheapest first: each seller asks
    0.9 to 1.2 times the day's price (its own factor per product)."""
    product = CATALOGUE[slug]
    base = price_for(slug, day)
    offers = []
    for seller in market_sellers(slug):
        factor = Decimal(f"{0.9 + 0.3 * _unit(slug, seller.id, 'asks'):.4f}")
        price = max((base * factor).quantize(_CENT, rounding=ROUND_HALF_UP), _CENT)
        offers.append(MarketOffer(seller, price, product.currency))
    return sorted(offers, key=lambda offer: (offer.price, offer.seller.id))


def _offer_json(product: Product, offer: MarketOffer) -> dict[str, Any]:
    seller = offer.seller
    return {
        "@type": "Offer",
        "url": f"{SHOP_PATHS['market']}{product.slug}#offer-{seller.id}",
        "priceCurrency": offer.currency,
        "price": _plain(offer.price),
        "availability": _IN_STOCK,
        "itemCondition": _USED,
        "seller": {"@type": "Organization", "name": seller.name, "url": seller_url(seller)},
        "shippingDetails": {
            "@type": "OfferShippingDetails",
            "shippingRate": {
                "@type": "MonetaryAmount",
                "value": _plain(seller.shipping),
                "currency": offer.currency,
            },
        },
    }


def render_market(product: Product, day: date) -> str:
    """The listings page of ``product`` on ``day``."""
    offers = market_offers(product.slug, day)
    title = product.display_title
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "Product",
        "name": title,
        "sku": f"DEMO-{product.slug.upper()[:24]}",
        "image": [f"/images/{product.slug}.jpg"],
        "offers": {
            "@type": "AggregateOffer",
            "priceCurrency": product.currency,
            "lowPrice": _plain(offers[0].price),
            "highPrice": _plain(offers[-1].price),
            "offerCount": len(offers),
            "offers": [_offer_json(product, offer) for offer in offers],
        },
    }
    rows = "\n".join(
        f'  <tr id="offer-{_e(o.seller.id)}"><td class="seller">'
        f'<a href="{_e(seller_url(o.seller))}">{_e(o.seller.name)}</a></td>'
        f'<td>Used</td><td class="price">{_money(o.price)}</td>'
        f'<td class="shipping">{_shipping_text(o.seller.shipping)}</td>'
        "<td><button>Add to cart</button></td></tr>"
        for o in offers
    )
    body = (
        f'<nav class="crumbs"><a href="/">Home</a> › Marketplace › {_e(title)}</nav>\n'
        f'<h1 class="product-title">{_e(title)}</h1>\n'
        f'<p class="offer-count">{len(offers)} offers from {_money(offers[0].price)}</p>\n'
        '<table class="offers"><thead><tr><th>Seller</th><th>Condition</th><th>Price</th>'
        "<th>Shipping</th><th></th></tr></thead>\n<tbody>\n"
        f"{rows}\n</tbody></table>"
    )
    return _page(f"{title} – {len(offers)} offers – {SITE}", body, head=_json_ld(data) + "\n")


def _shipping_text(amount: Decimal) -> str:
    return "Free shipping" if amount == 0 else f"+ {_money(amount)} shipping"
