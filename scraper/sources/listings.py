"""Sellers and marketplace listings: who offers an item, for what shipping, and the rule
for a page that lists several sellers' offers for one product.

Reading (schema.org, used by :mod:`scraper.sources.structured`): :func:`offer_party`
gives an offer's :class:`~scraper.types.Seller` and shipping cost, from JSON-LD
(``Offer.seller`` as a name or an ``Organization``/``Person`` node; ``shippingDetails``
→ ``shippingRate``) or from a microdata ``Offer`` scope (``itemprop="seller"``,
``itemprop="shippingRate"``). A seller's id is its ``url`` (made absolute), else its
``@id``, else its ``identifier``. A shipping cost is kept only when the offer states
exactly one (several destinations with different rates: unknown, not a guess); zero
means free.

Choosing (:func:`choose`): a *listings page* is one whose offers all describe one
product (one title) and come from at least two different sellers. It yields one
observation per seller and condition, the seller's best offer (in stock first, then
the cheapest), at most :data:`MAX_LISTING_OFFERS` of them, cheapest first; offers with
no seller on such a page (summaries such as an ``AggregateOffer``'s range) are left out.
Every other page goes through the shared ambiguity rules (:func:`~scraper.sources.base.decide`),
so an ordinary shop page still yields one price, or refuses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urljoin, urlsplit

from scraper.prices import parse_price, quantize, to_iso_currency
from scraper.sources.base import Candidate, ExtractContext, decide
from scraper.sources.dom import Node, clean_text
from scraper.sources.trace import note
from scraper.types import Money, Seller

__all__ = ["MAX_LISTING_OFFERS", "choose", "offer_party", "per_seller"]

#: A listings page yields at most this many offers (the cheapest): a bounded row count
#: per check, whatever the page lists.
MAX_LISTING_OFFERS = 50
_MAX_NAME = 200
_MAX_ID = 300
_PLAIN = re.compile(r"\d{1,12}(?:\.\d{1,6})?")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):(?!\d)", re.IGNORECASE)
_AVAILABILITY_RANK = {"in_stock": 0, "preorder": 1, None: 2, "out_of_stock": 3}

Resolve = Callable[[Any], Any]


def offer_party(
    offer: dict[str, Any] | Node,
    ctx: ExtractContext,
    *,
    currency: Any = None,
    resolve: Resolve = lambda value: value,
) -> tuple[Seller | None, Money | None]:
    """The seller and shipping cost of one offer: a JSON-LD offer node (``resolve``
    follows its ``@id`` references) or a microdata ``Offer`` scope. ``currency`` is the
    offer's price currency, the shipping's when the rate does not say."""
    if isinstance(offer, dict):
        seller = _jsonld_seller(resolve(offer.get("seller")), ctx.url)
        rates = []
        for details in _as_list(resolve(offer.get("shippingDetails"))):
            details = resolve(details)
            if isinstance(details, dict):
                rates += [resolve(rate) for rate in _as_list(details.get("shippingRate"))]
        amounts = [_rate_money(rate, currency, ctx) for rate in rates if isinstance(rate, dict)]
        return seller, _only(amounts)
    return _microdata_seller(offer, ctx.url), _microdata_shipping(offer, currency, ctx)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: Any, limit: int) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("value") or value.get("name")
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        return clean_text(value)[:limit] or None
    return None


def _seller_id(value: str | None, page_url: str) -> str | None:
    """An absolute http(s) URL for a URL-like id (relative ones resolved), else the id;
    blank-node ids (``_:b0``) and fragments of the page itself say nothing stable."""
    if not value or value.startswith(("_:", "#")):
        return None
    scheme = _SCHEME.match(value)
    if scheme and scheme.group(1).lower() not in ("http", "https", "urn"):
        return None  # javascript:, data:, mailto: … are no seller handles
    if value.startswith(("/", "./", "../", "?")) or "://" in value:
        absolute = urljoin(page_url, value)
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return None
        return absolute[:_MAX_ID]
    return value[:_MAX_ID]


def _jsonld_seller(value: Any, page_url: str) -> Seller | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str | dict)), None)
    if isinstance(value, str):
        name = _text(value, _MAX_NAME)
        return Seller(name) if name else None
    if not isinstance(value, dict):
        return None
    seller_id = None
    for key in ("url", "@id", "identifier"):
        seller_id = _seller_id(_text(value.get(key), _MAX_ID), page_url)
        if seller_id:
            break
    name = _text(value.get("name"), _MAX_NAME) or _text(value.get("legalName"), _MAX_NAME)
    if not name:
        return Seller(seller_id, seller_id) if seller_id else None
    return Seller(name, seller_id)


def _amount(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str) or not _PLAIN.fullmatch(value.strip()):
        return None
    try:
        return Decimal(value.strip())
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        return None


def _money(value: Any, currency: Any, fallback: Any, ctx: ExtractContext) -> Money | None:
    """A shipping amount (zero allowed: free) with its currency, else the price's."""
    hint = ctx.currency_hint
    stated = currency.strip() if isinstance(currency, str) and currency.strip() else None
    marker = stated or (fallback.strip() if isinstance(fallback, str) else None)
    iso = to_iso_currency(marker, hint) if marker else None
    amount = _amount(value)
    if amount is None and isinstance(value, str) and value.strip():
        parsed = parse_price(value, iso or hint)
        if parsed is None:
            return None
        # A marker in the text ("£3.10") beats the price's currency, not a stated one.
        amount = parsed.amount
        if parsed.currency and not stated:
            iso = parsed.currency
    if amount is None or amount < 0 or amount >= Decimal(10) ** 9:
        return None
    iso = iso or (hint.upper() if hint else None)
    return Money(quantize(amount, iso), iso)


