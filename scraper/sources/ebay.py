"""eBay pages: an item (``/itm/<id>``) and sold / completed listings results (``/sch/…``).

A results page (``li.s-item`` / ``li.s-card`` rows) is read by
:mod:`scraper.sources.ebay_results`: one observation per sold listing. An item page is one
observation, read from eBay's own markup rather than its JSON-LD (which carries the
*starting* price of an auction):

.. code-block:: html

    <h1 class="x-item-title__mainTitle"><span class="ux-textspans">Charizard PSA 9</span></h1>
    <div class="x-price-primary" data-testid="x-price-primary">
      <span class="ux-textspans">US $1,234.00</span></div>      <!-- in .x-bin-price (Buy It
                                                                   Now) or .x-bid-price -->
    <div class="x-item-condition-text"><span class="ux-textspans">Graded - PSA 9: Mint</span></div>
    <div class="ux-labels-values--shipping"><div class="ux-labels-values__values">
      <span class="ux-textspans">US $5.00</span> <span>Standard Shipping</span></div></div>
    <div class="x-sellercard-atf__info__about-seller"><a href="…/usr/cardking">
      <span class="ux-textspans--BOLD">cardking</span></a></div>
    <div class="d-statusmessage">This listing sold on Sat, Mar 2 at 7:08 PM.</div>
    <!-- item specifics: dl.ux-labels-values with "Professional Grader", "Grade",
         "Card Condition" -->

Older item pages (``#prcIsum``, ``#vi-itm-cond``, ``#fshippingCost``, ``.mbg-nw``,
``h1#itemTitle``) are read too. An auction still running has no price yet (its current
bid is not what it will sell for): ``no_price_found``, unless it also offers Buy It Now.
A listing that ended unsold is ``out_of_stock``; one that sold is recorded once, at its
sale date, with its item id as ``listing_id``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from urllib.parse import urljoin

from scraper.prices import parse_price
from scraper.sources.base import ExtractContext, Source, page_title
from scraper.sources.card_grades import US_CARD_SCALE, grade_condition, grader_named, raw_condition
from scraper.sources.dom import Document, Node, clean_text
from scraper.sources.ebay_results import RESULT_ROWS, read_sold_results
from scraper.sources.ebay_text import (
    EBAY_HOSTS,
    ebay_condition,
    is_price_range,
    item_id,
    parse_sold_date,
    seller_name,
    shipping_cost,
    site_currency,
)
from scraper.types import FailureKind, Money, Observation, ScrapeFailure, Seller

__all__ = ["EbaySource"]

_STATUS = ".d-statusmessage, .x-statusmessage, #msgPanel, .vi-end-msg, .ux-message__content"
_SOLD = re.compile(r"\b(sold|verkauft|vendu|venduto|vendido)\b", re.IGNORECASE)
_ENDED = re.compile(r"\bended\b|no longer available|beendet|terminée|terminata", re.IGNORECASE)
_DECIMAL = re.compile(r"\d+(?:[.,]\d+)?")


def _texts(doc: Document | Node, css: str) -> list[str]:
    return [t for t in (clean_text(n.text()) for n in doc.select(css)) if t]


def _title(doc: Document) -> str | None:
    for css in ("h1.x-item-title__mainTitle", ".x-item-title h1", "h1#itemTitle"):
        for node in doc.select(css):
            text = clean_text(node.text())
            # Older pages open the title with a hidden "Details about" in the site's language.
            for hidden in _texts(node, ".g-hdn"):
                text = text.removeprefix(hidden).strip()
            if text:
                return text[:300]
    return page_title(doc)


def _specifics(doc: Document) -> dict[str, str]:
    """Item specifics (label → value), from ``dl.ux-labels-values`` and older tables."""
    found: dict[str, str] = {}
    for block in doc.select(".ux-labels-values"):
        labels = _texts(block, ".ux-labels-values__labels")
        values = _texts(block, ".ux-labels-values__values")
        if labels and values:
            found.setdefault(labels[0].rstrip(":").strip().lower(), values[0])
    return found


def _condition(doc: Document, title: str | None) -> str | None:
    specifics = _specifics(doc)
    grader = grader_named(specifics.get("professional grader") or specifics.get("grader"))
    grade_text = specifics.get("grade") or ""
    if grader and (number := _DECIMAL.search(grade_text)):
        condition = grade_condition(grader, Decimal(number.group(0).replace(",", ".")))
        return condition or "graded"
    if card := raw_condition(specifics.get("card condition"), US_CARD_SCALE):
        return card
    for css in (
        ".x-item-condition-text .ux-textspans",
        ".x-item-condition-value .ux-textspans",
        "[data-testid='x-item-condition'] .ux-textspans",
        "#vi-itm-cond",
    ):
        for text in _texts(doc, css):
            # "Used: An item that has been used previously…" → "Used".
            return ebay_condition(text.split(":")[0], title)
    return None


def _price_text(doc: Document) -> tuple[str, bool]:
    """(price text, whether it is an auction's bid)."""
    for css in (".x-bin-price .x-price-primary", "#prcIsum", "#mm-saleDscPrc"):
        if texts := _texts(doc, css):
            return texts[0], False
    for texts, bid in (
        (_texts(doc, ".x-bid-price .x-price-primary"), True),
        (_texts(doc, "#prcIsum_bidPrice"), True),
        (_texts(doc, ".x-price-primary"), False),
    ):
        if texts:
            return texts[0], bid
    for node in doc.select("[itemprop='price']"):
        text = clean_text(node.attr("content") or node.text())
        if text:
            return text, False
    return "", False


def _shipping(doc: Document, currency: str | None) -> Money | None:
    for css in (
        ".ux-labels-values--shipping .ux-labels-values__values",
        "#fshippingCost",
        "#shSummary",
    ):
        for text in _texts(doc, css):
            # Inside the shipping block an amount alone ("£3.50 Royal Mail") is the cost.
            cost = shipping_cost(text if text.startswith("+") else "+" + text, currency)
            if cost is not None:
                return cost
    return None


def _seller(doc: Document, url: str) -> Seller | None:
    for css in (
        ".x-sellercard-atf__info__about-seller",
        ".ux-seller-section__item--seller",
        ".mbg-nw",
    ):
        for node in doc.select(css):
            bold = _texts(node, ".ux-textspans--BOLD") or _texts(node, "a span")
            name = seller_name(bold[0] if bold else node.text())
            if not name:
                continue
            profile = None
            for link in node.select("a[href]"):
                href = link.attr("href") or ""
                if "/usr/" in href or "/str/" in href:
                    profile = urljoin(url, href).split("?")[0]
                    break
            return Seller(name=name, id=profile)
    return None


class EbaySource(Source):
    name = "ebay"
    hosts = EBAY_HOSTS

    def extract(self, doc: Document, ctx: ExtractContext) -> list[Observation]:
        if doc.select(RESULT_ROWS):
            return self._results(doc, ctx)
        return [self._item(doc, ctx)]

    def _results(self, doc: Document, ctx: ExtractContext) -> list[Observation]:
        results = read_sold_results(doc, ctx)
        if results.observations:
            return results.observations
        raise ScrapeFailure(
            FailureKind.NO_PRICE_FOUND,
            f"The eBay results at {ctx.where} list {results.rows} listings but no sale with "
            "a price and a date (track a search filtered on sold items).",
            url=ctx.url,
            code="ebay_results_without_sales",
            params={"where": ctx.where, "rows": results.rows},
        )

    def _item(self, doc: Document, ctx: ExtractContext) -> Observation:
        currency = site_currency(ctx.url) or ctx.currency_hint
        title = _title(doc)
        text, is_bid = _price_text(doc)
        status = " ".join(_texts(doc, _STATUS))
        ended = bool(_ENDED.search(status) or _SOLD.search(status))
        sold = bool(_SOLD.search(status))
        if ended and not sold:
            raise ScrapeFailure(
                FailureKind.OUT_OF_STOCK,
                f"The eBay listing at {ctx.where} ended without a sale.",
                url=ctx.url,
                code="ebay_ended_unsold",
                params={"where": ctx.where},
            )
        if not text:
            raise ScrapeFailure(
                FailureKind.NO_PRICE_FOUND,
                f"The page at {ctx.where} is not an eBay item page with a price, nor a list "
                "of sold listings.",
                url=ctx.url,
                code="ebay_not_an_item_page",
                params={"where": ctx.where},
            )
        if is_bid and not sold:
            raise ScrapeFailure(
                FailureKind.NO_PRICE_FOUND,
                f"The eBay listing at {ctx.where} is an auction still running: its current "
                "bid is not a price yet. Track it again once it has sold.",
                url=ctx.url,
                code="ebay_auction_running",
                params={"where": ctx.where},
            )
        money = None if is_price_range(text) else parse_price(text, currency)
        if money is None or money.amount <= 0:
            raise ScrapeFailure(
                FailureKind.NO_PRICE_FOUND,
                f"The eBay listing at {ctx.where} shows no single price ({text[:60]}).",
                url=ctx.url,
                code="ebay_no_single_price",
                params={"where": ctx.where, "text": text[:60]},
            )
        observed_at = ctx.observed_at
        if sold:
            observed_at = parse_sold_date(status, ctx.observed_at) or ctx.observed_at
        return Observation(
            price=money,
            condition=_condition(doc, title),
            title=title,
            availability="out_of_stock" if sold else "in_stock",
            url=ctx.url,
            source=self.name,
            observed_at=observed_at,
            seller=_seller(doc, ctx.url),
            shipping=_shipping(doc, money.currency or currency),
            listing_id=item_id(ctx.url) if sold else None,
        )
