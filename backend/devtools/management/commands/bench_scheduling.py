"""`manage.py bench_scheduling`: scrape throughput against the politeness bound.

Trackers all due at once across many hosts, checked by a real Celery worker (`--concurrency`
processes, 2 as `make run` starts) against the real Redis (broker and host limiter) and
PostgreSQL, with politeness on (`--delay`, SCRAPER_MIN_DELAY_SECONDS). The hosts are
loopback addresses 127.0.0.2 … (127.0.0.0/8 all answer on Linux), one threaded page
server each, allow-listed for the worker (SCRAPER_ALLOWED_HOSTS); their trackers are
created host after host, so the queue holds one host's runs in a row (the order that made
workers wait on one host's lock while other hosts' runs waited).

The claim is the beat's (`scrape_jobs_create_due`: every due tracker in one claim, in
jobs of SCRAPER_DUE_BATCH runs). Elapsed
runs from the claim to the last run's finish; the bound is max over hosts of
runs_on_host * delay: no schedule can be faster while one request per host per delay is
allowed. The table shows elapsed / bound beside the goal (at most 1.1 times) and, from the servers'
own clocks, the smallest gap between two requests to one host (the limiter spaces the
starts by the delay in Redis' clock; a request arrives a little after its start, by
however long the loaded machine took to send it, so a gap can fall a little short of
the delay) and the robots.txt requests (each worker process reads each host's once; they take host
slots too). `--mode wait` measures the way before per-host deferral
(SCRAPER_DEFER_BUSY_HOSTS=false); `--mode both` runs both, deferral first.

Its own database (`--database`, default omni_bench_sched, dropped and rebuilt) and its
own limiter keys (a fresh CACHE_KEY_PREFIX per mode); the broker is REDIS_URL's, so run
it where no other worker consumes the `scrape` queue.
"""

from __future__ import annotations

import itertools
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.db.models import Max, QuerySet
from django.test.utils import override_settings
from django.utils import timezone

from devtools.chaos import stack
from devtools.chaos.page import PRODUCT
from devtools.management.commands.bench_api import machine_line, use_bench_database
from devtools.processes import free_port
from inventory.models import Collectible
from price_history import services as price_services
from price_history.models import FINISHED_RUN_STATUSES, RunStatus, ScrapeRun, Tracker
from users.services import user_register
from vendors.selectors import personal_vendor_for_user

GOAL = 1.1


class Hosts:
    """One threaded page server per loopback address, all on one port; each notes the
    time of every request it answers (robots.txt apart)."""

    def __init__(self, count: int) -> None:
        self.port = free_port()
        self.addresses = [f"127.0.0.{2 + n}" for n in range(count)]
        self.hits: dict[str, list[float]] = defaultdict(list)
        self.robots: dict[str, int] = defaultdict(int)
        self.lock = threading.Lock()
        hosts = self
        self.servers = []
        for address in self.addresses:

            class Handler(BaseHTTPRequestHandler):
                where = address

                def do_GET(self) -> None:
                    now = time.monotonic()
                    with hosts.lock:
                        if self.path == "/robots.txt":
                            hosts.robots[self.where] += 1
                        hosts.hits[self.where].append(now)
                    if self.path == "/robots.txt":
                        body, kind, status = b"User-agent: *\nAllow: /\n", "text/plain", 200
                    else:
                        body, kind, status = PRODUCT, "text/html; charset=utf-8", 200
                    try:
                        self.send_response(status)
                        self.send_header("Content-Type", kind)
                        self.send_header("Content-Length", str(len(body)))
                        self.end_headers()
                        self.wfile.write(body)
                    except (BrokenPipeError, ConnectionResetError):
                        pass

                def log_message(self, format: str, *args: object) -> None:
                    return

            server = ThreadingHTTPServer((address, self.port), Handler)
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, daemon=True).start()
            self.servers.append(server)

    @property
    def allowed(self) -> str:
        return ",".join(f"{address}:{self.port}" for address in self.addresses)

    def url(self, address: str, number: int) -> str:
        return f"http://{address}:{self.port}/product/{number}"

    def reset(self) -> None:
        with self.lock:
            self.hits.clear()
            self.robots.clear()

    def min_gap(self) -> float:
        gaps = [
            later - earlier
            for times in self.hits.values()
            for earlier, later in itertools.pairwise(sorted(times))
        ]
        return min(gaps) if gaps else float("nan")

    def close(self) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()


def _database_url() -> str:
    db = connection.settings_dict
    auth = quote(db["USER"], safe="")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"], safe="")
    host = quote(db["HOST"], safe="") if db["HOST"].startswith("/") else db["HOST"]
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{auth}@{host}{port}/{db['NAME']}"


