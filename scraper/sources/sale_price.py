"""List price beside sale price: keep the price a buyer pays.

Shops show a reduced item as a struck-through list price, the sale price and often a
"-x %" badge, and their structured data then carries either both prices or only the
list one. A *sale pair* is read from the visible page: an element marked as the old
price — ``<del>``/``<s>``/``<strike>``, ``text-decoration: line-through``, or a class
such as ``old-price``, ``price--was``, ``original-price``, ``barred``, ``rrp`` —
showing an amount *H*, and in the same small container (at most three levels up, at
most 400 characters of text) a lower price *L* and possibly a badge *x*. Pairs are
looked for in the product's part of the page: the largest ancestor of the ``<h1>``
with at most 20,000 characters of text (the whole page when it has no ``<h1>``).

* Several different structured prices for one item: an amount that is the *H* of a
  sale pair whose *L* is another of those prices is dropped (list price).
* One structured price that is the *H* of a sale pair whose badge agrees with
  exactly one *L* (``L ≈ H * (1 - x/100)``, within one percentage point): the
  structured data published the list price; the buyer pays *L*, which replaces it.
  Without an agreeing badge the structured price stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from scraper.sources.base import Candidate, ExtractContext
from scraper.sources.dom import Document, Node, spaced_text
from scraper.sources.main_product import main_heading, product_region
from scraper.sources.price_text import find_percentages, find_prices
from scraper.sources.trace import note
from scraper.types import Money

__all__ = [
    "OLD_PRICE_CSS",
    "SalePair",
    "is_buyers_price_specification",
    "is_old_price",
    "prefer_sale_prices",
    "sale_pairs",
]

# schema.org priceType values that name a price nobody pays (the list price beside a sale).
_NOT_PAID_PRICE_TYPES = {"listprice", "strikethroughprice", "msrp", "invoiceprice", "srp"}
# Charges on top of the item (delivery, payment fees) are specifications too, not its price.
_CHARGE_TYPES = {"deliverychargespecification", "paymentchargespecification"}


def _last_segment(value: object) -> str:
    return re.split(r"[/:#]", value)[-1].lower() if isinstance(value, str) else ""


def is_buyers_price_specification(spec: dict[str, object]) -> bool:
    """Whether an Offer's ``priceSpecification`` entry is the price a buyer pays for the item."""
    types = spec.get("@type")
    if any(
        _last_segment(t) in _CHARGE_TYPES for t in (types if isinstance(types, list) else [types])
    ):
        return False
    return _last_segment(spec.get("priceType")) not in _NOT_PAID_PRICE_TYPES


# Old-price classes nearly always name the price ("old-price", "price--was",
# "listPrice"); the other words catch containers styled as struck. One selector, so
# the page is walked once (checked by is_old_price afterwards).
OLD_PRICE_CSS = (
    'del, s, strike, [style*="line-through"], [class*="price" i], [class*="barr"], '
    '[class*="strike"], [class*="crossed"]'
)
_OLD_CLASS = re.compile(
    r"(?:old|was|orig(?:inal)?|regular|list|before|strike|crossed|rrp|uvp|msrp|compare(?:-?at)?|"
    r"prev(?:ious)?|initial|retail|reference)[-_]?price|"
    r"price[-_]+(?:old|was|before|regular|orig(?:inal)?|list|strike|crossed|prev(?:ious)?|initial)|"
    r"line-?through|strike|barred|crossed|\bwas\b|\bold\b|oldprice|rrp|uvp|msrp",
    re.IGNORECASE,
)
_STRUCK_TAGS = frozenset({"del", "s", "strike"})
_MAX_OWN_TEXT = 40
_MAX_AREA_TEXT = 400
_MAX_OLD_NODES = 300
_MAX_CLIMB = 60


@dataclass(frozen=True)
class SalePair:
    """A struck list price ``high`` and the lower prices shown beside it."""

    high: Money
    lows: tuple[Money, ...]
    badges: tuple[Decimal, ...]
    #: Steps through the tree from the pair to the page's <h1> (smaller: the buy box).
    distance: int = 0

    def agreeing_lows(self) -> list[Money]:
        """The lows that the badge confirms: ``low ≈ high * (1 - badge/100)``."""
        result = []
        for low in self.lows:
            off = (self.high.amount - low.amount) / self.high.amount * 100
            if any(abs(off - badge) < 1 for badge in self.badges):
                result.append(low)
        return result


def is_old_price(node: Node) -> bool:
    if node.tag in _STRUCK_TAGS:
        return True
    style = (node.attr("style") or "").replace(" ", "").lower()
    if "line-through" in style:
        return True
    return bool(_OLD_CLASS.search(node.attr("class") or ""))


