""" "Find it": each source's catalogue search against saved real-shaped answers served by a
local server (never the internet), through the guarded fetch path."""

from __future__ import annotations

import asyncio
import base64
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from scraper import CATALOGUES, SOURCES, FetchSettings, Secret, search_catalogue
from scraper.catalogue import cardmarket_game
from scraper.catalogue.base import clean_match
from scraper.sources import ebay_api
from scraper.tests.conftest import LocalServer, Reply, Seen
from scraper.types import FailureKind, ScrapeFailure

FIXTURES = Path(__file__).parent / "fixtures" / "catalogue"
SAVED = Path(__file__).parent / "fixtures"
JSON = "application/json"
TOKEN = "abcdefghijklmnopqrstuvwxyz012345"


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _search(source: str, query: str, settings: FetchSettings, **options: Any) -> list[dict]:
    matches = asyncio.run(search_catalogue(source, query, options=options, settings=settings))
    return [m.to_dict() for m in matches]


def _query(seen: Seen) -> dict[str, list[str]]:
    return parse_qs(urlsplit(seen.path).query)


def test_every_catalogue_searches_a_registered_source() -> None:
    assert set(CATALOGUES) <= set(SOURCES)
    assert {"discogs", "ebay_api", "pricecharting", "cardmarket"} <= set(CATALOGUES)


def test_discogs_releases_become_release_page_urls(server: LocalServer, fast_settings) -> None:
    def search(seen: Seen) -> Reply:
        if seen.headers.get("authorization") != f"Discogs token={TOKEN}":
            return Reply(401, '{"message": "You must authenticate."}', content_type=JSON)
        return Reply(200, _fixture("discogs/search_never_gonna.json"), content_type=JSON)

    server.route("/api/database/search", search)

    found = _search(
        "discogs", "  Never gonna   give you up ", fast_settings,
        api_url=server.url("/api"), token=Secret(TOKEN),
    )  # fmt: skip

    assert _query(server.requests[-1]) == {
        "q": ["Never gonna give you up"], "type": ["release"], "per_page": ["20"],
    }  # fmt: skip
    assert [m["url"] for m in found] == [
        "https://www.discogs.com/release/249504",
        "https://www.discogs.com/release/1412342",
        "https://www.discogs.com/release/3912345",
    ]  # the master, the broken id and the blank title are left out
    first = found[0]
    assert first["title"] == "Rick Astley - Never Gonna Give You Up"
    assert first["subtitle"] == '1987 — Vinyl · 7" · 45 RPM · Single — RCA, PWL — PB 41447 — UK'
    assert first["image"].startswith("https://i.discogs.com/")
    assert found[2]["image"] == ""  # a javascript: thumbnail is never passed on


def test_discogs_results_point_at_the_configured_site(server: LocalServer, fast_settings) -> None:
    server.route(
        "/api/database/search",
        Reply(200, _fixture("discogs/search_never_gonna.json"), content_type=JSON),
    )

    found = _search(
        "discogs", "rick", fast_settings,
        api_url=server.url("/api"), token=Secret(TOKEN), site_url="http://127.0.0.1:8765/discogs",
    )  # fmt: skip

    assert found[0]["url"] == "http://127.0.0.1:8765/discogs/release/249504"


def test_discogs_without_a_token_asks_for_one_and_sends_nothing(server, fast_settings) -> None:
    with pytest.raises(ScrapeFailure) as failure:
        _search("discogs", "rick", fast_settings, api_url=server.url("/api"))

    assert failure.value.kind == FailureKind.MISSING_CREDENTIALS
    assert "Settings → Marketplace keys" in failure.value.message
    assert server.requests == []


def test_a_refused_discogs_token_is_missing_credentials(server: LocalServer, fast_settings) -> None:
    server.route("/api/database/search", Reply(401, "{}", content_type=JSON))

    with pytest.raises(ScrapeFailure) as failure:
        _search("discogs", "rick", fast_settings, api_url=server.url("/api"), token=Secret("x"))

    assert failure.value.kind == FailureKind.MISSING_CREDENTIALS


