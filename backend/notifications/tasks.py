"""Celery tasks of notifications (beat schedule: migration 0002_beat_schedule). Thin: the
retry state lives in the Delivery rows, so a lost or repeated task loses and doubles nothing."""

from __future__ import annotations

import logging
from typing import Any

from celery import current_app, shared_task
from django.conf import settings

from core import interactive
from notifications import selectors, services
from notifications.models import Delivery

logger = logging.getLogger(__name__)


@shared_task(name=services.DELIVER_TASK, acks_late=True, reject_on_worker_lost=True)
def deliver(delivery_id: int) -> str | None:
    """Send one instant delivery (a no-op if it was sent or is not due yet)."""
    return services.delivery_attempt(delivery_id=delivery_id)


@shared_task(name=services.DELIVER_BATCH_TASK, acks_late=True, reject_on_worker_lost=True)
def deliver_batch(delivery_ids: list[int]) -> list[str | None]:
    """Send the instant deliveries one transaction created (`notifications_send` queues
    one such task per transaction, not one per delivery)."""
    return [services.delivery_attempt(delivery_id=int(pk)) for pk in delivery_ids]


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


@shared_task(
    name=services.TEST_CHANNEL_TASK,
    acks_late=False,
    ignore_result=True,
    soft_time_limit=90,
    time_limit=120,
)
def test_channel(request: dict[str, Any], reply_to: str, deadline: float) -> None:
    """Send a channel's test message for someone waiting (queue `interactive`, as the
    tracker checks: acknowledged on receipt, never retried), within the deadline the web
    set; the outcome goes to the `reply_to` list (`core.interactive`)."""
    left = interactive.time_left(deadline, cap=settings.NOTIFICATION_TEST_DEADLINE_SECONDS)
    if left <= 0:
        logger.info("A channel test arrived after its deadline; nobody waits for it.")
        return
    interactive.send_reply(reply_to, services.channel_test_execute(request=request, timeout=left))