def _compatible(a: Money, b: Money) -> bool:
    return a.currency is None or b.currency is None or a.currency == b.currency


def _heading_depths(doc: Document) -> dict[int, int]:
    depths: dict[int, int] = {}
    node = main_heading(doc)
    for depth in range(_MAX_CLIMB):
        if node is None:
            break
        depths[node.key] = depth
        node = node.parent()
    return depths


def _distance(node: Node, depths: dict[int, int]) -> int:
    current: Node | None = node
    for steps in range(_MAX_CLIMB):
        if current is None:
            break
        if current.key in depths:
            return steps + depths[current.key]
        current = current.parent()
    return 2 * _MAX_CLIMB


def sale_pairs(
    doc: Document,
    ctx: ExtractContext,
    hints: tuple[str | None, ...],
    highs: set[Decimal] | None = None,
    region: Document | Node | None = None,
) -> list[SalePair]:
    """The sale pairs shown on the page (see the module docstring); with ``highs``,
    only those whose struck price is one of these amounts (a cheap pre-filter)."""
    pairs: list[SalePair] = []
    seen: set[tuple[int, Decimal]] = set()
    wanted = {format(int(h), "d") for h in highs} if highs is not None else None
    depths: dict[int, int] | None = None
    region = product_region(doc) if region is None else region
    for node in region.select(OLD_PRICE_CSS)[:_MAX_OLD_NODES]:
        own = spaced_text(node)
        if not own or len(own) > _MAX_OWN_TEXT:
            continue
        if wanted is not None:
            digits = re.sub(r"\D", "", own)
            if not any(w in digits for w in wanted):
                continue
        if not is_old_price(node):
            continue
        found = find_prices(own, hint=ctx.currency_hint, page_hints=hints, unmarked=True)
        if len(found) != 1 or (highs is not None and found[0].money.amount not in highs):
            continue
        high = found[0].money
        area: Node | None = node
        for _ in range(3):
            area = area.parent() if area is not None else None
            if area is None:
                break
            text = spaced_text(area)
            if len(text) > _MAX_AREA_TEXT:
                break
            rest = text.replace(own, " ", 1)
            lows = tuple(
                t.money
                for t in find_prices(rest, hint=ctx.currency_hint, page_hints=hints)
                if t.money.amount < high.amount and _compatible(t.money, high)
            )
            if lows:
                key = (area.key, high.amount)
                if key not in seen:
                    seen.add(key)
                    if depths is None:
                        depths = _heading_depths(doc)
                    badges = tuple(find_percentages(text))
                    pairs.append(SalePair(high, lows, badges, _distance(area, depths)))
                break
    return pairs


def prefer_sale_prices(
    candidates: list[Candidate],
    doc: Document,
    ctx: ExtractContext,
    hints: tuple[str | None, ...],
    region: Document | Node | None = None,
) -> list[Candidate]:
    """Drop list prices, or replace a lone list price by its sale price (docstring)."""
    if not candidates:
        return candidates
    pairs = sale_pairs(doc, ctx, hints, {c.price.amount for c in candidates}, region)
    if not pairs:
        return candidates
    by_condition: dict[str | None, list[Candidate]] = {}
    for cand in candidates:
        by_condition.setdefault(cand.condition, []).append(cand)
    result: list[Candidate] = []
    for group in by_condition.values():
        amounts = {c.price.amount for c in group}
        if len(amounts) > 1:
            listed = {
                p.high.amount
                for p in pairs
                if p.high.amount in amounts and any(low.amount in amounts for low in p.lows)
            }
            kept = [c for c in group if c.price.amount not in listed]
            if kept and listed:
                note(f"sale price: dropped list price(s) {', '.join(map(str, sorted(listed)))}")
                group = kept
        elif len(amounts) == 1:
            group = _override_lone_list_price(group, pairs)
        result.extend(group)
    return result


def _override_lone_list_price(group: list[Candidate], pairs: list[SalePair]) -> list[Candidate]:
    price = group[0].price
    mine = [p for p in pairs if p.high.amount == price.amount and _compatible(p.high, price)]
    if not mine:
        return group
    # Another product on the page may share the list price (a carousel): the pair
    # nearest the page's heading is the buy box's.
    nearest = min(p.distance for p in mine)
    lows = {low.amount for p in mine if p.distance == nearest for low in p.agreeing_lows()}
    if len(lows) != 1:
        return group
    low = lows.pop()
    note(f"sale price: structured {price.amount} is the struck list price; badge agrees with {low}")
    return [replace(c, price=Money(low, price.currency)) for c in group]
