"""A real Redis and a real Celery worker process against the test database.

Run with `pytest -m integration`; skipped when Redis does not answer.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from conftest import client_for
from django.conf import settings
from django.db import connection

from inventory.factories import CollectibleFactory
from price_history.factories import TrackerFactory
from price_history.models import PriceHistory, ScrapeJob, ScrapeRun
from price_history.tasks import scrape_run
from users.factories import UserFactory
from vendors.selectors import personal_vendor_for_user

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def wait_for(check: Callable[[], bool], timeout: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    pytest.fail(f"Timed out waiting for {what}. Worker log:\n{log.read_text()[-4000:]}")


def database_url_for_tests() -> str:
    db = connection.settings_dict
    auth = quote(db["USER"], safe="")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"], safe="")
    host = quote(db["HOST"], safe="") if db["HOST"].startswith("/") else db["HOST"]
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{auth}@{host}{port}/{db['NAME']}"


@pytest.fixture
def broker() -> redis.Redis:
    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis at REDIS_URL")
    client.delete("scrape", "celery", "unacked", "unacked_index")  # stale tasks of old runs
    return client


@pytest.fixture
def worker(transactional_db: None, broker: redis.Redis, pages, tmp_path: Path) -> Iterator[Path]:
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": database_url_for_tests(),
        "DATABASE_CONN_MAX_AGE": "0",
        "REDIS_URL": settings.REDIS_URL,
        "CACHE_KEY_PREFIX": settings.CACHES["default"]["KEY_PREFIX"],
        "SCRAPER_ALLOWED_HOSTS": pages.host,
        "SCRAPER_MIN_DELAY_SECONDS": "0",
        "SCRAPER_MAX_RETRIES": "0",
    }
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "omni_stock",
                "worker",
                "-Q",
                "scrape,celery",
                "--pool=solo",
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-n",
                f"integration-{uuid.uuid4().hex[:8]}@%h",
            ],
            cwd=settings.BACKEND_DIR,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for(lambda: "ready." in log.read_text(), 60, "the worker to start", log)
        yield log
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


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
