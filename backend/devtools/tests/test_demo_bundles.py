"""The demo want list: `seed_demo` leaves wanted items tracked on the demo marketplace's
listings pages, due at once, whose sellers overlap, so a running stack shows bundles."""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from devtools.management.commands.seed_demo import seed_demo
from inventory.models import Collectible, CollectibleStatus
from price_history import services
from price_history.models import JobKind, PriceHistory, Tracker
from scraper.demo_marketplace import market_sellers, serve_in_thread
from valuation.selectors.bundles import want_bundles

pytestmark = pytest.mark.django_db


@pytest.fixture
def marketplace(settings) -> Iterator[str]:
    server, base = serve_in_thread(today=lambda: datetime.now(UTC).date())
    settings.SCRAPER_ALLOWED_HOSTS = [server.host_port]
    settings.SCRAPER_MIN_DELAY_SECONDS = 0.0
    settings.SCRAPER_MAX_RETRIES = 0
    # What `make run` sets: the demo's Discogs trackers read its Discogs API and pages.
    settings.DISCOGS_API_URL = f"{base}/discogs-api"
    settings.DISCOGS_SITE_URL = f"{base}/discogs"
    try:
        yield base
    finally:
        server.stop()


def test_the_demo_want_list_is_tracked_on_listings_whose_sellers_overlap():
    seed_demo()

    wanted = Collectible.objects.filter(status=CollectibleStatus.WANTED)
    assert wanted.count() >= 3
    assert all(item.max_price is not None for item in wanted)
    trackers = Tracker.objects.filter(collectible__in=wanted).exclude(source="discogs")
    assert trackers.count() == wanted.count()
    assert all("/market/" in tracker.url for tracker in trackers)
    # Checked first: due now, ahead of the rest of the collection.
    assert all(tracker.next_run_at < timezone.now() + timedelta(minutes=1) for tracker in trackers)
    wanted_trackers = Tracker.objects.filter(collectible__in=wanted)
    others = Tracker.objects.exclude(collectible__in=wanted)
    assert min(t.next_run_at for t in others) > max(t.next_run_at for t in wanted_trackers)
    sellers = [set(market_sellers(t.url.rsplit("/", 1)[1])) for t in trackers]
    assert set.intersection(*sellers), "one seller offers every demo want"


def test_checking_the_demo_want_list_shows_a_bundle(marketplace):
    report = seed_demo(marketplace_url=marketplace)
    assert report.trackers_created
    trackers = list(Tracker.objects.filter(collectible__status=CollectibleStatus.WANTED))

    job = services.scrape_job_create(kind=JobKind.MANUAL, trackers=trackers, publish=False)
    for run in job.runs.all():
        services.scrape_run_execute(run_id=run.pk)

    assert PriceHistory.objects.filter(tracker__in=trackers).exclude(seller="").exists()
    vendor = trackers[0].collectible.vendor
    bundles = want_bundles(vendor_ids=[vendor.pk], currency=vendor.default_currency)
    assert bundles.results
    best = bundles.results[0]
    wanted_names = {t.collectible.name for t in trackers}
    assert best.item_count == len(wanted_names)
    assert {item.collectible.name for item in best.items} == wanted_names
    # The demo's Discogs sellers offer both wanted records: a Discogs bundle too.
    discogs = [b for b in bundles.results if all(i.source == "discogs" for i in b.items)]
    assert discogs, [b.seller_key for b in bundles.results]
    assert all(b.seller_key.startswith("127.0.0.1|") for b in discogs)
    assert all("/discogs/sell/item/" in i.url for b in discogs for i in b.items)
