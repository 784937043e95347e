"""The Discogs source: saved Discogs API answers served by a local server (never the
internet), read through the pipeline's guarded path with the collector's token."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from scraper import FetchSettings, FetchTarget, Secret, scrape, source_for_url
from scraper.__main__ import main
from scraper.demo_marketplace.discogs_api import demo_release_links, discogs_price
from scraper.http import fetch_json
from scraper.sources.discogs import media_grade, release_id
from scraper.tests.conftest import LocalServer, Reply, Seen
from scraper.tests.demo_helpers import DAY
from scraper.types import FailureKind, ScrapeFailure

# Under api/: fixtures/<source>/*.json are page test pairs (scraper/bench.py); these are
# API answers.
FIXTURES = Path(__file__).parent / "fixtures" / "api" / "discogs"
RELEASE_URL = "https://www.discogs.com/release/249504-Rick-Astley-Never-Gonna-Give-You-Up"
TOKEN = "abcdefghijklmnopqrstuvwxyz012345"
JSON = "application/json"


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _serve(server: LocalServer, *, stats: str = "stats_249504.json", suggestions: Any = None):
    def authed(body: str) -> Any:
        def answer(seen: Seen) -> Reply:
            if seen.headers.get("authorization") != f"Discogs token={TOKEN}":
                return Reply(401, '{"message": "You must authenticate."}', content_type=JSON)
            return Reply(200, body, content_type=JSON)

        return answer

    server.route("/api/releases/249504", authed(_fixture("release_249504.json")))
    server.route("/api/marketplace/stats/249504", authed(_fixture(stats)))
    server.route(
        "/api/marketplace/price_suggestions/249504",
        suggestions or authed(_fixture("price_suggestions_249504.json")),
    )


def _check(server: LocalServer, settings: FetchSettings, token: str = TOKEN, **target: Any):
    # No listings page on this server (404): the API's answers are recorded alone
    # (test_discogs_listings.py reads one).
    options = {
        "api_url": server.url("/api"),
        "site_url": server.url("/site"),
        **({"token": Secret(token)} if token else {}),
    }
    return asyncio.run(
        scrape(FetchTarget(url=RELEASE_URL, options=options, **target), settings=settings)
    )


def _rows(observations: list) -> list[dict[str, Any]]:
    keys = ("amount", "currency", "condition", "availability")
    return [{k: o.to_dict()[k] for k in keys} for o in observations]


def test_release_url_picks_discogs_and_its_id() -> None:
    assert source_for_url(RELEASE_URL) == "discogs"
    assert release_id(RELEASE_URL) == "249504"
    assert release_id("https://www.discogs.com/de/sell/release/1234") == "1234"
    assert release_id("https://www.discogs.com/master/96559-Rick-Astley") is None


@pytest.mark.parametrize(
    ("name", "grade"),
    [("Mint (M)", "M"), ("Near Mint (NM or M-)", "NM"), ("Very Good Plus (VG+)", "VG+"),
     ("Good (G)", "G"), ("Poor (P)", "P"), ("VG+", "VG+"), ("Generic", None)],
)  # fmt: skip
def test_media_grades_are_read_from_discogs_condition_names(name: str, grade: str) -> None:
    assert media_grade(name) == grade


def test_a_release_gives_suggestions_per_condition_and_the_lowest_copy(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    _serve(server)
    result = _check(server, fast_settings)
    assert _rows(result.observations) == json.loads(_fixture("expected_249504.json"))
    first = result.observations[0]
    assert first.source == "discogs"
    assert first.url == RELEASE_URL
    assert first.title == "Rick Astley - Never Gonna Give You Up (1987)"
    sent = server.hits("/api/releases/249504")[0].headers
    assert sent["user-agent"].startswith("OmniStockBot/")


def test_the_trackers_condition_keeps_its_suggestion(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    _serve(server)
    result = _check(server, fast_settings, condition="excellent")
    assert _rows(result.observations) == [
        {"amount": "5.90", "currency": "USD", "condition": "excellent", "availability": None}
    ]


def test_without_seller_settings_the_statistics_still_count(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    _serve(server, suggestions=Reply(403, '{"message": "seller settings"}', content_type=JSON))
    result = _check(server, fast_settings)
    assert _rows(result.observations) == [
        {"amount": "0.63", "currency": "USD", "condition": None, "availability": "in_stock"}
    ]


def test_nothing_for_sale_and_no_suggestion_is_no_price(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    _serve(
        server, stats="stats_none_for_sale.json", suggestions=Reply(200, "{}", content_type=JSON)
    )
    with pytest.raises(ScrapeFailure) as info:
        _check(server, fast_settings)
    assert info.value.kind == FailureKind.NO_PRICE_FOUND
    assert "249504" in info.value.message


def test_a_missing_token_is_a_clear_failure_and_nothing_is_sent(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    _serve(server)
    with pytest.raises(ScrapeFailure) as info:
        _check(server, fast_settings, token="")
    assert info.value.kind == FailureKind.MISSING_CREDENTIALS
    assert "personal access token" in info.value.message
    assert server.requests == []


def test_a_refused_token_says_so_without_showing_it(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    _serve(server)
    with pytest.raises(ScrapeFailure) as info:
        _check(server, fast_settings, token="wrong-token-123")
    assert info.value.kind == FailureKind.MISSING_CREDENTIALS
    assert "401" in info.value.message
    assert "wrong-token" not in info.value.message


def test_a_redirect_is_not_followed_with_the_token(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    _serve(server)
    server.route("/api/releases/249504", Reply(302, "", headers={"Location": "/elsewhere"}))
    with pytest.raises(ScrapeFailure) as info:
        _check(server, fast_settings)
    assert info.value.kind == FailureKind.HTTP_ERROR
    assert server.hits("/elsewhere") == []


def test_a_secret_never_shows_in_a_repr() -> None:
    target = FetchTarget(url=RELEASE_URL, options={"token": Secret(TOKEN)})
    assert TOKEN not in repr(target)
    assert Secret(TOKEN) == TOKEN


def test_the_command_line_reads_the_token_from_the_environment(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _serve(server)
    monkeypatch.setenv("DISCOGS_TOKEN", TOKEN)
    monkeypatch.setenv("DISCOGS_SITE_URL", server.url("/site"))
    code = main(
        [RELEASE_URL, "--source", "discogs", "--api-url", server.url("/api"),
         "--allow-host", server.host, "--min-delay", "0", "--condition", "near_mint"]
    )  # fmt: skip
    assert code == 0
    printed = capsys.readouterr()
    assert printed.out.split()[:3] == ["8.25", "USD", "near_mint"]
    assert TOKEN not in printed.out + printed.err


def test_the_command_line_without_a_token_fails_clearly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DISCOGS_TOKEN", raising=False)
    assert main([RELEASE_URL]) == 2
    assert capsys.readouterr().err.startswith("missing_credentials: ")


def test_the_demo_marketplace_speaks_the_discogs_api(market) -> None:
    server, base_url = market
    title, path = demo_release_links()[0]
    slug = path.split("-", 1)[1]
    settings = FetchSettings(
        allowed_hosts=frozenset({server.host_port}), min_host_delay=0.0, max_retries=0
    )
    options = {
        "api_url": f"{base_url}/discogs-api",
        "site_url": f"{base_url}/discogs",
        "token": Secret("any-demo-token"),
    }
    result = asyncio.run(
        scrape(
            FetchTarget(url=base_url + path, source="discogs", options=options),
            settings=settings,
        )
    )
    got = {o.condition: o.price.amount for o in result.observations if o.seller is None}
    assert got["near_mint"] == discogs_price(slug, "near_mint", DAY)
    assert got[None] == discogs_price(slug, None, DAY)
    assert set(got) == {"mint", "near_mint", "excellent", "good", "played", "poor", None}
    assert title.split(" (")[0].split(" – ")[-1] in result.observations[0].title


def test_the_demo_discogs_api_wants_a_token(market) -> None:
    server, base_url = market
    _, path = demo_release_links()[0]
    release = path.rsplit("/", 1)[1].split("-", 1)[0]
    settings = FetchSettings(allowed_hosts=frozenset({server.host_port}), min_host_delay=0.0)
    with pytest.raises(ScrapeFailure) as info:
        asyncio.run(
            fetch_json(f"{base_url}/discogs-api/releases/{release}", headers={}, settings=settings)
        )
    assert info.value.kind == FailureKind.MISSING_CREDENTIALS
