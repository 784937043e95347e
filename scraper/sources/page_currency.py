"""What currency a page is in, for markers shared by several currencies.

``$`` is the sign of two dozen currencies, ``Rs`` of six, ``元`` of four. The hints
are tried in this order by :func:`scraper.prices.parse_price` (after the tracker's
own ``currency_hint``): the currency the page *declares* (its structured prices'
``priceCurrency``, ``product:price:currency`` meta), its *language*
(``<html lang="es-AR">`` → ARS, ``ja`` → JPY) and its *country domain*
(``.com.tw`` → TWD). A marker's default (``$`` → USD) comes only after them.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from scraper.currency_markers import ISO_CODES, country_currency, language_currency
from scraper.sources.base import Candidate, ExtractContext
from scraper.sources.dom import Document, clean_text

__all__ = ["currency_hints", "declared_currency"]

_DECLARED_CSS = (
    'meta[property="product:price:currency"], meta[property="og:price:currency"], '
    'meta[itemprop~="priceCurrency" i], [itemprop~="priceCurrency" i]'
)


def declared_currency(doc: Document, candidates: Iterable[Candidate] = ()) -> str | None:
    """The one ISO code the page states for its prices, or ``None`` (none, or several)."""
    codes = {c.price.currency for c in candidates if c.price.currency}
    if not codes:
        for node in doc.select(_DECLARED_CSS)[:20]:
            value = clean_text(node.attr("content") or node.text()).upper()
            if value in ISO_CODES:
                codes.add(value)
    return codes.pop() if len(codes) == 1 else None


def _domain_country(url: str) -> str | None:
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    label = host.rsplit(".", 1)[-1]
    return label if len(label) == 2 and label.isalpha() else None


def currency_hints(
    doc: Document, ctx: ExtractContext, candidates: Iterable[Candidate] = ()
) -> tuple[str | None, ...]:
    """``(declared, language, country domain)`` currencies; unknown ones are ``None``."""
    lang = None
    for node in doc.select("html")[:1]:
        lang = node.attr("lang") or node.attr("xml:lang")
    return (
        declared_currency(doc, candidates),
        language_currency(lang),
        country_currency(_domain_country(ctx.url)),
    )
