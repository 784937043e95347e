"""Celery tasks of alerts (beat schedule: migration 0002_beat_schedule)."""

from __future__ import annotations

from celery import shared_task

from alerts import services


@shared_task(acks_late=True, reject_on_worker_lost=True)
def evaluate_collection_values() -> int:
    """Beat (after each value snapshot): the collection-value rules. Returns events fired."""
    return len(services.alerts_evaluate_values())
