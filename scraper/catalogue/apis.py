"""Catalogue searches that read a marketplace's API with the collector's key.

* **Discogs** — ``GET /database/search?q=…&type=release&per_page=…`` with ``Authorization:
  Discogs token=…``: ``{"results": [{"id": 249504, "title": "Rick Astley - Never Gonna Give
  You Up", "year": "1987", "format": ["Vinyl", "7\\"", …], "label": ["RCA", …], "catno":
  "PB 41447", "country": "UK", "thumb": "https://i.discogs.com/…", "type": "release"}]}``.
  A match's URL is the release page ``<site>/release/<id>`` (what a ``discogs`` tracker reads).
* **eBay** — an application token (as :mod:`scraper.sources.ebay_api` gets it), then
  ``GET /buy/browse/v1/item_summary/search?q=…&limit=…``: ``{"itemSummaries": [{"itemId":
  "v1|395012345678|0", "legacyItemId": "395012345678", "title", "price": {"value",
  "currency"}, "condition", "image": {"imageUrl"}}]}``; a match's URL is
  ``<site>/itm/<number>`` (what an ``ebay_api`` tracker reads).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from scraper.catalogue.base import MAX_RESULTS, Catalogue, CatalogueMatch, SearchIO, clean_match
from scraper.catalogue.base import unique as unique_matches
from scraper.sources import discogs, ebay_api
from scraper.sources.common import json_money
from scraper.types import FailureKind, ScrapeFailure

__all__ = ["DiscogsCatalogue", "EbayCatalogue"]

_ITEM_NUMBER = re.compile(r"^\d{9,15}$")


def _strings(value: Any, limit: int = 3) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [v.strip() for v in value if isinstance(v, str) and v.strip()][:limit]


class DiscogsCatalogue(Catalogue):
    source = "discogs"
    label = "Discogs"
    site_url = "https://www.discogs.com"
    option_names = ("site_url", "api_url", "token")
    credential_options = ("token",)
    provider = "discogs"

    async def search(
        self, query: str, options: Mapping[str, Any], io: SearchIO
    ) -> list[CatalogueMatch]:
        token = options.get("token")
        if not isinstance(token, str) or not token.strip():
            raise ScrapeFailure(
                FailureKind.MISSING_CREDENTIALS,
                "Discogs is searched with your Discogs personal access token: add it in "
                "Settings → Marketplace keys (get one on Discogs: Settings → Developers).",
                code="discogs_search_token_missing",
            )
        base = str(options.get("api_url") or discogs.DEFAULT_API_URL).rstrip("/")
        params = urlencode({"q": query, "type": "release", "per_page": MAX_RESULTS})
        answer = await io.get_json(
            f"{base}/database/search?{params}", {"Authorization": f"Discogs token={token.strip()}"}
        )
        results = answer.get("results") if isinstance(answer, dict) else None
        site = self.site(options)
        matches = []
        for each in results if isinstance(results, list) else []:
            if not isinstance(each, dict) or each.get("type", "release") != "release":
                continue
            release = each.get("id")
            if not isinstance(release, int) or not 0 < release < 10**12:
                continue
            year = each.get("year")
            details = [
                str(year).strip() if isinstance(year, str | int) and str(year).strip() else "",
                " · ".join(_strings(each.get("format"), 4)),
                ", ".join(_strings(each.get("label"), 2)),
                each.get("catno") if isinstance(each.get("catno"), str) else "",
                each.get("country") if isinstance(each.get("country"), str) else "",
            ]
            matches.append(
                clean_match(
                    title=each.get("title"),
                    url=f"{site}/release/{release}",
                    site=site,
                    subtitle=" — ".join(d for d in details if d and d.strip()),
                    image=each.get("thumb"),
                )
            )
        return unique_matches(matches)


class EbayCatalogue(Catalogue):
    source = "ebay_api"
    label = "eBay"
    site_url = "https://www.ebay.com"
    option_names = ("site_url", "api_url", "client_id", "client_secret")
    credential_options = ("client_id", "client_secret")
    provider = "ebay"

    async def search(
        self, query: str, options: Mapping[str, Any], io: SearchIO
    ) -> list[CatalogueMatch]:
        client_id, secret = options.get("client_id"), options.get("client_secret")
        if not client_id or not secret:
            raise ScrapeFailure(
                FailureKind.MISSING_CREDENTIALS,
                "eBay is searched through the eBay Browse API with your eBay application "
                "keys (client id and secret from developer.ebay.com): add them in Settings → "
                "Marketplace keys.",
                code="ebay_search_keys_missing",
            )
        base = str(options.get("api_url") or ebay_api.DEFAULT_API_URL).rstrip("/")
        site = self.site(options)
        token = await ebay_api._access_token(base, str(client_id), str(secret), io.get_json)
        params = urlencode({"q": query, "limit": MAX_RESULTS})
        answer = await io.get_json(
            f"{base}/buy/browse/v1/item_summary/search?{params}",
            {
                "Authorization": f"Bearer {token}",
                "X-EBAY-C-MARKETPLACE-ID": ebay_api.marketplace_id(site),
            },
        )
        items = answer.get("itemSummaries") if isinstance(answer, dict) else None
        matches = []
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict):
                continue
            number = item.get("legacyItemId")
            if not isinstance(number, str):
                parts = str(item.get("itemId") or "").split("|")
                number = parts[1] if len(parts) == 3 else ""
            if not _ITEM_NUMBER.match(number):
                continue
            price = json_money(item.get("price"))
            image = item.get("image")
            condition = item.get("condition")
            matches.append(
                clean_match(
                    title=item.get("title"),
                    url=f"{site}/itm/{number}",
                    site=site,
                    subtitle=condition if isinstance(condition, str) else "",
                    image=image.get("imageUrl") if isinstance(image, dict) else "",
                    price=str(price) if price is not None else "",
                )
            )
        return unique_matches(matches)
