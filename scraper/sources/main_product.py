"""Which of the page's Product nodes is the product the page is about.

Related-product carousels and "customers also bought" blocks carry their own
schema.org Product markup, so a real product page often has several Products with
different prices. Before calling that ambiguous, the structured source narrows the
candidates to the page's main product with the first of these rules that tells the
products apart (keeps some and drops others):

1. **identity** — the Product's ``url`` or ``@id`` is the page's address, its
   ``<link rel="canonical">`` or ``og:url`` (query and fragment ignored), or its
   ``sku`` / ``gtin…`` / ``mpn`` / ``productID`` is a token of that address's path;
2. **main entity** — JSON-LD reached through ``mainEntity`` (``WebPage`` → Product);
3. **heading** — a microdata Product scope that contains the page's ``<h1>``, or a
   Product whose ``name`` is the ``<h1>`` text;
4. **top level, outside lists** — not nested under another item, an ``ItemList``
   or ``isRelatedTo``/``isSimilarTo`` (JSON-LD; a ``WebPage``'s ``about`` or
   ``mainEntity`` is still top level), not inside another Product/Offer/list scope, a
   list item or a carousel/slider/"related"/"recommended" container (microdata).

If no rule tells them apart the candidates stay as they are and the shared
ambiguity rules refuse the page. Variants of one ``ProductGroup`` are never told
apart by these rules (none of them is the page's product more than another).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from scraper.sources.base import Candidate, ExtractContext
from scraper.sources.dom import Document, Node, clean_text
from scraper.sources.trace import note

__all__ = [
    "MAX_REGION_TEXT",
    "ProductGroup",
    "jsonld_group",
    "main_heading",
    "microdata_group",
    "narrow",
    "product_region",
]

_CODE_KEYS = ("sku", "gtin", "gtin8", "gtin12", "gtin13", "gtin14", "mpn", "productid")
_LIST_KEYS = frozenset(
    {
        "itemlistelement",
        "isrelatedto",
        "issimilarto",
        "isaccessoryorsparepartfor",
        "isconsumablefor",
        "relatedproducts",
        "related",
        "recommendations",
        "hasvariant",
        "ispartof",
    }
)
_TRANSPARENT_KEYS = frozenset({"@graph", "mainentity", "mainentityofpage", "about"})
# A scope nested in one of these is part of another item; in a WebPage it is not.
_ITEM_SCOPE = re.compile(r"product|offer|itemlist|list|collection", re.IGNORECASE)
_LIST_CLASS = re.compile(
    r"slick|carousel|slider|swiper|owl-|glide|splide|related|recommend|upsell|up-sell|"
    r"cross-?sell|similar|also|recent|suggest|teaser|product-?list|listing|tiles?\b",
    re.IGNORECASE,
)
_MAX_CLIMB = 40
MAX_REGION_TEXT = 20_000


@dataclass
class ProductGroup:
    """The candidates (``start``-``end`` in the findings list) of one Product node."""

    start: int
    end: int
    urls: frozenset[str] = frozenset()
    codes: frozenset[str] = frozenset()
    name: str | None = None
    main_entity: bool = False
    top_level: bool = True
    in_list: bool = False
    scope_key: int | None = None
    holds_heading: bool = False
    extra: list[tuple[int, int]] = field(default_factory=list)
    #: A microdata scope whose properties are read only if the page has two products.
    scope: Node | None = None

    def indices(self) -> list[int]:
        spans = [(self.start, self.end), *self.extra]
        return [i for a, b in spans for i in range(a, b)]


def _norm_url(value: str, base: str) -> str | None:
    try:
        parts = urlsplit(urljoin(base, value.strip()))
    except ValueError:
        return None
    if not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/') or '/'}"


def _strings(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    out = []
    for item in values:
        if isinstance(item, dict):
            item = item.get("@id") or item.get("@value") or item.get("url")
        if isinstance(item, str | int) and not isinstance(item, bool):
            out.append(str(item).strip())
    return [v for v in out if v]


def jsonld_group(
    node: dict[str, Any], path: Sequence[str], start: int, end: int, base: str
) -> ProductGroup:
    keys = [k.lower() for k in path if not k.isdigit()]
    lowered = {k.lower(): v for k, v in node.items() if isinstance(k, str)}
    urls = {_norm_url(u, base) for k in ("url", "@id") for u in _strings(lowered.get(k))}
    codes = {c for k in _CODE_KEYS for c in _strings(lowered.get(k)) if len(c) >= 4}
    name = lowered.get("name")
    return ProductGroup(
        start,
        end,
        urls=frozenset(u for u in urls if u),
        codes=frozenset(codes),
        name=clean_text(name) if isinstance(name, str) else None,
        main_entity="mainentity" in keys or "mainentityofpage" in keys,
        top_level=all(k in _TRANSPARENT_KEYS for k in keys),
        in_list=any(k in _LIST_KEYS for k in keys),
    )


def _attr_text(scope: Node, prop: str) -> list[str]:
    values = []
    for node in scope.select(f'[itemprop~="{prop}" i]'):
        value = node.attr("content") or node.attr("href") or node.text()
        if value and value.strip():
            values.append(clean_text(value))
    return values


def microdata_group(scope: Node, index: int) -> ProductGroup:
    """The group of one microdata candidate (``index``) and its Product scope; the
    scope's properties are read later, and only if the page has two products."""
    return ProductGroup(index, index + 1, scope_key=scope.key, scope=scope)


