"""Writes of notifications: channels, the inbox, and each delivery attempt.

`notification_send` is the one entry point for every app above (alerts): it writes the
inbox row inside the caller's transaction and, once that commits, queues the instant
deliveries (Celery task by name); digest deliveries wait for the channel's digest hour.
A delivery that fails transiently is retried with exponential backoff from the database
(`next_attempt_at`, picked up by the beat task "Deliver due notifications")."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from celery import current_app
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from notifications import outbound, rules
from notifications.models import (
    Channel,
    ChannelKind,
    ChannelMode,
    Delivery,
    DeliveryStatus,
    Notification,
)
from users.models import User

logger = logging.getLogger(__name__)

DELIVER_TASK = "notifications.tasks.deliver"
OPEN = (DeliveryStatus.PENDING, DeliveryStatus.RETRYING)


class ChannelLimitError(Exception):
    pass


# --- channels ----------------------------------------------------------------------------


@transaction.atomic
def channel_create(*, user: User, **fields: Any) -> Channel:
    # Lock the user's row: two requests at once cannot both pass the cap.
    User.objects.select_for_update().get(pk=user.pk)
    if Channel.objects.filter(user=user).count() >= settings.NOTIFICATION_MAX_CHANNELS_PER_USER:
        raise ChannelLimitError(
            f"At most {settings.NOTIFICATION_MAX_CHANNELS_PER_USER} channels per account."
        )
    return Channel.objects.create(user=user, **fields)


@transaction.atomic
def channel_update(*, channel: Channel, **fields: Any) -> Channel:
    for name, value in fields.items():
        setattr(channel, name, value)
    channel.save()
    return channel


@transaction.atomic
def channel_delete(*, channel: Channel) -> None:
    channel.delete()


def _send_through(channel: Channel, *, title: str, body: str) -> None:
    if channel.kind == ChannelKind.EMAIL:
        outbound.send_email(channel.email_target, subject=title, body=body)
    else:
        outbound.send_push(channel.apprise_url, title=title, body=body)


def channel_test(*, channel: Channel) -> str | None:
    """Send a test message now (no retries); the error, or None when it went out. The
    outcome is also the channel's `last_error` / `last_delivered_at`."""
    try:
        _send_through(
            channel,
            title="Omni-Stock test message",
            body=f"This channel ({channel.name}) works: you will be told here.",
        )
    except outbound.DeliveryError as error:
        _channel_outcome(channel.pk, error=str(error))
        return str(error)
    _channel_outcome(channel.pk, error="")
    return None


def _channel_outcome(channel_id: int, *, error: str) -> None:
    changes: dict[str, Any] = {"last_error": error}
    if not error:
        changes["last_delivered_at"] = timezone.now()
    Channel.objects.filter(pk=channel_id).update(**changes)


# --- the inbox ---------------------------------------------------------------------------


@transaction.atomic
def notification_send(
    *,
    user: User,
    kind: str,
    title: str,
    body: str,
    link: str = "",
    data: dict | None = None,
    dedupe_key: str | None = None,
) -> Notification | None:
    """Put a notification in the user's inbox and schedule it on every enabled channel.

    A `dedupe_key` already used for this user creates nothing and returns None (a task
    delivered twice tells once)."""
    if dedupe_key is not None:
        if Notification.objects.filter(user=user, dedupe_key=dedupe_key).exists():
            return None
        try:
            with transaction.atomic():
                notification = _create(user, kind, title, body, link, data, dedupe_key)
        except IntegrityError:  # the same key committed a moment ago by another worker
            return None
    else:
        notification = _create(user, kind, title, body, link, data, None)
    now = timezone.now()
    instant = []
    for channel in Channel.objects.filter(user=user, enabled=True):
        delivery = Delivery.objects.create(
            notification=notification, channel=channel, **_schedule(channel, now)
        )
        if not delivery.via_digest and delivery.next_attempt_at <= now:
            instant.append(delivery.pk)
    if instant:
        transaction.on_commit(lambda: _publish(instant), robust=True)
    return notification


