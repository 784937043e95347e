"""Reads of notifications: a user sees only their own channels and inbox."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from notifications.models import Channel, Delivery, DeliveryStatus, Notification
from users.models import User


def channel_list_for_user(*, user: User) -> QuerySet[Channel]:
    return Channel.objects.filter(user=user)


def notification_list_for_user(*, user: User, unread: bool | None = None) -> QuerySet[Notification]:
    notifications = Notification.objects.filter(user=user)
    if unread is not None:
        notifications = notifications.filter(read_at__isnull=unread)
    return notifications


def notification_unread_count(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def deliveries_due(*, via_digest: bool, limit: int = 500) -> list[int]:
    """Ids of deliveries whose time came (first try, a retry, the end of quiet hours, or
    the channel's digest hour), oldest first."""
    return list(
        Delivery.objects.filter(
            status__in=[DeliveryStatus.PENDING, DeliveryStatus.RETRYING],
            via_digest=via_digest,
            next_attempt_at__lte=timezone.now(),
        )
        .order_by("next_attempt_at")
        .values_list("id", flat=True)[:limit]
    )
