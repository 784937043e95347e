"""Built-in buy-box selectors for the very large marketplaces.

A few marketplaces publish no schema.org price at all but have a buy box whose
markup is public, stable for years and documented by every price-tracking tool.
For those hosts only, after the structured layers found nothing, the first selector
of the list that holds a readable price is the price (all its matches must agree,
else the page is ambiguous). A buy box that says the item is unavailable, with no
price, is ``out_of_stock``.

* **Amazon** (every ``amazon.<tld>``): the deal / sale / "our" price blocks of the
  classic layout, then the ``a-price`` of the core price block that is not the
  struck list price (``a-text-price``), then the buy box's own price.
* **eBay** (every ``ebay.<tld>``): the item price (``#prcIsum``, the discounted
  ``#mm-saleDscPrc``, the current ``x-price-primary`` / ``x-bin-price`` blocks).
  Auction prices are left to :mod:`scraper.sources.auctions`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from scraper.prices import parse_price
from scraper.sources.base import Candidate, ExtractContext
from scraper.sources.dom import Document, clean_text
from scraper.sources.trace import note

__all__ = ["MARKETPLACES", "Marketplace", "marketplace_for", "marketplace_prices"]


@dataclass(frozen=True)
class Marketplace:
    name: str
    host: re.Pattern[str]
    prices: tuple[str, ...]
    unavailable: tuple[str, ...] = ()
    available: tuple[str, ...] = ()


_TLD = r"(?:com|[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})"

MARKETPLACES = (
    Marketplace(
        "amazon",
        re.compile(rf"(?:^|\.)amazon\.{_TLD}$"),
        prices=(
            "#priceblock_dealprice",
            "#priceblock_saleprice",
            "#priceblock_ourprice",
            "#corePrice_feature_div .a-price:not(.a-text-price) .a-offscreen",
            "#corePriceDisplay_desktop_feature_div .priceToPay .a-offscreen",
            "#apex_desktop .priceToPay .a-offscreen",
            "#price_inside_buybox",
            "#newBuyBoxPrice",
            "#tp_price_block_total_price_ww .a-offscreen",
            "#kindle-price",
        ),
        unavailable=("#outOfStock", "#outOfStockBuyBox_feature_div"),
        available=("#add-to-cart-button", "#buy-now-button"),
    ),
    Marketplace(
        "ebay",
        re.compile(rf"(?:^|\.)ebay\.{_TLD}$"),
        prices=(
            "#mm-saleDscPrc",
            "#prcIsum",
            ".x-price-primary .ux-textspans",
            ".x-bin-price__content .ux-textspans",
        ),
        available=("#binBtn_btn", "#atcRedesignId_btn"),
    ),
)


def marketplace_for(url: str) -> Marketplace | None:
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    return next((m for m in MARKETPLACES if m.host.search(host)), None)


def marketplace_prices(
    doc: Document, ctx: ExtractContext, hints: tuple[str | None, ...]
) -> tuple[list[Candidate], bool]:
    """``(candidates, unavailable)`` from the host's buy box; ``([], False)`` elsewhere."""
    market = marketplace_for(ctx.url)
    if market is None:
        return [], False
    unavailable = any(doc.select(css) for css in market.unavailable)
    availability = "out_of_stock" if unavailable else None
    if availability is None and any(doc.select(css) for css in market.available):
        availability = "in_stock"
    for css in market.prices:
        found = []
        for node in doc.select(css)[:20]:
            text = clean_text(node.attr("value") or node.text())
            money = parse_price(text, ctx.currency_hint, page_hints=hints) if text else None
            if money is not None and money.amount > 0:
                found.append(Candidate(money, None, None, availability))
        if found:
            note(f"{market.name} buy box: {css}")
            return found, unavailable
    return [], unavailable
