"""A collection's "refresh all": `POST vendors/{id}/refresh-prices`."""

from datetime import timedelta
from decimal import Decimal

import pytest
from celery import current_app as app
from django.utils import timezone
from rest_framework.test import APIClient

from inventory.factories import CollectibleFactory
from price_history import queue, services
from price_history.factories import ScrapeJobFactory, ScrapeRunFactory, TrackerFactory
from price_history.models import JobKind, JobStatus, RunStatus, ScrapeJob, ScrapeRun
from price_history.vendor_refresh_api import VendorRefreshThrottle
from vendors.factories import VendorFactory

pytestmark = pytest.mark.django_db


def refresh_url(vendor_id: int) -> str:
    return f"/api/v1/vendors/{vendor_id}/refresh-prices"


def wanted(vendor, **fields):
    return CollectibleFactory(
        vendor=vendor, status="wanted", purchase_price=None, purchase_currency="", **fields
    )


def sold(vendor):
    return CollectibleFactory(
        vendor=vendor, status="sold", sale_price=Decimal("150"), sale_date=timezone.localdate()
    )


def queued_trackers() -> list[int]:
    return sorted(ScrapeRun.objects.values_list("tracker_id", flat=True))


class TestRefreshAll:
    def test_queues_every_active_tracker_of_owned_and_wanted_items_one_job_per_item(
        self, owner_client, owner, vendor, item, published, django_capture_on_commit_callbacks
    ):
        first, second = TrackerFactory(collectible=item), TrackerFactory(collectible=item)
        want = TrackerFactory(collectible=wanted(vendor))
        TrackerFactory(collectible=sold(vendor))  # sold: history kept, no longer watched
        TrackerFactory()  # another collection's

        with django_capture_on_commit_callbacks(execute=True):
            response = owner_client.post(refresh_url(vendor.pk))

        assert response.status_code == 202, response.json()
        body = response.json()
        assert body == {
            "vendor": vendor.pk,
            "queued": 3,
            "jobs": body["jobs"],
            "skipped": {"paused": 0, "already_queued": 0, "over_limit": 0},
        }
        jobs = ScrapeJob.objects.filter(pk__in=body["jobs"])
        # The job each item's own refresh would make: its page follows it.
        assert sorted((j.collectible_id, j.kind, j.status, j.requested_by_id) for j in jobs) == [
            (item.pk, JobKind.MANUAL, JobStatus.QUEUED, owner.pk),
            (want.collectible_id, JobKind.MANUAL, JobStatus.QUEUED, owner.pk),
        ]
        assert queued_trackers() == sorted([first.pk, second.pk, want.pk])
        assert sorted(published) == sorted(ScrapeRun.objects.values_list("pk", flat=True))

    def test_an_editor_may_refresh(self, editor_client, vendor, item, published):
        TrackerFactory(collectible=item)

        response = editor_client.post(refresh_url(vendor.pk))

        assert response.status_code == 202
        assert response.json()["queued"] == 1

    def test_viewer_is_403_stranger_404_anonymous_401_and_none_uses_up_the_refresh(
        self, owner_client, viewer_client, stranger_client, vendor, item, published
    ):
        TrackerFactory(collectible=item)

        viewer = viewer_client.post(refresh_url(vendor.pk))
        assert viewer.status_code == 403
        assert viewer.json() == {
            "detail": "You have view-only access: you cannot refresh this collection's prices.",
            "code": "permission_denied",
        }
        assert stranger_client.post(refresh_url(vendor.pk)).json()["code"] == "not_found"
        assert stranger_client.post(refresh_url(VendorFactory().pk)).status_code == 404
        assert APIClient().post(refresh_url(vendor.pk)).status_code == 401
        assert not ScrapeJob.objects.exists()

        assert owner_client.post(refresh_url(vendor.pk)).status_code == 202

    def test_paused_trackers_are_counted_not_checked(self, owner_client, vendor, item, published):
        active = TrackerFactory(collectible=item)
        TrackerFactory(collectible=item, is_active=False, paused_reason="6 failures in a row")
        TrackerFactory(collectible=wanted(vendor), is_active=False)

        body = owner_client.post(refresh_url(vendor.pk)).json()

        assert (body["queued"], body["skipped"]["paused"]) == (1, 2)
        assert queued_trackers() == [active.pk]

    def test_a_tracker_already_queued_or_running_is_not_queued_twice(
        self, owner_client, owner, vendor, item, published
    ):
        queued, running = TrackerFactory(collectible=item), TrackerFactory(collectible=item)
        idle = TrackerFactory(collectible=wanted(vendor))
        ScrapeRunFactory(tracker=queued, status=RunStatus.QUEUED)
        ScrapeRunFactory(tracker=running, status=RunStatus.RUNNING)

        body = owner_client.post(refresh_url(vendor.pk)).json()

        assert (body["queued"], body["skipped"]["already_queued"]) == (1, 2)
        assert ScrapeRun.objects.filter(job_id__in=body["jobs"]).get().tracker_id == idle.pk

    def test_a_run_lost_long_ago_no_longer_holds_its_tracker_back(
        self, owner_client, vendor, item, published, settings
    ):
        tracker = TrackerFactory(collectible=item)
        lost = ScrapeJobFactory()
        ScrapeJob.objects.filter(pk=lost.pk).update(
            created_at=timezone.now() - settings.SCRAPER_QUEUED_RUN_MAX_AGE - timedelta(hours=1)
        )
        ScrapeRunFactory(job=lost, tracker=tracker, status=RunStatus.QUEUED)

        assert owner_client.post(refresh_url(vendor.pk)).json()["queued"] == 1

    def test_a_second_refresh_right_after_finds_everything_queued(
        self, owner, vendor, item, published
    ):
        TrackerFactory(collectible=item), TrackerFactory(collectible=wanted(vendor))

        first = services.scrape_jobs_request_vendor_refresh(vendor=vendor, requested_by=owner)
        second = services.scrape_jobs_request_vendor_refresh(vendor=vendor, requested_by=owner)

        assert (first.queued, len(first.jobs)) == (2, 2)
        assert (second.queued, second.jobs, second.already_queued) == (0, [], 2)
        assert ScrapeRun.objects.count() == 2

    def test_the_items_own_refresh_then_returns_the_collections_job(
        self, owner_client, vendor, item, published
    ):
        TrackerFactory(collectible=item)
        job_id = owner_client.post(refresh_url(vendor.pk)).json()["jobs"][0]

        own = owner_client.post(f"/api/v1/collectibles/{item.pk}/refresh-prices")

        assert (own.status_code, own.json()["id"]) == (202, job_id)

    def test_at_most_the_limit_longest_unchecked_first(
        self, owner_client, vendor, item, published, settings
    ):
        settings.VENDOR_REFRESH_MAX_TRACKERS = 2
        now = timezone.now()
        recent = TrackerFactory(collectible=item, last_checked_at=now - timedelta(hours=1))
        never = TrackerFactory(collectible=item, last_checked_at=None)
        old = TrackerFactory(collectible=wanted(vendor), last_checked_at=now - timedelta(days=3))

        body = owner_client.post(refresh_url(vendor.pk)).json()

        assert (body["queued"], body["skipped"]["over_limit"]) == (2, 1)
        assert queued_trackers() == sorted([never.pk, old.pk])
        assert recent.pk not in queued_trackers()

    def test_runs_are_published_one_host_after_the_other(
        self, owner, vendor, published, django_capture_on_commit_callbacks
    ):
        a1 = TrackerFactory(collectible__vendor=vendor, url="https://a.example/1")
        a2 = TrackerFactory(collectible__vendor=vendor, url="https://a.example/2")
        b1 = TrackerFactory(collectible__vendor=vendor, url="https://b.example/1")

        with django_capture_on_commit_callbacks(execute=True):
            services.scrape_jobs_request_vendor_refresh(vendor=vendor, requested_by=owner)

        trackers = dict(ScrapeRun.objects.values_list("pk", "tracker_id"))
        assert [trackers[run_id] for run_id in published] == [a1.pk, b1.pk, a2.pk]

    def test_nothing_to_check_is_a_202_with_zero(self, owner_client, vendor, item, published):
        body = owner_client.post(refresh_url(vendor.pk)).json()

        assert (body["queued"], body["jobs"]) == (0, [])


