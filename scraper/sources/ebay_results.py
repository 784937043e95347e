"""eBay's sold / completed listings results (``/sch/i.html?…&LH_Sold=1&LH_Complete=1``).

Each sold listing is one observation: its price, shipping, condition, seller, and when it
sold (``observed_at``), with its item id (``listing_id``) so a later check that sees the
same sale again records nothing new (a listing of several units appears once per day it
sold). Two generations of markup are read:

.. code-block:: html

    <!-- older: li.s-item -->
    <li class="s-item" data-view="mi:1686|iid:1">
      <div class="s-item__caption"><span class="s-item__caption--signal POSITIVE">
        <span>Sold  Mar 3, 2025</span></span></div>          <!-- or .s-item__title--tagblock
                                                                  .POSITIVE, or an
                                                                  .s-item__ended-date -->
      <a class="s-item__link" href="https://www.ebay.com/itm/123456789012?…">
        <div class="s-item__title"><span>Charizard PSA 9</span></div></a>
      <div class="s-item__subtitle"><span class="SECONDARY_INFO">Graded - PSA 9</span></div>
      <span class="s-item__price"><span class="POSITIVE">$1,234.00</span></span>
      <span class="s-item__shipping s-item__logisticsCost">+$5.00 shipping</span>
      <span class="s-item__seller-info-text">cardking (1,234) 99.8%</span>
    </li>
    <!-- newer (2025): li.s-card -->
    <li class="s-card" data-listingid="123456789012">
      <div class="s-card__caption"><span class="su-styled-text positive">Sold  Mar 3, 2025</span></div>
      <a class="su-link s-card__link" href="…/itm/123456789012"><div class="s-card__title">…</div></a>
      <div class="s-card__subtitle"><span class="su-styled-text secondary">Pre-Owned</span></div>
      <div class="su-card-container__attributes__primary">
        <div class="s-card__attribute-row"><span class="s-card__price">$1,234.00</span></div>
        <div class="s-card__attribute-row"><span>+$5.00 delivery</span></div></div>
      <div class="su-card-container__attributes__secondary">
        <div class="s-card__attribute-row"><span>cardking</span> <span>99.8% positive (1.2K)</span></div></div>
    </li>

Left out, never guessed: eBay's "Shop on eBay" placeholder, listings after "Results
matching fewer words" (they are other items), unsold completed listings, price ranges
(variations), and an accepted best offer (eBay strikes through the asking price and
hides the price paid).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from scraper.prices import parse_price
from scraper.sources.base import ExtractContext
from scraper.sources.dom import Document, Node, clean_text
from scraper.sources.ebay_text import (
    ebay_condition,
    is_price_range,
    item_id,
    parse_sold_date,
    seller_name,
    shipping_cost,
    site_currency,
)
from scraper.types import Money, Observation, Seller

__all__ = ["RESULT_ROWS", "SoldResults", "read_sold_results"]

#: The result rows of either generation, and the divider before looser matches.
RESULT_ROWS = "li.s-item, li.s-card, li.srp-river-answer--REWRITE_START"
_SOLD_WORDS = re.compile(r"^\s*(sold|verkauft|vendu|venduto|vendido|verkocht)\b", re.IGNORECASE)
_BEST_OFFER = re.compile(r"best offer accepted|preisvorschlag angenommen|offre acceptée", re.I)
_TITLE_NOISE = re.compile(
    r"^(?:new listing|neues angebot|nouvelle annonce)\s*|\s*opens in a new window or tab$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class SoldResults:
    """What a results page held: the sales read, and how many rows were left out."""

    observations: list[Observation]
    rows: int
    skipped: int


def _first_text(node: Node, css: str) -> str:
    for found in node.select(css):
        text = clean_text(found.text())
        if text:
            return text
    return ""


def _classes(node: Node) -> set[str]:
    return set((node.attr("class") or "").split())


def _title(row: Node) -> str:
    for found in row.select(".s-item__title, .s-card__title"):
        # The "New Listing" badge and the "Opens in a new window" hint are their own spans.
        parts = [clean_text(s.text()) for s in found.select(".LIGHT_HIGHLIGHT, .clipped")]
        text = clean_text(found.text())
        for part in parts:
            if part and text.startswith(part):
                text = text[len(part) :].strip()
            elif part and text.endswith(part):
                text = text[: -len(part)].strip()
        text = _TITLE_NOISE.sub("", text).strip()
        if text:
            return text[:300]
    return ""


def _sold_caption(row: Node, price_nodes: list[Node]) -> str | None:
    """The "Sold <date>" text, or an ended date when the price is the green sold one."""
    for css in (
        ".s-item__caption--signal",
        ".s-item__title--tagblock .POSITIVE",
        ".s-card__caption",
        ".s-item__caption",
    ):
        for node in row.select(css):
            text = clean_text(node.text())
            if _SOLD_WORDS.match(text):
                return text
    green = any(
        "POSITIVE" in _classes(n) or any("POSITIVE" in _classes(s) for s in n.select("span"))
        for n in price_nodes
    )
    if green:
        ended = _first_text(row, ".s-item__ended-date, .s-item__endedDate")
        if ended:
            return ended
    return None


def _struck(price_nodes: list[Node]) -> bool:
    for node in price_nodes:
        for each in (node, *node.select("span")):
            if {"STRIKETHROUGH", "strikethrough"} & _classes(each):
                return True
    return False


def _condition_and_title(row: Node, title: str) -> str | None:
    subtitle = _first_text(row, ".s-item__subtitle .SECONDARY_INFO, .s-card__subtitle")
    parts = [p.strip() for p in re.split(r"\s[·|]\s", subtitle) if p.strip()]
    if not parts:
        return None
    return ebay_condition(parts[0], " ".join([*parts[1:], title]))


def _shipping(row: Node, currency: str | None) -> Money | None:
    texts = [clean_text(n.text()) for n in row.select(".s-item__shipping, .s-item__logisticsCost")]
    texts += [clean_text(n.text()) for n in row.select(".s-card__attribute-row")]
    for text in texts:
        cost = shipping_cost(text, currency)
        if cost is not None:
            return cost
    return None


def _seller(row: Node, page_url: str) -> Seller | None:
    text = _first_text(row, ".s-item__seller-info-text")
    if not text:
        for node in row.select(".su-card-container__attributes__secondary .s-card__attribute-row"):
            candidate = clean_text(node.text())
            if "%" in candidate:
                text = candidate
                break
    name = seller_name(text)
    if not name:
        return None
    profile = None
    for link in row.select('a[href*="/usr/"]'):
        href = link.attr("href")
        if href:
            absolute = urljoin(page_url, href)
            profile = (
                absolute.split("?")[0] if urlsplit(absolute).scheme in ("http", "https") else None
            )
            break
    return Seller(name=name, id=profile)


def _item(row: Node, page_url: str) -> tuple[str | None, str]:
    href = ""
    for link in row.select("a.s-item__link, a.s-card__link, a[href*='/itm/']"):
        href = link.attr("href") or ""
        if href:
            break
    listing = row.attr("data-listingid") or item_id(href)
    url = urljoin(page_url, href).split("?")[0] if href else page_url
    return (listing if listing and listing.isdigit() else item_id(href)), url


def _read_row(row: Node, ctx: ExtractContext, currency: str | None) -> Observation | None:
    title = _title(row)
    if not title or title.lower() == "shop on ebay":
        return None  # eBay's placeholder card at the top of the list
    price_nodes = row.select(".s-item__price, .s-card__price")
    price_text = clean_text(price_nodes[0].text()) if price_nodes else ""
    if not price_text or is_price_range(price_text) or _struck(price_nodes):
        return None
    if _BEST_OFFER.search(clean_text(row.text())):
        return None  # the price shown is the asking price, not what was paid
    caption = _sold_caption(row, price_nodes)
    sold_at = parse_sold_date(caption, ctx.observed_at) if caption else None
    money = parse_price(price_text, currency)
    if sold_at is None or money is None or money.amount <= 0:
        return None
    listing, url = _item(row, ctx.url)
    return Observation(
        price=money,
        condition=_condition_and_title(row, title),
        title=title,
        availability="out_of_stock",  # sold: a price paid, no longer an offer
        url=url,
        source="ebay",
        observed_at=sold_at,
        seller=_seller(row, ctx.url),
        shipping=_shipping(row, money.currency or currency),
        listing_id=listing,
    )


def read_sold_results(doc: Document, ctx: ExtractContext) -> SoldResults:
    """The sold listings on a results page, in page order (see the module docstring)."""
    currency = site_currency(ctx.url) or ctx.currency_hint
    observations: list[Observation] = []
    seen: set[tuple[str, str]] = set()
    rows = skipped = 0
    for row in doc.select(RESULT_ROWS):
        if "srp-river-answer--REWRITE_START" in _classes(row):
            break  # "Results matching fewer words": other items from here on
        rows += 1
        obs = _read_row(row, ctx, currency)
        # A listing of several units sells on several days: one sale per listing and day.
        sale = (obs.listing_id or "", obs.observed_at.date().isoformat()) if obs else None
        if obs is None or (obs.listing_id and sale in seen):
            skipped += 1
            continue
        if sale is not None and obs.listing_id:
            seen.add(sale)
        observations.append(obs)
    return SoldResults(observations, rows, skipped)
