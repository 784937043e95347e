"""`make load`: many concurrent clients on loopback for a while, mixed reads and writes.

Starts gunicorn with the production settings (DEBUG off) on a free loopback port against
this machine's database and Redis (the embedded ones when DATABASE_URL / REDIS_URL are
unset), as `make run` does, unless `--url` names a server already running on loopback.
A load collector (`load@load.invalid`, its collection of `--items` items, reused by later
runs) logs in once; each client thread then sends a weighted mix of the requests the SPA
makes until `--seconds` have passed. Prints requests per second, p50/p95/p99 and errors
per kind of request; exits non-zero when any request failed.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import os
import secrets
import statistics
import subprocess
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx
from cryptography.fernet import Fernet
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from devtools.management.commands.run_stack import database_url
from devtools.processes import free_port, gunicorn_argv

LOAD_EMAIL = "load@load.invalid"
LOAD_PASSWORD = "load-test-password-2026"  # noqa: S105 - a local, throwaway account
#: (kind, weight): what a collector's browser asks for, in rough proportions.
MIX = (
    ("list", 40),
    ("detail", 15),
    ("dashboard", 10),
    ("search", 10),
    ("prices", 10),
    ("edit item", 10),
    ("add price", 5),
)


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, ok: bool) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            if not ok:
                self.errors[kind] += 1


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _require_loopback(url: str) -> None:
    host = urlsplit(url).hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise CommandError(f"--url must be on loopback (127.0.0.0/8), not {host!r}.")


def ensure_load_collection(items: int) -> list[int]:
    """The load collector and at least `items` items in their collection (their ids)."""
    from inventory.models import Collectible
    from inventory.services import collectible_create
    from users.models import User
    from users.services import user_register
    from vendors.selectors import personal_vendor_for_user

    user = User.objects.filter(email=LOAD_EMAIL).first()
    if user is None:
        user = user_register(email=LOAD_EMAIL, password=LOAD_PASSWORD, display_name="Load")
    vendor = personal_vendor_for_user(user=user)
    assert vendor is not None
    for number in range(Collectible.objects.filter(vendor=vendor).count(), items):
        collectible_create(
            vendor=vendor,
            created_by=user,
            data={"name": f"Load item {number}", "category": "coin", "condition": "good"},
        )
    return list(Collectible.objects.filter(vendor=vendor).values_list("pk", flat=True)[:items])


class Command(BaseCommand):
    help = "Load-test the API on loopback: concurrent clients, mixed reads and writes."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--clients", type=int, default=32)
        parser.add_argument("--seconds", type=float, default=20.0)
        parser.add_argument("--items", type=int, default=200)
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
        parser.add_argument("--threads", type=int, default=4, help="threads per worker")
        parser.add_argument("--url", help="A server already running on loopback.")
        parser.add_argument(
            "--kinds",
            default="",
            help="Only these kinds of request, comma-separated (e.g. `list` or `dashboard`: "
            "issue 14's throughput goals are per kind); default the whole mix.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not 1 <= options["clients"] <= 512 or not 0 < options["seconds"] <= 600:
            raise CommandError("Use 1-512 clients for at most 600 seconds.")
        mix = _mix(options["kinds"])
        logging.getLogger("httpx").setLevel(logging.WARNING)  # not a line per request
        ids = ensure_load_collection(options["items"])
        server = None
        url = options["url"]
        if url:
            _require_loopback(url)
        else:
            url, server = self._start_gunicorn(options["workers"], options["threads"])
        try:
            tally, elapsed = self._run(
                url.rstrip("/"), ids, options["clients"], options["seconds"], mix
            )
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=30)
        self._report(tally, elapsed, options)
        if sum(tally.errors.values()):
            raise CommandError("Some requests failed (see the errors column).")

    def _start_gunicorn(self, workers: int, threads: int) -> tuple[str, subprocess.Popen]:
        port = free_port()
        env = {
            **os.environ,
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),  # production refuses none
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": database_url(),
            "REDIS_URL": settings.REDIS_URL,
            "PYTHONWARNINGS": "ignore:No directory at",  # no collected static files: no SPA here
        }
        command = gunicorn_argv(bind=f"127.0.0.1:{port}", workers=workers, threads=threads)
        server = subprocess.Popen(command, env=env, cwd=str(settings.BACKEND_DIR))  # noqa: S603
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    return url, server
            except httpx.HTTPError:
                time.sleep(0.3)
        server.terminate()
        raise CommandError("gunicorn did not answer /healthz within 60 seconds.")

    def _run(
        self,
        url: str,
        ids: list[int],
        clients: int,
        seconds: float,
        mix: tuple[tuple[str, int], ...],
    ) -> tuple[Tally, float]:
        login = httpx.post(
            f"{url}/api/v1/auth/login", json={"email": LOAD_EMAIL, "password": LOAD_PASSWORD}
        )
        if login.status_code != 200:
            raise CommandError(f"The load collector could not log in: {login.text[:200]}")
        headers = {"Authorization": f"Bearer {login.json()['access']}"}
        tally = Tally()
        started = time.monotonic()
        stop_at = started + seconds
        threads = [
            threading.Thread(target=self._client, args=(url, headers, ids, stop_at, tally, n, mix))
            for n in range(clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return tally, time.monotonic() - started

    @staticmethod
    def _client(
        url: str,
        headers: dict,
        ids: list[int],
        stop_at: float,
        tally: Tally,
        seed: int,
        mix: tuple[tuple[str, int], ...],
    ) -> None:
        import random

        rng = random.Random(seed)
        kinds = [kind for kind, _ in mix]
        weights = [weight for _, weight in mix]
        # The first client opens with one request of each kind, however short the run, so
        # every kind has a row in the report; then the weighted mix.
        opening = list(kinds) if seed == 0 else []
        with httpx.Client(base_url=url, headers=headers, timeout=30) as client:
            while opening or time.monotonic() < stop_at:
                kind = opening.pop(0) if opening else rng.choices(kinds, weights)[0]
                started = time.monotonic()
                try:
                    response = _request(client, kind, ids, rng)
                    ok = response.status_code < 400
                except httpx.HTTPError:
                    ok = False
                tally.add(kind, time.monotonic() - started, ok)

    def _report(self, tally: Tally, elapsed: float, options: dict[str, Any]) -> None:
        write = self.stdout.write
        write(
            f"\n{options['clients']} clients for {elapsed:.1f} s "
            f"(gunicorn {options['workers']} workers x {options['threads']} threads)\n"
        )
        write(f"{'request':<12}{'count':>8}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}"
              f"{'p99 ms':>9}{'errors':>8}")  # fmt: skip
        everything: list[float] = []
        for kind, _ in MIX:
            values = tally.latencies.get(kind, [])
            everything += values
            if values:
                write(self._row(kind, values, elapsed, tally.errors.get(kind, 0)))
        if everything:
            write(self._row("all", everything, elapsed, sum(tally.errors.values())))

    @staticmethod
    def _row(kind: str, values: list[float], elapsed: float, errors: int) -> str:
        p50 = statistics.median(values) * 1000
        p95, p99 = (_percentile(values, share) * 1000 for share in (0.95, 0.99))
        rate = len(values) / elapsed
        return f"{kind:<12}{len(values):>8}{rate:>9.1f}{p50:>9.1f}{p95:>9.1f}{p99:>9.1f}{errors:>8}"


def _mix(kinds: str) -> tuple[tuple[str, int], ...]:
    """The weighted mix, or only the named kinds of it."""
    if not kinds.strip():
        return MIX
    wanted = {kind.strip() for kind in kinds.split(",") if kind.strip()}
    unknown = wanted - {kind for kind, _ in MIX}
    if unknown:
        known = ", ".join(kind for kind, _ in MIX)
        raise CommandError(f"Unknown --kinds {', '.join(sorted(unknown))}: use {known}.")
    return tuple((kind, weight) for kind, weight in MIX if kind in wanted)


def _request(client: httpx.Client, kind: str, ids: list[int], rng: Any) -> httpx.Response:
    item = rng.choice(ids)
    if kind == "list":
        pages = max(1, math.ceil(len(ids) / 25))
        return client.get("/api/v1/collectibles/", params={"page": rng.randint(1, min(pages, 4))})
    if kind == "detail":
        return client.get(f"/api/v1/collectibles/{item}/")
    if kind == "dashboard":
        return client.get("/api/v1/dashboard")
    if kind == "search":
        return client.get("/api/v1/search", params={"q": f"load item {rng.randint(1, 99)}"})
    if kind == "prices":
        return client.get(f"/api/v1/collectibles/{item}/prices")
    if kind == "edit item":
        notes = f"Checked {rng.randint(1, 10**6)}"
        return client.patch(f"/api/v1/collectibles/{item}/", json={"notes": notes})
    price = f"{rng.uniform(1, 500):.2f}"
    return client.post(f"/api/v1/collectibles/{item}/prices", json={"price": price})
