"""Real Celery worker processes for the integration tests, against the test database and
the real Redis at REDIS_URL (here at the bottom of the stack, so that any app's tests can
start one)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from django.conf import settings
from django.db import connection

#: The queues a worker consumes (run_stack and docker-compose use the same list).
QUEUES = "scrape,celery,interactive"
#: Stale messages of earlier runs, dropped before a worker starts.
BROKER_KEYS = ("scrape", "celery", "interactive", "unacked", "unacked_index")


def wait_for(check: Callable[[], bool], timeout: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    pytest.fail(f"Timed out waiting for {what}. Worker log:\n{log.read_text()[-4000:]}")


def database_url_for_tests() -> str:
    db = connection.settings_dict
    auth = quote(db["USER"], safe="")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"], safe="")
    host = quote(db["HOST"], safe="") if db["HOST"].startswith("/") else db["HOST"]
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{auth}@{host}{port}/{db['NAME']}"


def broker_or_skip() -> redis.Redis:
    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis at REDIS_URL")
    client.delete(*BROKER_KEYS)
    return client


class Worker:
    """`celery -A omni_stock worker -Q <queues> --pool=solo`, its log in `log`."""

    def __init__(self, log: Path, *, allowed_hosts: str, queues: str = QUEUES, **env: str):
        self.log = log
        environment = {
            **os.environ,
            "DEBUG": "true",
            "DATABASE_URL": database_url_for_tests(),
            "DATABASE_CONN_MAX_AGE": "0",
            "REDIS_URL": settings.REDIS_URL,
            "CACHE_KEY_PREFIX": settings.CACHES["default"]["KEY_PREFIX"],
            "SCRAPER_ALLOWED_HOSTS": allowed_hosts,
            "SCRAPER_MIN_DELAY_SECONDS": "0",
            "SCRAPER_MAX_RETRIES": "0",
            "VALUATION_FETCH_RATES_ON_START": "false",  # no ECB download in tests
            **env,
        }
        with log.open("a") as out:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "omni_stock",
                    "worker",
                    "-Q",
                    queues,
                    "--pool=solo",
                    "--loglevel=INFO",
                    "--without-gossip",
                    "--without-mingle",
                    "--without-heartbeat",
                    "-n",
                    f"integration-{uuid.uuid4().hex[:8]}@%h",
                ],
                cwd=settings.BACKEND_DIR,
                env=environment,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        wait_for(lambda: "ready." in log.read_text(), 60, "the worker to start", log)

    def kill(self) -> None:
        """`kill -9`: no warm shutdown, nothing acknowledged or released."""
        self.process.kill()
        self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.kill()
