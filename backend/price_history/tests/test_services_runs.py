from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import OperationalError
from django.utils import timezone

from price_history import gateway, services
from price_history.factories import TrackerFactory
from price_history.models import (
    JobKind,
    JobStatus,
    PriceHistory,
    RunStatus,
    ScrapeRun,
    Tracker,
)
from price_history.tests.conftest import Reply, close_to, page
from scraper import SOURCES

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


def run_once(tracker: Tracker) -> ScrapeRun:
    job = services.scrape_job_create(kind=JobKind.MANUAL, trackers=[tracker], publish=False)
    run = job.runs.get()
    services.scrape_run_execute(run_id=run.pk)
    run.refresh_from_db()
    tracker.refresh_from_db()
    return run


def test_tracker_sources_are_the_scrapers_sources():
    from price_history.models import TrackerSource

    assert set(TrackerSource.values) == set(SOURCES)


class TestRunSuccess:
    def test_records_the_shop_price_and_schedules_the_next_check(
        self, scraper_settings, pages, item
    ):
        tracker = TrackerFactory(collectible=item, url=pages.url("/shop/charizard"))

        run = run_once(tracker)

        assert run.status == RunStatus.SUCCEEDED
        assert run.observations_recorded == 1
        row = PriceHistory.objects.get(collectible=item)
        assert (row.price, row.currency, row.source, row.tracker, row.run) == (
            Decimal("349.95"),
            "USD",
            "structured",
            tracker,
            run,
        )
        assert row.dedupe_key == f"run:{run.pk}:structured:"
        assert tracker.consecutive_failures == 0
        assert tracker.last_success_at is not None
        assert close_to(tracker.next_run_at, timezone.now() + DAY)
        job = run.job
        job.refresh_from_db()
        assert (job.status, job.trackers_succeeded, job.observations_recorded) == (
            JobStatus.SUCCEEDED,
            1,
            1,
        )
        assert job.started_at is not None
        assert job.finished_at is not None

    def test_pricecharting_records_one_row_per_condition(self, scraper_settings, pages, item):
        tracker = TrackerFactory(
            collectible=item, source="pricecharting", url=pages.url("/pc/maniac-mansion")
        )

        run_once(tracker)

        prices = dict(PriceHistory.objects.values_list("condition", "price"))
        assert prices == {
            "loose": Decimal("99.00"),
            "cib": Decimal("272.40"),
            "new": Decimal("545.00"),
            "graded": Decimal("599.50"),
        }

    def test_a_tracker_condition_keeps_only_that_price(self, scraper_settings, pages, item):
        tracker = TrackerFactory(
            collectible=item,
            source="pricecharting",
            url=pages.url("/pc/maniac-mansion"),
            condition="cib",
        )

        run_once(tracker)

        assert list(PriceHistory.objects.values_list("condition", "price")) == [
            ("cib", Decimal("272.40"))
        ]

    def test_the_tracker_condition_labels_a_page_that_states_none(
        self, scraper_settings, pages, item
    ):
        tracker = TrackerFactory(
            collectible=item, url=pages.url("/shop/charizard"), condition="near_mint"
        )

        run_once(tracker)

        assert PriceHistory.objects.get().condition == "near_mint"

    def test_css_source_uses_the_selector_attribute_and_currency_hint(
        self, scraper_settings, pages, item
    ):
        tracker = TrackerFactory(
            collectible=item,
            source="css",
            url=pages.url("/css/item"),
            selector="#item .amount",
            attribute="data-price",
            currency="EUR",
        )

        run_once(tracker)

        row = PriceHistory.objects.get()
        assert (row.price, row.currency, row.source) == (Decimal("42.50"), "EUR", "css")


class TestConditionalGet:
    def test_an_unchanged_page_is_a_success_that_records_nothing(
        self, scraper_settings, pages, item
    ):
        body = page("shop_product.html")

        def conditional(headers: dict[str, str]) -> Reply:
            if headers.get("if-none-match") == '"v1"':
                return Reply(304, headers={"ETag": '"v1"'})
            return Reply(body=body, headers={"ETag": '"v1"', "Last-Modified": "Mon, 01 Jan 2024"})

        pages.routes["/shop/etag"] = conditional
        tracker = TrackerFactory(collectible=item, url=pages.url("/shop/etag"))

        first = run_once(tracker)
        assert (tracker.etag, tracker.last_modified) == ('"v1"', "Mon, 01 Jan 2024")
        second = run_once(tracker)

        assert first.observations_recorded == 1
        assert (second.status, second.not_modified, second.observations_recorded) == (
            RunStatus.SUCCEEDED,
            True,
            0,
        )
        assert PriceHistory.objects.count() == 1
        assert tracker.consecutive_failures == 0
        sent = [headers for path, headers in pages.hits if path == "/shop/etag"]
        assert sent[1]["if-none-match"] == '"v1"'