def _create(
    user: User, kind: str, title: str, body: str, link: str, data: dict | None, key: str | None
) -> Notification:
    return Notification.objects.create(
        user=user, kind=kind[:50], title=title[:200], body=body, link=link[:500],
        data=data or {}, dedupe_key=key,
    )  # fmt: skip


def _schedule(channel: Channel, now: datetime) -> dict[str, Any]:
    if channel.mode == ChannelMode.DIGEST:
        at = rules.next_digest_at(now, channel.digest_hour, channel.time_zone)
        return {"via_digest": True, "next_attempt_at": at}
    quiet = rules.quiet_until(now, channel.quiet_start, channel.quiet_end, channel.time_zone)
    return {"via_digest": False, "next_attempt_at": quiet or now}


def _publish(delivery_ids: list[int]) -> None:
    """Queue the sends; a broker that is down only delays them (beat picks them up)."""
    for delivery_id in delivery_ids:
        current_app.send_task(DELIVER_TASK, args=(delivery_id,))


@transaction.atomic
def notification_mark_read(*, notification: Notification) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def notification_mark_all_read(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


# --- deliveries --------------------------------------------------------------------------


def _record(
    deliveries: list[Delivery], channel: Channel, error: outbound.DeliveryError | None
) -> None:
    now = timezone.now()
    for delivery in deliveries:
        delivery.attempts += 1
        if error is None:
            delivery.status, delivery.sent_at, delivery.last_error = DeliveryStatus.SENT, now, ""
        elif error.transient and delivery.attempts < settings.NOTIFICATION_MAX_ATTEMPTS:
            delivery.status, delivery.last_error = DeliveryStatus.RETRYING, str(error)
            delivery.next_attempt_at = now + rules.retry_delay(
                delivery.attempts,
                base=settings.NOTIFICATION_RETRY_BASE_SECONDS,
                cap=settings.NOTIFICATION_RETRY_MAX_SECONDS,
            )
        else:
            delivery.status, delivery.last_error = DeliveryStatus.FAILED, str(error)
    Delivery.objects.bulk_update(
        deliveries, ["attempts", "status", "sent_at", "last_error", "next_attempt_at"]
    )
    _channel_outcome(channel.pk, error="" if error is None else str(error))


@transaction.atomic
def delivery_attempt(*, delivery_id: int) -> str | None:
    """Send one instant delivery if it is still open and due; its new status, or None
    when there was nothing to do (already sent, or claimed by another worker)."""
    delivery = (
        Delivery.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("notification", "channel__user")
        .filter(pk=delivery_id, status__in=OPEN, next_attempt_at__lte=timezone.now())
        .first()
    )
    if delivery is None:
        return None
    channel, notification = delivery.channel, delivery.notification
    error = None
    if not channel.enabled:
        error = outbound.DeliveryError("The channel is disabled.", transient=False)
    else:
        body = f"{notification.body}\n\n{notification.link}".strip()
        try:
            _send_through(channel, title=notification.title, body=body)
        except outbound.DeliveryError as exc:
            error = exc
    _record([delivery], channel, error)
    return delivery.status


@transaction.atomic
def digest_send(*, channel_id: int) -> int:
    """Send one message with every due digest delivery of the channel; how many it held."""
    deliveries = list(
        Delivery.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("notification", "channel__user")
        .filter(
            channel_id=channel_id, via_digest=True, status__in=OPEN,
            next_attempt_at__lte=timezone.now(),
        )
        .order_by("notification__created_at", "pk")
    )  # fmt: skip
    if not deliveries:
        return 0
    channel = deliveries[0].channel
    lines = []
    for delivery in deliveries:
        note = delivery.notification
        lines.append(f"• {note.title}" + (f"\n  {note.body}" if note.body else ""))
    title = f"Omni-Stock: {len(deliveries)} notification(s) today"
    error = None
    if not channel.enabled:
        error = outbound.DeliveryError("The channel is disabled.", transient=False)
    else:
        try:
            _send_through(channel, title=title, body="\n".join(lines))
        except outbound.DeliveryError as exc:
            error = exc
    _record(deliveries, channel, error)
    return len(deliveries)