def test_ebay_items_are_searched_with_an_application_token(server, fast_settings) -> None:
    ebay_api._TOKENS.clear()
    basic = base64.b64encode(b"app-id:app-secret").decode()

    def token(seen: Seen) -> Reply:
        if seen.headers.get("authorization") != f"Basic {basic}":
            return Reply(401, '{"error": "invalid_client"}', content_type=JSON)
        return Reply(200, (SAVED / "api/ebay_api/token.json").read_text(), content_type=JSON)

    def search(seen: Seen) -> Reply:
        if not seen.headers.get("authorization", "").startswith("Bearer v^1.1"):
            return Reply(401, "{}", content_type=JSON)
        return Reply(200, _fixture("ebay_api/search_charizard.json"), content_type=JSON)

    server.route("/identity/v1/oauth2/token", token)
    server.route("/buy/browse/v1/item_summary/search", search)

    found = _search(
        "ebay_api", "Charizard Base Set 4/102", fast_settings, api_url=server.url(""),
        client_id=Secret("app-id"), client_secret=Secret("app-secret"),
        site_url="https://www.ebay.co.uk",
    )  # fmt: skip

    seen = server.hits(server.requests[-1].path)[0]
    assert _query(seen) == {"q": ["Charizard Base Set 4/102"], "limit": ["20"]}
    assert seen.headers["x-ebay-c-marketplace-id"] == "EBAY_GB"
    assert [(m["url"], m["price"], m["subtitle"]) for m in found] == [
        ("https://www.ebay.co.uk/itm/395012345678", "1899.99 USD", "Graded"),
        ("https://www.ebay.co.uk/itm/126789012345", "249.00 USD", "Ungraded"),
    ]
    assert found[0]["image"] == "https://i.ebayimg.com/images/g/abcAAOSw1234/s-l225.jpg"


def test_ebay_without_keys_is_missing_credentials(server: LocalServer, fast_settings) -> None:
    with pytest.raises(ScrapeFailure) as failure:
        _search("ebay_api", "charizard", fast_settings, api_url=server.url(""))

    assert failure.value.kind == FailureKind.MISSING_CREDENTIALS
    assert server.requests == []


def test_pricecharting_results_table_gives_product_pages(server, fast_settings) -> None:
    page = _fixture("pricecharting/search_zelda.html").replace(
        "https://www.pricecharting.com", server.url("").rstrip("/")
    )
    server.route("/search-products", Reply(body=page))

    found = _search("pricecharting", "zelda", fast_settings, site_url=server.url(""))

    assert _query(server.hits(server.requests[-1].path)[0]) == {
        "q": ["zelda"], "type": ["prices"],
    }  # fmt: skip
    assert [(m["title"], m["url"], m["subtitle"], m["price"]) for m in found] == [
        ("Legend of Zelda", server.url("/game/nes/legend-of-zelda"), "NES", "$29.99"),
        (
            "Zelda Link to the Past",
            server.url("/game/super-nintendo/zelda-link-to-the-past"),
            "Super Nintendo",
            "$24.00",
        ),
    ]  # the javascript: link, the other site's and the repeated row are left out
    assert found[0]["image"].endswith("/60.jpg")


def test_pricecharting_real_site_links_are_kept_for_the_real_site() -> None:
    kept = clean_match(
        title="Zelda", url="https://www.pricecharting.com/game/nes/zelda",
        site="https://www.pricecharting.com",
    )  # fmt: skip
    other = clean_match(title="Zelda", url="https://pricecharting.com.evil.example/game/x",
                        site="https://www.pricecharting.com")  # fmt: skip

    assert kept is not None
    assert kept.url.endswith("/game/nes/zelda")
    assert other is None


def test_a_single_pricecharting_hit_redirects_to_its_page(server, fast_settings) -> None:
    server.route(
        "/search-products",
        Reply(302, "", headers={"Location": "/game/nes/maniac-mansion"}),
    )
    server.route(
        "/game/nes/maniac-mansion",
        Reply(body=(SAVED / "pricecharting/game_maniac_mansion.html").read_text()),
    )

    found = _search("pricecharting", "maniac mansion nes", fast_settings, site_url=server.url(""))

    assert [m["url"] for m in found] == [server.url("/game/nes/maniac-mansion")]
    assert "Maniac Mansion" in found[0]["title"]


def test_cardmarket_search_page_rows_for_the_items_game(server, fast_settings) -> None:
    server.route("/en/Pokemon/Products/Search", Reply(body=_fixture("cardmarket/search_goyf.html")))

    found = _search(
        "cardmarket", "Tarmogoyf", fast_settings, site_url=server.url(""), game="Pokémon"
    )

    assert _query(server.requests[-1]) == {"searchString": ["Tarmogoyf"]}
    assert [(m["url"], m["subtitle"], m["price"]) for m in found] == [
        (server.url("/en/Magic/Products/Singles/Future-Sight/Tarmogoyf"), "Future Sight",
         "14,00 €"),
        (server.url("/en/Magic/Products/Singles/Modern-Masters-2015/Tarmogoyf"),
         "Modern Masters 2015", "12,50 €"),
    ]  # fmt: skip
    assert found[0]["image"] == "https://product-images.s3.cardmarket.com/1/FUT/14681/14681.jpg"


