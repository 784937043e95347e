"""A real Redis and real Celery worker processes against the test database.

Run with `pytest -m integration`; skipped when Redis does not answer.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import redis
from conftest import client_for
from django.conf import settings
from django.utils import timezone

from inventory.factories import CollectibleFactory
from price_history import gateway, services
from price_history.factories import TrackerFactory
from price_history.models import PriceHistory, RunStatus, ScrapeJob, ScrapeRun
from price_history.tasks import scrape_run
from price_history.tests.conftest import Reply, page
from price_history.tests.workers import Worker, broker_or_skip, wait_for
from users.factories import UserFactory
from vendors.selectors import personal_vendor_for_user

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def broker() -> redis.Redis:
    return broker_or_skip()


@pytest.fixture
def worker(transactional_db: None, broker: redis.Redis, pages, tmp_path: Path) -> Iterator[Path]:
    process = Worker(tmp_path / "worker.log", allowed_hosts=pages.host)
    try:
        yield process.log
    finally:
        process.stop()


def test_a_refresh_is_scraped_by_a_real_worker_and_redelivery_adds_nothing(worker, pages):
    owner = UserFactory()
    item = CollectibleFactory(vendor=personal_vendor_for_user(user=owner), name="Maniac Mansion")
    TrackerFactory(collectible=item, source="pricecharting", url=pages.url("/pc/maniac-mansion"))

    response = client_for(owner).post(f"/api/v1/collectibles/{item.pk}/refresh-prices")

    assert response.status_code == 202, response.json()
    job_id = response.json()["id"]
    wait_for(lambda: ScrapeJob.objects.get(pk=job_id).is_finished, 60, "the job", worker)
    job = ScrapeJob.objects.get(pk=job_id)
    assert (job.status, job.observations_recorded) == ("succeeded", 4)
    assert PriceHistory.objects.filter(collectible=item).count() == 4

    # The same delivery twice more, then a sentinel job behind them on the same queue.
    run_id = ScrapeRun.objects.get(job_id=job_id).pk
    scrape_run.apply_async(args=(run_id,))
    scrape_run.apply_async(args=(run_id,))
    sentinel = TrackerFactory(collectible=item, url=pages.url("/shop/charizard"))
    response = client_for(owner).post(f"/api/v1/collectibles/{item.pk}/refresh-prices")
    sentinel_job = response.json()["id"]
    wait_for(lambda: ScrapeJob.objects.get(pk=sentinel_job).is_finished, 60, "the sentinel", worker)

    # The duplicates found the run finished: no fetch, no rows, no second attempt.
    assert PriceHistory.objects.filter(run_id=run_id).count() == 4
    assert ScrapeRun.objects.get(pk=run_id).attempts == 1
    assert pages.count("/pc/maniac-mansion") == 2  # the first job and the sentinel job only
    assert PriceHistory.objects.filter(tracker=sentinel).count() == 1


def test_a_worker_killed_mid_fetch_frees_the_host_within_the_lease_and_its_run_is_requeued(
    transactional_db, broker, pages, tmp_path
):
    """`kill -9` of the whole worker while it fetches: the host lock lapses within the
    lease (not minutes), the run is found by its lapsed lease and queued again, and a
    second worker finishes it with no row twice."""
    owner = UserFactory()
    item = CollectibleFactory(vendor=personal_vendor_for_user(user=owner), name="Charizard")
    release = threading.Event()

    def hang(headers: dict[str, str]) -> Reply:
        release.wait(30)  # a site that never answers, until the test lets it go
        return Reply(body=page("shop_product.html"))

    pages.routes["/shop/slow"] = hang
    TrackerFactory(collectible=item, url=pages.url("/shop/slow"))
    lock_key = f"{settings.CACHES['default']['KEY_PREFIX']}:scraper:host:lock:127.0.0.1"
    first = Worker(tmp_path / "first.log", allowed_hosts=pages.host)
    try:
        response = client_for(owner).post(f"/api/v1/collectibles/{item.pk}/refresh-prices")
        run = ScrapeRun.objects.get(job_id=response.json()["id"])
        wait_for(lambda: pages.count("/shop/slow") == 1, 30, "the fetch to start", first.log)
        assert broker.exists(lock_key)
        first.kill()
    finally:
        first.stop()
        release.set()

    run.refresh_from_db()
    assert run.status == RunStatus.RUNNING  # nobody left to say otherwise
    assert run.lease_expires_at is not None
    assert 0 < broker.pttl(lock_key) <= gateway.LIMITER_LEASE * 1000
    wait_for(lambda: not broker.exists(lock_key), gateway.LIMITER_LEASE + 2, "the lock", first.log)

    pages.routes["/shop/slow"] = Reply(body=page("shop_product.html"))
    assert services.scrape_run_requeue_stuck(now=timezone.now()) == ([], [])  # lease holds
    later = run.lease_expires_at + timedelta(seconds=1)
    assert services.scrape_run_requeue_stuck(now=later) == ([run.pk], [])
    second = Worker(tmp_path / "second.log", allowed_hosts=pages.host)
    try:
        wait_for(
            lambda: ScrapeJob.objects.get(pk=run.job_id).is_finished, 60, "the job", second.log
        )
        # The killed delivery comes back after the visibility timeout: it finds the run done.
        scrape_run.apply_async(args=(run.pk,))
        sentinel = TrackerFactory(collectible=item, url=pages.url("/shop/charizard"))
        job = client_for(owner).post(f"/api/v1/collectibles/{item.pk}/refresh-prices").json()
        wait_for(
            lambda: ScrapeJob.objects.get(pk=job["id"]).is_finished, 60, "sentinel", second.log
        )
    finally:
        second.stop()

    run.refresh_from_db()
    assert (run.status, run.attempts, run.lease_expires_at) == (RunStatus.SUCCEEDED, 2, None)
    assert PriceHistory.objects.filter(run=run).count() == 1
    assert PriceHistory.objects.filter(tracker=sentinel).count() == 1
    # The killed attempt, the re-queued one and the sentinel job's: nothing else.
    assert pages.count("/shop/slow") == 3
