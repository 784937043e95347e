"""`manage.py bench_alerts [--rules N] [--runs R] [--repeats K]`: what evaluating alerts
adds to a scrape run, with N alert rules (10,000 by default) in the database.

A local page server (127.0.0.1, never the internet) serves one product page; scrape runs
of one tracker go through the services a worker runs (`scrape_run_execute`: fetch,
record, evaluate). Each scenario makes K repeats (3) of R pairs (20): a run without the
alerts' hook (the baseline: the run as it is without alerts, the item's re-valuation
included) and a run with alerts evaluating, taking turns to go first, so that load from
elsewhere on the machine weighs on both alike.

The data is meant to make the evaluation do what it does for a real collection: the
tracked item has rules of every price kind, two more trackers with current offers (one
in USD, so offers are converted with an exchange rate), a year of older prices (the
earlier-prices aggregate) and an instant e-mail channel (a firing writes deliveries); two
vendor-wide drop rules watch it too. The other rules are spread over 2,000 items of the
vendor. Scenarios: **quiet** (prices move, no rule fires or re-arms: the usual run) and
**firing** (every other run fires four rules and the next re-arms them: the worst case).

Printed per scenario: median and p95 of both kinds of run, what alerts add — the median
of the pairs' differences over the median baseline run (overall and per repeat), and how
far apart the medians and the p95s are — and the evaluation's own time. Target
(docs/alerts.md): under 10 % added. Each run commits, as a worker's does (a run rolled
back into one long transaction would keep every version of the rows it updates, which
slowed the evaluation's reads); the instant deliveries a firing queues go to a queue of
the benchmark's own that no worker reads, deleted at the end with everything the
benchmark created (so no notification is ever sent).
"""

from __future__ import annotations

import json
import statistics
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from celery import current_app
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone
from kombu import Exchange, Queue

from alerts import services as alert_services
from alerts.models import AlertEvent, AlertKind, AlertRule
from inventory.models import Collectible
from notifications import inbox
from notifications.models import Channel, ChannelKind, Notification
from price_history import hooks
from price_history import services as price_services
from price_history.models import JobKind, PriceHistory, ScrapeJob, Tracker
from users.services import user_register
from valuation.models import ExchangeRate
from vendors.models import Membership
from vendors.selectors import personal_vendor_for_user

TARGET_ADDED = 0.10
ITEMS = 2_000


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _added(baseline: list[float], with_alerts: list[float]) -> float:
    """What alerts add, relative to the median baseline run: the median of each pair's
    difference (the two runs of a pair are next to each other in time, so load from
    elsewhere on the machine weighs on both alike and cancels out)."""
    differences = [a - b for b, a in zip(baseline, with_alerts, strict=True)]
    return statistics.median(differences) / statistics.median(baseline)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


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


@contextmanager
def _deliveries_to_a_queue_of_its_own() -> Iterator[None]:
    """The instant deliveries a firing queues on commit go to a queue no worker reads
    (published to the broker as a worker publishes them, then deleted): nothing is sent."""
    queue = f"bench-alerts-{uuid.uuid4().hex[:12]}"

    def publish(delivery_ids: list[int]) -> None:
        current_app.send_task(inbox.DELIVER_BATCH_TASK, args=(delivery_ids,), queue=queue)

    real = inbox._publish
    inbox._publish = publish
    try:
        yield
    finally:
        inbox._publish = real
        with current_app.connection_for_write() as broker:
            # Celery's queue of that name (its exchange and routing key are the name),
            # declared on this channel first: kombu deletes only the bindings it knows of.
            declared = Queue(queue, Exchange(queue), routing_key=queue)(broker.default_channel)
            declared.declare()
            declared.delete()


