"""The demo's `ebay_api` tracker: `seed_demo` saves demo eBay application keys and tracks
the Umbreon VMAX slab's listing; its history and a real check (through the worker's path,
against the demo marketplace's eBay Browse API) record the listing's price as `psa_10`."""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from devtools.management.commands.seed_demo import seed_demo
from price_history import services
from price_history.models import JobKind, PriceHistory, Tracker
from scraper.demo_marketplace import ebay_api_price, ebay_item_path, serve_in_thread
from users.credentials import credential_for
from users.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def marketplace(settings) -> Iterator[str]:
    server, base = serve_in_thread(today=lambda: datetime.now(UTC).date())
    settings.SCRAPER_ALLOWED_HOSTS = [server.host_port]
    settings.SCRAPER_MIN_DELAY_SECONDS = 0.0
    settings.SCRAPER_MAX_RETRIES = 0
    settings.EBAY_API_URL = f"{base}/ebay-api"  # what `make run` sets
    try:
        yield base
    finally:
        server.stop()


def test_seed_saves_ebay_keys_and_tracks_the_umbreon_listing_with_its_history():
    report = seed_demo()

    assert report.ebay_key_created
    user = User.objects.get(email="demo@omni-stock.local")
    keys = credential_for(user_id=user.pk, provider="ebay")
    assert keys is not None
    assert keys.client_id
    assert keys.client_secret
    tracker = Tracker.objects.get(source="ebay_api")
    assert tracker.collectible.name == "Umbreon VMAX (Alternate Art)"
    assert tracker.url == "http://127.0.0.1:8765" + ebay_item_path("umbreon-vmax-215")
    assert tracker.condition == "psa_10"
    rows = PriceHistory.objects.filter(tracker=tracker, is_demo=True)
    assert rows.count() == 365
    row = rows.order_by("observed_at").first()
    assert row is not None
    expected = ebay_api_price("umbreon-vmax-215", row.observed_at.date())
    assert (row.price, row.currency, row.condition) == (expected, "USD", "psa_10")
    # Idempotent: a second run adds no key and no tracker.
    again = seed_demo()
    assert not again.ebay_key_created
    assert Tracker.objects.filter(source="ebay_api").count() == 1


def test_checking_the_demo_ebay_api_tracker_records_the_listing(marketplace):
    seed_demo(marketplace_url=marketplace)
    tracker = Tracker.objects.get(source="ebay_api")

    job = services.scrape_job_create(kind=JobKind.MANUAL, trackers=[tracker], publish=False)
    for run in job.runs.all():
        services.scrape_run_execute(run_id=run.pk)

    tracker.refresh_from_db()
    live = PriceHistory.objects.filter(tracker=tracker, is_demo=False)
    row = live.get()
    today = datetime.now(UTC).date()
    assert (row.price, row.currency) == (ebay_api_price("umbreon-vmax-215", today), "USD")
    assert row.condition == "psa_10"
    assert row.seller == "slab_vault"
