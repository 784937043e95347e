"""Auction pages: the price is the current bid, never the starting price.

An auction page's structured data usually carries the *starting* price; the current
bid, the bid count and the end time are only in the visible page. A page is read as
an auction when it shows a bid control (``Place bid``, ``Bieten``, ``Enchérir``,
``Pujar``, ``Licytuj`` …, or an id/class/name naming a bid button) or a bid label
(``Current bid``, ``Aktuelles Gebot``, ``Enchère actuelle``, ``Offerta attuale``,
``Puja actual``, ``Starting bid`` …) next to a bid count or a "time left".

* The current bid is the one amount in a short text labelled as the current bid (in
  the element or its parent), or in an element whose id/class names a bid price
  (``bidPrice``, ``bid-price``, ``current-bid``). It replaces the structured price,
  with :class:`~scraper.types.Auction` (bid count, end time when the page gives them).
* An auction whose current bid cannot be read, or that has no bid yet ("0 bids": the
  shown bid is the opening one), is refused (``no_price_found``): the structured
  price of an auction is its opening bid, not what the item will cost.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

from scraper.sources.base import Candidate, ExtractContext
from scraper.sources.dom import Document, Node, spaced_text
from scraper.sources.main_product import product_region
from scraper.sources.price_text import find_prices
from scraper.sources.trace import note
from scraper.types import Auction, FailureKind, Money, ScrapeFailure

__all__ = ["auction_prices", "read_auction"]

_BID_CONTROL = re.compile(
    r"place[\s_-]?(?:a[\s_-]?)?bid|bid[\s_-]?now|\bbidbtn|bid[\s_-]?button|submit[\s_-]?bid|"
    r"gebot abgeben|\bbieten\b|enchérir|placer une enchère|fai un'offerta|fare un'offerta|"
    r"\bpujar\b|licytuj|сделать ставку|入札する|입찰하기",
    re.IGNORECASE,
)
_CURRENT_LABEL = re.compile(
    r"current[\s_-]?bid|high(?:est)?[\s_-]?bid|winning[\s_-]?bid|aktuelles gebot|höchstgebot|"
    r"enchère (?:actuelle|la plus haute)|offerta attuale|puja actual|lance atual|aktualna oferta|"
    r"текущая ставка|現在の価格|현재 입찰가",
    re.IGNORECASE,
)
_STARTING_LABEL = re.compile(
    r"starting[\s_-]?bid|opening[\s_-]?bid|start(?:ing)?[\s_-]?price|startpreis|mindestgebot|"
    r"mise à prix|prix de départ|prezzo (?:di partenza|base)|precio de salida|lance inicial|"
    r"cena wywoławcza|начальная ставка|開始価格",
    re.IGNORECASE,
)
_BID_COUNT = re.compile(
    r"(\d{1,5})\s*(?:bids?|gebote?|enchères?|offerte|pujas?|lances?|ofert[ay]?|ставк[аи]?|件の入札|건)\b",
    re.IGNORECASE,
)
_TIME_LEFT = re.compile(
    r"time[\s_-]?left|ends?[\s_-]?in|auction[\s_-]?ends?|restzeit|endet|fin dans|se termine|"
    r"tempo restante|termina|tiempo restante|koniec za|до окончания",
    re.IGNORECASE,
)
_BID_PRICE_NAME = re.compile(r"bid[-_]?price|current[-_]?bid|bidprice|high[-_]?bid", re.IGNORECASE)
# Bid controls are buttons or carry "bid" in their id; one cheap selector because it
# runs on every page with a price.
_CONTROL_CSS = 'button, input[type=submit], input[type=button], [id*="bid" i]'
_END_CSS = "[data-end-time], [data-endtime], [data-end-date], [data-ends-at], time[datetime]"
_MAX_LABEL = 120


def _label_of(node: Node) -> str:
    own = spaced_text(node)
    return " ".join(
        filter(
            None,
            [
                own if len(own) <= _MAX_LABEL else "",
                node.attr("value"),
                node.attr("id"),
                node.attr("class"),
                node.attr("name"),
            ],
        )
    )


def _is_auction(region: Document | Node) -> bool:
    return any(_BID_CONTROL.search(_label_of(n)) for n in region.select(_CONTROL_CSS)[:300])


def _parse_end(value: str) -> datetime | None:
    value = value.strip()
    if value.isdigit() and len(value) in (10, 13):  # epoch seconds or milliseconds
        seconds = int(value) / (1000 if len(value) == 13 else 1)
        return datetime.fromtimestamp(seconds, UTC)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def read_auction(
    doc: Document,
    ctx: ExtractContext,
    hints: tuple[str | None, ...],
    region: Document | Node | None = None,
) -> tuple[Money | None, Auction] | None:
    """``(current_bid, Auction)`` of an auction page; ``None`` if it is not one.

    ``current_bid`` is ``None`` when the page is an auction whose bid cannot be read.
    """
    # The bid box is in the product's part of the page (a carousel's "bid now" is not).
    region = product_region(doc) if region is None else region
    if not _is_auction(region):
        return None
    bids: set[Money] = set()
    count: int | None = None
    ends_at: datetime | None = None
    for node in region.select("*")[:20000]:
        text = spaced_text(node)
        if not text or len(text) > _MAX_LABEL:
            continue
        parent = node.parent()
        around = spaced_text(parent) if parent is not None else ""
        context = text if len(around) > _MAX_LABEL else around
        names = " ".join(filter(None, (node.attr("id"), node.attr("class"))))
        labelled = _CURRENT_LABEL.search(context) or _BID_PRICE_NAME.search(names)
        if labelled and not _STARTING_LABEL.search(text):
            found = find_prices(text, hint=ctx.currency_hint, page_hints=hints)
            if len(found) == 1:
                bids.add(found[0].money)
        if count is None and (match := _BID_COUNT.search(text)):
            count = int(match.group(1))
    for node in doc.select(_END_CSS)[:20]:
        raw = next(
            (
                node.attr(a)
                for a in (
                    "data-end-time",
                    "data-endtime",
                    "data-end-date",
                    "data-ends-at",
                    "datetime",
                )
                if node.attr(a)
            ),
            None,
        )
        parent = node.parent()
        label = spaced_text(parent) if parent is not None else ""
        if raw and (node.tag != "time" or _TIME_LEFT.search(label[:_MAX_LABEL])):
            ends_at = _parse_end(raw)
            if ends_at is not None:
                break
    current = bids.pop() if len(bids) == 1 else None
    return current, Auction(bids=count, ends_at=ends_at)


def auction_prices(
    candidates: list[Candidate],
    doc: Document,
    ctx: ExtractContext,
    hints: tuple[str | None, ...],
    region: Document | Node | None = None,
) -> list[Candidate]:
    """The current bid instead of the structured (starting) price on an auction page."""
    reading = read_auction(doc, ctx, hints, region)
    if reading is None:
        return candidates
    current, auction = reading
    if current is not None and auction.bids == 0:
        note("auction: no bid yet")
        raise ScrapeFailure(
            FailureKind.NO_PRICE_FOUND,
            f"The page at {ctx.where} is an auction with no bid yet (the listed price of an "
            "auction is its starting bid, not its price).",
            url=ctx.url,
            code="auction_no_bid_yet",
            params={"where": ctx.where},
        )
    if current is None:
        note("auction: no single current bid on the page")
        raise ScrapeFailure(
            FailureKind.NO_PRICE_FOUND,
            f"The page at {ctx.where} is an auction with no single current bid on the page "
            "(the listed price of an auction is its starting bid, not its price).",
            url=ctx.url,
            code="auction_no_current_bid",
            params={"where": ctx.where},
        )
    note(f"auction: current bid {current}, {auction.bids} bid(s), ends {auction.ends_at}")
    first = candidates[0]
    return [replace(first, price=current, auction=auction)]
