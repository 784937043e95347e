"""Alert rules and the events they fired (docs/alerts.md)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from core.models import TimestampedModel


class AlertKind(models.TextChoices):
    PRICE_AT_OR_BELOW = "price_at_or_below", "Price at or below a target"
    DROP_PERCENT = "drop_percent", "Price dropped by X % within N days"
    ALL_TIME_LOW = "all_time_low", "New all-time low"
    BACK_IN_STOCK = "back_in_stock", "Back in stock"
    COLLECTION_VALUE_CHANGE = "collection_value_change", "Collection value moved by X %"
    TRACKER_PAUSED = "tracker_paused", "A tracker was paused after failures"


class AlertRule(TimestampedModel):
    """One user's condition on an item (owned or wanted) or on a whole vendor (no item:
    every item of it). Hysteresis: a rule fires when its condition becomes true while
    armed, is then disarmed, and re-arms only once the condition was seen false. An item
    rule keeps that in `armed`; a vendor-wide one per item in `item_armed`."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_rules"
    )
    vendor = models.ForeignKey(
        "vendors.Vendor", on_delete=models.CASCADE, related_name="alert_rules"
    )
    collectible = models.ForeignKey(
        "inventory.Collectible",
        on_delete=models.CASCADE,
        related_name="alert_rules",
        null=True,
        blank=True,
    )
    kind = models.CharField(max_length=30, choices=AlertKind.choices)
    target_amount = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    target_currency = models.CharField(max_length=3, blank=True)
    percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    window_days = models.PositiveSmallIntegerField(null=True, blank=True)
    enabled = models.BooleanField(default=True)
    armed = models.BooleanField(default=True)
    item_armed = models.JSONField(
        default=dict, blank=True, help_text="Vendor-wide rules: item id → armed."
    )
    last_fired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # Evaluation after a run reads the enabled rules of one item and of its vendor.
            models.Index(
                fields=["collectible"], condition=Q(enabled=True), name="alertrule_item_enabled"
            ),
            models.Index(
                fields=["vendor"],
                condition=Q(enabled=True, collectible__isnull=True),
                name="alertrule_vendor_wide_enabled",
            ),
            models.Index(fields=["owner", "-created_at"], name="alertrule_owner_recent"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="collection_value_change") | Q(collectible__isnull=True),
                name="alertrule_value_change_vendor_wide",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"


class AlertEvent(models.Model):
    """A rule fired once: by what (the price and source, or the run, or the snapshot day)
    and whether it was handed to the notifications app. `trigger_key` names the trigger
    (`price:<id>`, `paused:<run id>`, `value:<day>`): unique per rule, so the same trigger
    delivered twice fires nothing twice."""

    rule = models.ForeignKey(AlertRule, on_delete=models.CASCADE, related_name="events")
    collectible = models.ForeignKey(
        "inventory.Collectible",
        on_delete=models.CASCADE,
        related_name="alert_events",
        null=True,
        blank=True,
    )
    trigger_key = models.CharField(max_length=60)
    fired_at = models.DateTimeField()
    observation = models.ForeignKey(
        "price_history.PriceHistory",
        on_delete=models.SET_NULL,
        related_name="alert_events",
        null=True,
        blank=True,
    )
    price = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    source = models.CharField(max_length=20, blank=True)
    url = models.URLField(max_length=2000, blank=True)
    message = models.TextField()
    #: The inbox row it became (notifications app); null: not handed over (e.g. a dedupe).
    notification_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-fired_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["rule", "trigger_key"], name="alertevent_once"),
        ]
        indexes = [
            models.Index(fields=["rule", "-fired_at"], name="alertevent_rule_recent"),
            models.Index(fields=["collectible", "-fired_at"], name="alertevent_item_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.rule_id}:{self.trigger_key}"
