"""Finding a product page's image: pure, no I/O (the fetch is :mod:`scraper.http.images`).

Tried in this order, the first absolute ``http(s)`` URL wins:

1. schema.org ``Product`` in JSON-LD (``image``: a URL, a list, or an ``ImageObject``
   with ``url``/``contentUrl``; ``@graph`` and nested nodes included);
2. microdata ``itemprop="image"`` inside an ``itemtype`` ending in ``/Product``;
3. ``og:image`` (``og:image:secure_url`` first), then ``twitter:image``;
4. ``<link rel="image_src">``.

Relative URLs are resolved against the page's ``<base href>`` if any, else its URL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from scraper.sources.dom import Document, parse_document

__all__ = ["find_product_image"]

_MAX_NODES = 20_000
_MAX_SCRIPT = 2_000_000
_META = (
    'meta[property="og:image:secure_url"]',
    'meta[property="og:image"]',
    'meta[name="og:image"]',
    'meta[name="twitter:image"]',
    'meta[property="twitter:image"]',
    'meta[name="twitter:image:src"]',
)


def _nodes(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in a JSON-LD document, breadth first, bounded."""
    queue, seen = [value], 0
    while queue and seen < _MAX_NODES:
        current = queue.pop(0)
        seen += 1
        if isinstance(current, dict):
            yield current
            queue.extend(current.values())
        elif isinstance(current, list):
            queue.extend(current)


def _is_product(node: dict[str, Any]) -> bool:
    types = node.get("@type")
    names = types if isinstance(types, list) else [types]
    return any(isinstance(t, str) and t.rsplit("/", 1)[-1].lower() == "product" for t in names)


def _image_urls(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _image_urls(item)
    elif isinstance(value, dict):
        for key in ("url", "contentUrl", "@id"):
            if isinstance(value.get(key), str):
                yield value[key]


def _json_ld(doc: Document) -> Iterator[str]:
    for script in doc.select('script[type="application/ld+json"]'):
        text = script.text().strip()
        if not text or len(text) > _MAX_SCRIPT:
            continue
        try:
            data = json.loads(text)
        except ValueError:
            continue  # broken blocks are skipped; the meta tags usually still say it
        for node in _nodes(data):
            if _is_product(node):
                yield from _image_urls(node.get("image"))


def _microdata(doc: Document) -> Iterator[str]:
    for scope in doc.select("[itemscope][itemtype]"):
        if not (scope.attr("itemtype") or "").rstrip("/").lower().endswith("/product"):
            continue
        for node in scope.select('[itemprop="image"]'):
            for name in ("content", "src", "href"):
                if node.attr(name):
                    yield node.attr(name) or ""
                    break


def _meta(doc: Document) -> Iterator[str]:
    for css in _META:
        for node in doc.select(css):
            yield node.attr("content") or ""
    for node in doc.select('link[rel="image_src"]'):
        yield node.attr("href") or ""


def _absolute(candidate: str, base: str) -> str | None:
    candidate = candidate.strip()
    if not candidate or candidate.startswith("data:"):
        return None
    resolved = urljoin(base, candidate)
    parts = urlsplit(resolved)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return resolved


def find_product_image(html: str, url: str) -> str | None:
    """The absolute URL of the page's product image, or None (see the module's order)."""
    doc = parse_document(html)
    base = url
    for node in doc.select("base[href]"):
        base = urljoin(url, (node.attr("href") or "").strip())
        break
    for candidates in (_json_ld(doc), _microdata(doc), _meta(doc)):
        for candidate in candidates:
            found = _absolute(candidate, base)
            if found is not None:
                return found
    return None
