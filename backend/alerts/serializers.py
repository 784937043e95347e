"""Shapes of alert rules and events. Which items and vendors a rule may name is the
caller's readable set (anything else answers "does not exist": no existence leak)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rest_framework import serializers

from alerts.models import AlertEvent, AlertKind, AlertRule
from alerts.rules import MAX_WINDOW_DAYS
from core.currencies import CurrencyField
from inventory.models import Collectible
from notifications.models import Notification
from notifications.texts import notification_text
from users.auth import authenticated_user
from vendors.models import Vendor
from vendors.selectors import vendor_ids_for_user


class AlertRuleSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=AlertKind.choices)
    collectible = serializers.PrimaryKeyRelatedField(
        queryset=Collectible.objects.none(),
        required=False,
        allow_null=True,
        help_text="The item (owned or wanted) it watches; none: the whole vendor. Fixed "
        "once created.",
    )
    collectible_name = serializers.CharField(
        source="collectible.name",
        read_only=True,
        allow_null=True,
        help_text="The watched item's name (null for a vendor-wide rule), so a list of rules "
        "needs no request per item.",
    )
    vendor = serializers.PrimaryKeyRelatedField(
        queryset=Vendor.objects.none(),
        required=False,
        help_text="The vendor it watches (default: the item's). Fixed once created.",
    )
    target_amount = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        min_value=Decimal(0),
        required=False,
        allow_null=True,
        help_text="`price_at_or_below`: the target price.",
    )
    target_currency = CurrencyField(
        required=False,
        allow_blank=True,
        help_text="`price_at_or_below`: the target's ISO 4217 currency (default the "
        "vendor's); prices in other currencies are converted at today's exchange rate (one "
        "with no usable rate is skipped).",
    )
    percent = serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        required=False,
        allow_null=True,
        help_text="`drop_percent`, `collection_value_change`: the change, above 0 and at most 100.",
    )
    window_days = serializers.IntegerField(
        min_value=1,
        max_value=MAX_WINDOW_DAYS,
        required=False,
        allow_null=True,
        help_text="`drop_percent`: within how many days (the highest price in them is the "
        "reference); `collection_value_change`: compared with the snapshot that many days "
        "before (default 1).",
    )

    class Meta:
        model = AlertRule
        fields = [
            "id",
            "kind",
            "collectible",
            "collectible_name",
            "vendor",
            "target_amount",
            "target_currency",
            "percent",
            "window_days",
            "enabled",
            "armed",
            "last_fired_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["armed", "last_fired_at", "created_at", "updated_at"]
        extra_kwargs = {
            "armed": {
                "help_text": "False after it fired, until its condition is seen false "
                "(vendor-wide rules keep this per item)."
            }
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is None or getattr(request, "user", None) is None:
            return
        if not request.user.is_authenticated:
            return
        readable = vendor_ids_for_user(user=authenticated_user(request))
        fields = self.fields
        if self.instance is not None and not isinstance(self.instance, list):
            fields["collectible"].read_only = True
            fields["vendor"].read_only = True
        fields["collectible"].queryset = Collectible.objects.filter(  # type: ignore[attr-defined]
            vendor_id__in=readable
        ).select_related("vendor")
        fields["vendor"].queryset = Vendor.objects.filter(  # type: ignore[attr-defined]
            pk__in=readable
        )


def _messages(events: list[AlertEvent]) -> dict[int, str]:
    """Notification id → its title and body in the request's language (one query)."""
    ids = [event.notification_id for event in events if event.notification_id is not None]
    found = Notification.objects.filter(pk__in=ids).only("id", "title", "body", "data")
    return {note.pk: "\n".join(notification_text(note)).strip() for note in found}


class AlertEventListSerializer(serializers.ListSerializer):
    """Reads the page's notifications at once, for their messages."""

    def to_representation(self, data: Any) -> list[Any]:
        events = list(data.all() if hasattr(data, "all") else data)
        self.child.messages = _messages(events)  # type: ignore[union-attr]
        return super().to_representation(events)


class AlertEventSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(source="rule.kind", read_only=True, help_text="The rule's kind.")
    delivered = serializers.SerializerMethodField(
        help_text="Handed to the notifications (inbox and the user's channels)."
    )

    class Meta:
        model = AlertEvent
        fields = [
            "id",
            "rule",
            "kind",
            "collectible",
            "fired_at",
            "observation",
            "price",
            "currency",
            "source",
            "url",
            "message",
            "notification_id",
            "delivered",
        ]
        read_only_fields = fields
        list_serializer_class = AlertEventListSerializer
        extra_kwargs = {"message": {"help_text": "In the request's language (Accept-Language)."}}

    def get_delivered(self, event: AlertEvent) -> bool:
        return event.notification_id is not None

    def to_representation(self, instance: AlertEvent) -> dict[str, Any]:
        """`message` in the request's language: its notification's text written again
        (notifications.texts); the stored English one when it has none."""
        data = super().to_representation(instance)
        messages = getattr(self, "messages", None)
        if messages is None:  # one event, not a page
            messages = _messages([instance])
        data["message"] = messages.get(instance.notification_id, instance.message)  # type: ignore[arg-type]
        return data
