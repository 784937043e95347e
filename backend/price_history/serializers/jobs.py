"""Shapes of scrape jobs and their runs (read-only)."""

from __future__ import annotations

from rest_framework import serializers

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
