""" "Find it": search a source's catalogue by an item's name and number, and answer the
matches as URLs a tracker of that source reads.

:data:`CATALOGUES` (the one registry, next to :data:`scraper.sources.SOURCES`) maps a
source name to its search. :func:`search_catalogue` runs one through the guarded path
(SSRF guard, per-host limiter, robots.txt for pages, one deadline for all its requests).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from scraper.catalogue.apis import DiscogsCatalogue, EbayCatalogue
from scraper.catalogue.base import MAX_RESULTS, Catalogue, CatalogueMatch, SearchIO
from scraper.catalogue.pages import CardmarketCatalogue, PriceChartingCatalogue, cardmarket_game
from scraper.http import (
    FetchSettings,
    HostLimiter,
    RobotsCache,
    fetch_json,
    fetch_page,
    shared_deadline,
)

if TYPE_CHECKING:
    import httpx

__all__ = [
    "CATALOGUES",
    "MAX_QUERY_LENGTH",
    "MAX_RESULTS",
    "Catalogue",
    "CatalogueMatch",
    "cardmarket_game",
    "search_catalogue",
]

CATALOGUES: dict[str, Catalogue] = {
    "discogs": DiscogsCatalogue(),
    "ebay_api": EbayCatalogue(),
    "pricecharting": PriceChartingCatalogue(),
    "cardmarket": CardmarketCatalogue(),
}

MAX_QUERY_LENGTH = 200


async def search_catalogue(
    source: str,
    query: str,
    *,
    options: Mapping[str, Any] | None = None,
    settings: FetchSettings | None = None,
    client: httpx.AsyncClient | None = None,
    limiter: HostLimiter | None = None,
    robots_cache: RobotsCache | None = None,
) -> list[CatalogueMatch]:
    """The matches for ``query`` in ``source``'s catalogue (at most :data:`MAX_RESULTS`,
    the marketplace's order). ``options`` as the catalogue's ``option_names`` (others are
    dropped). Raises :class:`ScrapeFailure` (``missing_credentials`` without a key, any
    fetch failure); ``ValueError`` for an unknown source or an empty / too long query."""
    catalogue = CATALOGUES.get(source)
    if catalogue is None:
        raise ValueError(f"{source!r} has no catalogue search; known: {', '.join(CATALOGUES)}.")
    query = " ".join(query.split())
    if not query or len(query) > MAX_QUERY_LENGTH:
        raise ValueError(f"A search needs 1 to {MAX_QUERY_LENGTH} characters.")
    settings = settings or FetchSettings()
    known = {k: v for k, v in (options or {}).items() if k in catalogue.option_names and v}
    budget = shared_deadline(settings, what=f"The {catalogue.label} search")

    async def get_json(
        url: str, headers: dict[str, str], form: dict[str, str] | None = None
    ) -> Any:
        return await fetch_json(
            url,
            headers=headers,
            settings=budget(),
            client=client,
            limiter=limiter,
            robots_cache=robots_cache,
            provider=catalogue.label,
            form=form,
        )

    async def get_page(url: str) -> tuple[str, str]:
        page = await fetch_page(
            url, settings=budget(), client=client, limiter=limiter, robots_cache=robots_cache
        )
        return page.html, page.final_url

    return await catalogue.search(query, known, SearchIO(get_json=get_json, get_page=get_page))
