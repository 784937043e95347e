"""A Discogs release's marketplace listings page (``/sell/release/<id>``): who offers a copy,
in which media condition, for what price and shipping.

The Discogs API gives a release's marketplace only as aggregates (lowest price, a
suggestion per grade); the offers of each seller are on this public page, which the
``discogs`` source reads beside its API answers (the pipeline fetches it like any page:
robots.txt honoured, no token sent). Each listing is a row ``tr.shortcut_navigable`` of
``table.mpitems``:

* the listing: ``a.item_description_title`` (``href="/sell/item/<id>"``, the release title);
* the media condition: in ``.item_condition``, the ``<span>`` after the ``Media Condition:``
  label (newer markup, a grading tooltip nested in it), or the text after
  ``Media Condition:`` (older markup); mapped with :data:`~scraper.sources.discogs.MEDIA_GRADES`;
* the seller: ``.seller_block a`` (newer), else the first ``.seller_info a`` (older): its
  profile link (``/seller/<name>/profile``) is the seller's id; without a link the
  shipping button's ``data-seller-username`` names it;
* the price: ``.price`` with ``data-pricevalue`` and ``data-currency``, else its text
  (``€15.00``);
* the shipping: ``.item_shipping`` (``+$24.00``), when it shows an amount.

A row marked ``unavailable`` (in someone's cart) is out of stock; the others in stock.
Per seller and media condition the best offer is kept (in stock first, then the
cheapest; :func:`~scraper.sources.listings.per_seller`), so each row recorded is one
seller's offer. Listing observations carry the listing's own URL (``/sell/item/<id>``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from urllib.parse import quote, urljoin, urlsplit

from scraper.prices import parse_price, quantize, to_iso_currency
from scraper.sources.base import Candidate, ExtractContext, Source
from scraper.sources.dom import Document, Node, clean_text
from scraper.sources.listings import per_seller
from scraper.sources.trace import note
from scraper.types import FailureKind, Money, Observation, ScrapeFailure, Seller

__all__ = ["listings_observations", "listings_url"]

_ROWS = "table.mpitems tr.shortcut_navigable, tr.shortcut_navigable"
_MEDIA_TEXT = re.compile(r"Media(?:\s+Condition)?\s*:\s*(.+?\))", re.IGNORECASE)
_ITEM_PATH = re.compile(r"/sell/item/(\d{1,15})")
_PLAIN = re.compile(r"\d{1,9}(?:\.\d{1,4})?")
_MAX_NAME = 200
#: A Discogs media grade's name ("Very Good Plus (VG+)") → an Omni-Stock condition.
ConditionOf = Callable[[str], str | None]


def listings_url(site_url: str, release: str) -> str:
    """The release's marketplace listings page on ``site_url`` (``https://www.discogs.com``)."""
    return f"{site_url.rstrip('/')}/sell/release/{release}"


def _media_condition(row: Node, condition_of: ConditionOf) -> str | None:
    for box in row.select(".item_condition"):
        for span in box.select("span"):
            classes = (span.attr("class") or "").split()
            if classes and not {"has-tooltip"} & set(classes):
                continue  # a label (mplabel), the sleeve, a tooltip's inner parts
            condition = condition_of(clean_text(span.text(" ")))
            if condition is not None:
                return condition
        match = _MEDIA_TEXT.search(clean_text(box.text(" ")))
        if match:
            return condition_of(match.group(1))
    for box in row.select(".item_description"):
        match = _MEDIA_TEXT.search(clean_text(box.text(" ")))
        if match:
            return condition_of(match.group(1))
    return None