@pytest.mark.parametrize(
    ("game", "segment"),
    [("Pokémon", "Pokemon"), ("Magic: The Gathering", "Magic"), ("Yu-Gi-Oh!", "YuGiOh"),
     ("OnePiece", "OnePiece"), ("", "Magic"), ("Something else", "Magic")],
)  # fmt: skip
def test_cardmarket_games(game: str, segment: str) -> None:
    assert cardmarket_game(game) == segment


def test_page_searches_obey_robots_txt(server: LocalServer, fast_settings) -> None:
    server.route("/robots.txt", Reply(body="User-agent: *\nDisallow: /search-products\n",
                                      content_type="text/plain"))  # fmt: skip
    server.route("/search-products", Reply(body=_fixture("pricecharting/search_zelda.html")))

    with pytest.raises(ScrapeFailure) as failure:
        _search("pricecharting", "zelda", fast_settings, site_url=server.url(""))

    assert failure.value.kind == FailureKind.ROBOTS_DISALLOWED
    assert not [r for r in server.requests if r.path.startswith("/search-products")]


def test_a_search_ends_by_its_deadline(server: LocalServer, fast_settings) -> None:
    server.route("/search-products", Reply(body="<html></html>", delay=3))
    settings = replace(fast_settings, deadline=0.5, max_retries=0)

    with pytest.raises(ScrapeFailure) as failure:
        _search("pricecharting", "zelda", settings, site_url=server.url(""))

    assert failure.value.kind == FailureKind.TIMEOUT


def test_a_search_refuses_a_forbidden_address(fast_settings) -> None:
    with pytest.raises(ScrapeFailure) as failure:
        _search("pricecharting", "zelda", fast_settings, site_url="http://10.0.0.1")

    assert failure.value.kind == FailureKind.FORBIDDEN_ADDRESS


@pytest.mark.parametrize(("source", "query"), [("structured", "x"), ("discogs", " "),
                                               ("discogs", "x" * 201)])  # fmt: skip
def test_unknown_sources_and_bad_queries_are_refused(source: str, query: str) -> None:
    with pytest.raises(ValueError, match=r"catalogue search|characters"):
        asyncio.run(search_catalogue(source, query))


def test_the_demo_marketplace_answers_each_search_in_its_shape(market) -> None:
    server, base = market
    settings = FetchSettings(allowed_hosts=frozenset({server.host_port}), min_host_delay=0.0)

    chrono = _search("pricecharting", "Chrono Trigger", settings, site_url=base)
    goyf = _search("cardmarket", "Tarmogoyf 153", settings, site_url=f"{base}/cardmarket")
    floyd = _search(
        "discogs", "Pink Floyd Dark Side", settings, site_url=f"{base}/discogs",
        api_url=f"{base}/discogs-api", token=Secret("demo"),
    )  # fmt: skip

    assert chrono[0]["url"] == f"{base}/game/super-nintendo/chrono-trigger"
    assert chrono[0]["price"].startswith("$")
    assert [m["url"] for m in goyf] == [f"{base}/cardmarket/Magic/Products/Singles/tarmogoyf-153"]
    assert floyd[0]["title"] == "Pink Floyd - The Dark Side of the Moon"
    assert floyd[0]["url"].startswith(f"{base}/discogs/release/")
    with pytest.raises(ScrapeFailure) as failure:  # the demo API wants a token, as Discogs does
        asyncio.run(
            search_catalogue(
                "discogs", "floyd", settings=settings,
                options={"api_url": f"{base}/discogs-api", "token": Secret("")},
            )
        )  # fmt: skip
    assert failure.value.kind == FailureKind.MISSING_CREDENTIALS


def test_a_demo_match_is_a_page_its_source_reads(market) -> None:
    from scraper import FetchTarget, scrape

    server, base = market
    settings = FetchSettings(allowed_hosts=frozenset({server.host_port}), min_host_delay=0.0)
    match = _search("cardmarket", "Lightning Bolt", settings, site_url=f"{base}/cardmarket")[0]

    result = asyncio.run(
        scrape(FetchTarget(url=match["url"], source="cardmarket"), settings=settings)
    )

    assert result.observations