def _remove(tracker: Tracker, rate: ExchangeRate | None) -> None:
    """The benchmark's collector, their collection and everything in it, its runs' jobs,
    and the exchange rate it added (if the database had none to use)."""
    vendor = tracker.collectible.vendor
    owners = list(Membership.objects.filter(vendor=vendor).values_list("user_id", flat=True))
    jobs = list(
        ScrapeJob.objects.filter(runs__tracker__collectible__vendor=vendor).values_list(
            "pk", flat=True
        )
    )
    with transaction.atomic():
        Notification.objects.filter(user_id__in=owners).delete()
        vendor.delete()
        ScrapeJob.objects.filter(pk__in=jobs).delete()
        get_user_model().objects.filter(pk__in=owners).delete()
        if rate is not None:
            rate.delete()


class Command(BaseCommand):
    help = "Benchmark what alert evaluation adds to a scrape run (its data removed afterwards)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rules", type=int, default=10_000)
        parser.add_argument("--runs", type=int, default=20, help="Pairs of runs per repeat.")
        parser.add_argument("--repeats", type=int, default=3)

    def handle(self, *args: Any, **options: Any) -> None:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        host = f"127.0.0.1:{server.server_address[1]}"
        local = override_settings(
            SCRAPER_ALLOWED_HOSTS=[host], SCRAPER_MIN_DELAY_SECONDS=0.0, SCRAPER_MAX_RETRIES=0
        )
        self.added_rate: ExchangeRate | None = None
        try:
            with local:
                with transaction.atomic():
                    tracker = self._setup(host, options["rules"])
                try:
                    with _deliveries_to_a_queue_of_its_own():
                        self._runs(tracker, 3, "20.00")  # warm up: connections, first prices
                        for scenario, prices in (
                            ("quiet", ("20.00", "21.00")),
                            ("firing", ("10.00", "20.00")),
                        ):
                            self._scenario(
                                tracker, scenario, prices, options["runs"], options["repeats"]
                            )
                finally:
                    _remove(tracker, self.added_rate)
                    self.stdout.write("Removed what the benchmark created.")
        finally:
            server.shutdown()
            server.server_close()

    def _setup(self, host: str, rule_count: int) -> Tracker:
        user = user_register(
            email=f"bench-alerts-{uuid.uuid4().hex[:8]}@example.invalid",
            password=uuid.uuid4().hex,
        )
        vendor = personal_vendor_for_user(user=user)
        assert vendor is not None
        Channel.objects.create(user=user, kind=ChannelKind.EMAIL, name="Mail")
        items = Collectible.objects.bulk_create(
            Collectible(vendor=vendor, created_by=user, name=f"Bench card {i}")
            for i in range(ITEMS)
        )
        watched = items[0]
        tracker = Tracker.objects.create(
            collectible=watched, source="structured", url=f"http://{host}/product"
        )
        self._other_offers(watched, host)
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
        wide = [
            AlertRule(
                owner=user,
                vendor=vendor,
                kind=AlertKind.DROP_PERCENT,
                percent=Decimal(30),
                window_days=days,
            )
            for days in (7, 14)
        ] + [AlertRule(owner=user, vendor=vendor, kind=AlertKind.TRACKER_PAUSED) for _ in range(18)]
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
            for i in range(max(rule_count - len(mine) - len(wide), 0))
        ]
        AlertRule.objects.bulk_create([*mine, *others, *wide])
        self._analyze()
        self.stdout.write(f"{AlertRule.objects.filter(vendor=vendor).count():,} rules")
        return tracker

    def _analyze(self) -> None:
        """The planner's statistics of the tables just filled, as autovacuum gathers them
        soon after such a bulk insert on a real database: without them PostgreSQL plans
        the evaluation's reads for tables it takes for nearly empty (and may scan every
        rule of the vendor). Rolled back with the rest."""
        tables = [AlertRule, PriceHistory, Tracker, Collectible, Channel, ExchangeRate, Membership]
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {', '.join(model._meta.db_table for model in tables)}")

    def _other_offers(self, item: Collectible, host: str) -> None:
        """Two more trackers with a current offer above every target (one in USD, with
        today's rate), and a year of older prices that no rule fires on."""
        now = timezone.now()
        today, max_age = now.date(), timedelta(days=settings.VALUATION_RATE_MAX_AGE_DAYS)
        # A USD rate in force today: the database's own, else one added (removed at the end).
        in_force = ExchangeRate.objects.filter(
            currency="USD", date__lte=today, date__gte=today - max_age
        )
        self.added_rate = (
            None
            if in_force.exists()
            else ExchangeRate.objects.create(currency="USD", date=today, rate=Decimal("1.08"))
        )
        rows = []
        for n, (currency, price) in enumerate((("EUR", 25), ("USD", 30))):
            other = Tracker.objects.create(
                collectible=item, source="structured", url=f"http://{host}/other-{n}"
            )
            rows.append(
                PriceHistory(
                    collectible=item, tracker=other, source="structured", currency=currency,
                    price=Decimal(price), observed_at=now - timedelta(days=2),
                )
            )  # fmt: skip
            rows += [
                PriceHistory(
                    collectible=item,
                    tracker=other,
                    source="structured",
                    currency=currency,
                    price=Decimal(22 + day % 9),
                    observed_at=now - timedelta(days=15 + day),
                )
                for day in range(365)
            ]
        PriceHistory.objects.bulk_create(rows)

    def _scenario(
        self, tracker: Tracker, scenario: str, prices: tuple[str, str], pairs: int, repeats: int
    ) -> None:
        baseline: list[float] = []
        with_alerts: list[float] = []
        spent: list[float] = []
        added_per_repeat: list[float] = []

        # The baseline is the run as it is without alerts: the other price hooks (the
        # item's re-valuation) run in both kinds of run.
        alerts_on = [False]

        def timed(**kwargs: Any) -> object:
            if not alerts_on[0]:
                return []
            started = time.perf_counter()
            try:
                return alert_services.alerts_evaluate_prices(**kwargs)
            finally:
                spent.append(time.perf_counter() - started)

        events = AlertEvent.objects.filter(rule__vendor_id=tracker.collectible.vendor_id)
        before = events.count()
        hooks.register_after_prices("alerts", timed)
        try:
            for _ in range(repeats):
                base: list[float] = []
                alerts: list[float] = []
                for i in range(pairs):
                    price = prices[i % 2]  # firing: fire, re-arm, fire…
                    for evaluating in (i % 2 == 0, i % 2 != 0):  # turns to go first
                        alerts_on[0] = evaluating
                        if evaluating:
                            alerts += self._runs(tracker, 1, price)
                        else:
                            base += self._runs(tracker, 1, price)
                added_per_repeat.append(_added(base, alerts))
                baseline += base
                with_alerts += alerts
        finally:
            hooks.register_after_prices("alerts", alert_services.alerts_evaluate_prices)
        fired = events.count() - before
        added = _added(baseline, with_alerts)
        verdict = "PASS" if added < TARGET_ADDED else "FAIL"
        median_base = statistics.median(baseline)
        apart = (statistics.median(with_alerts) - median_base) / median_base
        self.stdout.write(
            f"{scenario}: {repeats} × {pairs} interleaved pairs of scrape runs, "
            f"{fired} events fired\n"
            f"  without alerts: median {_ms(median_base)}, p95 {_ms(_p95(baseline))}\n"
            f"  with alerts:    median {_ms(statistics.median(with_alerts))}, "
            f"p95 {_ms(_p95(with_alerts))}\n"
            f"  added: {added:+.1%} (median of the pairs' differences; repeats: "
            f"{', '.join(f'{a:+.1%}' for a in added_per_repeat)}; medians apart {apart:+.1%}, "
            f"p95s {(_p95(with_alerts) - _p95(baseline)) / _p95(baseline):+.1%}); "
            f"target < {TARGET_ADDED:.0%}: {verdict}\n"
            f"  the evaluation itself: median {_ms(statistics.median(spent))}, "
            f"p95 {_ms(_p95(spent))} "
            f"({statistics.median(spent) / median_base:.1%} of the median run)"
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