class TestThrottleAndFaults:
    def test_once_per_interval_per_collection_whoever_asks(
        self, owner_client, editor_client, owner, vendor, item, published, settings
    ):
        settings.VENDOR_REFRESH_INTERVAL = timedelta(minutes=10)
        TrackerFactory(collectible=item)
        assert owner_client.post(refresh_url(vendor.pk)).status_code == 202

        again = editor_client.post(refresh_url(vendor.pk))

        assert again.status_code == 429
        assert again.json() == {
            "detail": "The prices of this collection were refreshed less than 10 minutes "
            "ago; try again in 10 minutes.",
            "code": "throttled",
        }
        assert 590 <= int(again["Retry-After"]) <= 600
        # Another collection of the same user is not held back.
        other = CollectibleFactory(vendor=VendorFactory(), created_by=owner)
        other.vendor.memberships.create(user=owner, role="owner")
        assert owner_client.post(refresh_url(other.vendor_id)).status_code == 202

    def test_allowed_again_once_the_interval_passed(
        self, owner_client, vendor, item, published, monkeypatch, settings
    ):
        TrackerFactory(collectible=item)
        assert owner_client.post(refresh_url(vendor.pk)).status_code == 202
        later = timezone.now().timestamp() + settings.VENDOR_REFRESH_INTERVAL.total_seconds() + 1
        monkeypatch.setattr(VendorRefreshThrottle, "timer", staticmethod(lambda: later))

        response = owner_client.post(refresh_url(vendor.pk))

        assert response.status_code == 202
        assert response.json()["skipped"]["already_queued"] == 1  # still queued: not twice

    def test_broker_down_is_503_creates_nothing_and_keeps_the_refresh(
        self, owner_client, vendor, item, published, monkeypatch
    ):
        TrackerFactory(collectible=item)
        # A dead socket: nothing listens on port 1.
        monkeypatch.setitem(app.conf, "broker_url", "redis://127.0.0.1:1/0")

        response = owner_client.post(refresh_url(vendor.pk))

        assert response.status_code == 503
        assert response.json()["code"] == "queue_unavailable"
        assert not ScrapeJob.objects.exists()
        assert not ScrapeRun.objects.exists()
        monkeypatch.undo()
        assert owner_client.post(refresh_url(vendor.pk)).status_code == 202

    def test_publishing_failing_after_commit_fails_every_job(
        self, owner, vendor, item, monkeypatch, django_capture_on_commit_callbacks
    ):
        TrackerFactory(collectible=item), TrackerFactory(collectible=wanted(vendor))

        def refuse(run_ids, slots=None):
            raise ConnectionError("broker went away")

        monkeypatch.setattr(queue, "publish_runs", refuse)
        with (
            pytest.raises(queue.QueueUnavailableError),
            django_capture_on_commit_callbacks(execute=True),
        ):
            services.scrape_jobs_request_vendor_refresh(vendor=vendor, requested_by=owner)

        # Never a job left "queued" with nothing on its way to a worker.
        assert list(ScrapeJob.objects.values_list("status", flat=True)) == [JobStatus.FAILED] * 2
        assert set(ScrapeRun.objects.values_list("error_kind", flat=True)) == {"queue_unavailable"}