def _read_scope(group: ProductGroup, base: str, heading: Node | None) -> ProductGroup:
    scope = group.scope
    if scope is None:
        return group
    urls = {_norm_url(u, base) for u in _attr_text(scope, "url")}
    item_id = scope.attr("itemid")
    if item_id:
        urls.add(_norm_url(item_id, base))
    codes = {c for k in _CODE_KEYS for c in _attr_text(scope, k) if len(c) >= 4}
    names = _attr_text(scope, "name")
    top_level, in_list = True, False
    current = scope.parent()
    for _ in range(_MAX_CLIMB):
        if current is None:
            break
        if current.attr("itemscope") is not None and _ITEM_SCOPE.search(
            current.attr("itemtype") or ""
        ):
            top_level = False
        if current.tag == "li" or _LIST_CLASS.search(current.attr("class") or ""):
            in_list = True
        current = current.parent()
    holds = False
    if heading is not None:
        node: Node | None = heading
        for _ in range(_MAX_CLIMB):
            if node is None:
                break
            if node.key == scope.key:
                holds = True
                break
            node = node.parent()
    return ProductGroup(
        group.start,
        group.end,
        urls=frozenset(u for u in urls if u),
        codes=frozenset(codes),
        name=names[0] if names else None,
        top_level=top_level,
        in_list=in_list,
        scope_key=scope.key,
        holds_heading=holds,
        extra=group.extra,
    )


def main_heading(doc: Document) -> Node | None:
    """The page's ``<h1>``: the first one with text (pages with several h1s usually
    repeat the product name in a hidden mobile header first)."""
    for node in doc.select("h1"):
        if clean_text(node.text()):
            return node
    return None


def product_region(doc: Document) -> Document | Node:
    """The product's part of the page: the largest ancestor of its heading with at most
    :data:`MAX_REGION_TEXT` characters of text, or the whole page without a heading.
    Rules that look for the buy box's details search here (cheaper than the tree)."""
    heading = main_heading(doc)
    if heading is None:
        return doc
    root: Node = heading
    current = heading.parent()
    while current is not None and len(current.text()) <= MAX_REGION_TEXT:
        root, current = current, current.parent()
    return root if current is not None else doc


def _page_addresses(doc: Document, ctx: ExtractContext) -> tuple[set[str], list[str]]:
    raw = [ctx.url]
    for css, attr in (('link[rel~="canonical" i]', "href"), ('meta[property="og:url"]', "content")):
        for node in doc.select(css)[:1]:
            value = node.attr(attr)
            if value:
                raw.append(value)
    urls = {u for u in (_norm_url(r, ctx.url) for r in raw) if u}
    return urls, [urlsplit(urljoin(ctx.url, r)).path for r in raw]


def _code_in(code: str, paths: list[str]) -> bool:
    pattern = re.compile(r"(?<![A-Za-z0-9])" + re.escape(code) + r"(?![A-Za-z0-9])", re.IGNORECASE)
    return any(pattern.search(p) for p in paths)


def narrow(
    candidates: list[Candidate], groups: list[ProductGroup], doc: Document, ctx: ExtractContext
) -> list[Candidate]:
    """The candidates of the page's main product (see the module docstring)."""
    groups = _merge(groups)
    if len(groups) < 2:
        return candidates
    urls, paths = _page_addresses(doc, ctx)
    heading = main_heading(doc)
    groups = [_read_scope(g, ctx.url, heading) for g in groups]
    heading_text = clean_text(heading.text()).casefold() if heading is not None else ""
    rules: list[tuple[str, Any, bool]] = [
        (
            "identity",
            lambda g: bool(g.urls & urls) or any(_code_in(c, paths) for c in g.codes),
            True,
        ),
        ("main entity", lambda g: g.main_entity, True),
        (
            "heading",
            lambda g: (
                g.holds_heading
                or bool(heading_text and g.name and g.name.casefold() == heading_text)
            ),
            True,
        ),
        ("top level, outside lists", lambda g: g.top_level and not g.in_list, False),
    ]
    for label, test, strong in rules:
        chosen = [g for g in groups if test(g)]
        if not chosen or len(chosen) == len(groups):
            continue
        picked = sorted({i for g in chosen for i in g.indices()})
        if not picked and not strong:
            continue
        note(f"main product by {label}: {len(chosen)} of {len(groups)} products")
        return [candidates[i] for i in picked]
    return candidates


def _merge(groups: list[ProductGroup]) -> list[ProductGroup]:
    """One group per microdata scope (a scope's offers are recorded one by one)."""
    merged: list[ProductGroup] = []
    by_scope: dict[int, ProductGroup] = {}
    for group in groups:
        if group.scope_key is not None and group.scope_key in by_scope:
            by_scope[group.scope_key].extra.append((group.start, group.end))
            continue
        copy = ProductGroup(**{**group.__dict__, "extra": list(group.extra)})
        merged.append(copy)
        if group.scope_key is not None:
            by_scope[group.scope_key] = copy
    return merged
