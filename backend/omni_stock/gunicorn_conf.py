"""Gunicorn settings of the web process (`make run` and docker-compose's `web`).

Pass its path: `--config backend/omni_stock/gunicorn_conf.py` from the project root (a path
is read relative to the directory gunicorn starts in, before `--chdir` applies).

Gunicorn writes `Server: gunicorn` on every response and has no setting to change or drop
it (benoitc/gunicorn#825). The name is read at response time from the module-level SERVER
of `gunicorn.http.wsgi`, which imported it from `gunicorn` before any config was loaded,
so that is where it is replaced (HTTP/1.1 and HTTP/2 responses alike). A banner names the
software to look vulnerabilities up for; this one names nothing.
"""

import gunicorn
import gunicorn.http.wsgi

SERVER_HEADER = "omni-stock"

gunicorn.SERVER = SERVER_HEADER
gunicorn.http.wsgi.SERVER = SERVER_HEADER

# --- Logs and metrics (docs/operations.md, "Logs, errors and metrics") -------------------
# The master's own lines (booting, worker timeouts) in the app's log format; `backend` is
# put on the path here because `--chdir` applies only after this file is read.

import os  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

_BACKEND = str(Path(__file__).resolve().parents[1])
if _BACKEND not in sys.path:
    sys.path.insert(0, _BACKEND)

from core import logging as core_logging  # noqa: E402

_TRUE = {"1", "true", "yes", "y", "on", "ok"}
_LOG_FORMAT, _LOG_LEVEL = core_logging.read_settings(
    log_format=os.environ.get("LOG_FORMAT", ""),
    level=os.environ.get("LOG_LEVEL", "INFO"),
    debug=os.environ.get("DEBUG", "").strip().lower() in _TRUE,
)
logconfig_dict = core_logging.logging_config(log_format=_LOG_FORMAT, level=_LOG_LEVEL)

# HTTP metrics of every worker process add up (core.metrics): each writes its samples to
# this directory, set before any worker imports prometheus_client. An operator's own
# directory is emptied at start-up, so counters start from zero with the master.
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
_OWN_DIR = None if os.environ.get(MULTIPROC_ENV) else tempfile.mkdtemp(prefix="omni-metrics-")
if _OWN_DIR:
    os.environ[MULTIPROC_ENV] = _OWN_DIR


def on_starting(server: object) -> None:
    for stale in Path(os.environ[MULTIPROC_ENV]).glob("*.db"):
        stale.unlink(missing_ok=True)


def child_exit(server: object, worker: object) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)  # type: ignore[attr-defined]


def on_exit(server: object) -> None:
    if _OWN_DIR:
        shutil.rmtree(_OWN_DIR, ignore_errors=True)
