"""Shapes of trackers and of the one-off check of a tracker's page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from core.currencies import CurrencyField
from price_history import gateway
from price_history.failure_texts import failure_text, paused_text
from price_history.models import (
    MAX_INTERVAL_MINUTES,
    MIN_INTERVAL_MINUTES,
    TRACKER_STATUSES,
    PriceCondition,
    Tracker,
    TrackerSource,
    tracker_selector_errors,
)


class TrackerURLField(serializers.URLField):
    """A page URL, checked for safety before its syntax, so that an address the scraper
    refuses (`http://2130706433/`, a private host) says why rather than "not a URL"."""

    def to_internal_value(self, data: Any) -> str:
        url = super().to_internal_value(data)
        if problem := gateway.url_problem(url):
            raise serializers.ValidationError(problem)
        return url


class TrackerSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(
        choices=list(TRACKER_STATUSES),
        read_only=True,
        help_text="`new` (never checked), `ok`, `failing` (last check failed; retried with "
        "backoff) or `paused` (see `paused_reason`).",
    )
    url = TrackerURLField(
        max_length=2000, help_text="The page to watch (http or https, a public address)."
    )
    interval_minutes = serializers.IntegerField(
        required=False,
        min_value=MIN_INTERVAL_MINUTES,
        max_value=MAX_INTERVAL_MINUTES,
        error_messages={
            "min_value": gettext_lazy(
                "Checks run at most every {min_value} minutes: use {min_value} or more."
            )
        },
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
        extra_kwargs = {
            "source": {
                "help_text": "How the page is read. Omitted on creation: `css` when a "
                "selector is given, else chosen from the URL's host (`pricecharting.com` → "
                "`pricecharting`, `ebay.*` → `ebay`, `cardmarket.com` → `cardmarket`), "
                "else `structured`."
            }
        }

    def to_representation(self, instance: Tracker) -> dict[str, Any]:
        """The last error and the pause's reason in the request's language, written from
        their stored code when they have one (price_history.failure_texts)."""
        data = super().to_representation(instance)
        error = {
            "kind": instance.last_error_kind,
            "message": instance.last_error_message,
            "code": instance.last_error_code,
            "params": instance.last_error_params,
        }
        data["last_error_message"] = failure_text(**error)
        data["paused_reason"] = paused_text(
            reason=instance.paused_reason, failures=instance.consecutive_failures, **error
        )
        return data

    def validate_interval_minutes(self, value: int) -> int:
        minimum = int(settings.TRACKER_MIN_INTERVAL.total_seconds() // 60)
        if value < minimum:
            raise serializers.ValidationError(
                _("Checks run at most every %(minimum)s minutes: use %(minimum)s or more.")
                % {"minimum": minimum}
            )
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        instance: Tracker | None = self.instance

        def current(name: str) -> Any:
            if name in attrs:
                return attrs[name]
            return getattr(instance, name) if instance is not None else ""

        if instance is None and not attrs.get("source"):
            # No source named: the URL's host chooses (ebay.com → ebay, …), as the CLI does.
            attrs["source"] = gateway.source_for(attrs.get("url", ""), attrs.get("selector", ""))
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
    condition = serializers.ChoiceField(
        choices=PriceCondition.choices,
        allow_blank=True,
        help_text="Empty when neither page nor tracker says.",
    )
    observed_at = serializers.DateTimeField()
    url = serializers.CharField()
    title = serializers.CharField()
    availability = serializers.CharField()
    seller = serializers.CharField(help_text="Who offers it, when the page says; else empty.")
    shipping = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        allow_null=True,
        help_text="Shipping in `currency` when the page gives it (0: free).",
    )


class FailureSerializer(serializers.Serializer):
    kind = serializers.CharField(
        help_text="`robots_disallowed`, `forbidden_address`, `http_error`, `rate_limited`, "
        "`timeout`, `too_large`, `not_html`, `no_price_found`, `ambiguous_prices`, "
        "`out_of_stock`, `selector_not_found`, `missing_credentials` (a marketplace API source "
        "without your key, or a key it refused) or `internal_error`."
    )
    message = serializers.CharField(help_text="Why, in a sentence a collector understands.")


class TrackerTestSerializer(serializers.Serializer):
    ok = serializers.BooleanField(help_text="Whether the page gave prices to record.")
    observations = ObservationPreviewSerializer(
        many=True, help_text="What a check would record now (nothing is stored)."
    )
    failure = FailureSerializer(allow_null=True)
