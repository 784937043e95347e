"""Where a user is told (channels), what they were told (the inbox), and each delivery.

Every notification is in the in-app inbox; each enabled channel gets a Delivery row, sent
at once (instant, after quiet hours) or grouped into the channel's daily digest."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from core.encryption import MASK, EncryptedTextField


class ChannelKind(models.TextChoices):
    EMAIL = "email", "Email"
    APPRISE = "apprise", "Push (Apprise URL)"


class ChannelMode(models.TextChoices):
    INSTANT = "instant", "Instant"
    DIGEST = "digest", "Daily digest"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    RETRYING = "retrying", "Retrying"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class Channel(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_channels"
    )
    kind = models.CharField(max_length=16, choices=ChannelKind.choices)
    name = models.CharField(max_length=100)
    # A secret (it often carries a token): encrypted at rest, never returned by the API.
    apprise_url = EncryptedTextField(blank=True, default="")
    # Empty: the account's email address at the time of sending.
    email = models.EmailField(blank=True, default="")
    mode = models.CharField(max_length=16, choices=ChannelMode.choices, default=ChannelMode.INSTANT)
    digest_hour = models.PositiveSmallIntegerField(default=8)
    quiet_start = models.TimeField(null=True, blank=True)
    quiet_end = models.TimeField(null=True, blank=True)
    time_zone = models.CharField(max_length=64, default="UTC")
    enabled = models.BooleanField(default=True)
    last_error = models.TextField(blank=True, default="")
    last_delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(digest_hour__gte=0, digest_hour__lte=23), name="channel_digest_hour"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.kind})"

    @property
    def masked_url(self) -> str:
        """`ntfy://…/abc` → `ntfy://•••`: which service, never the secret."""
        if not self.apprise_url:
            return ""
        scheme, sep, _ = self.apprise_url.partition("://")
        return f"{scheme}://{MASK}" if sep else MASK

    @property
    def email_target(self) -> str:
        return self.email or self.user.email


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=50)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True, default="")
    link = models.CharField(max_length=500, blank=True, default="")
    data = models.JSONField(default=dict, blank=True)
    # The sender's idempotency key: the same key twice for one user stores one row. NULL
    # (no key) rather than "", so keyless notifications never collide in the constraint.
    dedupe_key = models.CharField(max_length=200, null=True, blank=True)  # noqa: DJ001
    read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "dedupe_key"], name="notification_dedupe"),
        ]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="notification_inbox"),
            models.Index(
                fields=["user"], condition=Q(read_at__isnull=True), name="notification_unread"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Delivery(models.Model):
    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="deliveries")
    # Decided when queued: a digest delivery waits for the channel's daily digest.
    via_digest = models.BooleanField(default=False)
    status = models.CharField(
        max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True, default="")
    next_attempt_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(fields=["notification", "channel"], name="delivery_once"),
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(status__in=["pending", "retrying"]),
                name="delivery_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.notification_id} → {self.channel_id}: {self.status}"
