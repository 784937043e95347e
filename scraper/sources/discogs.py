"""Discogs releases, read through the Discogs REST API with the collector's token.

A tracker's URL is the release's page (``https://www.discogs.com/release/249504-Rick-Astley-…``,
also ``/<lang>/release/…`` and ``/sell/release/…``); the source reads three API answers
for that release id instead of the page:

* ``GET /releases/{id}`` — the title (``"Artist - Title"``, with the year);
* ``GET /marketplace/stats/{id}`` — ``{"lowest_price": {"value": 12.5, "currency": "USD"},
  "num_for_sale": 26, "blocked_from_sale": false}``: the lowest copy for sale now, any
  condition (an observation with no condition, in stock);
* ``GET /marketplace/price_suggestions/{id}`` — ``{"Mint (M)": {"value": 30.0, "currency":
  "USD"}, "Near Mint (NM or M-)": {…}, …}``: what a copy in each media condition sells for
  (one observation per condition). Discogs answers 403 for an account without seller
  settings; the stats are then recorded alone.

Every request carries ``Authorization: Discogs token=…`` (option ``token``, the
collector's personal access token) and the scraper's User-Agent. ``api_url`` (option)
points at another server speaking the same API (the demo marketplace, tests).

Besides the API, the release's public marketplace page (``<site_url>/sell/release/{id}``,
option ``site_url``, default ``https://www.discogs.com``) gives one observation per seller
and media condition, with the seller, its shipping and the listing's URL
(:mod:`scraper.sources.discogs_listings`): the API has no per-listing data. The pipeline
fetches that page like any page (robots.txt, no token); when it cannot be read (403 from
a bot shield, a timeout, a layout it does not know) the API's observations are recorded
alone and the reason is logged.

Discogs's media grades map onto Omni-Stock's scale (:data:`MEDIA_GRADES`); two grades
share a rung at the bottom (G+ and G, F and P), where the better grade's suggestion is
the rung's price.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from scraper.sources.base import ApiSource, Candidate, ExtractContext, GetJson, decide
from scraper.sources.common import json_money
from scraper.sources.discogs_listings import listings_observations, listings_url
from scraper.sources.dom import Document
from scraper.types import FailureKind, Money, Observation, ScrapeFailure

__all__ = [
    "DEFAULT_API_URL",
    "DEFAULT_SITE_URL",
    "MEDIA_GRADES",
    "DiscogsSource",
    "media_condition",
    "release_id",
]

DEFAULT_API_URL = "https://api.discogs.com"
DEFAULT_SITE_URL = "https://www.discogs.com"

#: Discogs media grade (the abbreviation in its condition names) → Omni-Stock condition,
#: best first.
MEDIA_GRADES: tuple[tuple[str, str], ...] = (
    ("M", "mint"),
    ("NM", "near_mint"),
    ("VG+", "excellent"),
    ("VG", "good"),
    ("G+", "played"),
    ("G", "played"),
    ("F", "poor"),
    ("P", "poor"),
)
_GRADE_ORDER = {grade: rank for rank, (grade, _) in enumerate(MEDIA_GRADES)}
_CONDITION_OF = dict(MEDIA_GRADES)
#: "Near Mint (NM or M-)" → "NM"; "Very Good Plus (VG+)" → "VG+".
_ABBREVIATION = re.compile(r"\(\s*([A-Z]{1,2}\+?)(?=[\s)])")
_RELEASE_PATH = re.compile(r"(?:^|/)release/(\d{1,12})(?:[-/]|$)")


def release_id(url: str) -> str | None:
    """The release id in a Discogs release URL, or ``None``."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    match = _RELEASE_PATH.search(path)
    return match.group(1) if match else None


def media_grade(name: str) -> str | None:
    """``"Very Good Plus (VG+)"`` → ``"VG+"``; ``None`` for a name that is not a grade."""
    match = _ABBREVIATION.search(name)
    grade = match.group(1) if match else name.strip().upper()
    return grade if grade in _CONDITION_OF else None


def media_condition(name: str) -> str | None:
    """``"Very Good Plus (VG+)"`` → ``"excellent"`` (:data:`MEDIA_GRADES`), else ``None``."""
    grade = media_grade(name)
    return _CONDITION_OF[grade] if grade else None


