"""Under gunicorn with several worker processes, /metrics adds up every process's counts."""

import os
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from prometheus_client.parser import text_string_to_metric_families

from core.tests.workers import database_url_for_tests
from omni_stock.tests.test_gunicorn_conf import CONFIG, free_port

TOKEN = "t" * 40
REQUESTS = 24


def get(url: str, token: str | None = None) -> bytes:
    request = urllib.request.Request(url)  # noqa: S310 - http on loopback
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return response.read()


@pytest.mark.django_db(transaction=True)
def test_request_counts_of_two_worker_processes_add_up(tmp_path: Path):
    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    (metrics_dir / "counter_999999.db").write_bytes(b"left by an earlier start")
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "omni_stock.wsgi:application",
            "--chdir", str(settings.BACKEND_DIR), "--config", str(CONFIG),
            "--bind", f"127.0.0.1:{port}", "--workers", "2", "--log-level", "warning",
        ],
        cwd=settings.PROJECT_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "omni_stock.settings",
            "DATABASE_URL": database_url_for_tests(),
            "DATABASE_CONN_MAX_AGE": "0",
            "METRICS_TOKEN": TOKEN,
            "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
        },
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get(f"{url}/healthz")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        with ThreadPoolExecutor(max_workers=6) as pool:
            list(pool.map(lambda _: get(f"{url}/readyz"), range(REQUESTS)))
        text = get(f"{url}/metrics", TOKEN).decode()
    finally:
        server.terminate()
        server.wait(timeout=20)

    counts = {
        sample.labels.get("route"): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "omni_http_request_duration_seconds_count"
    }
    assert counts["readyz"] == REQUESTS
    assert not (metrics_dir / "counter_999999.db").exists()
    assert "omni_trackers" in text  # the database-computed families are there too
