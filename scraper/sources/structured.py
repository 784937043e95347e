"""schema.org structured data: JSON-LD, microdata and OpenGraph / product meta tags.

This covers most shops. The three layers are tried in that order and the first one
that yields a price wins (JSON-LD is the most explicit; meta tags the least).

Rules (documented in ``scraper/README.md``):

* JSON-LD: every ``<script type="application/ld+json">``; top-level objects, arrays
  and ``@graph``; ``@id`` references; any node with ``offers`` (a single offer or a
  list) is an item whose ``name`` becomes the title. An offer's price comes from
  ``price``, else its ``priceSpecification`` (list/sale prices only — ``ListPrice``,
  ``StrikethroughPrice`` and ``MSRP`` entries are ignored), else, for an
  ``AggregateOffer``, from ``lowPrice``/``highPrice``: equal → that price; different →
  *ambiguous* unless ``offerCount`` is 1 (then the low price). Slightly broken JSON
  (trailing commas, raw newlines in strings, HTML comment wrappers) is repaired;
  unreadable blocks are skipped.
* Microdata: ``itemprop="price"`` (``content`` attribute or text) with the
  ``priceCurrency`` / ``availability`` / ``itemCondition`` of the same ``itemscope``.
* Meta: ``product:price:amount`` / ``og:price:amount`` with the matching
  ``…:currency`` and ``product:availability`` / ``og:availability``.

A price of zero is treated as "no price" (shops use it as a placeholder).
Then :func:`scraper.sources.listings.choose` keeps one offer per seller on a listings page
(several sellers' offers for one product) and otherwise applies the shared ambiguity
rules (:func:`scraper.sources.base.decide`); offers carry their seller and shipping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from scraper.prices import parse_price, quantize, to_iso_currency
from scraper.sources.base import Candidate, ExtractContext, Source, page_title
from scraper.sources.common import normalize_availability, normalize_item_condition
from scraper.sources.dom import Document, Node, clean_text
from scraper.sources.jsonld_blocks import load_jsonld as _load_json
from scraper.sources.listings import choose, offer_party
from scraper.sources.main_product import ProductGroup, jsonld_group, microdata_group
from scraper.sources.page_currency import currency_hints
from scraper.sources.refine import refine
from scraper.sources.sale_price import is_buyers_price_specification
from scraper.sources.trace import note
from scraper.types import FailureKind, Money, Observation, ScrapeFailure

__all__ = ["StructuredSource"]

_MAX_DEPTH = 40
_MAX_NODES = 20_000
_PLAIN_DECIMAL = re.compile(r"\d{1,15}(?:\.\d{1,6})?")


@dataclass
class _Findings:
    candidates: list[Candidate] = field(default_factory=list)
    out_of_stock: bool = False
    malformed_blocks: int = 0
    groups: list[ProductGroup] = field(default_factory=list)  # candidates' Products


def _local_types(node: dict[str, Any]) -> set[str]:
    raw = node.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    types = set()
    for value in values:
        if isinstance(value, str):
            types.add(re.split(r"[/:#]", value.strip())[-1].lower())
    return types


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text_value(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if isinstance(value, str):
        text = clean_text(value)
        return text[:300] or None
    return None


def _to_money(
    value: Any, currency: Any, hint: str | None, page_hints: tuple[str | None, ...] = ()
) -> Money | None:
    """A schema.org price value (number or string) → Money; ``None`` if unusable or ≤ 0."""
    if isinstance(value, list):
        value = value[0] if len(value) == 1 else None
    if isinstance(value, dict):
        value = value.get("@value")
    currency_text = currency if isinstance(currency, str) else None
    iso = to_iso_currency(currency_text.strip(), hint) if currency_text else None
    amount: Decimal | None = None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        try:
            amount = Decimal(str(value))
        except (InvalidOperation, ValueError):
            return None
    elif isinstance(value, str):
        stripped = value.strip()
        if _PLAIN_DECIMAL.fullmatch(stripped):
            amount = Decimal(stripped)
        else:
            money = parse_price(stripped, iso or hint, page_hints=page_hints)
            if money is None:
                return None
            amount = money.amount
            iso = iso or money.currency
    if amount is None or not amount.is_finite() or amount <= 0 or amount >= Decimal(10) ** 12:
        return None
    try:
        return Money(quantize(amount, iso or hint), iso or (hint.upper() if hint else None))
    except (InvalidOperation, ArithmeticError):
        return None


class _JsonLdWalker:
    def __init__(self, ctx: ExtractContext, findings: _Findings) -> None:
        self.ctx = ctx
        self.hint = ctx.currency_hint
        self.findings = findings
        self.ids: dict[str, dict[str, Any]] = {}
        self.visited = 0

    def index(self, value: Any, depth: int = 0) -> None:
        if depth > _MAX_DEPTH or self.visited > _MAX_NODES:
            return
        self.visited += 1
        if isinstance(value, list):
            for item in value:
                self.index(item, depth + 1)
        elif isinstance(value, dict):
            node_id = value.get("@id")
            if isinstance(node_id, str) and len(value) > 1:
                self.ids.setdefault(node_id, value)
            for item in value.values():
                if isinstance(item, dict | list):
                    self.index(item, depth + 1)

    def resolve(self, value: Any) -> Any:
        if isinstance(value, dict) and set(value) == {"@id"} and isinstance(value["@id"], str):
            return self.ids.get(value["@id"], value)
        return value

    def walk(
        self, value: Any, title: str | None, depth: int = 0, path: tuple[str, ...] = ()
    ) -> None:
        if depth > _MAX_DEPTH or self.visited > _MAX_NODES:
            return
        self.visited += 1
        if isinstance(value, list):
            for item in value:
                self.walk(item, title, depth + 1, path)
            return
        if not isinstance(value, dict):
            return
        types = _local_types(value)
        start = len(self.findings.candidates)
        if "offers" in value:
            title = _text_value(value.get("name")) or title
            for offer in _as_list(value.get("offers")):
                self.offer(self.resolve(offer), title, depth + 1)
            self._group(value, path, start)
        elif types & {"offer", "aggregateoffer"}:
            self.offer(value, title, depth + 1)
            self._group(value, path, start)
            return
        for key, item in value.items():
            if key != "offers" and isinstance(item, dict | list):
                self.walk(item, title, depth + 1, (*path, str(key)))

    def _group(self, node: dict[str, Any], path: tuple[str, ...], start: int) -> None:
        end = len(self.findings.candidates)
        self.findings.groups.append(jsonld_group(node, path, start, end, self.ctx.url))

    def offer(self, offer: Any, title: str | None, depth: int) -> None:
        if not isinstance(offer, dict) or depth > _MAX_DEPTH:
            return
        types = _local_types(offer)
        availability = normalize_availability(offer.get("availability"))
        condition = normalize_item_condition(offer.get("itemCondition"))
        currency = offer.get("priceCurrency")
        found: list[Money] = []

        before = len(self.findings.candidates)
        for nested in _as_list(offer.get("offers")):
            self.offer(self.resolve(nested), title, depth + 1)
        if len(self.findings.candidates) > before:
            return

        money = _to_money(offer.get("price"), currency, self.hint)
        if money is not None:
            found.append(money)
        else:
            found.extend(self._from_specification(offer, currency))
        if not found and ("aggregateoffer" in types or "lowPrice" in offer):
            low = _to_money(offer.get("lowPrice"), currency, self.hint)
            high = _to_money(offer.get("highPrice"), currency, self.hint)
            distinct = list(dict.fromkeys(m for m in (low, high) if m is not None))
            if len(distinct) == 2 and str(offer.get("offerCount", "")).strip() == "1":
                distinct = distinct[:1]
            found.extend(distinct)
        seller, shipping = offer_party(offer, self.ctx, currency=currency, resolve=self.resolve)
        for money in found:
            self.findings.candidates.append(
                Candidate(money, condition, title, availability, seller, shipping)
            )
        if not found and availability == "out_of_stock":
            self.findings.out_of_stock = True

    def _from_specification(self, offer: dict[str, Any], currency: Any) -> list[Money]:
        result: list[Money] = []
        for spec in _as_list(self.resolve(offer.get("priceSpecification"))):
            spec = self.resolve(spec)
            if not isinstance(spec, dict):
                continue
            if not is_buyers_price_specification(spec):
                continue
            money = _to_money(spec.get("price"), spec.get("priceCurrency") or currency, self.hint)
            if money is not None and money not in result:
                result.append(money)
        return result


def _scope_of(node: Node) -> Node | None:
    """The nearest ``itemscope`` ancestor (or the node itself)."""
    current: Node | None = node
    for _ in range(60):
        if current is None:
            return None
        if current.attr("itemscope") is not None:
            return current
        current = current.parent()
    return None


def _prop_value(node: Node) -> str:
    for name in ("content", "href", "value"):
        value = node.attr(name)
        if value is not None and value.strip():
            return value
    return node.text()


def _first_prop(scope: Node | None, prop: str) -> str | None:
    if scope is None:
        return None
    # Property names are matched in any letter case: shops write "pricecurrency".
    for node in scope.select(f'[itemprop~="{prop}" i]'):
        value = clean_text(_prop_value(node))
        if value:
            return value
    return None


def _microdata(doc: Document, ctx: ExtractContext, findings: _Findings) -> None:
    hint = ctx.currency_hint
    for node in doc.select('[itemprop~="price" i], [itemprop~="lowPrice" i]'):
        scope = _scope_of(node)
        raw = clean_text(_prop_value(node))
        currency = _first_prop(scope, "priceCurrency")
        availability = normalize_availability(_first_prop(scope, "availability"))
        condition = normalize_item_condition(_first_prop(scope, "itemCondition"))
        title = None
        current = scope
        for _ in range(10):
            if current is None:
                break
            itemtype = (current.attr("itemtype") or "").lower()
            if "offer" not in itemtype:
                title = _first_prop(current, "name")
                break
            parent = current.parent()
            current = _scope_of(parent) if parent is not None else None
        # A shared marker in a text price ("$24.990", "294 元") is decided by the page.
        text_price = raw and not currency and not _PLAIN_DECIMAL.fullmatch(raw)
        page = currency_hints(doc, ctx) if text_price else ()
        money = _to_money(raw, currency, hint, page) if raw else None
        if money is not None:
            seller, shipping = (
                (None, None) if scope is None else offer_party(scope, ctx, currency=currency)
            )
            findings.candidates.append(
                Candidate(money, condition, title, availability, seller, shipping)
            )
            if (product := current or scope) is not None:
                findings.groups.append(microdata_group(product, len(findings.candidates) - 1))
        elif availability == "out_of_stock":
            findings.out_of_stock = True


_META_AMOUNT = (
    'meta[property="product:price:amount"], meta[property="og:price:amount"], '
    'meta[name="product:price:amount"], meta[name="og:price:amount"]'
)
_META_CURRENCY = (
    'meta[property="product:price:currency"], meta[property="og:price:currency"], '
    'meta[name="product:price:currency"], meta[name="og:price:currency"]'
)
_META_AVAILABILITY = (
    'meta[property="product:availability"], meta[property="og:availability"], '
    'meta[name="product:availability"], meta[name="og:availability"]'
)


def _first_content(doc: Document, css: str) -> str | None:
    for node in doc.select(css):
        value = clean_text(node.attr("content"))
        if value:
            return value
    return None


def _meta(doc: Document, ctx: ExtractContext, findings: _Findings) -> None:
    currency = _first_content(doc, _META_CURRENCY)
    availability = normalize_availability(_first_content(doc, _META_AVAILABILITY))
    for node in doc.select(_META_AMOUNT):
        raw = clean_text(node.attr("content"))
        money = _to_money(raw, currency, ctx.currency_hint) if raw else None
        if money is not None:
            findings.candidates.append(Candidate(money, None, None, availability))
    if not findings.candidates and availability == "out_of_stock":
        findings.out_of_stock = True


class StructuredSource(Source):
    """schema.org Product/Offer data (JSON-LD, microdata, OpenGraph meta)."""

    name = "structured"

    def extract(self, doc: Document, ctx: ExtractContext) -> list[Observation]:
        findings = _Findings()
        walker = _JsonLdWalker(ctx, findings)
        blocks: list[Any] = []
        for script in doc.select("script"):
            script_type = (script.attr("type") or "").split(";")[0].strip().lower()
            if script_type != "application/ld+json":
                continue
            ok, value = _load_json(script.text())
            if ok:
                blocks.append(value)
            else:
                findings.malformed_blocks += 1
        for block in blocks:
            walker.index(block)
        walker.visited = 0
        for block in blocks:
            walker.walk(block, None)

        layer_name = "json-ld"
        for layer in (_microdata, _meta):
            if findings.candidates:
                break
            findings.groups.clear()  # a later layer's products are judged on their own
            layer(doc, ctx, findings)
            layer_name = layer.__name__.strip("_")
        note(f"{layer_name}: {len(findings.candidates)} price(s)")

        # Main product, marketplace buy box / visible text, auction, sale price (refine.py).
        candidates, findings.out_of_stock = refine(
            findings.candidates, findings.groups, doc, ctx, out_of_stock=findings.out_of_stock
        )
        if candidates:
            chosen = choose(candidates, ctx)  # a listings page: one per seller (listings.py)
            fallback = page_title(doc) if any(c.title is None for c in chosen) else None
            chosen = [c if c.title else _with_title(c, fallback) for c in chosen]
            return self.observations(chosen, ctx)
        if findings.out_of_stock:
            raise ScrapeFailure(
                FailureKind.OUT_OF_STOCK,
                f"The item at {ctx.where} is out of stock and the page shows no price.",
                url=ctx.url,
                code="out_of_stock_no_price",
                params={"where": ctx.where},
            )
        malformed = " (its structured product data is malformed and could not be read)"
        detail = malformed if findings.malformed_blocks else ""
        raise ScrapeFailure(
            FailureKind.NO_PRICE_FOUND,
            f"No price was found on the page at {ctx.where}{detail}. If the shop shows a "
            "price, set a CSS selector for it on this tracker.",
            url=ctx.url,
            code="no_price_malformed_data" if findings.malformed_blocks else "no_price_on_page",
            params={"where": ctx.where},
        )


def _with_title(cand: Candidate, title: str | None) -> Candidate:
    return replace(cand, title=title)