class Command(BaseCommand):
    help = "Scrape throughput with politeness on: elapsed against the politeness bound."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--trackers", type=int, default=2000)
        parser.add_argument("--hosts", type=int, default=50)
        parser.add_argument(
            "--delay", type=float, default=3.0, help="SCRAPER_MIN_DELAY_SECONDS (production: 3)."
        )
        parser.add_argument("--concurrency", type=int, default=2, help="Worker processes.")
        parser.add_argument("--mode", choices=["defer", "wait", "both"], default="defer")
        parser.add_argument("--database", default="omni_bench_sched")

    def handle(self, *args: Any, **options: Any) -> None:
        trackers, host_count = options["trackers"], options["hosts"]
        if not 1 <= host_count <= 250 or trackers < host_count:
            raise CommandError("--hosts 1-250, and at least one tracker per host.")
        use_bench_database(name=options["database"], url="", keep=False)
        call_command("migrate", verbosity=0, interactive=False)
        self.stdout.write(machine_line())
        hosts = Hosts(host_count)
        try:
            per_host = self._setup(hosts, trackers)
            bound = max(per_host.values()) * options["delay"]
            modes = ["defer", "wait"] if options["mode"] == "both" else [options["mode"]]
            self.stdout.write(
                f"{trackers:,} trackers due at once on {host_count} hosts (at most "
                f"{max(per_host.values())} per host), delay {options['delay']:g} s, "
                f"{options['concurrency']} worker processes: politeness bound {bound:.1f} s"
            )
            self.stdout.write(
                f"{'mode':<7} {'elapsed':>9} {'bound':>8} {'ratio':>6} {'goal':>6}  verdict"
                f"  {'min gap':>8} {'robots':>6}  runs"
            )
            for mode in modes:
                self._measure(mode, hosts, bound, options)
        finally:
            hosts.close()

    def _setup(self, hosts: Hosts, count: int) -> dict[str, int]:
        user = user_register(
            email=f"bench-sched-{uuid.uuid4().hex[:8]}@example.invalid", password=uuid.uuid4().hex
        )
        vendor = personal_vendor_for_user(user=user)
        assert vendor is not None
        items = Collectible.objects.bulk_create(
            Collectible(vendor=vendor, created_by=user, name=f"Bench item {n}")
            for n in range(count)
        )
        per_host: dict[str, int] = defaultdict(int)
        rows = []
        for n, item in enumerate(items):  # host after host: one host's runs in a row
            address = hosts.addresses[n * len(hosts.addresses) // count]
            per_host[address] += 1
            rows.append(
                Tracker(
                    collectible=item,
                    source="structured",
                    url=hosts.url(address, n),
                    interval_minutes=24 * 60,
                )
            )
        Tracker.objects.bulk_create(rows, batch_size=2000)
        return per_host

    def _measure(self, mode: str, hosts: Hosts, bound: float, options: dict[str, Any]) -> None:
        ScrapeRun.objects.all().delete()
        Tracker.objects.update(next_run_at=timezone.now() - timedelta(minutes=1))
        hosts.reset()
        env = stack.stack_env(
            database_url=_database_url(), redis_url=settings.REDIS_URL, allowed_hosts=hosts.allowed
        )
        env.update(
            CACHE_KEY_PREFIX=f"bench-sched-{uuid.uuid4().hex[:8]}",
            SCRAPER_MIN_DELAY_SECONDS=str(options["delay"]),
            SCRAPER_MAX_RETRIES="0",
            SCRAPER_DEFER_BUSY_HOSTS="true" if mode == "defer" else "false",
            DATABASE_CONN_MAX_AGE="600",
        )
        log = Path(tempfile.mkstemp(prefix=f"bench-sched-{mode}-", suffix=".log")[1])
        command = stack.worker(env, log, "scrape", f"bench-sched-{mode}").command
        command[command.index("--concurrency") + 1] = str(options["concurrency"])
        worker = stack.Process(f"bench-sched-{mode}", command, env, log)
        worker.start()
        try:
            self._wait_ready(worker, log)
            started = timezone.now()
            with override_settings(SCRAPER_DUE_PER_TICK=max(options["trackers"], 1)):
                jobs = price_services.scrape_jobs_create_due()
            if not jobs:
                raise CommandError("No tracker was due.")
            runs_of_claim = ScrapeRun.objects.filter(job__in=jobs)
            done = self._wait_done(runs_of_claim, timeout=bound * 4 + 120, log=log)
        finally:
            worker.stop()
        last = runs_of_claim.aggregate(last=Max("finished_at"))["last"]
        elapsed = (last - started).total_seconds() if last else float("nan")
        ratio = elapsed / bound
        verdict = "PASS" if done and ratio <= GOAL else "FAIL"
        statuses = dict.fromkeys(RunStatus.values, 0)
        for status in runs_of_claim.values_list("status", flat=True):
            statuses[status] += 1
        runs = ", ".join(f"{n:,} {s}" for s, n in statuses.items() if n)
        self.stdout.write(
            f"{mode:<7} {elapsed:>8.1f}s {bound:>7.1f}s {ratio:>5.2f}× {GOAL:>5.1f}×  {verdict:<7}"
            f"  {hosts.min_gap():>7.2f}s {sum(hosts.robots.values()):>6}  {runs}"
        )

    def _wait_ready(self, worker: stack.Process, log: Path) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if worker.popen is not None and worker.popen.poll() is not None:
                raise CommandError(f"The worker exited:\n{log.read_text()[-3000:]}")
            if "ready" in log.read_text():
                return
            time.sleep(0.2)
        raise CommandError(f"The worker did not start:\n{log.read_text()[-3000:]}")

    def _wait_done(self, runs: QuerySet[ScrapeRun], *, timeout: float, log: Path) -> bool:
        deadline = time.monotonic() + timeout
        pending = runs.exclude(status__in=FINISHED_RUN_STATUSES)
        while time.monotonic() < deadline:
            if not pending.exists():
                return True
            time.sleep(0.5)
        self.stderr.write(f"Timed out; worker log: {log}")
        return False
