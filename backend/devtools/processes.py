"""How devtools start the app's processes on this machine: gunicorn with the project's
config (no server banner), as production does (docker-compose.yml, docs/operations.md),
on a free loopback port."""

from __future__ import annotations

import socket
import sys

from django.conf import settings


def gunicorn_argv(*, bind: str, workers: int = 2, threads: int = 4) -> list[str]:
    """No `--access-logfile`: the app logs each request itself, with its request id
    (core.metrics)."""
    return [
        sys.executable, "-m", "gunicorn", "omni_stock.wsgi:application",
        "--config", str(settings.BACKEND_DIR / "omni_stock" / "gunicorn_conf.py"),
        "--chdir", str(settings.BACKEND_DIR), "--bind", bind,
        "--workers", str(workers), "--threads", str(threads), "--log-level", "warning",
    ]  # fmt: skip


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
