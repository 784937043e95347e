"""Celery tasks of collection value (beat schedule: migration 0002_beat_schedule)."""

from __future__ import annotations

import logging

from celery import Task, shared_task

from price_history.tasks import retry_countdown
from valuation import services

logger = logging.getLogger(__name__)

MAX_RETRIES = 5


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
