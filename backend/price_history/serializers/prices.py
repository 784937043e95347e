"""Shapes of prices: a manual entry and its corrections, the series query and the series."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from rest_framework import serializers

from core.currencies import CurrencyField
from price_history.models import (
    PriceCondition,
    PriceCorrection,
    PriceHistory,
    PriceSource,
)
from price_history.selectors import INTERVALS, MAX_POINTS

#: No price in this app was observed before this day; queries end by this one at the latest.
EARLIEST_PRICE_DAY = date(1970, 1, 1)
LATEST_QUERY_DAY = date(2999, 12, 31)


class PriceEntrySerializer(serializers.ModelSerializer):
    currency = CurrencyField(
        required=False, allow_blank=True, help_text="ISO 4217; default the vendor's currency."
    )
    condition = serializers.ChoiceField(
        choices=PriceCondition.choices, required=False, allow_blank=True
    )
    observed_at = serializers.DateTimeField(required=False, help_text="Default: now.")
    price = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0)

    class Meta:
        model = PriceHistory
        fields = [
            "id",
            "collectible",
            "tracker",
            "source",
            "price",
            "currency",
            "condition",
            "observed_at",
            "url",
            "title",
            "availability",
            "seller",
            "seller_key",
            "shipping",
            "is_demo",
            "created_at",
        ]
        read_only_fields = [
            "id",
            "collectible",
            "tracker",
            "source",
            "title",
            "availability",
            "seller",
            "seller_key",
            "shipping",
            "is_demo",
            "created_at",
        ]
        extra_kwargs = {
            "seller": {"help_text": "Who offered it, when the page says; empty otherwise."},
            "seller_key": {
                "help_text": "Tells the sellers of one site apart: `<host>|<seller id or name>`."
            },
        }

    def validate_observed_at(self, value: datetime) -> datetime:
        if value > timezone.now() + timedelta(minutes=5):
            raise serializers.ValidationError(_("A price cannot be observed in the future."))
        if value.astimezone(UTC).date() < EARLIEST_PRICE_DAY:
            raise serializers.ValidationError(
                _("A price cannot be observed before %(day)s.") % {"day": EARLIEST_PRICE_DAY}
            )
        return value


class FlexibleDateTimeField(serializers.DateTimeField):
    """An ISO 8601 date-time, or a date (its start; with `end_of_day`, its last instant),
    between EARLIEST_PRICE_DAY and LATEST_QUERY_DAY (so date arithmetic cannot overflow)."""

    def __init__(self, *, end_of_day: bool = False, **kwargs: Any) -> None:
        self.end_of_day = end_of_day
        super().__init__(**kwargs)

    def to_internal_value(self, value: Any) -> datetime:
        moment = self._parse(value)
        if not EARLIEST_PRICE_DAY <= moment.astimezone(UTC).date() <= LATEST_QUERY_DAY:
            raise serializers.ValidationError(
                _("Must be between %(start)s and %(end)s.")
                % {"start": EARLIEST_PRICE_DAY, "end": LATEST_QUERY_DAY}
            )
        return moment

    def _parse(self, value: Any) -> datetime:
        if isinstance(value, str) and len(value.strip()) == 10:
            try:
                day = parse_date(value.strip())
            except ValueError:  # well-formed but impossible, e.g. month 13
                day = None
            if day is not None:
                moment = time.max if self.end_of_day else time.min
                return datetime.combine(day, moment, tzinfo=UTC)
        return super().to_internal_value(value)


class PriceQuerySerializer(serializers.Serializer):
    locals()["from"] = FlexibleDateTimeField(
        required=False,
        help_text="Start (ISO date or date-time, UTC when no offset). Default: `to` − 365 days.",
    )
    to = FlexibleDateTimeField(
        required=False,
        end_of_day=True,
        help_text="End, inclusive (a date: its whole day). Default: now.",
    )
    interval = serializers.ChoiceField(choices=INTERVALS, default="day")
    source = serializers.ChoiceField(choices=PriceSource.choices, required=False)  # type: ignore[assignment]
    condition = serializers.ChoiceField(
        choices=PriceCondition.choices, required=False, allow_blank=True
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        end = attrs.get("to") or timezone.now()
        start = attrs.get("from") or end - timedelta(days=365)
        if start > end:
            raise serializers.ValidationError({"from": [_("Must not be later than `to`.")]})
        attrs["from"], attrs["to"] = start, end
        return attrs


PRICE_QUERY_PARAMS = frozenset({"from", "to", "interval", "source", "condition", "format"})


class PricePointListSerializer(serializers.ListSerializer):
    """The points come in their text already (`price_history.selectors.Series`: written by
    PostgreSQL for buckets): a year of daily points is ~730 of them, and DRF's per-point,
    per-field machinery cost ~40 ms of a 50 ms budget (docs/performance.md). A test holds
    that text to what the declared fields would give."""

    def to_representation(self, data: Any) -> list[dict[str, Any]]:
        return list(data)


class PricePointSerializer(serializers.Serializer):
    class Meta:
        list_serializer_class = PricePointListSerializer

    t = serializers.DateTimeField(help_text="Observation time, or the bucket's start (UTC).")
    price = serializers.DecimalField(
        max_digits=12, decimal_places=2, help_text="The price, or the bucket's average."
    )
    low = serializers.DecimalField(max_digits=12, decimal_places=2)
    high = serializers.DecimalField(max_digits=12, decimal_places=2)
    count = serializers.IntegerField(help_text="Observations in the bucket (1 for raw).")


class PriceChangeSerializer(serializers.Serializer):
    absolute = serializers.DecimalField(max_digits=13, decimal_places=2)
    percent = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    reference_price = serializers.DecimalField(max_digits=12, decimal_places=2)
    reference_at = serializers.DateTimeField()


class PriceSummarySerializer(serializers.Serializer):
    latest = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    latest_at = serializers.DateTimeField(allow_null=True)
    min = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    max = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    change_7d = PriceChangeSerializer(
        allow_null=True, help_text="Latest vs. the last price at least 7 days older."
    )
    change_30d = PriceChangeSerializer(
        allow_null=True, help_text="Latest vs. the last price at least 30 days older."
    )


class PriceSeriesSerializer(serializers.Serializer):
    source = serializers.ChoiceField(choices=PriceSource.choices)  # type: ignore[assignment]
    condition = serializers.ChoiceField(
        choices=PriceCondition.choices,
        allow_blank=True,
        help_text="Empty when the condition is unknown.",
    )
    currency = serializers.CharField()
    points = PricePointSerializer(many=True, help_text=f"At most {MAX_POINTS}, oldest first.")
    summary = PriceSummarySerializer()


class PriceSeriesResponseSerializer(serializers.Serializer):
    collectible = serializers.IntegerField()
    interval = serializers.ChoiceField(choices=INTERVALS)
    locals()["from"] = serializers.DateTimeField()
    to = serializers.DateTimeField()
    series = PriceSeriesSerializer(
        many=True, help_text="One per (source, condition, currency), never mixing currencies."
    )


class PriceEntryChangeSerializer(PriceEntrySerializer):
    """A correction of a manual entry: price, currency, condition, observed_at (the same
    validation as recording one)."""

    class Meta(PriceEntrySerializer.Meta):
        read_only_fields = [*PriceEntrySerializer.Meta.read_only_fields, "url"]


class PriceValuesSerializer(serializers.Serializer):
    price = serializers.DecimalField(max_digits=12, decimal_places=2)
    currency = serializers.CharField()
    condition = serializers.CharField(allow_blank=True)
    observed_at = serializers.DateTimeField()


class PriceCorrectionSerializer(serializers.ModelSerializer):
    entry = serializers.IntegerField(
        source="entry_id", help_text="The price entry (it may since be deleted)."
    )
    before = PriceValuesSerializer(help_text="The entry before the change.")
    after = PriceValuesSerializer(allow_null=True, help_text="After it; null when deleted.")
    corrected_by = serializers.IntegerField(
        source="corrected_by_id", allow_null=True, help_text="Who made it (null: user deleted)."
    )

    class Meta:
        model = PriceCorrection
        fields = [
            "id",
            "collectible",
            "entry",
            "action",
            "before",
            "after",
            "corrected_by",
            "created_at",
        ]
        read_only_fields = fields
