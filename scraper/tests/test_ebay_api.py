"""The eBay Browse API source: an OAuth client-credentials token from the collector's
application keys (cached until it expires), then the item; saved real-shaped answers
served by a local server (never the internet)."""

from __future__ import annotations

import asyncio
import base64
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest

from scraper import FetchSettings, FetchTarget, Secret, scrape, source_for_url
from scraper.sources import ebay_api
from scraper.tests.conftest import LocalServer, Reply, Seen
from scraper.types import FailureKind, ScrapeFailure

FIXTURES = Path(__file__).parent / "fixtures" / "api" / "ebay_api"
JSON = "application/json"
CLIENT_ID, SECRET = "OmniStock-Collecto-PRD-a1b2c3d4e", "PRD-0123456789abcdef-0123"
TOKEN_PATH = "/identity/v1/oauth2/token"


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _no_cached_tokens() -> None:
    ebay_api._TOKENS.clear()


def _serve(server: LocalServer, item_id: str, fixture: str) -> None:
    basic = base64.b64encode(f"{CLIENT_ID}:{SECRET}".encode()).decode()

    def token(seen: Seen) -> Reply:
        if seen.headers.get("authorization") != f"Basic {basic}":
            return Reply(401, '{"error": "invalid_client"}', content_type=JSON)
        return Reply(200, _fixture("token.json"), content_type=JSON)

    def item(seen: Seen) -> Reply:
        if not seen.headers.get("authorization", "").startswith("Bearer v^1.1"):
            return Reply(401, '{"errors": [{"errorId": 1001}]}', content_type=JSON)
        return Reply(200, _fixture(fixture), content_type=JSON)

    server.route(TOKEN_PATH, token)
    server.route(f"/buy/browse/v1/item/v1%7C{item_id}%7C0", item)


def _check(server: LocalServer, settings: FetchSettings, url: str, **keys: str) -> Any:
    keys = keys or {"client_id": CLIENT_ID, "client_secret": SECRET}
    options = {"api_url": server.url(""), **{k: Secret(v) for k, v in keys.items()}}
    target = FetchTarget(url=url, source="ebay_api", options=options)
    return asyncio.run(scrape(target, settings=settings))


def test_ebay_hosts_stay_with_the_page_source() -> None:
    assert source_for_url("https://www.ebay.com/itm/395012345678") == "ebay"


def test_a_graded_card_item_gives_its_price_grade_shipping_and_seller(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    _serve(server, "395012345678", "item_graded_card.json")

    result = _check(server, fast_settings, "https://www.ebay.com/itm/395012345678")

    (seen,) = result.observations
    assert (str(seen.price), seen.condition, seen.availability) == (
        "489.99 USD",
        "psa_10",
        "in_stock",
    )
    assert str(seen.shipping) == "8.45 USD"
    assert seen.seller.name == "cardvault_pdx"
    assert seen.source == "ebay_api"
    (token_request,) = server.hits(TOKEN_PATH)
    form = parse_qs(token_request.body.decode())
    assert form["grant_type"] == ["client_credentials"]
    item = server.requests[-1].headers
    assert item["x-ebay-c-marketplace-id"] == "EBAY_US"


def test_an_auction_is_its_current_bid_with_bids_and_end(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    _serve(server, "285512340000", "item_auction.json")

    result = _check(server, fast_settings, "https://www.ebay.co.uk/itm/285512340000")

    (seen,) = result.observations
    assert str(seen.price) == "52.00 GBP"
    assert seen.auction.bids == 7
    assert seen.auction.ends_at.isoformat() == "2026-12-05T19:30:00+00:00"
    assert str(seen.shipping) == "0.00 GBP"
    assert server.requests[-1].headers["x-ebay-c-marketplace-id"] == "EBAY_GB"


def test_the_access_token_is_reused_until_it_expires(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    _serve(server, "395012345678", "item_graded_card.json")
    url = "https://www.ebay.com/itm/395012345678"

    _check(server, fast_settings, url)
    _check(server, fast_settings, url)
    assert len(server.hits(TOKEN_PATH)) == 1

    for key in list(ebay_api._TOKENS):
        ebay_api._TOKENS[key] = (ebay_api._TOKENS[key][0], 0.0)  # expired
    _check(server, fast_settings, url)
    assert len(server.hits(TOKEN_PATH)) == 2


def test_missing_or_refused_keys_are_clear_failures(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    _serve(server, "395012345678", "item_graded_card.json")
    url = "https://www.ebay.com/itm/395012345678"

    with pytest.raises(ScrapeFailure) as missing:
        _check(server, fast_settings, url, client_id=CLIENT_ID)
    assert missing.value.kind == FailureKind.MISSING_CREDENTIALS
    assert server.requests == []

    with pytest.raises(ScrapeFailure) as refused:
        _check(server, fast_settings, url, client_id=CLIENT_ID, client_secret="wrong-secret")
    assert refused.value.kind == FailureKind.MISSING_CREDENTIALS
    assert "wrong-secret" not in refused.value.message


def test_the_command_line_reads_the_keys_from_the_environment(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from scraper.__main__ import main

    _serve(server, "395012345678", "item_graded_card.json")
    monkeypatch.setenv("EBAY_CLIENT_ID", CLIENT_ID)
    monkeypatch.setenv("EBAY_CLIENT_SECRET", SECRET)
    monkeypatch.setenv("EBAY_API_URL", server.url(""))
    url = "https://www.ebay.com/itm/395012345678"
    args = [url, "--source", "ebay_api", "--allow-host", server.host, "--min-delay", "0"]

    assert main(args) == 0
    printed = capsys.readouterr()
    assert printed.out.split()[:3] == ["489.99", "USD", "psa_10"]
    assert SECRET not in printed.out + printed.err
