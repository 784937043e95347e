import pytest
from celery import current_app as app
from rest_framework.test import APIClient

from price_history import services
from price_history.factories import TrackerFactory
from price_history.models import JobKind, JobStatus, ScrapeJob, ScrapeRun
from price_history.services import runs as runs_service

pytestmark = pytest.mark.django_db


def refresh_url(item_id: int) -> str:
    return f"/api/v1/collectibles/{item_id}/refresh-prices"


def job_url(job_id: int) -> str:
    return f"/api/v1/scrape-jobs/{job_id}/"


class TestRefresh:
    def test_queues_a_job_and_answers_202(
        self, owner_client, item, published, django_capture_on_commit_callbacks
    ):
        tracker = TrackerFactory(collectible=item)

        with django_capture_on_commit_callbacks(execute=True):
            response = owner_client.post(refresh_url(item.pk))

        assert response.status_code == 202, response.json()
        body = response.json()
        assert (body["kind"], body["status"], body["is_finished"]) == ("manual", "queued", False)
        assert body["collectible"] == item.pk
        assert body["trackers_total"] == 1
        assert [(run["tracker"], run["status"]) for run in body["runs"]] == [(tracker.pk, "queued")]
        assert published == [body["runs"][0]["id"]]

    def test_the_same_refresh_is_returned_while_pending(self, editor_client, item, published):
        TrackerFactory(collectible=item)

        first = editor_client.post(refresh_url(item.pk)).json()
        second = editor_client.post(refresh_url(item.pk)).json()

        assert first["id"] == second["id"]

    def test_no_active_tracker_is_a_400(self, owner_client, item):
        TrackerFactory(collectible=item, is_active=False)

        response = owner_client.post(refresh_url(item.pk))

        assert response.status_code == 400
        assert "no active tracker" in response.json()["detail"]

    def test_broker_down_is_503_and_creates_nothing(self, owner_client, item, monkeypatch):
        TrackerFactory(collectible=item)
        # A dead socket: nothing listens on port 1.
        monkeypatch.setitem(app.conf, "broker_url", "redis://127.0.0.1:1/0")

        response = owner_client.post(refresh_url(item.pk))

        assert response.status_code == 503
        assert response.json() == {
            "detail": "The task queue is unavailable; nothing was changed. Try again in a minute.",
            "code": "queue_unavailable",
        }
        assert not ScrapeJob.objects.exists()
        assert not ScrapeRun.objects.exists()

    def test_viewer_stranger_and_anonymous(self, viewer_client, stranger_client, item):
        TrackerFactory(collectible=item)

        assert viewer_client.post(refresh_url(item.pk)).status_code == 403
        assert stranger_client.post(refresh_url(item.pk)).status_code == 404
        assert APIClient().post(refresh_url(item.pk)).status_code == 401
        assert not ScrapeJob.objects.exists()


class TestJobs:
    def test_members_follow_a_job_with_each_trackers_outcome(self, viewer_client, item, owner):
        ok, bad = TrackerFactory(collectible=item), TrackerFactory(collectible=item)
        job = services.scrape_job_create(
            kind=JobKind.MANUAL, trackers=[ok, bad], collectible=item, requested_by=owner,
            publish=False,
        )  # fmt: skip
        runs = {run.tracker_id: run for run in job.runs.all()}
        runs_service._run_finish(run_id=runs[bad.pk].pk, kind="timeout", message="Too slow.")

        body = viewer_client.get(job_url(job.pk)).json()

        assert (body["status"], body["trackers_failed"], body["is_finished"]) == (
            "running",
            1,
            False,
        )
        outcome = {run["tracker"]: run for run in body["runs"]}
        assert outcome[bad.pk]["status"] == "failed"
        assert (outcome[bad.pk]["error_kind"], outcome[bad.pk]["error_message"]) == (
            "timeout",
            "Too slow.",
        )
        assert outcome[ok.pk]["status"] == "queued"
        assert outcome[ok.pk]["url"] == ok.url

    def test_list_is_scoped_and_filterable(self, owner_client, item, owner):
        tracker = TrackerFactory(collectible=item)
        mine = services.scrape_job_create(
            kind=JobKind.MANUAL, trackers=[tracker], collectible=item, publish=False
        )
        other = TrackerFactory()
        services.scrape_job_create(
            kind=JobKind.MANUAL, trackers=[other], collectible=other.collectible, publish=False
        )
        services.scrape_job_create(kind=JobKind.SCHEDULED, trackers=[tracker], publish=False)

        everything = owner_client.get("/api/v1/scrape-jobs/").json()
        by_item = owner_client.get("/api/v1/scrape-jobs/", {"collectible": item.pk}).json()
        failed = owner_client.get("/api/v1/scrape-jobs/", {"status": "failed"}).json()

        assert [job["id"] for job in everything["results"]] == [mine.pk]
        assert [job["id"] for job in by_item["results"]] == [mine.pk]
        assert failed["results"] == []

    def test_unknown_filters_are_refused(self, owner_client, db):
        response = owner_client.get("/api/v1/scrape-jobs/", {"state": "x"})

        assert response.status_code == 400
        assert "state" in response.json()["fields"]

    def test_other_vendors_and_scheduled_jobs_are_not_found(self, stranger_client, item):
        tracker = TrackerFactory(collectible=item)
        manual = services.scrape_job_create(
            kind=JobKind.MANUAL, trackers=[tracker], collectible=item, publish=False
        )

        assert stranger_client.get(job_url(manual.pk)).status_code == 404
        assert APIClient().get(job_url(manual.pk)).status_code == 401

    def test_a_job_without_trackers_is_finished_at_once(self, db):
        job = services.scrape_job_create(kind=JobKind.MANUAL, trackers=[], publish=False)

        assert (job.status, job.is_finished) == (JobStatus.SUCCEEDED, True)
