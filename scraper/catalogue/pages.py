"""Catalogue searches that read a marketplace's public search page (robots.txt obeyed).

* **PriceCharting** — ``/search-products?q=…&type=prices``: the results table
  ``#games_table tbody tr``, each row's ``td.title a`` the product page (``/game/<console>/
  <product>``), its console in ``td.console`` or ``.console-in-title``, a thumbnail in
  ``td.photo img``, the loose price in ``td.used_price .js-price``. One exact hit is
  answered by PriceCharting with the product page itself (a redirect): that page is the
  one match.
* **Cardmarket** — ``/<lang>/<Game>/Products/Search?searchString=…``: the rows
  ``.table-body [id^=productRow]``, each with the product link (``/en/Magic/Products/
  Singles/<expansion>/<card>``), its expansion (``.expansion-symbol``'s tooltip), the
  product image in a tooltip's ``<img src>`` and the lowest price (``.col-price`` /
  ``.price-container``). A single hit redirects to the product page, as on PriceCharting.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from scraper.catalogue.base import Catalogue, CatalogueMatch, SearchIO, clean_match, same_site
from scraper.catalogue.base import unique as unique_matches
from scraper.sources.base import page_title
from scraper.sources.dom import Document, Node, clean_text, parse_document

__all__ = ["CARDMARKET_GAMES", "CardmarketCatalogue", "PriceChartingCatalogue", "cardmarket_game"]

#: Cardmarket's game path segment for the games it sells, by words an item's game may use.
CARDMARKET_GAMES: dict[str, str] = {
    "magic": "Magic",
    "pokemon": "Pokemon",
    "pokémon": "Pokemon",
    "yu-gi-oh": "YuGiOh",
    "yugioh": "YuGiOh",
    "one piece": "OnePiece",
    "lorcana": "Lorcana",
    "flesh and blood": "FleshAndBlood",
    "digimon": "Digimon",
    "dragon ball": "DragonBallSuper",
    "star wars": "StarWarsUnlimited",
    "vanguard": "Vanguard",
    "weiss": "WeissSchwarz",
    "final fantasy": "FinalFantasy",
}
_IMG_SRC = re.compile(r"""<img[^>]*\ssrc=["']([^"'<>]+)["']""", re.IGNORECASE)


def cardmarket_game(game: str | None) -> str:
    """Cardmarket's path segment for an item's game ("Pokémon" → ``Pokemon``, one of the
    segments itself is kept); ``Magic`` when unknown."""
    text = (game or "").strip().lower()
    if text in {g.lower() for g in CARDMARKET_GAMES.values()}:
        return next(g for g in CARDMARKET_GAMES.values() if g.lower() == text)
    return next((seg for words, seg in CARDMARKET_GAMES.items() if words in text), "Magic")


def _first_text(node: Node | Document, *selectors: str) -> str:
    for css in selectors:
        for found in node.select(css):
            text = clean_text(found.text(" "))
            if text:
                return text
    return ""


def _image(node: Node) -> str:
    for img in node.select("img"):
        for name in ("src", "data-src", "data-original"):
            value = img.attr(name)
            if value and "://" in value:
                return value
    for holder in node.select("[data-bs-title], [data-original-title], [title]"):
        for name in ("data-bs-title", "data-original-title", "title"):
            match = _IMG_SRC.search(holder.attr(name) or "")
            if match:
                return match.group(1)
    return ""


class PriceChartingCatalogue(Catalogue):
    source = "pricecharting"
    label = "PriceCharting"
    site_url = "https://www.pricecharting.com"

    async def search(
        self, query: str, options: Mapping[str, Any], io: SearchIO
    ) -> list[CatalogueMatch]:
        site = self.site(options)
        html, final_url = await io.get_page(
            f"{site}/search-products?{urlencode({'q': query, 'type': 'prices'})}"
        )
        doc = parse_document(html)
        if urlsplit(final_url).path.startswith("/game/") and same_site(final_url, site):
            title = _first_text(doc, "h1#product_name", "h1") or page_title(doc)
            return unique_matches([clean_match(title=title, url=final_url, site=site)])
        matches = []
        for row in doc.select("#games_table tbody tr"):
            links = row.select("td.title a")
            if not links:
                continue
            link = links[0]
            matches.append(
                clean_match(
                    title=link.text(" "),
                    url=link.attr("href"),
                    site=site,
                    subtitle=_first_text(row, "td.console", ".console-in-title"),
                    image=_image(row),
                    price=_first_text(row, "td.used_price .js-price", "td.price .js-price"),
                )
            )
        return unique_matches(matches)


class CardmarketCatalogue(Catalogue):
    source = "cardmarket"
    label = "Cardmarket"
    site_url = "https://www.cardmarket.com"
    option_names = ("site_url", "game")

    async def search(
        self, query: str, options: Mapping[str, Any], io: SearchIO
    ) -> list[CatalogueMatch]:
        site = self.site(options)
        game = cardmarket_game(options.get("game"))
        html, final_url = await io.get_page(
            f"{site}/en/{quote(game)}/Products/Search?{urlencode({'searchString': query})}"
        )
        doc = parse_document(html)
        if "/Products/Singles/" in urlsplit(final_url).path and same_site(final_url, site):
            title = _first_text(doc, "h1") or page_title(doc)
            return unique_matches([clean_match(title=title, url=final_url, site=site)])
        rows = doc.select(".table-body [id^='productRow']") or doc.select("[id^='productRow']")
        matches = []
        for row in rows:
            link = next(
                (
                    a
                    for a in row.select("a[href]")
                    if "expansion-symbol" not in (a.attr("class") or "")
                    and "/Products/" in (a.attr("href") or "")
                    and clean_text(a.text(" "))
                ),
                None,
            )
            if link is None:
                continue
            expansion = ""
            for symbol in row.select(".expansion-symbol"):
                for name in ("data-bs-title", "data-bs-original-title", "title", "aria-label"):
                    expansion = expansion or clean_text(symbol.attr(name))
            matches.append(
                clean_match(
                    title=link.text(" "),
                    url=link.attr("href"),
                    site=site,
                    subtitle=expansion,
                    image=_image(row),
                    price=_first_text(row, ".col-price", ".price-container"),
                )
            )
        return unique_matches(matches)
