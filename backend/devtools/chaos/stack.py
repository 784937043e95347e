"""The app's processes for a chaos run: gunicorn (production settings) and Celery, on the
run's own stores, each in its own process group so it can be killed as a whole."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
from cryptography.fernet import Fernet
from django.conf import settings

from devtools.processes import free_port, gunicorn_argv


def stack_env(*, database_url: str, redis_url: str, allowed_hosts: str) -> dict[str, str]:
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),  # production refuses none
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": "omni-chaos",
        "SCRAPER_ALLOWED_HOSTS": allowed_hosts,
        "VALUATION_FETCH_RATES_ON_START": "false",  # loopback only: no ECB download
        "PYTHONWARNINGS": "ignore:No directory at",
    }


class Process:
    def __init__(self, name: str, command: list[str], env: dict[str, str], log: Path) -> None:
        self.name, self.command, self.env, self.log = name, command, env, log
        self.popen: subprocess.Popen | None = None

    def start(self) -> None:
        handle = self.log.open("ab")
        self.popen = subprocess.Popen(  # noqa: S603 - our own interpreter and modules
            self.command,
            env=self.env,
            cwd=str(settings.BACKEND_DIR),
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill(self) -> None:
        """SIGKILL the whole process group: the main process and every pool child."""
        if self.popen is not None and self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait()

    def stop(self) -> None:
        if self.popen is not None and self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def manage(env: dict[str, str], *arguments: str) -> None:
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *arguments],
        env=env,
        cwd=str(settings.BACKEND_DIR),
        check=True,
        capture_output=True,
    )


def web(env: dict[str, str], log: Path) -> tuple[Process, str]:
    port = free_port()
    command = gunicorn_argv(bind=f"127.0.0.1:{port}")
    return Process("web", command, env, log), f"http://127.0.0.1:{port}"


def worker(env: dict[str, str], log: Path, queues: str, name: str) -> Process:
    command = [
        sys.executable, "-m", "celery", "-A", "omni_stock", "worker", "-Q", queues,
        "--concurrency", "2", "--loglevel", "INFO", "-n", f"{name}@%h",
        "--without-gossip", "--without-mingle",
    ]  # fmt: skip
    return Process(name, command, env, log)


def wait_until_healthy(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer /healthz within {seconds:.0f} s.")


def celery_beat_argv() -> list[str]:
    return [sys.executable, "-m", "celery", "-A", "omni_stock", "beat", "--loglevel", "INFO"]
