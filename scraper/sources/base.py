"""Shared base for site adapters ("sources").

A source turns one parsed page into observations. It never fetches. To add one,
subclass :class:`Source`, implement :meth:`Source.extract`, list the hosts it owns
in ``hosts`` and register an instance in :data:`scraper.sources.SOURCES`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Any, ClassVar
from urllib.parse import urlsplit

from scraper.sources.dom import Document, clean_text
from scraper.types import Auction, FailureKind, Money, Observation, ScrapeFailure, Seller

__all__ = [
    "ApiSource",
    "Candidate",
    "ExtractContext",
    "GetJson",
    "Source",
    "decide",
    "host_label",
    "page_title",
]

#: How an :class:`ApiSource` reads its API: ``await get_json(url, headers)`` → the parsed
#: JSON; ``await get_json(url, headers, form)`` POSTs ``form`` (an OAuth token request).
#: The pipeline passes :func:`scraper.http.fetch_json` bound to its settings.
GetJson = Callable[..., Awaitable[Any]]


def host_label(url: str) -> str:
    """The host of ``url`` for messages ("example.com"), or the URL itself."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None
    return host or url or "this address"


@dataclass(frozen=True, slots=True)
class ExtractContext:
    """Everything a source gets besides the page itself."""

    url: str
    observed_at: datetime
    options: dict[str, Any]

    @property
    def currency_hint(self) -> str | None:
        hint = self.options.get("currency_hint")
        return hint if isinstance(hint, str) and hint.strip() else None

    @property
    def where(self) -> str:
        return host_label(self.url)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A price found on the page, before the ambiguity rules run."""

    price: Money
    condition: str | None = None
    title: str | None = None
    availability: str | None = None
    seller: Seller | None = None
    shipping: Money | None = None
    auction: Auction | None = None


class Source:
    """Base class for sources. Subclasses set ``name`` and implement ``extract``."""

    name: ClassVar[str] = ""
    #: Hosts this source is chosen for automatically (``www.`` is stripped first).
    hosts: ClassVar[tuple[str, ...]] = ()
    #: Options this source understands (besides the common ``currency_hint``).
    option_names: ClassVar[tuple[str, ...]] = ()

    def extract(self, doc: Document, ctx: ExtractContext) -> list[Observation]:
        raise NotImplementedError

    def observations(
        self, candidates: Iterable[Candidate], ctx: ExtractContext
    ) -> list[Observation]:
        return [
            Observation(
                price=c.price,
                condition=c.condition,
                title=c.title,
                availability=c.availability,
                url=ctx.url,
                source=self.name,
                observed_at=ctx.observed_at,
                seller=c.seller,
                shipping=c.shipping,
                auction=c.auction,
            )
            for c in candidates
        ]


class ApiSource(Source):
    """A source that reads a marketplace's API instead of the tracked page: the pipeline
    calls :meth:`fetch` (no page is fetched) with a ``get_json`` over the guarded path.

    ``credential_options`` names the options that carry the collector's key (the backend
    passes them, decrypted, only to a source that lists them); they arrive as
    :class:`~scraper.types.Secret` so no ``repr`` shows them."""

    credential_options: ClassVar[tuple[str, ...]] = ()
    #: The backend's credential provider whose keys this source reads (`discogs`, `ebay`).
    provider: ClassVar[str] = ""
    #: How messages name the API ("Discogs at api.discogs.com refused the key").
    label: ClassVar[str] = "The API"

    def extract(self, doc: Document, ctx: ExtractContext) -> list[Observation]:
        raise ScrapeFailure(
            FailureKind.NO_PRICE_FOUND,
            f"The {self.name} source reads its API, not a saved page: check the address "
            f"instead (python -m scraper URL --source {self.name}).",
            url=ctx.url,
            code="api_source_not_a_page",
            params={"source": self.name},
        )

    async def fetch(self, ctx: ExtractContext, get_json: GetJson) -> list[Observation]:
        raise NotImplementedError

    def listings_url(self, ctx: ExtractContext) -> str | None:
        """A public page to read besides the API (a marketplace's listings with their
        sellers, which its API does not give), or ``None``. The pipeline fetches it after
        :meth:`fetch` as a page (robots.txt honoured, no key sent) and adds
        :meth:`extract_listings`; a failure to read it is logged and leaves the API's
        observations recorded alone."""
        return None

    def extract_listings(self, doc: Document, ctx: ExtractContext) -> list[Observation]:
        """The observations of the page at :meth:`listings_url` (pure, like ``extract``)."""
        return []


def page_title(doc: Document) -> str | None:
    """A display title: ``og:title``, else ``<title>``, else the first ``<h1>``."""
    for css in ('meta[property="og:title"]', 'meta[name="twitter:title"]'):
        for node in doc.select(css):
            text = clean_text(node.attr("content"))
            if text:
                return text[:300]
    for css in ("title", "h1"):
        for node in doc.select(css):
            text = clean_text(node.text())
            if text:
                return text[:300]
    return None


_AVAILABILITY_RANK = {"in_stock": 0, "preorder": 1, None: 2, "out_of_stock": 3}


def decide(
    candidates: list[Candidate],
    ctx: ExtractContext,
    *,
    what: str = "prices",
) -> list[Candidate]:
    """Apply the ambiguity rules shared by all sources.

    * Candidates with the same condition, amount and currency collapse into one (the
      most available one wins: in stock > preorder > unknown > out of stock).
    * Different conditions are separate observations (new vs used are both facts).
    * Within one condition, several *different* prices are ambiguous — unless the
      ``currency_hint`` keeps exactly one, or exactly one of them is in stock.
      We never guess: :class:`ScrapeFailure` ``ambiguous_prices`` is raised.
    """
    by_key: dict[tuple[str | None, Decimal, str | None], Candidate] = {}
    for cand in candidates:
        key = (cand.condition, cand.price.amount, cand.price.currency)
        seen = by_key.get(key)
        if seen is None:
            by_key[key] = cand
            continue
        best = seen
        if _AVAILABILITY_RANK[cand.availability] < _AVAILABILITY_RANK[seen.availability]:
            best = replace(cand, title=seen.title or cand.title)
        elif not seen.title and cand.title:
            best = replace(seen, title=cand.title)
        by_key[key] = best

    groups: dict[str | None, list[Candidate]] = {}
    for cand in by_key.values():
        groups.setdefault(cand.condition, []).append(cand)

    result: list[Candidate] = []
    for condition, group in groups.items():
        chosen = group
        hint = ctx.currency_hint
        if len(chosen) > 1 and hint:
            same = [c for c in chosen if c.price.currency == hint.upper()]
            if same:
                chosen = same
        if len(chosen) > 1:
            in_stock = [c for c in chosen if c.availability == "in_stock"]
            if len(in_stock) == 1:
                chosen = in_stock
        if len(chosen) > 1:
            shown = ", ".join(str(c.price) for c in sorted(chosen, key=_sort_key)[:5])
            if condition:
                raise ScrapeFailure(
                    FailureKind.AMBIGUOUS_PRICES,
                    f"The page at {ctx.where} shows several different {what} for condition "
                    f"'{condition}' ({shown}) and there is no safe way to tell which one is "
                    "the item's price.",
                    url=ctx.url,
                    code="several_prices_for_condition",
                    params={
                        "where": ctx.where,
                        "prices": what,
                        "condition": condition,
                        "shown": shown,
                    },
                )
            raise ScrapeFailure(
                FailureKind.AMBIGUOUS_PRICES,
                f"The page at {ctx.where} shows several different {what} ({shown}) and "
                "there is no safe way to tell which one is the item's price.",
                url=ctx.url,
                code="several_prices",
                params={"where": ctx.where, "prices": what, "shown": shown},
            )
        result.extend(chosen)
    return result


def _sort_key(c: Candidate) -> tuple[str, Decimal]:
    return (c.price.currency or "", c.price.amount)
