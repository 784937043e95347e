"""The web process, started as in production, names no server software."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

CONFIG = Path(settings.BACKEND_DIR) / "omni_stock" / "gunicorn_conf.py"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def gunicorn_url():
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "omni_stock.wsgi:application",
            "--chdir", str(settings.BACKEND_DIR), "--config", str(CONFIG),
            "--bind", f"127.0.0.1:{port}", "--workers", "1", "--log-level", "warning",
        ],
        cwd=settings.PROJECT_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "omni_stock.settings"},
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{url}/healthz", timeout=1)  # noqa: S310 - http on loopback
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_responses_carry_no_gunicorn_banner(gunicorn_url):
    with urllib.request.urlopen(f"{gunicorn_url}/healthz", timeout=5) as response:  # noqa: S310
        server = response.headers.get("Server", "")

    assert "gunicorn" not in server.lower()
    assert server == "omni-stock"