def _rate_money(rate: dict[str, Any], currency: Any, ctx: ExtractContext) -> Money | None:
    value = rate.get("value", rate.get("price"))
    if isinstance(value, list):
        value = value[0] if len(value) == 1 else None
    return _money(value, rate.get("currency") or rate.get("priceCurrency"), currency, ctx)


def _only(amounts: list[Money | None]) -> Money | None:
    """The one shipping cost stated, or None when none or several different ones are."""
    distinct = set(amounts)
    if None in distinct or len(distinct) != 1:
        return None
    return distinct.pop()


def _props(scope: Node, prop: str) -> list[Node]:
    return scope.select(f'[itemprop~="{prop}" i]')


def _prop_text(node: Node) -> str:
    for name in ("content", "href", "value"):
        value = node.attr(name)
        if value is not None and value.strip():
            return clean_text(value)
    return clean_text(node.text())


def _first(scope: Node, prop: str) -> str | None:
    for node in _props(scope, prop):
        text = _prop_text(node)
        if text:
            return text
    return None


def _microdata_seller(scope: Node, page_url: str) -> Seller | None:
    for node in _props(scope, "seller"):
        if node.attr("itemscope") is None:
            text = _prop_text(node)[:_MAX_NAME]
            if text:
                return Seller(text)
            continue
        seller_id = _seller_id(_first(node, "url") or node.attr("itemid"), page_url)
        name = (_first(node, "name") or "")[:_MAX_NAME] or seller_id
        if name:
            return Seller(name, seller_id)
    return None


def _microdata_shipping(scope: Node, currency: Any, ctx: ExtractContext) -> Money | None:
    amounts: list[Money | None] = []
    for node in _props(scope, "shippingRate"):
        if node.attr("itemscope") is None:
            amounts.append(_money(_prop_text(node), None, currency, ctx))
        else:
            amounts.append(_money(_first(node, "value"), _first(node, "currency"), currency, ctx))
    return _only(amounts)


def _rank(cand: Candidate) -> tuple[int, Decimal]:
    return (_AVAILABILITY_RANK.get(cand.availability, 2), cand.price.amount)


def per_seller(candidates: list[Candidate]) -> list[Candidate]:
    """Each seller's best offer per condition (in stock first, then the cheapest), at most
    :data:`MAX_LISTING_OFFERS` of them, best first; offers with no seller are left out."""
    best: dict[tuple[str, str | None], Candidate] = {}
    for cand in candidates:
        if cand.seller is None:
            continue
        key = (cand.seller.key, cand.condition)
        kept = best.get(key)
        if kept is None or _rank(cand) < _rank(kept):
            best[key] = cand
    return sorted(best.values(), key=_rank)[:MAX_LISTING_OFFERS]


def _listing(candidates: list[Candidate]) -> list[Candidate] | None:
    """The page's offers per seller and condition, if it is a listings page (see above)."""
    sellers = {c.seller.key for c in candidates if c.seller is not None}
    if len(sellers) < 2 or len({c.title for c in candidates if c.title}) > 1:
        return None
    chosen = per_seller(candidates)
    note(f"listings: {len(chosen)} offers from {len(sellers)} sellers")
    return chosen


def choose(candidates: list[Candidate], ctx: ExtractContext) -> list[Candidate]:
    """A listings page's offers (one per seller and condition), else :func:`decide`."""
    return _listing(candidates) or decide(candidates, ctx)
