"""eBay items read through the eBay Browse API with the collector's own application keys.

A tracker's URL is the item's page (``https://www.ebay.com/itm/395012345678``, any eBay
site); with source ``ebay_api`` (named: the ``ebay.*`` hosts stay the page-reading
``ebay`` source by default) it is read as:

1. ``POST /identity/v1/oauth2/token`` (``grant_type=client_credentials``, the app's
   ``client_id:client_secret`` as Basic auth) → an application access token, cached in
   the process until a minute before it expires (``expires_in``);
2. ``GET /buy/browse/v1/item/v1|<item id>|0`` with ``Authorization: Bearer …`` and the
   eBay site as ``X-EBAY-C-MARKETPLACE-ID`` → ``{"title", "price": {"value",
   "currency"}, "condition", "conditionDescriptors", "seller": {"username"},
   "shippingOptions": [{"shippingCost"}], "estimatedAvailabilities", "buyingOptions",
   "currentBidPrice", "bidCount", "itemEndDate"}``.

One observation: the Buy It Now price (an auction's current bid, with its bids and end)
with the condition (eBay's words mapped like the item page's,
:func:`~scraper.sources.ebay_text.ebay_condition`, grades from the condition
descriptors or the title), shipping when there is one rate, and the seller.
"""

from __future__ import annotations

import base64
import hashlib
import re
import time
from datetime import datetime
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from scraper.sources.base import ApiSource, Candidate, ExtractContext, GetJson
from scraper.sources.card_grades import US_CARD_SCALE, grade_condition, grader_named, raw_condition
from scraper.sources.common import json_money
from scraper.sources.ebay_text import ebay_condition, item_id
from scraper.types import Auction, FailureKind, Money, Observation, ScrapeFailure, Seller

__all__ = ["DEFAULT_API_URL", "EbayApiSource", "marketplace_id"]

DEFAULT_API_URL = "https://api.ebay.com"
_SCOPE = "https://api.ebay.com/oauth/api_scope"
_MARKETPLACES = {
    "ebay.co.uk": "EBAY_GB", "ebay.de": "EBAY_DE", "ebay.fr": "EBAY_FR", "ebay.it": "EBAY_IT",
    "ebay.es": "EBAY_ES", "ebay.ca": "EBAY_CA", "ebay.com.au": "EBAY_AU", "ebay.at": "EBAY_AT",
    "ebay.ch": "EBAY_CH", "ebay.ie": "EBAY_IE", "ebay.nl": "EBAY_NL", "ebay.be": "EBAY_BE",
    "ebay.pl": "EBAY_PL",
}  # fmt: skip
_DECIMAL = re.compile(r"\d+(?:[.,]\d)?")
#: (api_url, sha256 of the keys) → (access token, monotonic time it stops being used).
_TOKENS: dict[tuple[str, str], tuple[str, float]] = {}


def marketplace_id(url: str) -> str:
    """The Browse API marketplace of the eBay site ``url`` is on (default ``EBAY_US``)."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    return next((m for site, m in _MARKETPLACES.items() if host.endswith(site)), "EBAY_US")


async def _access_token(base: str, client_id: str, secret: str, get_json: GetJson) -> str:
    key = (base, hashlib.sha256(f"{client_id}\0{secret}".encode()).hexdigest())
    cached = _TOKENS.get(key)
    if cached is not None and cached[1] > time.monotonic():
        return cached[0]
    basic = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    answer = await get_json(
        f"{base}/identity/v1/oauth2/token",
        {"Authorization": f"Basic {basic}"},
        {"grant_type": "client_credentials", "scope": _SCOPE},
    )
    token = answer.get("access_token") if isinstance(answer, dict) else None
    expires = answer.get("expires_in") if isinstance(answer, dict) else None
    if not isinstance(token, str) or not token:
        raise ScrapeFailure(
            FailureKind.MISSING_CREDENTIALS,
            "eBay gave no access token for your application keys.",
            code="ebay_no_access_token",
        )
    lifetime = float(expires) if isinstance(expires, int | float) else 0.0
    _TOKENS[key] = (token, time.monotonic() + max(lifetime - 60.0, 0.0))
    return token


def _descriptors(item: dict) -> dict[str, str]:
    """``conditionDescriptors`` as ``{"professional grader": "…", "grade": "10", …}``."""
    found = {}
    for each in item.get("conditionDescriptors") or []:
        if isinstance(each, dict) and isinstance(each.get("name"), str):
            values = [v.get("content") for v in each.get("values") or [] if isinstance(v, dict)]
            found[each["name"].strip().lower()] = " ".join(v for v in values if isinstance(v, str))
    return found


def _condition(item: dict) -> str | None:
    """The item page's rules on the API's fields: a slab by its grader and grade, a raw
    card by its card condition, else eBay's condition words."""
    title = item.get("title") if isinstance(item.get("title"), str) else None
    specifics = _descriptors(item)
    grader = grader_named(specifics.get("professional grader"))
    if grader and (number := _DECIMAL.search(specifics.get("grade", ""))):
        return grade_condition(grader, Decimal(number.group(0).replace(",", "."))) or "graded"
    if card := raw_condition(specifics.get("card condition"), US_CARD_SCALE):
        return card
    condition = item.get("condition")
    return ebay_condition(condition if isinstance(condition, str) else None, title)


