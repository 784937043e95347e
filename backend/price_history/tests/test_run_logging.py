"""A real worker's log lines: JSON, each line of a run with the request id of the web
request that queued it, the task, and the run, tracker and host.

Run with `pytest -m integration`; skipped when Redis does not answer.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import client_for

from inventory.factories import CollectibleFactory
from price_history.factories import TrackerFactory
from price_history.models import ScrapeJob, ScrapeRun
from price_history.tasks import scrape_run
from price_history.tests.workers import Worker, broker_or_skip, wait_for
from users.factories import UserFactory
from vendors.selectors import personal_vendor_for_user

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def json_lines(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]


def test_a_runs_lines_carry_the_web_requests_id_and_the_runs_ids(transactional_db, pages, tmp_path):
    broker_or_skip()
    owner = UserFactory()
    item = CollectibleFactory(vendor=personal_vendor_for_user(user=owner), name="Maniac Mansion")
    tracker = TrackerFactory(
        collectible=item, source="pricecharting", url=pages.url("/pc/maniac-mansion")
    )
    worker = Worker(tmp_path / "worker.log", allowed_hosts=pages.host, LOG_FORMAT="json")
    try:
        response = client_for(owner).post(
            f"/api/v1/collectibles/{item.pk}/refresh-prices", HTTP_X_REQUEST_ID="trace-7"
        )
        assert response.status_code == 202, response.json()
        assert response["X-Request-ID"] == "trace-7"
        job_id = response.json()["id"]
        wait_for(lambda: ScrapeJob.objects.get(pk=job_id).is_finished, 60, "the job", worker.log)
        run = ScrapeRun.objects.get(job_id=job_id)

        # Sent with no request bound (as beat sends): a fresh id of its own.
        scrape_run.apply_async(args=(run.pk,))
        wait_for(
            lambda: (
                sum("already finished" in line.get("event", "") for line in json_lines(worker.log))
                == 1
            ),
            60,
            "the second delivery",
            worker.log,
        )
    finally:
        worker.stop()

    lines = json_lines(worker.log)
    assert any(line["event"].endswith("ready.") for line in lines)  # Celery's own, as JSON
    outcome = next(line for line in lines if line["event"] == f"Scrape run {run.pk} succeeded")
    assert outcome["request_id"] == "trace-7"
    assert outcome["task_name"] == "price_history.tasks.scrape_run"
    assert outcome["task_id"]
    assert (outcome["run_id"], outcome["tracker_id"]) == (run.pk, tracker.pk)
    assert outcome["host"] == "127.0.0.1"
    assert outcome["observations"] == 4
    again = next(line for line in lines if "already finished" in line["event"])
    assert again["run_id"] == run.pk
    assert len(again["request_id"]) == 32
    assert again["request_id"] != "trace-7"
    assert again["task_id"] != outcome["task_id"]
