from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_date
from rest_framework import serializers

from core.currencies import CurrencyField
from core.serializers import datetime_text, decimal_text
from price_history import gateway
from price_history.models import (
    MAX_INTERVAL_MINUTES,
    TRACKER_STATUSES,
    PriceCondition,
    PriceHistory,
    PriceSource,
    ScrapeJob,
    ScrapeRun,
    Tracker,
    TrackerSource,
    tracker_selector_errors,
)
from price_history.selectors import INTERVALS, MAX_POINTS

# ------------------------------------------------------------------------------ trackers


class TrackerSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(
        choices=list(TRACKER_STATUSES),
        read_only=True,
        help_text="`new` (never checked), `ok`, `failing` (last check failed; retried with "
        "backoff) or `paused` (see `paused_reason`).",
    )
    url = serializers.URLField(
        max_length=2000, help_text="The page to watch (http or https, a public address)."
    )
    interval_minutes = serializers.IntegerField(
        required=False,
        max_value=MAX_INTERVAL_MINUTES,
        help_text="Minutes between two checks; at least 60. Default one day.",
    )
    currency = CurrencyField(
        required=False,
        allow_blank=True,
        help_text="ISO 4217 currency of prices the page does not label; default the vendor's.",
    )

    class Meta:
        model = Tracker
        fields = [
            "id",
            "collectible",
            "source",
            "url",
            "external_id",
            "selector",
            "attribute",
            "condition",
            "currency",
            "interval_minutes",
            "status",
            "is_active",
            "paused_reason",
            "next_run_at",
            "consecutive_failures",
            "last_error_kind",
            "last_error_message",
            "last_error_at",
            "last_checked_at",
            "last_success_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "collectible",
            "status",
            "is_active",
            "paused_reason",
            "next_run_at",
            "consecutive_failures",
            "last_error_kind",
            "last_error_message",
            "last_error_at",
            "last_checked_at",
            "last_success_at",
            "created_at",
            "updated_at",
        ]

    def validate_url(self, value: str) -> str:
        problem = gateway.url_problem(value)
        if problem:
            raise serializers.ValidationError(problem)
        return value

    def validate_interval_minutes(self, value: int) -> int:
        minimum = int(settings.TRACKER_MIN_INTERVAL.total_seconds() // 60)
        if value < minimum:
            raise serializers.ValidationError(
                f"Checks run at most every {minimum} minutes: use {minimum} or more."
            )
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        instance: Tracker | None = self.instance

        def current(name: str) -> Any:
            if name in attrs:
                return attrs[name]
            return getattr(instance, name) if instance is not None else ""

        errors = tracker_selector_errors(
            source=current("source") or TrackerSource.STRUCTURED,
            selector=current("selector"),
            attribute=current("attribute"),
        )
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class ObservationPreviewSerializer(serializers.Serializer):
    source = serializers.CharField()  # type: ignore[assignment]
    price = serializers.DecimalField(max_digits=12, decimal_places=2)
    currency = serializers.CharField()
    condition = serializers.CharField(help_text="Empty when neither page nor tracker says.")
    observed_at = serializers.DateTimeField()
    url = serializers.CharField()
    title = serializers.CharField()
    availability = serializers.CharField()


class FailureSerializer(serializers.Serializer):
    kind = serializers.CharField(
        help_text="`robots_disallowed`, `forbidden_address`, `http_error`, `rate_limited`, "
        "`timeout`, `too_large`, `not_html`, `no_price_found`, `ambiguous_prices`, "
        "`out_of_stock`, `selector_not_found` or `internal_error`."
    )
    message = serializers.CharField(help_text="Why, in a sentence a collector understands.")


class TrackerTestSerializer(serializers.Serializer):
    ok = serializers.BooleanField(help_text="Whether the page gave prices to record.")
    observations = ObservationPreviewSerializer(
        many=True, help_text="What a check would record now (nothing is stored)."
    )
    failure = FailureSerializer(allow_null=True)


# ---------------------------------------------------------------------------------- jobs


class ScrapeRunSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="tracker.url", read_only=True)
    source = serializers.CharField(source="tracker.source", read_only=True)  # type: ignore[assignment]

    class Meta:
        model = ScrapeRun
        fields = [
            "id",
            "tracker",
            "url",
            "source",
            "status",
            "not_modified",
            "observations_recorded",
            "error_kind",
            "error_message",
            "attempts",
            "started_at",
            "finished_at",
        ]
        read_only_fields = fields


class ScrapeJobSerializer(serializers.ModelSerializer):
    is_finished = serializers.BooleanField(read_only=True)
    runs = ScrapeRunSerializer(many=True, read_only=True, help_text="One per tracker.")

    class Meta:
        model = ScrapeJob
        fields = [
            "id",
            "kind",
            "status",
            "is_finished",
            "collectible",
            "requested_by",
            "trackers_total",
            "trackers_succeeded",
            "trackers_failed",
            "trackers_skipped",
            "observations_recorded",
            "error",
            "created_at",
            "started_at",
            "finished_at",
            "runs",
        ]
        read_only_fields = fields


# -------------------------------------------------------------------------------- prices


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
            "is_demo",
            "created_at",
        ]

    def validate_observed_at(self, value: datetime) -> datetime:
        if value > timezone.now() + timedelta(minutes=5):
            raise serializers.ValidationError("A price cannot be observed in the future.")
        return value


class FlexibleDateTimeField(serializers.DateTimeField):
    """An ISO 8601 date-time, or a date (its start; with `end_of_day`, its last instant)."""

    def __init__(self, *, end_of_day: bool = False, **kwargs: Any) -> None:
        self.end_of_day = end_of_day
        super().__init__(**kwargs)

    def to_internal_value(self, value: Any) -> datetime:
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
            raise serializers.ValidationError({"from": ["Must not be later than `to`."]})
        attrs["from"], attrs["to"] = start, end
        return attrs


PRICE_QUERY_PARAMS = frozenset({"from", "to", "interval", "source", "condition", "format"})


class PricePointListSerializer(serializers.ListSerializer):
    """Formats points directly: a year of daily points in two series is ~730 dicts of known
    types, and DRF's per-point, per-field machinery cost ~40 ms of a 50 ms budget
    (docs/performance.md). The output is what the declared fields would give: ISO 8601
    UTC times with `Z`, amounts as strings to the cent (prices are stored, and averages
    rounded, to the cent)."""

    def to_representation(self, data: Any) -> list[dict[str, Any]]:
        zone = timezone.get_current_timezone()
        return [
            {
                "t": datetime_text(point["t"], zone),
                "price": decimal_text(point["price"], 2),
                "low": decimal_text(point["low"], 2),
                "high": decimal_text(point["high"], 2),
                "count": point["count"],
            }
            for point in data
        ]


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
    condition = serializers.CharField(help_text="Empty when the condition is unknown.")
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
