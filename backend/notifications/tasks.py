"""Celery tasks of notifications (beat schedule: migration 0002_beat_schedule). Thin: the
retry state lives in the Delivery rows, so a lost or repeated task loses and doubles nothing."""

from __future__ import annotations

from celery import current_app, shared_task

from notifications import selectors, services
from notifications.models import Delivery


@shared_task(name=services.DELIVER_TASK, acks_late=True, reject_on_worker_lost=True)
def deliver(delivery_id: int) -> str | None:
    """Send one instant delivery (a no-op if it was sent or is not due yet)."""
    return services.delivery_attempt(delivery_id=delivery_id)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def deliver_due() -> int:
    """Beat (every minute): queue the deliveries whose time came — retries after their
    backoff, and those held back by quiet hours."""
    due = selectors.deliveries_due(via_digest=False)
    for delivery_id in due:
        current_app.send_task(services.DELIVER_TASK, args=(delivery_id,))
    return len(due)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def send_digests() -> int:
    """Beat (every 15 minutes): one message per channel whose digest hour came."""
    due = selectors.deliveries_due(via_digest=True, limit=10_000)
    channel_ids = set(
        Delivery.objects.filter(pk__in=due).values_list("channel_id", flat=True).distinct()
    )
    return sum(services.digest_send(channel_id=channel_id) for channel_id in sorted(channel_ids))
