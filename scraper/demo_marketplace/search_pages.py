"""The demo marketplace's catalogue searches, one in each real shape, so "Find it" works
under ``make run`` (:mod:`scraper.catalogue`):

* ``/discogs-api/database/search?q=…&type=release`` — the Discogs API's search (JSON) over
  the demo's records (401 without a token, like the other ``/discogs-api/`` calls);
* ``/search-products?q=…&type=prices`` — a PriceCharting-like results table
  (``#games_table``) of the products with a price guide page;
* ``/cardmarket/<lang>/<Game>/Products/Search?searchString=…`` — Cardmarket-like result
  rows of the card pages under ``/cardmarket/``.

A product matches when one of the query's words (three letters or more) is in its name,
title or slug; the best matches (most words) come first. The backend's searches reach
these through ``CATALOGUE_SITE_URLS`` and ``DISCOGS_API_URL`` (docs/sources.md).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import date

from scraper.demo_marketplace.catalogue import CATALOGUE, COLLECTOR_TRACKERS, Product, price_for
from scraper.demo_marketplace.discogs_api import release_id_for
from scraper.demo_marketplace.layout import _e, _money, _page

__all__ = ["is_search", "search_answer"]

_DISCOGS = "/discogs-api/database/search"
_PRICECHARTING = "/search-products"
_CARDMARKET = re.compile(r"^/cardmarket/[a-z]{2}/[A-Za-z]{2,30}/Products/Search$")
_WORD = re.compile(r"[\w']{3,}")
MAX_MATCHES = 20


def is_search(path: str) -> bool:
    return path in (_DISCOGS, _PRICECHARTING) or _CARDMARKET.match(path) is not None


def _matches(query: str, products: Iterable[Product]) -> list[Product]:
    words = {w.casefold() for w in _WORD.findall(query)}
    scored = []
    for product in products:
        haystack = f"{product.name} {product.title} {product.slug}".casefold()
        score = sum(1 for word in words if word in haystack)
        if score:
            scored.append((-score, product.slug, product))
    return [product for *_, product in sorted(scored)][:MAX_MATCHES]


def _discogs(query: str) -> str:
    records = _matches(query, (p for p in CATALOGUE.values() if p.category == "vinyl"))
    results = []
    for product in records:
        release = release_id_for(product.slug)
        results.append(
            {
                "id": release,
                "type": "release",
                "title": product.name.replace(" – ", " - "),
                "format": ["Vinyl", "LP"],
                "label": ["Demo Records"],
                "catno": f"DEMO-{release % 10000:04d}",
                "country": "Demo",
                "thumb": "",
                "uri": f"/release/{release}-{product.slug}",
                "resource_url": f"/discogs-api/releases/{release}",
            }
        )
    return json.dumps({"pagination": {"page": 1, "pages": 1, "items": len(results)},
                       "results": results})  # fmt: skip


def _pricecharting(query: str, day: date) -> str:
    rows = "".join(
        f'<tr id="product-{i}"><td class="title"><a href="/game/{_e(p.pricecharting or "")}">'
        f"{_e(p.display_title)}</a></td>"
        f'<td class="console">{_e((p.pricecharting or "").split("/")[0])}</td>'
        f'<td class="price numeric used_price"><span class="js-price">'
        f"{_money(price_for(p.slug, day))}</span></td></tr>\n"
        for i, p in enumerate(_matches(query, (p for p in CATALOGUE.values() if p.pricecharting)))
    )
    body = (
        f"<h1>Search Results for &quot;{_e(query)}&quot;</h1>\n"
        '<table id="games_table" class="hoverable-rows sortable"><thead><tr>'
        '<th class="title">Title</th><th class="console">Console</th><th class="price">Loose'
        f"</th></tr></thead>\n<tbody>\n{rows}</tbody></table>"
    )
    return _page(f"{query} Prices – PriceCharting (demo)", body)


def _cardmarket(query: str) -> str:
    pages = {
        slug: path
        for slug, trackers in COLLECTOR_TRACKERS.items()
        for source, path, _ in trackers
        if source == "cardmarket"
    }
    rows = "".join(
        f'<div id="productRow{i}" class="row g-0">'
        '<div class="col-icon small"><a href="/cardmarket/Magic/Products/Singles" '
        'class="expansion-symbol" data-bs-title="Demo Singles"><span>DEM</span></a></div>'
        f'<div class="col-10"><a href="{_e(pages[p.slug])}">{_e(p.display_title)}</a></div>'
        "</div>\n"
        for i, p in enumerate(_matches(query, (CATALOGUE[s] for s in pages if s in CATALOGUE)))
    )
    body = (
        "<h1>Search Results</h1>\n"
        f'<div class="table table-striped"><div class="table-body">\n{rows}</div></div>'
    )
    return _page(f"Search: {query} | Cardmarket (demo)", body)


def search_answer(path: str, query: Mapping[str, list[str]], day: date) -> tuple[str, str] | None:
    """``(body, content type)`` of the search at ``path`` with the parsed query string, or
    ``None`` when ``path`` is no search."""
    if path == _DISCOGS:
        return _discogs(" ".join(query.get("q", []))[:200]), "application/json"
    if path == _PRICECHARTING:
        return _pricecharting(" ".join(query.get("q", []))[:200], day), "text/html; charset=utf-8"
    if _CARDMARKET.match(path):
        text = " ".join(query.get("searchString", []))[:200]
        return _cardmarket(text), "text/html; charset=utf-8"
    return None
