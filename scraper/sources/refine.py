"""The page-level rules run on the structured source's candidates, in order.

1. :mod:`~scraper.sources.main_product` — keep the page's main product's offers;
2. no structured price left (and the page does not say "out of stock"):
   :mod:`~scraper.sources.marketplaces` buy boxes, then
   :mod:`~scraper.sources.visible_text`;
3. :mod:`~scraper.sources.auctions` — an auction's price is its current bid, or none;
4. :mod:`~scraper.sources.sale_price` — list price beside sale price: the sale price.

Kept apart from ``structured.py`` so each rule has one home and a test of its own;
the structured source calls :func:`refine` once, between reading the markup and the
shared ambiguity rules.
"""

from __future__ import annotations

from scraper.sources.auctions import auction_prices
from scraper.sources.base import Candidate, ExtractContext
from scraper.sources.dom import Document
from scraper.sources.main_product import ProductGroup, narrow, product_region
from scraper.sources.page_currency import currency_hints
from scraper.sources.sale_price import prefer_sale_prices
from scraper.sources.visible_text import fallback_prices

__all__ = ["refine"]


def refine(
    candidates: list[Candidate],
    groups: list[ProductGroup],
    doc: Document,
    ctx: ExtractContext,
    *,
    out_of_stock: bool,
) -> tuple[list[Candidate], bool]:
    """``(candidates, out_of_stock)`` after the page-level rules (module docstring)."""
    candidates = narrow(candidates, groups, doc, ctx)
    if not candidates and not out_of_stock:
        candidates, out_of_stock = fallback_prices(doc, ctx)
    if not candidates:
        return candidates, out_of_stock
    hints = currency_hints(doc, ctx, candidates)
    region = product_region(doc)  # where both look for the buy box's details
    candidates = auction_prices(candidates, doc, ctx, hints, region)
    return prefer_sale_prices(candidates, doc, ctx, hints, region), out_of_stock
