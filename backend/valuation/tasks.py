"""Celery tasks of collection value (beat schedule: migration 0002_beat_schedule)."""

from __future__ import annotations

import logging
from typing import Any

from celery import Task, shared_task
from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.utils import timezone

from price_history.tasks import retry_countdown
from valuation import services
from valuation.rates import rates_status

logger = logging.getLogger(__name__)

MAX_RETRIES = 5
#: Taken by the first worker to start with stale rates: N workers starting together
#: queue one fetch. It lapses, so a worker started later (the fetch failed) asks again.
START_FETCH_LOCK = "valuation:fetch-rates-on-start"
START_FETCH_LOCK_SECONDS = 15 * 60


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=MAX_RETRIES)
def fetch_exchange_rates(self: Task) -> int:
    """Beat (daily): download the ECB's last 90 days of reference rates and store them.

    Network trouble retries with backoff; a malformed file stores nothing and fails."""
    try:
        stored = services.exchange_rates_fetch().rates
    except services.RatesUnavailableError as exc:
        if self.request.retries >= MAX_RETRIES:
            logger.error("Giving up fetching ECB rates: %s", exc)
            raise
        raise self.retry(exc=exc, countdown=retry_countdown(self.request.retries)) from exc
    # The load re-priced the stored current values in place and deleted only the rows a
    # changed rate reaches otherwise (bought or sold since, movers' windows): value those
    # again now, so the next dashboard request does not pay for it.
    services.valuations_refresh_all()
    return stored


@shared_task(acks_late=True, reject_on_worker_lost=True)
def snapshot_values() -> int:
    """Beat (daily and during the day): upsert yesterday's and today's value snapshots,
    and bring every item valuation up to date (the 00:15 run rolls them to the new day)."""
    written = services.value_snapshots_update_all()
    services.valuations_refresh_all()
    return written


def fetch_rates_if_stale(**_: Any) -> bool:
    """On a worker's start (`worker_ready`, connected in `ValuationConfig.ready`): queue
    `fetch_exchange_rates` when the newest rate is older than the usable age, so a stack
    started after days off does not wait for the daily beat. Queued, not run here: the
    worker (not a web process) does the network call. Returns whether it queued one."""
    if not settings.VALUATION_FETCH_RATES_ON_START:
        return False
    try:
        if not rates_status(today=timezone.now().date()).stale:
            return False
        if not cache.add(START_FETCH_LOCK, "1", timeout=START_FETCH_LOCK_SECONDS):
            return False  # another worker queued it
        fetch_exchange_rates.delay()
    except Exception:
        # A worker starts whatever happens here; the daily beat fetches the rates anyway.
        logger.exception("Could not check or queue the exchange rates on start")
        return False
    finally:
        # Opened in the worker's main process: pool children forked later must not share it.
        for db in connections.all(initialized_only=True):
            if not db.in_atomic_block:
                db.close()
    logger.info("Exchange rates are stale: queued a fetch from the ECB.")
    return True
