"""The demo's Discogs marketplace listings pages (``/discogs/sell/release/<id>``): several
sellers offer each demo record, in the markup of Discogs's own page (``table.mpitems``,
``tr.shortcut_navigable``; see ``scraper/sources/discogs_listings.py``).

A fixed cast of :data:`DISCOGS_SELLERS`, each grading its copies one way (its media
grade) and charging one shipping (``None``: shown only at checkout); each release is
offered by :data:`LISTINGS_PER_RELEASE` of them chosen by a hash of the slug, so sellers
overlap across releases (the want list's bundles). A listing asks its own factor (0.9 to
1.2) on the day's suggestion for its grade (``discogs_api.GRADE_FACTORS`` of the day's
Near Mint price), except the cheapest copy, which is the API's lowest price
(``discogs_price(slug, None, day)``). Pure and deterministic.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from scraper.demo_marketplace.catalogue import CATALOGUE, _unit, price_for
from scraper.demo_marketplace.discogs_api import (
    _CONDITION_GRADE,
    GRADE_FACTORS,
    PAGE_PREFIX,
    discogs_price,
    release_id_for,
)
from scraper.demo_marketplace.layout import _e, _page

__all__ = [
    "DISCOGS_SELLERS",
    "DISCOGS_TRACKERS",
    "LISTINGS_PER_RELEASE",
    "LISTINGS_PREFIX",
    "DemoListing",
    "DiscogsSeller",
    "demo_listings",
    "listings_page",
    "release_path",
]

LISTINGS_PREFIX = "/discogs/sell/release/"
LISTINGS_PER_RELEASE = 4
_CENT = Decimal("0.01")
#: Demo records ``seed_demo`` tracks with the ``discogs`` source: slug → the tracker's
#: condition (an owned record in its own; the wanted ones in every condition, so their
#: sellers' offers make the want list's bundles).
DISCOGS_TRACKERS: dict[str, str] = {
    "pink-floyd-dark-side-of-the-moon-harvest-1973": "excellent",
    "led-zeppelin-iv-atlantic-1971": "",
    "nirvana-nevermind-dgc-1991": "",
}


@dataclass(frozen=True, slots=True)
class DiscogsSeller:
    #: The seller's username: its profile is ``/discogs/seller/<name>/profile``.
    name: str
    #: The Omni-Stock condition of every copy it lists (its media grade).
    condition: str
    #: Shipping per order in USD; ``None``: the page shows none (worked out at checkout).
    shipping: Decimal | None


DISCOGS_SELLERS: tuple[DiscogsSeller, ...] = (
    DiscogsSeller("GrooveMerchant", "excellent", Decimal("4.50")),
    DiscogsSeller("CrateDiggersUK", "near_mint", Decimal("6.00")),
    DiscogsSeller("SpinCycleRecords", "excellent", Decimal("3.75")),
    DiscogsSeller("NeedleDropShop", "near_mint", None),
    DiscogsSeller("MintMonk", "mint", Decimal("5.00")),
    DiscogsSeller("WaxAndWane", "excellent", Decimal("2.95")),
)


@dataclass(frozen=True, slots=True)
class DemoListing:
    seller: DiscogsSeller
    #: The Omni-Stock condition (the seller's grade) and its Discogs name.
    condition: str
    grade: str
    price: Decimal
    item_id: int


def release_path(slug: str) -> str:
    """The demo release page of the record ``slug`` (a ``discogs`` tracker's URL path)."""
    return f"{PAGE_PREFIX}{release_id_for(slug)}-{slug}"


def _sellers(slug: str) -> list[DiscogsSeller]:
    ranked = sorted(DISCOGS_SELLERS, key=lambda seller: _unit(slug, seller.name, "discogs"))
    return ranked[:LISTINGS_PER_RELEASE]


def _item_id(slug: str, seller: DiscogsSeller) -> int:
    digest = hashlib.sha256(f"{slug}|{seller.name}|item".encode()).digest()
    return 1_000_000_000 + int.from_bytes(digest[:4], "big") % 1_000_000_000


def demo_listings(slug: str, day: date) -> list[DemoListing]:
    """The listings on ``slug``'s page on ``day``, cheapest first."""
    near_mint = price_for(slug, day)
    listings = []
    for seller in _sellers(slug):
        grade = _CONDITION_GRADE[seller.condition]
        factor = Decimal(f"{0.9 + 0.3 * _unit(slug, seller.name, 'discogs-asks'):.4f}")
        price = (near_mint * GRADE_FACTORS[grade] * factor).quantize(_CENT, ROUND_HALF_UP)
        listings.append(
            DemoListing(seller, seller.condition, grade, max(price, _CENT), _item_id(slug, seller))
        )
    listings.sort(key=lambda listing: (listing.price, listing.seller.name))
    # The cheapest copy is the API's "lowest price" (0.62 of Near Mint, below every
    # seller's own ask), so the statistics and the page agree.
    cheapest = listings[0]
    listings[0] = replace(cheapest, price=discogs_price(slug, None, day))
    return listings


def _row(title: str, release: int, listing: DemoListing) -> str:
    seller = _e(listing.seller.name)
    shipping = listing.seller.shipping
    shown = f"+${shipping:.2f}" if shipping is not None else "+"
    return f"""<tr class="shortcut_navigable" data-release-id="{release}">
  <td class="item_description">
    <strong><a href="/discogs/sell/item/{listing.item_id}" class="item_description_title">{_e(title)} (LP, Album)</a></strong>
    <p class="item_condition">
      <span class="mplabel condition-label-desktop">Media Condition:</span>
      <span class="mplabel condition-label-mobile">Media:</span>
      <span>{_e(listing.grade)}</span>
      <br>
      <span class="mplabel condition-label-desktop">Sleeve Condition:</span>
      <span class="item_sleeve_condition">{_e(listing.grade)}</span>
    </p>
  </td>
  <td class="seller_info">
    <ul>
      <li><div class="seller_block"><span class="mplabel seller_label">Seller:</span>
        <strong><a href="/discogs/seller/{seller}/profile">{seller}</a></strong></div></li>
      <li><span class="mplabel">Ships From:</span>United States</li>
    </ul>
  </td>
  <td class="item_price">
    <span class="price" data-currency="USD" data-pricevalue="{listing.price:.2f}">${listing.price:,.2f}</span>
    <br>
    <span class="item_shipping">{shown} <button class="show-shipping-methods" data-seller-username="{seller}">shipping</button></span>
  </td>
</tr>"""


def listings_page(path: str, day: date) -> str | None:
    """The listings page at ``path`` (``/discogs/sell/release/<id>``) on ``day``, or ``None``."""
    if not path.startswith(LISTINGS_PREFIX):
        return None
    release_text = path[len(LISTINGS_PREFIX) :].split("-", 1)[0]
    if not release_text.isdigit() or len(release_text) > 9:
        return None
    release = int(release_text)
    product = next(
        (
            p
            for p in CATALOGUE.values()
            if p.category == "vinyl" and release_id_for(p.slug) == release
        ),
        None,
    )
    if product is None:
        return None
    title = product.name.replace(" – ", " - ")
    listings = demo_listings(product.slug, day)
    rows = "\n".join(_row(title, release, listing) for listing in listings)
    body = (
        f"<h1>{_e(title)}</h1>\n"
        f'<p><a href="{PAGE_PREFIX}{release}-{product.slug}">View Release Page</a></p>\n'
        f'<strong class="pagination_total">1 – {len(listings)} of {len(listings)}</strong>\n'
        '<table class="table_block mpitems"><thead><tr><th colspan="2">Item</th>'
        "<th>Seller</th><th>Price</th></tr></thead>\n<tbody>\n"
        f"{rows}\n</tbody></table>"
    )
    return _page(f"{title}: Buy Vinyl at Discogs Marketplace (demo)", body)
