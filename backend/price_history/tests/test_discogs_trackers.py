"""Trackers on Discogs: checked through the Discogs API (a local server speaking its
shape, with the scraper's saved answers) with the tracker owner's own token, prices
recorded per media condition; without a token the check fails with a clear message."""

import pytest

from price_history import gateway
from price_history.factories import TrackerFactory
from price_history.models import PriceHistory, RunStatus
from price_history.tests.conftest import SCRAPER_FIXTURES, Reply, page
from price_history.tests.test_services_runs import run_once
from price_history.tests.test_trackers_api import trackers_url
from scraper import Secret
from users.models import MarketplaceCredential

pytestmark = pytest.mark.django_db

RELEASE = "https://www.discogs.com/release/249504-Rick-Astley-Never-Gonna-Give-You-Up"
TOKEN = "OwnersDiscogsToken0123456789"
JSON = "application/json"


@pytest.fixture
def discogs_api(scraper_settings, pages):
    def authed(name):
        def answer(headers):
            if headers.get("authorization") != f"Discogs token={TOKEN}":
                return Reply(401, '{"message": "You must authenticate."}', content_type=JSON)
            return Reply(body=page(f"api/discogs/{name}", SCRAPER_FIXTURES), content_type=JSON)

        return answer

    pages.routes["/api/releases/249504"] = authed("release_249504.json")
    pages.routes["/api/marketplace/stats/249504"] = authed("stats_249504.json")
    pages.routes["/api/marketplace/price_suggestions/249504"] = authed(
        "price_suggestions_249504.json"
    )
    scraper_settings.DISCOGS_API_URL = pages.url("/api")
    # No listings page there (404): the API's prices are recorded alone (the listings:
    # test_discogs_listings.py).
    scraper_settings.DISCOGS_SITE_URL = pages.url("/site")
    return pages


def test_a_discogs_release_url_makes_a_discogs_tracker(owner_client, item, settings):
    settings.SCRAPER_ALLOWED_HOSTS = ["www.discogs.com"]

    response = owner_client.post(trackers_url(item.pk), {"url": RELEASE})

    assert response.status_code == 201, response.json()
    assert response.json()["source"] == "discogs"


def test_a_check_records_each_media_conditions_price_with_the_owners_token(
    discogs_api, item, owner
):
    MarketplaceCredential.objects.create(user=owner, provider="discogs", token=TOKEN)
    tracker = TrackerFactory(collectible=item, url=RELEASE, source="discogs", created_by=owner)

    run = run_once(tracker)

    assert run.status == RunStatus.SUCCEEDED, run.error_message
    prices = {
        p.condition: str(p.price)
        for p in PriceHistory.objects.filter(tracker=tracker).order_by("condition")
    }
    assert prices == {
        "mint": "9.23", "near_mint": "8.25", "excellent": "5.90", "good": "3.40",
        "played": "2.15", "poor": "0.92", "": "0.63",
    }  # fmt: skip
    assert discogs_api.count("/api/marketplace/stats/249504") == 1


def test_without_the_owners_token_the_check_says_what_is_missing(discogs_api, item, owner):
    tracker = TrackerFactory(collectible=item, url=RELEASE, source="discogs", created_by=owner)

    run = run_once(tracker)

    assert run.status != RunStatus.SUCCEEDED
    assert tracker.last_error_kind == "missing_credentials"
    assert "personal access token" in tracker.last_error_message
    assert discogs_api.hits == []


def test_the_token_goes_only_to_the_source_that_needs_it(item, owner, settings):
    MarketplaceCredential.objects.create(user=owner, provider="discogs", token=TOKEN)
    discogs = TrackerFactory(collectible=item, url=RELEASE, source="discogs", created_by=owner)
    shop = TrackerFactory(collectible=item, source="structured", created_by=owner)

    options = gateway.target_for(discogs).options
    assert options["token"] == TOKEN
    assert isinstance(options["token"], Secret)
    assert options["api_url"] == settings.DISCOGS_API_URL
    assert options["site_url"] == settings.DISCOGS_SITE_URL
    assert TOKEN not in repr(gateway.target_for(discogs))
    assert "token" not in gateway.target_for(shop).options


def test_an_ebay_api_tracker_gets_the_owners_application_keys(item, owner, settings):
    MarketplaceCredential.objects.create(
        user=owner, provider="ebay", client_id="Omni-App-PRD-1", client_secret="PRD-secret-1"
    )
    tracker = TrackerFactory(
        collectible=item, url="https://www.ebay.com/itm/395012345678", source="ebay_api",
        created_by=owner,
    )  # fmt: skip

    options = gateway.target_for(tracker).options

    assert options == {
        "client_id": "Omni-App-PRD-1",
        "client_secret": "PRD-secret-1",
        "api_url": settings.EBAY_API_URL,
    }
    assert "PRD-secret-1" not in repr(gateway.target_for(tracker))
