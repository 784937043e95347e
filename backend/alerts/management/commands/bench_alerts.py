"""`manage.py bench_alerts [--rules N] [--runs R]`: what evaluating alerts adds to a scrape
run, with N alert rules (10,000 by default) in the database.

A local page server (127.0.0.1, never the internet) serves one product page whose price
alternates between 10 and 20 EUR; R scrape runs of one tracker (20 by default) go through
the services a worker runs (`scrape_run_execute`: fetch, record, evaluate), first with the
price hooks suspended (the baseline), then with alerts evaluating. The tracked item has
rules of every price kind (so the earlier-prices query runs and rules fire every other
run); the other rules are spread over 2,000 items of the vendor and are vendor-wide.
Everything happens in one transaction that is rolled back. Target (docs/alerts.md):
alerts add under 10 % to the median run. The time spent in the evaluation itself is shown
too: on a loaded machine it is the steadier figure.
"""

from __future__ import annotations

import json
import statistics
import threading
import time
import uuid
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.test.utils import override_settings

from alerts import services as alert_services
from alerts.models import AlertEvent, AlertKind, AlertRule
from inventory.models import Collectible
from price_history import hooks
from price_history import services as price_services
from price_history.models import JobKind, Tracker
from users.services import user_register
from vendors.selectors import personal_vendor_for_user

TARGET_ADDED = 0.10
ITEMS = 2_000


class Rollback(Exception):
    pass


class _Page(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    price = "10.00"

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        if self.path != "/product":
            body, status = b"not found", 404
        else:
            offer = {"@type": "Offer", "price": _Page.price, "priceCurrency": "EUR"}
            data = {"@context": "https://schema.org", "@type": "Product", "offers": offer}
            body = (
                f'<html><head><script type="application/ld+json">{json.dumps(data)}'
                "</script></head><body>Card</body></html>"
            ).encode()
            status = 200
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class Command(BaseCommand):
    help = "Benchmark what alert evaluation adds to a scrape run (rolled back afterwards)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rules", type=int, default=10_000)
        parser.add_argument("--runs", type=int, default=20)

    def handle(self, *args: Any, **options: Any) -> None:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        host = f"127.0.0.1:{server.server_address[1]}"
        try:
            with (
                override_settings(
                    SCRAPER_ALLOWED_HOSTS=[host],
                    SCRAPER_MIN_DELAY_SECONDS=0.0,
                    SCRAPER_MAX_RETRIES=0,
                ),
                transaction.atomic(),
            ):
                self._bench(host, options["rules"], options["runs"])
                raise Rollback
        except Rollback:
            self.stdout.write("Rolled back: the database is as it was.")
        finally:
            server.shutdown()
            server.server_close()

    def _bench(self, host: str, rule_count: int, runs: int) -> None:
        user = user_register(
            email=f"bench-alerts-{uuid.uuid4().hex[:8]}@example.invalid",
            password=uuid.uuid4().hex,
        )
        vendor = personal_vendor_for_user(user=user)
        assert vendor is not None
        items = Collectible.objects.bulk_create(
            Collectible(vendor=vendor, created_by=user, name=f"Bench card {i}")
            for i in range(ITEMS)
        )
        watched = items[0]
        tracker = Tracker.objects.create(
            collectible=watched, source="structured", url=f"http://{host}/product"
        )
        mine = [
            AlertRule(
                owner=user, vendor=vendor, collectible=watched,
                kind=AlertKind.PRICE_AT_OR_BELOW, target_amount=Decimal(15),
                target_currency="EUR",
            ),
            AlertRule(
                owner=user, vendor=vendor, collectible=watched,
                kind=AlertKind.DROP_PERCENT, percent=Decimal(30), window_days=7,
            ),
            AlertRule(owner=user, vendor=vendor, collectible=watched, kind=AlertKind.ALL_TIME_LOW),
            AlertRule(
                owner=user, vendor=vendor, collectible=watched, kind=AlertKind.BACK_IN_STOCK,
                armed=False,
            ),
        ]  # fmt: skip
        kinds = [AlertKind.PRICE_AT_OR_BELOW, AlertKind.ALL_TIME_LOW, AlertKind.DROP_PERCENT]
        others = [
            AlertRule(
                owner=user,
                vendor=vendor,
                collectible=items[1 + i % (ITEMS - 1)],
                kind=kinds[i % 3],
                target_amount=Decimal(15) if i % 3 == 0 else None,
                target_currency="EUR" if i % 3 == 0 else "",
                percent=Decimal(30) if i % 3 == 2 else None,
                window_days=7 if i % 3 == 2 else None,
            )
            for i in range(max(rule_count - len(mine) - 20, 0))
        ]
        wide = [
            AlertRule(owner=user, vendor=vendor, kind=AlertKind.TRACKER_PAUSED) for _ in range(20)
        ]
        AlertRule.objects.bulk_create([*mine, *others, *wide])
        self.stdout.write(f"{AlertRule.objects.filter(vendor=vendor).count():,} rules")
        self._runs(tracker, 3, "20.00")  # warm up: connections, robots.txt, first prices
        for scenario, prices in (("quiet", ("20.00", "21.00")), ("firing", ("20.00", "10.00"))):
            # Interleaved, so that load from elsewhere on the machine weighs on both alike.
            baseline: list[float] = []
            with_alerts: list[float] = []
            spent: list[float] = []

            def timed(spent: list[float] = spent, **kwargs: Any) -> object:
                started = time.perf_counter()
                try:
                    return alert_services.alerts_evaluate_prices(**kwargs)
                finally:
                    spent.append(time.perf_counter() - started)

            hooks.register_after_prices("alerts", timed)
            before = AlertEvent.objects.count()
            for i in range(runs):
                with hooks.suspended():
                    baseline += self._runs(tracker, 1, prices[i % 2])
                with_alerts += self._runs(tracker, 1, prices[(i + 1) % 2])
            hooks.register_after_prices("alerts", alert_services.alerts_evaluate_prices)
            fired = AlertEvent.objects.count() - before
            base, alerts = statistics.median(baseline), statistics.median(with_alerts)
            added = (alerts - base) / base
            verdict = "PASS" if added < TARGET_ADDED else "FAIL"
            self.stdout.write(
                f"{scenario}: median scrape run {base * 1000:.1f} ms without alerts, "
                f"{alerts * 1000:.1f} ms with ({fired} events in {runs} runs): {added:+.1%} "
                f"(target < {TARGET_ADDED:.0%}) {verdict}; the evaluation itself "
                f"{statistics.median(spent) * 1000:.1f} ms median"
            )

    def _runs(self, tracker: Tracker, count: int, price: str) -> list[float]:
        timings = []
        _Page.price = price
        for _ in range(count):
            job = price_services.scrape_job_create(
                kind=JobKind.MANUAL, trackers=[tracker], publish=False
            )
            run_id = job.runs.values_list("pk", flat=True).get()
            started = time.perf_counter()
            price_services.scrape_run_execute(run_id=run_id)
            timings.append(time.perf_counter() - started)
        return timings
