"""Discogs trackers record each seller's offer from the release's listings page (a saved
real-shaped page on a local server) beside the API's prices, with the seller, its key and
shipping, so the want list's seller bundles group the wants one Discogs seller offers."""

from decimal import Decimal

import pytest
from conftest import client_for

from inventory.factories import CollectibleFactory
from price_history.factories import TrackerFactory
from price_history.models import PriceHistory, RunStatus
from price_history.tests.conftest import SCRAPER_FIXTURES, Reply, page
from price_history.tests.test_discogs_trackers import JSON, TOKEN
from price_history.tests.test_services_runs import run_once
from users.models import MarketplaceCredential

pytestmark = pytest.mark.django_db

RELEASES = ("249504", "249505")
LISTINGS = page("discogs/sell_release_249504.html", SCRAPER_FIXTURES)


@pytest.fixture
def discogs(scraper_settings, pages, owner):
    """The Discogs API (the scraper's saved answers, for two releases) and each release's
    listings page on the local server; the owner's token saved."""
    MarketplaceCredential.objects.create(user=owner, provider="discogs", token=TOKEN)

    def authed(name):
        def answer(headers):
            if headers.get("authorization") != f"Discogs token={TOKEN}":
                return Reply(401, '{"message": "You must authenticate."}', content_type=JSON)
            return Reply(body=page(f"api/discogs/{name}", SCRAPER_FIXTURES), content_type=JSON)

        return answer

    for number, release in enumerate(RELEASES):
        pages.routes[f"/api/releases/{release}"] = authed("release_249504.json")
        pages.routes[f"/api/marketplace/stats/{release}"] = authed("stats_249504.json")
        pages.routes[f"/api/marketplace/price_suggestions/{release}"] = authed(
            "price_suggestions_249504.json"
        )
        # The same sellers list both releases, each copy its own listing.
        pages.routes[f"/site/sell/release/{release}"] = Reply(
            body=LISTINGS.replace("/sell/item/10", f"/sell/item/{number + 1}0")
        )
    scraper_settings.DISCOGS_API_URL = pages.url("/api")
    scraper_settings.DISCOGS_SITE_URL = pages.url("/site")
    return pages


def discogs_tracker(item, owner, release):
    url = f"https://www.discogs.com/release/{release}-Rick-Astley-Never-Gonna-Give-You-Up"
    return TrackerFactory(collectible=item, url=url, source="discogs", created_by=owner)


def test_a_check_records_the_api_prices_and_each_sellers_offer(discogs, item, owner):
    tracker = discogs_tracker(item, owner, "249504")

    run = run_once(tracker)

    assert run.status == RunStatus.SUCCEEDED, run.error_message
    rows = PriceHistory.objects.filter(tracker=tracker)
    assert rows.filter(seller="").count() == 7  # six suggestions and the lowest copy
    offers = {
        p.seller: (p.condition, str(p.price), p.currency, p.shipping, p.availability)
        for p in rows.exclude(seller="")
    }
    assert offers == {
        "Poor Richard": ("played", "2.00", "USD", Decimal("3.25"), "in_stock"),
        "Groove Merchant": ("good", "4.99", "USD", None, "in_stock"),
        "RecordRack": ("excellent", "8.00", "EUR", Decimal("6.50"), "in_stock"),
        "VinylJunkie": ("near_mint", "12.50", "USD", Decimal("5.00"), "in_stock"),
        "MintMonk": ("mint", "30.00", "USD", Decimal("4.00"), "out_of_stock"),
    }
    junkie = rows.get(seller="VinylJunkie")
    assert junkie.seller_key == f"127.0.0.1|{discogs.url('/seller/VinylJunkie/profile')}"
    assert junkie.url == discogs.url("/sell/item/1001")
    assert len({p.observed_at for p in rows}) == 1  # one check, one moment
    # The token went to the API only, never to the page.
    page_hits = [h for path, h in discogs.hits if path.startswith("/site/")]
    assert page_hits
    assert all("authorization" not in h for h in page_hits)


def test_a_second_check_keeps_every_sellers_row_again(discogs, item, owner):
    tracker = discogs_tracker(item, owner, "249504")
    run_once(tracker)

    run = run_once(tracker)

    assert run.status == RunStatus.SUCCEEDED, run.error_message
    assert PriceHistory.objects.filter(run=run).exclude(seller="").count() == 5


def test_a_listings_page_discogs_refuses_leaves_the_api_prices(discogs, item, owner, caplog):
    discogs.routes["/site/sell/release/249504"] = Reply(403, "<html>Just a moment...</html>")
    tracker = discogs_tracker(item, owner, "249504")

    run = run_once(tracker)

    assert run.status == RunStatus.SUCCEEDED, run.error_message
    rows = PriceHistory.objects.filter(tracker=tracker)
    assert rows.count() == 7
    assert not rows.exclude(seller="").exists()
    assert "listings page" in caplog.text
    assert "403" in caplog.text


def test_two_wants_one_discogs_seller_offers_are_one_bundle(discogs, vendor, owner):
    vendor.default_currency = "USD"
    vendor.save(update_fields=["default_currency"])
    wants = [
        CollectibleFactory(
            vendor=vendor,
            created_by=owner,
            name=name,
            category="vinyl",
            condition="good",
            status="wanted",
            purchase_price=None,
            purchase_currency="",
        )
        for name in ("Never Gonna Give You Up (UK)", "Never Gonna Give You Up (DE)")
    ]
    for item, release in zip(wants, RELEASES, strict=True):
        run = run_once(discogs_tracker(item, owner, release))
        assert run.status == RunStatus.SUCCEEDED, run.error_message
    response = client_for(owner).get("/api/v1/want-bundles/")

    assert response.status_code == 200, response.json()
    bundles = {b["seller"]: b for b in response.json()["results"]}
    # At least VG (good): VG, VG+ (in euros, which need a rate), NM, M; MintMonk's copy is
    # in someone's cart, Poor Richard's G+ is below the want.
    assert {"VinylJunkie", "Groove Merchant"} <= set(bundles)
    assert not {"MintMonk", "Poor Richard"} & set(bundles)
    junkie = bundles["VinylJunkie"]
    assert junkie["item_count"] == 2
    assert junkie["seller_key"] == f"127.0.0.1|{discogs.url('/seller/VinylJunkie/profile')}"
    assert {i["name"] for i in junkie["items"]} == {w.name for w in wants}
    assert {i["url"] for i in junkie["items"]} == {
        discogs.url("/sell/item/1001"),
        discogs.url("/sell/item/2001"),
    }
