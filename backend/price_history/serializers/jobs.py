"""Shapes of scrape jobs and their runs (read-only)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from price_history.failure_texts import failure_text
from price_history.models import (
    ScrapeJob,
    ScrapeRun,
)


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

    def to_representation(self, instance: ScrapeRun) -> dict[str, Any]:
        """The error in the request's language (price_history.failure_texts)."""
        data = super().to_representation(instance)
        data["error_message"] = failure_text(
            kind=instance.error_kind,
            message=instance.error_message,
            code=instance.error_code,
            params=instance.error_params,
        )
        return data


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

    def to_representation(self, instance: ScrapeJob) -> dict[str, Any]:
        """The job's error, one of our stored English sentences, in the request's language
        (price_history.failure_texts: a message with no kind)."""
        data = super().to_representation(instance)
        data["error"] = failure_text(kind="", message=instance.error)
        return data


class VendorRefreshSkippedSerializer(serializers.Serializer):
    paused = serializers.IntegerField(help_text="Paused trackers: resume them to check them.")
    already_queued = serializers.IntegerField(
        help_text="Trackers with a check already queued or running (not queued twice)."
    )
    over_limit = serializers.IntegerField(
        help_text="Active trackers past `VENDOR_REFRESH_MAX_TRACKERS` (500): the longest "
        "unchecked go first, so the next refresh carries on with these."
    )


class VendorRefreshSerializer(serializers.Serializer):
    """The answer of a collection's "refresh all": counts and job ids, not whole jobs (one
    per item, with every run, would make a long answer; `GET /scrape-jobs/{id}/`)."""

    vendor = serializers.IntegerField()
    queued = serializers.IntegerField(help_text="Trackers queued for a check now.")
    jobs = serializers.ListField(
        child=serializers.IntegerField(),
        help_text="The refresh jobs made, one per item with a tracker queued.",
    )
    skipped = VendorRefreshSkippedSerializer(help_text="Trackers not queued, by reason.")
