"""`make chaos`: kill, freeze and restart parts of a running stack on loopback and show
that the app answers honestly and heals (docs/operations.md, "Faults and recovery").

Everything runs on this machine and is the run's own: a PostgreSQL (pgserver) and a Redis
in a temporary directory, gunicorn with the production settings, a Celery worker and beat,
and a slow shop page on 127.0.0.1. Bounded: about five minutes in all. Prints a table of
scenario → result and exits non-zero when one failed.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from devtools.chaos import scenarios, stack
from devtools.chaos.page import SlowShop
from devtools.chaos.stores import ChaosPostgres, ChaosRedis

#: The fetch of a page takes this long in the "killed mid-scrape" scenario (its three
#: trackers share one host, so their fetches queue politely within the 20 s run deadline),
#: and longer than any check's deadline in the "slow page" one.
SCRAPE_SECONDS = 4.0
SLOWER_THAN_A_CHECK = 40.0


class Command(BaseCommand):
    help = "Chaos on loopback: a killed worker, a frozen or stopped Redis, a restarted database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--keep", action="store_true", help="Keep the logs' directory.")

    def handle(self, *args: Any, **options: Any) -> None:
        for noisy in ("httpx", "pgserver"):  # a line per request; a stop of a stopped server
            logging.getLogger(noisy).setLevel(logging.CRITICAL)
        directory = Path(tempfile.mkdtemp(prefix="omni-chaos-", dir="/tmp"))
        logs = directory / "logs"
        logs.mkdir()
        started = time.monotonic()
        self.stdout.write(f"Chaos run in {directory} (logs in {logs}).")
        postgres = ChaosPostgres(directory)
        redis_store = ChaosRedis(directory)
        redis_store.start()
        shop = SlowShop(delay=SCRAPE_SECONDS)
        env = stack.stack_env(
            database_url=postgres.url, redis_url=redis_store.url, allowed_hosts=shop.host
        )
        env |= {
            "SCRAPER_RUN_DEADLINE_SECONDS": "20",  # a stuck run's lease ends after 80 s
            "AUTH_THROTTLE_RATE": "1000/min",  # the scenarios sign many collectors up
            "TRACKER_CHECK_THROTTLE_RATE": "100/min",
        }
        processes: list[stack.Process] = []
        results: list[scenarios.Result] = []
        try:
            self.stdout.write("Migrating the run's database…")
            stack.manage(env, "migrate", "--noinput")
            web, url = stack.web(env, logs / "web.log")
            worker = stack.worker(env, logs / "worker.log", "scrape,celery,interactive", "w1")
            beat = stack.Process("beat", stack.celery_beat_argv(), env, logs / "beat.log")
            processes += [web, worker, beat]
            for process in processes:
                process.start()
            stack.wait_until_healthy(url)
            results.append(self._run(scenarios.redis_frozen_then_stopped, url, redis_store))
            results.append(self._run(scenarios.postgres_restarted, url, postgres))
            shop.delay = SLOWER_THAN_A_CHECK
            results.append(self._run(scenarios.slow_page_checks_keep_web_fast, url, shop))
            shop.delay = SCRAPE_SECONDS
            replacement = stack.worker(env, logs / "worker2.log", "scrape,celery,interactive", "w2")
            processes.append(replacement)
            results.append(
                self._run(
                    scenarios.worker_killed_mid_scrape, url, shop, postgres.url, worker, replacement
                )
            )
        finally:
            for process in reversed(processes):
                process.stop()
            shop.close()
            redis_store.stop()
            postgres.stop()
            # The embedded server's own exit hook stops it again and would log the refusal.
            logging.getLogger("pgserver").setLevel(logging.CRITICAL)
            if not options["keep"] and all(result.passed for result in results):
                shutil.rmtree(directory, ignore_errors=True)
        self._report(results, time.monotonic() - started)
        if not all(result.passed for result in results):
            raise CommandError(f"A scenario failed: see the logs in {logs}.")

    def _run(self, scenario: Any, *arguments: Any) -> scenarios.Result:
        self.stdout.write(f"… {scenario.__doc__.splitlines()[0]}")
        try:
            return scenario(*arguments)
        except Exception as exc:  # a scenario that breaks is a failed scenario, reported
            return scenarios.Result(scenario.__name__, False, f"{type(exc).__name__}: {exc}")

    def _report(self, results: list[scenarios.Result], elapsed: float) -> None:
        width = max(len(result.scenario) for result in results) if results else 10
        self.stdout.write(f"\n{'scenario':<{width}}  result  what happened")
        for result in results:
            verdict = "PASS" if result.passed else "FAIL"
            self.stdout.write(f"{result.scenario:<{width}}  {verdict:<6}  {result.detail}")
        self.stdout.write(f"\n{len(results)} scenarios in {elapsed:.0f} s.")