class TestFailures:
    def test_a_failure_is_stored_on_tracker_run_and_job_with_backoff(
        self, scraper_settings, pages, item
    ):
        tracker = TrackerFactory(collectible=item, url=pages.url("/empty"))

        run = run_once(tracker)

        assert run.status == RunStatus.FAILED
        assert run.error_kind == "no_price_found"
        assert run.error_message
        assert tracker.consecutive_failures == 1
        assert tracker.last_error_kind == "no_price_found"
        assert tracker.last_error_message == run.error_message
        assert tracker.status == "failing"
        assert close_to(tracker.next_run_at, timezone.now() + 2 * DAY)
        run.job.refresh_from_db()
        assert (run.job.status, run.job.trackers_failed) == (JobStatus.FAILED, 1)

    def test_backoff_doubles_up_to_the_cap_and_six_failures_pause(
        self, scraper_settings, pages, item
    ):
        scraper_settings.SCRAPER_MAX_BACKOFF = timedelta(days=10)
        tracker = TrackerFactory(collectible=item, url=pages.url("/missing"))
        delays = []

        for _ in range(5):
            run_once(tracker)
            delays.append(round((tracker.next_run_at - timezone.now()) / DAY))

        assert delays == [2, 4, 8, 10, 10]
        assert tracker.is_active
        run = run_once(tracker)

        assert run.error_kind == "http_error"
        assert tracker.consecutive_failures == 6
        assert not tracker.is_active
        assert tracker.next_run_at is None
        assert tracker.status == "paused"
        assert tracker.paused_reason.startswith("Paused after 6 failed checks in a row.")
        assert "404" in tracker.paused_reason

    def test_a_success_resets_the_failure_count(self, scraper_settings, pages, item):
        tracker = TrackerFactory(
            collectible=item, url=pages.url("/shop/charizard"), consecutive_failures=3
        )
        tracker.last_error_kind = "timeout"
        tracker.save()

        run_once(tracker)

        assert (tracker.consecutive_failures, tracker.last_error_kind) == (0, "")

    def test_rate_limiting_waits_at_least_as_long_as_the_site_asks(self, item, monkeypatch):
        tracker = TrackerFactory(collectible=item, interval_minutes=60)

        def limited(target):
            raise gateway.ScrapeFailure("rate_limited", "Slow down.", retry_after=3 * 86400)

        monkeypatch.setattr(gateway, "fetch", limited)
        run_once(tracker)

        assert close_to(tracker.next_run_at, timezone.now() + 3 * DAY)

    def test_an_unexpected_error_is_recorded_as_internal_error(self, item, monkeypatch):
        tracker = TrackerFactory(collectible=item)
        monkeypatch.setattr(gateway, "fetch", lambda target: 1 / 0)

        run = run_once(tracker)

        assert (run.status, run.error_kind) == (RunStatus.FAILED, "internal_error")

    def test_database_trouble_propagates_so_the_task_retries(self, item, monkeypatch):
        tracker = TrackerFactory(collectible=item)

        def broken(target):
            raise OperationalError("connection lost")

        monkeypatch.setattr(gateway, "fetch", broken)
        job = services.scrape_job_create(kind=JobKind.MANUAL, trackers=[tracker], publish=False)

        with pytest.raises(OperationalError):
            services.scrape_run_execute(run_id=job.runs.get().pk)
        assert job.runs.get().status == RunStatus.RUNNING

    def test_giving_up_marks_the_run_failed(self, item):
        tracker = TrackerFactory(collectible=item)
        job = services.scrape_job_create(kind=JobKind.MANUAL, trackers=[tracker], publish=False)

        run = services.scrape_run_fail(run_id=job.runs.get().pk, message="gave up")

        assert (run.status, run.error_kind, run.error_message) == (
            RunStatus.FAILED,
            "internal_error",
            "gave up",
        )

    def test_a_paused_tracker_is_skipped(self, item, monkeypatch):
        tracker = TrackerFactory(collectible=item)
        job = services.scrape_job_create(kind=JobKind.MANUAL, trackers=[tracker], publish=False)
        services.tracker_pause(tracker=tracker)
        monkeypatch.setattr(gateway, "fetch", lambda target: pytest.fail("must not fetch"))

        services.scrape_run_execute(run_id=job.runs.get().pk)

        job.refresh_from_db()
        assert job.runs.get().status == RunStatus.SKIPPED
        assert (job.status, job.trackers_skipped) == (JobStatus.SUCCEEDED, 1)


class TestRedelivery:
    def test_the_same_delivery_twice_records_nothing_twice(self, scraper_settings, pages, item):
        tracker = TrackerFactory(
            collectible=item, source="pricecharting", url=pages.url("/pc/maniac-mansion")
        )
        job = services.scrape_job_create(kind=JobKind.MANUAL, trackers=[tracker], publish=False)
        run_id = job.runs.get().pk

        services.scrape_run_execute(run_id=run_id)
        services.scrape_run_execute(run_id=run_id)

        assert PriceHistory.objects.count() == 4
        assert pages.count("/pc/maniac-mansion") == 1  # the second delivery did nothing
        assert ScrapeRun.objects.get(pk=run_id).attempts == 1

    def test_the_unique_key_stops_a_concurrent_duplicate_of_the_rows(
        self, scraper_settings, pages, item
    ):
        tracker = TrackerFactory(collectible=item, url=pages.url("/shop/charizard"))
        job = services.scrape_job_create(kind=JobKind.MANUAL, trackers=[tracker], publish=False)
        run = job.runs.get()
        services.scrape_run_execute(run_id=run.pk)
        # A second worker that fetched the same delivery before the first one committed.
        ScrapeRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING)

        services.scrape_run_execute(run_id=run.pk)

        assert PriceHistory.objects.count() == 1
        run.refresh_from_db()
        assert (run.status, run.observations_recorded) == (RunStatus.SUCCEEDED, 1)

    def test_a_run_that_no_longer_exists_is_ignored(self, db):
        assert services.scrape_run_execute(run_id=987654) is None