def _seller(row: Node, page_url: str) -> Seller | None:
    links = row.select(".seller_block a") or row.select(".seller_info a")
    for link in links[:1]:
        name = clean_text(link.text())[:_MAX_NAME]
        href = link.attr("href") or ""
        profile = urljoin(page_url, href) if href.startswith(("/", "http")) else None
        if profile and urlsplit(profile).scheme not in ("http", "https"):
            profile = None
        if name:
            return Seller(name, profile)
    for button in row.select("[data-seller-username]"):
        name = clean_text(button.attr("data-seller-username"))[:_MAX_NAME]
        if name:
            return Seller(name, urljoin(page_url, f"/seller/{quote(name)}/profile"))
    return None


def _price(row: Node, hint: str | None) -> Money | None:
    for node in row.select(".price"):
        value = (node.attr("data-pricevalue") or "").strip()
        currency = to_iso_currency((node.attr("data-currency") or "").strip() or None, hint)
        if _PLAIN.fullmatch(value):
            try:
                amount = Decimal(value)
            except InvalidOperation:  # pragma: no cover - the pattern admits decimals only
                amount = None
            if amount is not None and amount > 0:
                return Money(quantize(amount, currency), currency)
        parsed = parse_price(clean_text(node.text(" ")), currency or hint)
        if parsed is not None and parsed.amount > 0:
            return parsed
    return None


def _shipping(row: Node, price: Money) -> Money | None:
    for node in row.select(".item_shipping"):
        text = clean_text(node.text(" ")).replace("+", " ")
        parsed = parse_price(text, price.currency)
        if parsed is None:
            return None  # "+ shipping": worked out at checkout, not shown
        currency = parsed.currency or price.currency
        return Money(quantize(parsed.amount, currency), currency)
    return None


def _listing(
    row: Node, ctx: ExtractContext, condition_of: ConditionOf
) -> tuple[Candidate, str] | None:
    """(the offer, the listing's URL) of one row, or ``None`` for a row without a seller
    or a price (nothing safe to record)."""
    seller = _seller(row, ctx.url)
    price = _price(row, ctx.currency_hint)
    if seller is None or price is None:
        return None
    url = ctx.url
    title = None
    for link in row.select("a.item_description_title"):
        title = clean_text(link.text())[:300] or None
        listing = urljoin(ctx.url, (link.attr("href") or "").strip().split("#", 1)[0])
        parts = urlsplit(listing)
        # The listing's own page on this site (never another host or scheme).
        if _ITEM_PATH.search(parts.path) and parts.netloc == urlsplit(ctx.url).netloc:
            url = listing
        break
    classes = (row.attr("class") or "").split()
    offer = Candidate(
        price=price,
        condition=_media_condition(row, condition_of),
        title=title,
        availability="out_of_stock" if "unavailable" in classes else "in_stock",
        seller=seller,
        shipping=_shipping(row, price),
    )
    return offer, url


def listings_observations(
    source: Source, doc: Document, ctx: ExtractContext, *, condition_of: ConditionOf
) -> list[Observation]:
    """One observation per seller and media condition on the listings page ``doc`` (at
    ``ctx.url``). An empty listings table is no listing (``[]``); a page with neither the
    table nor a listing row (a challenge page, another layout) raises
    ``selector_not_found``."""
    rows = doc.select(_ROWS)
    if not rows and not doc.select("table.mpitems"):
        raise ScrapeFailure(
            FailureKind.SELECTOR_NOT_FOUND,
            "The Discogs listings page has no listings table (table.mpitems): a challenge "
            "page or a new layout.",
            url=ctx.url,
            code="discogs_no_listings_table",
        )
    seen: set[int] = set()
    urls: dict[Candidate, str] = {}
    for row in rows:
        if row.key in seen:
            continue
        seen.add(row.key)
        found = _listing(row, ctx, condition_of)
        if found is not None:
            urls.setdefault(found[0], found[1])
    chosen = per_seller(list(urls))
    note(f"discogs listings: {len(rows)} rows, {len(chosen)} offers kept")
    return [
        replace(obs, url=urls[offer])
        for offer, obs in zip(chosen, source.observations(chosen, ctx), strict=True)
    ]
