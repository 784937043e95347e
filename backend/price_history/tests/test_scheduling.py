"""Scheduling at scale: a busy host's run does not hold a worker while another host's run
waits (it is deferred to its booked slot), and a tracker whose run is still queued is not
claimed again however long the backlog (docs/price-engine.md, *Scheduling*).

Real PostgreSQL, the real Redis host limiter and two local page servers on two loopback
addresses (two hosts); only the broker is replaced, by a list of the deferrals sent."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from price_history import queue, services, tasks
from price_history.factories import TrackerFactory
from price_history.models import JobKind, PriceHistory, RunStatus, ScrapeRun

from .conftest import PageServer, Reply, page

pytestmark = pytest.mark.django_db

DELAY = 2.0


@pytest.fixture
def host_b() -> Iterator[PageServer]:
    """A second host: another loopback address (127.0.0.0/8 all answer on Linux)."""
    server = PageServer(address="127.0.0.2")
    server.thread.start()
    server.routes["/shop/charizard"] = Reply(body=page("shop_product.html"))
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


@pytest.fixture
def polite(settings: Any, pages: PageServer, host_b: PageServer) -> Any:
    settings.SCRAPER_ALLOWED_HOSTS = [pages.host, host_b.host]
    settings.SCRAPER_MIN_DELAY_SECONDS = DELAY
    settings.SCRAPER_MAX_RETRIES = 0
    return settings


@pytest.fixture
def deferred(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, float]]:
    """The deferrals `scrape_run` sends to the broker (the broker itself is not touched)."""
    sent: list[dict[str, float]] = []

    def defer(run_id: int, *, not_before: float, countdown: float) -> None:
        sent.append({"run_id": run_id, "not_before": not_before, "countdown": countdown})

    monkeypatch.setattr(queue, "defer_run", defer)
    return sent


def _timed(pages: PageServer, *paths: str) -> list[float]:
    """Serve `paths` (the product page; robots.txt: none), noting when each request came."""
    arrivals: list[float] = []

    def answer(headers: dict[str, str]) -> Reply:
        arrivals.append(time.monotonic())
        return Reply(body=page("shop_product.html"))

    def no_robots(headers: dict[str, str]) -> Reply:
        arrivals.append(time.monotonic())
        return Reply(404, "not found", content_type="text/plain")

    pages.routes["/robots.txt"] = no_robots
    for path in paths:
        pages.routes[path] = answer
    return arrivals


def test_a_busy_hosts_run_does_not_hold_the_worker_while_another_hosts_run_waits(
    polite, pages, host_b, item, deferred
):
    arrivals = _timed(pages, "/shop/a1", "/shop/a2")
    a1, a2 = (TrackerFactory(collectible=item, url=pages.url(f"/shop/a{n}")) for n in (1, 2))
    b1 = TrackerFactory(collectible=item, url=host_b.url("/shop/charizard"))
    job = services.scrape_job_create(kind=JobKind.SCHEDULED, trackers=[a1, a2, b1], publish=False)
    runs = {t.pk: job.runs.get(tracker=t).pk for t in (a1, a2, b1)}

    started = time.monotonic()
    for tracker in (a1, a2, b1):  # as a worker takes them from the queue
        tasks.scrape_run(runs[tracker.pk])
    took = time.monotonic() - started

    # a1 read host A's robots.txt, so A is busy for DELAY: a1 and a2 are deferred to
    # their own slots (not the same one), and the worker went on to b1 at once.
    assert took < 1.0 < DELAY
    by_run = {d["run_id"]: d for d in deferred}
    assert set(by_run) == set(runs.values())  # every first visit read robots.txt first
    assert DELAY - 0.5 < by_run[runs[a1.pk]]["countdown"] <= DELAY + 0.1
    assert 2 * DELAY - 0.5 < by_run[runs[a2.pk]]["countdown"] <= 2 * DELAY + 0.1
    assert DELAY - 0.5 < by_run[runs[b1.pk]]["countdown"] <= DELAY + 0.1
    assert set(ScrapeRun.objects.values_list("status", flat=True)) == {RunStatus.QUEUED}
    assert set(ScrapeRun.objects.values_list("attempts", flat=True)) == {0}

    # Each deferred delivery arrives at its slot and runs, politely.
    deferred_now = sorted(deferred, key=lambda d: d["not_before"])
    deferred.clear()
    for delivery in deferred_now:
        time.sleep(max(0.0, delivery["not_before"] - time.time()))
        tasks.scrape_run(delivery["run_id"], not_before=delivery["not_before"])

    assert deferred == []
    assert set(ScrapeRun.objects.values_list("status", flat=True)) == {RunStatus.SUCCEEDED}
    assert PriceHistory.objects.filter(run__job=job).count() == 3
    assert len(arrivals) == 3  # robots.txt, a1, a2
    gaps = [later - earlier for earlier, later in itertools.pairwise(arrivals)]
    # The limiter spaces the starts of two requests by the delay in Redis' clock (held
    # exactly by scraper/tests/test_redis_limiter.py); a request reaches the page server a
    # little after its start, by however long this machine took to send it.
    assert min(gaps) >= DELAY - 0.1


def test_the_runs_of_one_busy_host_are_spread_over_its_slots(polite, pages, item):
    trackers = [TrackerFactory(collectible=item, url=pages.url(f"/shop/a?{n}")) for n in range(4)]
    job = services.scrape_job_create(kind=JobKind.SCHEDULED, trackers=trackers, publish=False)
    runs = list(job.runs.order_by("id").values_list("pk", flat=True))

    now = time.time()
    starts = [services.scrape_run_defer_until(run_id=pk) for pk in runs]

    assert starts[0] is None  # the host is free: the first runs now
    waits = [start - now for start in starts[1:] if start is not None]
    assert len(waits) == 3
    for n, wait in enumerate(waits, start=1):  # one slot each, not all the same one
        assert n * DELAY - 0.3 < wait < n * DELAY + 0.3


def test_a_delivery_whose_slot_was_taken_waits_for_the_host_keeping_its_place(
    polite, pages, item, deferred
):
    urls = ("/shop/other", "/shop/charizard", "/shop/third")
    trackers = [TrackerFactory(collectible=item, url=pages.url(path)) for path in urls]
    job = services.scrape_job_create(kind=JobKind.SCHEDULED, trackers=trackers, publish=False)
    run, other_run, third_run = (job.runs.get(tracker=t).pk for t in trackers)
    tasks.scrape_run(other_run)  # another run used the host just now (its robots.txt)
    [booked] = deferred  # … and booked the next slot, DELAY on

    now = time.time()
    start = services.scrape_run_defer_until(run_id=run, not_before=now)

    assert start is not None
    assert DELAY - 0.5 < start - now <= DELAY + 0.1  # when the host is free: no booking
    fresh = services.scrape_run_defer_until(run_id=third_run)
    assert fresh is not None
    assert fresh - booked["not_before"] > DELAY - 0.1  # the bookings' line is unchanged
    # A run that is not queued (running: a task retry; finished) is never deferred.
    ScrapeRun.objects.filter(pk=run).update(status=RunStatus.RUNNING)
    assert services.scrape_run_defer_until(run_id=run) is None


def test_deferral_can_be_turned_off(polite, pages, item):
    polite.SCRAPER_DEFER_BUSY_HOSTS = False
    trackers = [TrackerFactory(collectible=item, url=pages.url(f"/shop/a?{n}")) for n in (1, 2)]
    job = services.scrape_job_create(kind=JobKind.SCHEDULED, trackers=trackers, publish=False)

    assert [services.scrape_run_defer_until(run_id=r.pk) for r in job.runs.all()] == [None, None]


def test_a_tracker_whose_run_is_still_queued_is_not_claimed_again(settings, item, published):
    now = timezone.now()
    tracker = TrackerFactory(collectible=item, next_run_at=now - timedelta(minutes=1))
    first = services.scrape_job_create_due(now=now, publish=False)
    assert first is not None
    [run] = first.runs.all()

    # The claim lease lapses while the run waits in a long backlog: not claimed twice.
    later = now + settings.SCRAPER_CLAIM_LEASE + timedelta(minutes=5)
    assert services.scrape_job_create_due(now=later, publish=False) is None
    # The lease sweeper leaves a queued run alone (only running runs hold a lease).
    assert services.scrape_run_requeue_stuck(now=later) == ([], [])
    assert ScrapeRun.objects.get(pk=run.pk).status == RunStatus.QUEUED

    # Once the run has finished, the tracker is claimed again when it is due.
    ScrapeRun.objects.filter(pk=run.pk).update(status=RunStatus.SUCCEEDED, finished_at=later)
    again = services.scrape_job_create_due(now=later, publish=False)
    assert again is not None
    assert list(again.runs.values_list("tracker", flat=True)) == [tracker.pk]


def test_a_run_queued_longer_than_the_max_age_lost_its_task(settings, item):
    now = timezone.now()
    TrackerFactory(collectible=item, next_run_at=now - timedelta(minutes=1))
    assert services.scrape_job_create_due(now=now, publish=False) is not None

    much_later = now + settings.SCRAPER_QUEUED_RUN_MAX_AGE + timedelta(minutes=1)

    assert services.scrape_job_create_due(now=much_later, publish=False) is not None


def test_runs_are_published_for_their_booked_slots_one_host_after_the_other(
    polite, pages, host_b, item, monkeypatch, django_capture_on_commit_callbacks
):
    sent: list[tuple[list[int], dict[int, float]]] = []
    monkeypatch.setattr(
        queue, "publish_runs", lambda run_ids, slots=None: sent.append((list(run_ids), slots or {}))
    )
    due = timezone.now() - timedelta(minutes=1)
    on_a = [
        TrackerFactory(collectible=item, url=pages.url(f"/a{n}"), next_run_at=due)
        for n in (1, 2, 3)
    ]
    on_b = [
        TrackerFactory(collectible=item, url=host_b.url(f"/b{n}"), next_run_at=due) for n in (1, 2)
    ]

    now = time.time()
    with django_capture_on_commit_callbacks(execute=True):
        job = services.scrape_job_create_due()
    assert job is not None

    [(run_ids, slots)] = sent
    trackers = dict(job.runs.values_list("pk", "tracker_id"))
    order = [trackers[pk] for pk in run_ids]
    a, b = on_a, on_b
    assert order == [a[0].pk, b[0].pk, a[1].pk, b[1].pk, a[2].pk]  # hosts in turn
    by_tracker = {trackers[pk]: slot - now for pk, slot in slots.items()}
    assert a[0].pk not in by_tracker  # its host is free: sent now
    # The second host's first slot half a delay on (two hosts: spread over one delay)
    assert by_tracker[b[0].pk] == pytest.approx(DELAY / 2, abs=0.3)
    assert by_tracker[a[1].pk] == pytest.approx(DELAY, abs=0.3)
    assert by_tracker[a[2].pk] == pytest.approx(2 * DELAY, abs=0.3)
    assert by_tracker[b[1].pk] == pytest.approx(DELAY / 2 + DELAY, abs=0.3)