def _shipping(item: dict, currency: str | None) -> Money | None:
    """The shipping cost when the item offers exactly one (``FREE``: zero), else ``None``."""
    costs: set[Money | None] = set()  # None: an option whose cost is not given
    for option in item.get("shippingOptions") or []:
        if not isinstance(option, dict):
            continue
        if option.get("shippingCostType") == "FREE":
            costs.add(Money(Decimal("0.00"), currency))
        else:
            costs.add(json_money(option.get("shippingCost"), zero=True))
    return next(iter(costs)) if len(costs) == 1 else None


def _ends_at(item: dict) -> datetime | None:
    value = item.get("itemEndDate")
    try:
        return (
            datetime.fromisoformat(value.replace("Z", "+00:00")) if isinstance(value, str) else None
        )
    except ValueError:
        return None


class EbayApiSource(ApiSource):
    name = "ebay_api"
    hosts = ()  # named only: eBay's hosts default to the page-reading `ebay` source
    option_names = ("client_id", "client_secret", "api_url")
    credential_options = ("client_id", "client_secret")
    label = "The eBay Browse API"
    provider = "ebay"

    async def fetch(self, ctx: ExtractContext, get_json: GetJson) -> list[Observation]:
        number = item_id(urlsplit(ctx.url).path)
        if number is None:
            raise ScrapeFailure(
                FailureKind.NO_PRICE_FOUND,
                "The eBay Browse API reads item pages (…/itm/<number>); this is not one.",
                url=ctx.url,
                code="ebay_not_an_item",
            )
        client_id, secret = ctx.options.get("client_id"), ctx.options.get("client_secret")
        if not client_id or not secret:
            raise ScrapeFailure(
                FailureKind.MISSING_CREDENTIALS,
                "The eBay Browse API is read with your eBay application keys (client id and "
                "secret from developer.ebay.com): add them in Settings → Marketplace keys.",
                url=ctx.url,
                code="ebay_keys_missing",
            )
        base = str(ctx.options.get("api_url") or DEFAULT_API_URL).rstrip("/")
        token = await _access_token(base, str(client_id), str(secret), get_json)
        item = await get_json(
            f"{base}/buy/browse/v1/item/v1%7C{number}%7C0",
            {
                "Authorization": f"Bearer {token}",
                "X-EBAY-C-MARKETPLACE-ID": marketplace_id(ctx.url),
            },
        )
        if not isinstance(item, dict):
            item = {}
        auction = "AUCTION" in (item.get("buyingOptions") or []) and "FIXED_PRICE" not in (
            item.get("buyingOptions") or []
        )
        price = json_money(item.get("currentBidPrice") if auction else item.get("price"))
        if price is None:
            raise ScrapeFailure(
                FailureKind.NO_PRICE_FOUND,
                f"The eBay Browse API gives no price for item {number}.",
                url=ctx.url,
                code="ebay_api_no_price",
                params={"item": number},
            )
        statuses = [
            a.get("estimatedAvailabilityStatus")
            for a in item.get("estimatedAvailabilities") or []
            if isinstance(a, dict)
        ]
        seller: dict[str, Any] = item["seller"] if isinstance(item.get("seller"), dict) else {}
        name = seller.get("username")
        title = item.get("title")
        candidate = Candidate(
            price=price,
            condition=_condition(item),
            title=title[:300] if isinstance(title, str) else None,
            availability="out_of_stock" if "OUT_OF_STOCK" in statuses else "in_stock",
            seller=Seller(name=name, id=name) if isinstance(name, str) and name else None,
            shipping=_shipping(item, price.currency),
            auction=Auction(
                bids=item.get("bidCount") if isinstance(item.get("bidCount"), int) else None,
                ends_at=_ends_at(item),
            )
            if auction
            else None,
        )
        return self.observations([candidate], ctx)
