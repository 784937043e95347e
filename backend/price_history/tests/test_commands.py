from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from price_history import queue
from price_history.factories import TrackerFactory
from price_history.models import JobKind, PriceHistory, ScrapeJob

pytestmark = pytest.mark.django_db


def scrape_prices(*args: str) -> str:
    out = StringIO()
    call_command("scrape_prices", *args, stdout=out)
    return out.getvalue()


def test_sync_checks_the_chosen_trackers_in_process(scraper_settings, pages, item):
    good = TrackerFactory(collectible=item, url=pages.url("/shop/charizard"))
    bad = TrackerFactory(url=pages.url("/empty"))

    output = scrape_prices("--collectible", str(item.pk), "--tracker", str(bad.pk), "--sync")

    assert f"[1/2] tracker {good.pk}" in output
    assert "ok: 1 price(s) recorded" in output
    assert "no_price_found:" in output
    assert "partial: 1 ok, 1 failed, 0 skipped, 1 price(s)" in output
    assert PriceHistory.objects.count() == 1


def test_sync_due_runs_what_beat_would(scraper_settings, pages, item):
    TrackerFactory(
        collectible=item,
        url=pages.url("/shop/charizard"),
        next_run_at=timezone.now() - timedelta(minutes=1),
    )

    output = scrape_prices("--due", "--sync")

    assert "succeeded" in output
    assert ScrapeJob.objects.get().kind == JobKind.SCHEDULED
    assert "No tracker is due." in scrape_prices("--due", "--sync")


def test_without_sync_the_runs_are_queued(item, published, django_capture_on_commit_callbacks):
    tracker = TrackerFactory(collectible=item)

    with django_capture_on_commit_callbacks(execute=True):
        output = scrape_prices("--tracker", str(tracker.pk))

    job = ScrapeJob.objects.get()
    assert f"Queued scrape job {job.pk} (1 tracker(s))" in output
    assert published == [job.runs.get().pk]


def test_without_sync_a_dead_broker_is_an_error(item, monkeypatch):
    tracker = TrackerFactory(collectible=item)
    monkeypatch.setattr(queue, "broker_available", lambda: False)

    with pytest.raises(CommandError, match="--sync"):
        scrape_prices("--tracker", str(tracker.pk))
    assert not ScrapeJob.objects.exists()


def test_needs_a_choice_and_known_ids(db):
    with pytest.raises(CommandError, match="Say what to check"):
        scrape_prices("--sync")
    with pytest.raises(CommandError, match="No tracker with id 424242"):
        scrape_prices("--tracker", "424242", "--sync")


def test_an_item_without_active_trackers_says_so(item):
    assert "no active tracker" in scrape_prices("--collectible", str(item.pk), "--sync")
