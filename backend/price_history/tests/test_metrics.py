"""GET /metrics counts the price engine's work from the database: exact whichever worker
did it. Runs here are real runs against the local page server."""

import json
import logging
from datetime import timedelta
from io import StringIO

import pytest
import structlog
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from core import logging as core_logging
from price_history import services
from price_history.factories import PriceHistoryFactory, ScrapeRunFactory, TrackerFactory
from price_history.models import JobKind, RunStatus, ScrapeRun, Tracker
from price_history.tests.conftest import Reply

pytestmark = pytest.mark.django_db

TOKEN = "m" * 40


def run_once(tracker: Tracker) -> ScrapeRun:
    job = services.scrape_job_create(kind=JobKind.MANUAL, trackers=[tracker], publish=False)
    run = job.runs.get()
    services.scrape_run_execute(run_id=run.pk)
    run.refresh_from_db()
    return run


def metrics(client) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


@pytest.fixture
def protected(settings):
    settings.METRICS_TOKEN = TOKEN
    settings.METRICS_WINDOW_MINUTES = 60


def test_runs_by_source_and_outcome_observations_durations_and_paused_trackers(
    client, protected, scraper_settings, pages, item, django_assert_max_num_queries
):
    pages.routes["/shop/gone"] = Reply(404, "gone")
    ok = TrackerFactory(collectible=item, url=pages.url("/shop/charizard"))
    broken = TrackerFactory(collectible=item, url=pages.url("/shop/gone"))
    assert run_once(ok).status == RunStatus.SUCCEEDED
    assert run_once(ok).status == RunStatus.SUCCEEDED
    assert run_once(broken).status == RunStatus.FAILED
    TrackerFactory(collectible=item, is_active=False)
    # Finished before the window: not counted.
    old = timezone.now() - timedelta(hours=3)
    ScrapeRunFactory(tracker=ok, status=RunStatus.SUCCEEDED, started_at=old, finished_at=old)
    PriceHistoryFactory.create_batch(2, collectible=item)

    with django_assert_max_num_queries(3):  # the session read, the three statements in one
        found = metrics(client)

    def value(name, **labels):
        return found.get((name, tuple(sorted(labels.items()))))

    assert value("omni_scrape_runs_recent", source="structured", outcome="succeeded") == 2
    assert value("omni_scrape_runs_recent", source="structured", outcome="failed") == 1
    assert value("omni_price_observations_recent", source="structured") == 2
    count = value(
        "omni_scrape_run_duration_seconds_count", source="structured", outcome="succeeded"
    )
    assert count == 2
    longest = value(
        "omni_scrape_run_duration_seconds", source="structured", outcome="succeeded", quantile="1"
    )
    assert 0 < longest < 30
    assert value("omni_trackers", state="active") == 2
    assert value("omni_trackers", state="paused") == 1
    assert value("omni_trackers_failing") == 1
    assert value("omni_price_observations_estimated") >= 0


def test_an_empty_database_gives_zeroes_not_errors(client, protected):
    found = metrics(client)

    assert found[("omni_trackers", (("state", "paused"),))] == 0
    assert not [key for key in found if key[0] == "omni_scrape_runs_recent"]


def test_every_line_of_a_run_carries_its_run_tracker_and_host(scraper_settings, pages, item):
    stream = StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(core_logging.formatter("json"))
    logger = logging.getLogger("price_history")
    logger.addHandler(handler)
    structlog.contextvars.bind_contextvars(request_id="req-42")
    try:
        run = run_once(TrackerFactory(collectible=item, url=pages.url("/shop/charizard")))
        context_after = structlog.contextvars.get_contextvars()
    finally:
        logger.removeHandler(handler)
        structlog.contextvars.clear_contextvars()

    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    outcome = next(line for line in lines if line["event"] == f"Scrape run {run.pk} succeeded")
    assert outcome["run_id"] == run.pk
    assert outcome["tracker_id"] == run.tracker_id
    assert outcome["host"] == "127.0.0.1"  # the host the limiter keys by, no port
    assert outcome["request_id"] == "req-42"
    assert (outcome["observations"], outcome["source"]) == (1, "structured")
    # The run's keys go when it is done; the caller's stay.
    assert context_after == {"request_id": "req-42"}
