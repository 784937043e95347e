"""What every catalogue search shares: the match, the base class, and the cleaning of
everything a marketplace answered (no ``javascript:`` URL, only absolute http(s) URLs on
the source's own site, length caps)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import asdict, dataclass
from typing import Any, ClassVar
from urllib.parse import urljoin, urlsplit

from scraper.sources.dom import clean_text

__all__ = [
    "MAX_RESULTS",
    "Catalogue",
    "CatalogueMatch",
    "GetPage",
    "SearchIO",
    "clean_match",
    "same_site",
    "unique",
]

#: A search answers at most this many matches (the first ones, the marketplace's order).
MAX_RESULTS = 20
TITLE_MAX = 300
SUBTITLE_MAX = 300
URL_MAX = 2000
PRICE_MAX = 40

#: ``await get_page(url)`` → the page's HTML and its final URL (after redirects).
GetPage = Callable[[str], Awaitable[tuple[str, str]]]


@dataclass(frozen=True, slots=True)
class CatalogueMatch:
    """One item of a marketplace's catalogue: ``url`` is one a tracker of the source reads."""

    title: str
    url: str
    subtitle: str = ""
    image: str = ""
    #: The marketplace's price as it shows it ("$29.99", "14,00 €"), a hint only.
    price: str = ""

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SearchIO:
    """The guarded fetches a search may use (SSRF guard, limiter, the search's deadline):
    ``get_json`` as :data:`scraper.sources.base.GetJson` (no redirects, no robots.txt),
    ``get_page`` for a page (robots.txt obeyed)."""

    get_json: Callable[..., Awaitable[Any]]
    get_page: GetPage


class Catalogue:
    """A source's catalogue search. ``options``: the source's own (``token``, ``api_url``,
    ``client_id`` …, ``site_url``: where the source's pages are, so the demo marketplace
    can stand in for the site; ``game`` for Cardmarket)."""

    #: The source (a key of :data:`scraper.sources.SOURCES`) whose trackers read the URLs.
    source: ClassVar[str] = ""
    label: ClassVar[str] = ""
    #: Where the source's pages are when no ``site_url`` option says otherwise.
    site_url: ClassVar[str] = ""
    #: Options this search understands (the backend passes only these).
    option_names: ClassVar[tuple[str, ...]] = ("site_url",)
    #: Options that carry the collector's key (passed decrypted, as ``Secret``).
    credential_options: ClassVar[tuple[str, ...]] = ()
    #: The backend's credential provider whose keys the search reads ("" for none).
    provider: ClassVar[str] = ""

    async def search(
        self, query: str, options: Mapping[str, Any], io: SearchIO
    ) -> list[CatalogueMatch]:
        raise NotImplementedError

    def site(self, options: Mapping[str, Any]) -> str:
        return str(options.get("site_url") or self.site_url).rstrip("/")


def _text(value: Any, cap: int) -> str:
    if not isinstance(value, str):
        return ""
    text = clean_text(value)
    return text if len(text) <= cap else text[: cap - 1].rstrip() + "…"


def same_site(url: str, site: str) -> bool:
    """Whether the absolute ``url`` is http(s) on ``site``'s host (``www.`` aside)."""
    try:
        parts, home = urlsplit(url), urlsplit(site)
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not parts.hostname or not home.hostname:
        return False
    host, want = parts.hostname.removeprefix("www."), home.hostname.removeprefix("www.")
    return host == want and parts.port == home.port


def _absolute(value: Any, base: str) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        url = urljoin(base + "/", value.strip())
        scheme = urlsplit(url).scheme
    except ValueError:
        return None
    if scheme not in ("http", "https") or len(url) > URL_MAX or any(c.isspace() for c in url):
        return None
    return url


def clean_match(
    *,
    title: Any,
    url: Any,
    site: str,
    subtitle: Any = "",
    image: Any = "",
    price: Any = "",
) -> CatalogueMatch | None:
    """A match from what a marketplace answered, or ``None`` when it is unusable: the URL
    must resolve (relative to ``site``) to an http(s) page on ``site``'s host; the image
    is kept only as an absolute http(s) URL; texts are whitespace-folded and capped."""
    link = _absolute(url, site)
    name = _text(title, TITLE_MAX)
    if link is None or not name or not same_site(link, site):
        return None
    picture = _absolute(image, site) if isinstance(image, str) and "://" in image else None
    return CatalogueMatch(
        title=name,
        url=link,
        subtitle=_text(subtitle, SUBTITLE_MAX),
        image=picture or "",
        price=_text(price, PRICE_MAX),
    )


def unique(matches: list[CatalogueMatch | None]) -> list[CatalogueMatch]:
    """The usable matches, one per URL, at most :data:`MAX_RESULTS`."""
    seen: set[str] = set()
    kept = []
    for match in matches:
        if match is None or match.url in seen:
            continue
        seen.add(match.url)
        kept.append(match)
    return kept[:MAX_RESULTS]
