"""The price engine's numbers for GET /metrics, computed when scraped (core.metrics).

Counted from the database, so they are exact however many workers did the work: the
runs finished in the last METRICS_WINDOW_MINUTES by source and outcome (with their
durations and the observations they stored), the trackers active / paused / failing, and
the estimated size of the price history. Three statements in one round trip; the window's
read uses the index on `ScrapeRun.finished_at`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.metrics_core import Metric

from core.sql import run_together
from price_history.models import PriceHistory, ScrapeRun, Tracker

_RUN = ScrapeRun._meta.db_table
_TRACKER = Tracker._meta.db_table
_DURATION = "extract(epoch FROM r.finished_at - r.started_at)"

RUNS_SQL = f"""
SELECT t.source, r.status, count(*), coalesce(sum(r.observations_recorded), 0),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY {_DURATION}),
       percentile_cont(0.95) WITHIN GROUP (ORDER BY {_DURATION}),
       max({_DURATION}), coalesce(sum({_DURATION}), 0), count(r.started_at)
FROM {_RUN} r JOIN {_TRACKER} t ON t.id = r.tracker_id
WHERE r.finished_at >= %s
GROUP BY t.source, r.status
ORDER BY t.source, r.status
"""  # noqa: S608 - table names from the models, the window a parameter

TRACKERS_SQL = f"""
SELECT count(*) FILTER (WHERE is_active), count(*) FILTER (WHERE NOT is_active),
       count(*) FILTER (WHERE is_active AND consecutive_failures > 0)
FROM {_TRACKER}
"""  # noqa: S608 - a table name from the model

#: The planner's row estimate (kept by autovacuum): no count(*) over millions of rows.
PRICES_SQL = "SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = %s::regclass"


def window() -> timedelta:
    return timedelta(minutes=settings.METRICS_WINDOW_MINUTES)


def collect() -> Iterable[Metric]:
    runs, trackers, prices = run_together(
        (RUNS_SQL, [timezone.now() - window()]),
        (TRACKERS_SQL, []),
        (PRICES_SQL, [PriceHistory._meta.db_table]),
    )
    minutes = settings.METRICS_WINDOW_MINUTES
    finished = GaugeMetricFamily(
        "omni_scrape_runs_recent",
        f"Scrape runs finished in the last {minutes} minutes, by source and outcome.",
        labels=["source", "outcome"],
    )
    stored = GaugeMetricFamily(
        "omni_price_observations_recent",
        f"Price observations stored by the scrape runs of the last {minutes} minutes.",
        labels=["source"],
    )
    duration = GaugeMetricFamily(
        "omni_scrape_run_duration_seconds",
        f"Duration of the scrape runs finished in the last {minutes} minutes "
        "(quantile 0.5, 0.95 and 1 = the longest), by source and outcome.",
        labels=["source", "outcome", "quantile"],
    )
    duration_sum = GaugeMetricFamily(
        "omni_scrape_run_duration_seconds_sum",
        f"Total duration of the scrape runs finished in the last {minutes} minutes.",
        labels=["source", "outcome"],
    )
    duration_count = GaugeMetricFamily(
        "omni_scrape_run_duration_seconds_count",
        f"Started scrape runs finished in the last {minutes} minutes (those with a duration).",
        labels=["source", "outcome"],
    )
    observations: dict[str, int] = {}
    for source, outcome, count, recorded, p50, p95, longest, total, started in runs:
        finished.add_metric([source, outcome], count)
        observations[source] = observations.get(source, 0) + int(recorded)
        if started:
            for quantile, value in (("0.5", p50), ("0.95", p95), ("1", longest)):
                duration.add_metric([source, outcome, quantile], float(value))
            duration_sum.add_metric([source, outcome], float(total))
            duration_count.add_metric([source, outcome], started)
    for source, recorded in sorted(observations.items()):
        stored.add_metric([source], recorded)
    yield from (finished, stored, duration, duration_sum, duration_count)

    active, paused, failing = trackers[0]
    state = GaugeMetricFamily(
        "omni_trackers", "Trackers by state (paused: by hand or after failures).", labels=["state"]
    )
    state.add_metric(["active"], active)
    state.add_metric(["paused"], paused)
    yield state
    yield GaugeMetricFamily(
        "omni_trackers_failing",
        "Active trackers whose last check failed (they back off, then pause).",
        value=failing,
    )
    yield GaugeMetricFamily(
        "omni_price_observations_estimated",
        "Rows in the price history (PostgreSQL's estimate, updated by autovacuum).",
        value=prices[0][0] if prices else 0,
    )
