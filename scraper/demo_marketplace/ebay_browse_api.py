"""An eBay Browse API for a few demo cards, so the ``ebay_api`` source (and eBay's "Find
it" search) work locally.

Routes (under :data:`API_PREFIX`, JSON in the real API's shapes; item number
:func:`ebay_item_number` of each product of :data:`EBAY_API_ITEMS`):

* ``POST /ebay-api/identity/v1/oauth2/token`` — the client-credentials grant: any
  application keys as Basic auth (401 without), ``grant_type=client_credentials``
  (else 400) → ``{"access_token", "expires_in", "token_type"}``;
* ``GET /ebay-api/buy/browse/v1/item/v1|<number>|0`` — the item (a graded card's grader and
  grade, a raw card's card condition in ``conditionDescriptors``);
* ``GET /ebay-api/buy/browse/v1/item_summary/search?q=…&limit=…`` — ``itemSummaries``;
* ``/ebay/itm/<number>`` — a short item page (what a tracker's URL names).

The Browse calls answer 401 without ``Authorization: Bearer <a token this server gave>``.
Prices: an item's Buy It Now price is ``price_for(slug, day, rung)`` — for the Umbreon
slab the same PSA 10 price as its ``/ebay/itm/<slug>`` page (``collector_pages.py``).
Point the source at it with ``EBAY_API_URL=http://127.0.0.1:8765/ebay-api``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from urllib.parse import parse_qs

from scraper.demo_marketplace.catalogue import CATALOGUE, price_for
from scraper.demo_marketplace.collector_pages import _item_number
from scraper.demo_marketplace.layout import _e, _money, _page
from scraper.demo_marketplace.search_pages import _matches

__all__ = [
    "API_PREFIX",
    "EBAY_API_ITEMS",
    "EBAY_API_TRACKERS",
    "BrowseItem",
    "ebay_api_answer",
    "ebay_api_price",
    "ebay_item_number",
    "ebay_item_page",
    "ebay_item_path",
]

API_PREFIX = "/ebay-api/"
ITEM_PAGE_PREFIX = "/ebay/itm/"
_OAUTH = "/ebay-api/identity/v1/oauth2/token"
_ITEM = "/ebay-api/buy/browse/v1/item/"
_SEARCH = "/ebay-api/buy/browse/v1/item_summary/search"
_TOKEN_PREFIX = "v^1.1#i^1#demo#"  # noqa: S105 - the demo's access tokens start so
TOKEN_LIFETIME = 7200


@dataclass(frozen=True, slots=True)
class BrowseItem:
    #: The rung of the product's price ladder the listing is priced at (``price_for``).
    rung: str
    #: eBay's condition and its id ("Graded" 2750, "Ungraded" 4000).
    condition: str
    condition_id: str
    #: ``conditionDescriptors`` as (name, value) pairs.
    descriptors: tuple[tuple[str, str], ...]
    #: What follows the product's title in the listing's title ("PSA 10").
    title_suffix: str
    seller: str
    #: Shipping cost (USD); ``None``: free shipping.
    shipping: Decimal | None


#: Demo cards on sale through the Browse API: slug → the listing.
EBAY_API_ITEMS: dict[str, BrowseItem] = {
    # The same slab (price, seller, shipping) as its /ebay/itm/umbreon-vmax-215 page.
    "umbreon-vmax-215": BrowseItem(
        "psa_10", "Graded", "2750",
        (("Professional Grader", "Professional Sports Authenticator (PSA)"), ("Grade", "10"),
         ("Certification Number", "84211093")),
        "PSA 10", "slab_vault", Decimal("5.00"),
    ),
    "ken-griffey-jr-1": BrowseItem(
        "bgs_10", "Graded", "2750",
        (("Professional Grader", "Beckett Grading Services (BGS)"), ("Grade", "10")),
        "BGS 10", "graded-gems-usa", Decimal("6.50"),
    ),
    "charizard-ex-201": BrowseItem(
        "ungraded", "Ungraded", "4000", (("Card Condition", "Near mint or better"),),
        "NM", "pristine_pulls", None,
    ),
}  # fmt: skip
#: Demo items ``seed_demo`` tracks with the ``ebay_api`` source: slug → the condition the
#: source records for the listing (and the tracker's condition).
EBAY_API_TRACKERS: dict[str, str] = {"umbreon-vmax-215": "psa_10"}


def ebay_item_number(slug: str) -> str:
    """The stable (12-digit) eBay item number of a demo listing."""
    return _item_number(slug, "browse-api")


def ebay_item_path(slug: str) -> str:
    """The item page path of the demo listing of ``slug`` (what a tracker's URL names)."""
    return f"{ITEM_PAGE_PREFIX}{ebay_item_number(slug)}"


_BY_NUMBER: dict[str, str] = {ebay_item_number(slug): slug for slug in EBAY_API_ITEMS}


def ebay_api_price(slug: str, day: date) -> Decimal:
    """The Buy It Now price (USD) of the demo listing of ``slug`` on ``day``."""
    return price_for(slug, day, EBAY_API_ITEMS[slug].rung)


def _title(slug: str) -> str:
    return f"{CATALOGUE[slug].display_title} {EBAY_API_ITEMS[slug].title_suffix}"


def _amount(amount: Decimal) -> dict[str, str]:
    return {"value": f"{amount:.2f}", "currency": "USD"}


def _summary(slug: str, day: date, site: str) -> dict[str, object]:
    listing, number = EBAY_API_ITEMS[slug], ebay_item_number(slug)
    shipping = listing.shipping or Decimal("0")
    return {
        "itemId": f"v1|{number}|0",
        "legacyItemId": number,
        "title": _title(slug),
        "price": _amount(ebay_api_price(slug, day)),
        "condition": listing.condition,
        "conditionId": listing.condition_id,
        "seller": {"username": listing.seller, "feedbackPercentage": "99.8",
                   "feedbackScore": 1204},
        "shippingOptions": [{"shippingCostType": "FIXED" if listing.shipping else "FREE",
                             "shippingCost": _amount(shipping)}],
        "buyingOptions": ["FIXED_PRICE"],
        "itemLocation": {"postalCode": "972**", "country": "US"},
        "itemWebUrl": f"{site}/itm/{number}",
    }  # fmt: skip


def _item(slug: str, day: date, site: str) -> dict[str, object]:
    listing = EBAY_API_ITEMS[slug]
    return {
        **_summary(slug, day, site),
        "categoryPath": "Collectibles|Non-Sport Trading Cards|CCG Individual Cards",
        "conditionDescriptors": [
            {"name": name, "values": [{"content": value}]} for name, value in listing.descriptors
        ],
        "estimatedAvailabilities": [
            {"deliveryOptions": ["SHIP_TO_HOME"], "estimatedAvailabilityStatus": "IN_STOCK",
             "estimatedAvailableQuantity": 1, "estimatedSoldQuantity": 0}
        ],
        "marketplaceId": "EBAY_US",
    }  # fmt: skip


def _error(status: int, error_id: int, message: str, domain: str = "API_BROWSE") -> tuple[int, str]:
    errors = [{"errorId": error_id, "domain": domain, "category": "REQUEST", "message": message}]
    return status, json.dumps({"errors": errors})


def _token(authorization: str, form: str) -> tuple[int, str]:
    scheme, _, encoded = authorization.partition(" ")
    try:
        keys = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        keys = ""
    client_id, _, secret = keys.partition(":")
    if scheme.lower() != "basic" or not client_id or not secret:
        body = {"error": "invalid_client", "error_description": "client authentication failed"}
        return 401, json.dumps(body)
    if parse_qs(form).get("grant_type") != ["client_credentials"]:
        body = {
            "error": "unsupported_grant_type",
            "error_description": "grant type in request is not supported by the authorization "
            "server",
        }
        return 400, json.dumps(body)
    token = _TOKEN_PREFIX + hashlib.sha256(keys.encode()).hexdigest()[:32]
    answer = {
        "access_token": token,
        "expires_in": TOKEN_LIFETIME,
        "token_type": "Application Access Token",
    }
    return 200, json.dumps(answer)


def ebay_api_answer(
    method: str,
    path: str,
    query: Mapping[str, list[str]],
    authorization: str,
    form: str,
    day: date,
    site: str,
) -> tuple[int, str] | None:
    """``(status, JSON body)`` the demo eBay API answers, or ``None`` when ``path`` (decoded:
    ``|``, not ``%7C``) is not under :data:`API_PREFIX`. ``site`` is the demo's eBay pages
    (``<base>/ebay``), for the items' ``itemWebUrl``."""
    if not path.startswith(API_PREFIX):
        return None
    if path == _OAUTH:
        if method != "POST":
            return _error(405, 1003, "Method not allowed: POST the token request.", "OAuth")
        return _token(authorization, form)
    if method == "POST":
        return _error(405, 1003, "Method not allowed.")
    if not authorization.startswith(f"Bearer {_TOKEN_PREFIX}"):
        return _error(401, 1001, "Invalid access token", "OAuth")
    if path == _SEARCH:
        text = " ".join(query.get("q", []))[:200]
        if not text.strip():
            return _error(400, 12001, "The call must have a valid 'q' or 'category_ids' query.")
        limit = (query.get("limit") or ["50"])[0]
        count = int(limit) if limit.isdigit() and 0 < int(limit) <= 200 else 50
        found = _matches(text, (CATALOGUE[slug] for slug in EBAY_API_ITEMS))[:count]
        answer: dict[str, object] = {"total": len(found), "limit": count, "offset": 0}
        if found:  # like eBay: no itemSummaries when nothing matches
            answer["itemSummaries"] = [_summary(p.slug, day, site) for p in found]
        return 200, json.dumps(answer)
    if path.startswith(_ITEM):
        parts = path[len(_ITEM) :].split("|")
        slug = _BY_NUMBER.get(parts[1]) if len(parts) == 3 and parts[0] == "v1" else None
        if slug is None:
            return _error(404, 11001, "The specified item Id was not found.")
        return 200, json.dumps(_item(slug, day, site))
    return _error(404, 2002, "Resource not found.")


def ebay_item_page(path: str, day: date) -> str | None:
    """The item page at ``path`` (``/ebay/itm/<number>`` of a listing above), or ``None``."""
    if not path.startswith(ITEM_PAGE_PREFIX):
        return None
    slug = _BY_NUMBER.get(path[len(ITEM_PAGE_PREFIX) :])
    if slug is None:
        return None
    body = (
        f"<h1>{_e(_title(slug))}</h1>\n"
        f'<p class="price">{_money(ebay_api_price(slug, day))}</p>\n'
        "<p>This listing is read through the demo eBay Browse API (track it with the "
        "<code>ebay_api</code> source and your eBay application keys).</p>"
    )
    return _page(f"{_title(slug)} | eBay (demo)", body)