def _title(release: Any) -> str | None:
    if not isinstance(release, dict):
        return None
    title = release.get("title")
    if not isinstance(title, str) or not title.strip():
        return None
    artists = [
        a["name"].strip()
        for a in release.get("artists") or []
        if isinstance(a, dict) and isinstance(a.get("name"), str) and a["name"].strip()
    ]
    text = f"{', '.join(artists)} - {title.strip()}" if artists else title.strip()
    year = release.get("year")
    if isinstance(year, int) and 1800 < year < 2200:
        text += f" ({year})"
    return text[:300]


def stats_candidate(stats: Any, title: str | None) -> Candidate | None:
    """The lowest copy for sale now (any condition), or ``None`` when none is."""
    if not isinstance(stats, dict) or stats.get("blocked_from_sale") is True:
        return None
    count = stats.get("num_for_sale")
    price = json_money(stats.get("lowest_price"))
    if price is None or (isinstance(count, int) and count <= 0):
        return None
    return Candidate(price=price, title=title, availability="in_stock")


def suggestion_candidates(suggestions: Any, title: str | None) -> list[Candidate]:
    """One price per Omni-Stock condition: the best Discogs grade of the rung."""
    if not isinstance(suggestions, dict):
        return []
    best: dict[str, tuple[int, Money]] = {}
    for name, value in suggestions.items():
        grade = media_grade(name) if isinstance(name, str) else None
        price = json_money(value)
        if grade is None or price is None:
            continue
        condition, rank = _CONDITION_OF[grade], _GRADE_ORDER[grade]
        if condition not in best or rank < best[condition][0]:
            best[condition] = (rank, price)
    return [
        Candidate(price=price, condition=condition, title=title)
        for condition, (_, price) in sorted(best.items(), key=lambda item: item[1][0])
    ]


class DiscogsSource(ApiSource):
    name = "discogs"
    hosts = ("discogs.com",)
    option_names = ("token", "api_url", "site_url")
    credential_options = ("token",)
    label = "Discogs"
    provider = "discogs"

    async def fetch(self, ctx: ExtractContext, get_json: GetJson) -> list[Observation]:
        release = release_id(ctx.url)
        if release is None:
            raise ScrapeFailure(
                FailureKind.NO_PRICE_FOUND,
                "This Discogs address is not a release page (…/release/<number>-…); "
                "a master release groups many pressings: track one release instead.",
                url=ctx.url,
                code="discogs_not_a_release",
            )
        token = ctx.options.get("token")
        if not isinstance(token, str) or not token.strip():
            raise ScrapeFailure(
                FailureKind.MISSING_CREDENTIALS,
                "Discogs prices are read with your Discogs personal access token: add it "
                "in Settings → Marketplace keys (get one on Discogs: Settings → Developers).",
                url=ctx.url,
                code="discogs_token_missing",
            )
        base = str(ctx.options.get("api_url") or DEFAULT_API_URL).rstrip("/")
        headers = {"Authorization": f"Discogs token={token.strip()}"}
        title = _title(await get_json(f"{base}/releases/{release}", headers))
        stats = await get_json(f"{base}/marketplace/stats/{release}", headers)
        try:
            suggestions = await get_json(f"{base}/marketplace/price_suggestions/{release}", headers)
        except ScrapeFailure as failure:
            # 403: the account has no seller settings, so Discogs gives it no suggestions;
            # the marketplace statistics read with the same token still count.
            if failure.kind != FailureKind.MISSING_CREDENTIALS:
                raise
            suggestions = {}
        candidates = suggestion_candidates(suggestions, title)
        lowest = stats_candidate(stats, title)
        if lowest is not None:
            candidates.append(lowest)
        if not candidates:
            raise ScrapeFailure(
                FailureKind.NO_PRICE_FOUND,
                f"Discogs has no copy of release {release} for sale and no price suggestion "
                "for it.",
                url=ctx.url,
                code="discogs_nothing_for_sale",
                params={"release": release},
            )
        return self.observations(decide(candidates, ctx), ctx)

    def extract(self, doc: Document, ctx: ExtractContext) -> list[Observation]:
        """A saved listings page (``/sell/release/<id>``; ``python -m scraper --file``): its
        sellers' offers. A check reads the API and that page (:meth:`fetch`)."""
        return self.extract_listings(doc, ctx)

    def listings_url(self, ctx: ExtractContext) -> str | None:
        release = release_id(ctx.url)
        if release is None:
            return None
        return listings_url(str(ctx.options.get("site_url") or DEFAULT_SITE_URL), release)

    def extract_listings(self, doc: Document, ctx: ExtractContext) -> list[Observation]:
        return listings_observations(self, doc, ctx, condition_of=media_condition)
