"""Shapes of the export, take-out and restore requests and answers."""

from __future__ import annotations

from rest_framework import serializers

from imports.exports import EXPORT_FORMATS


class ExportQuerySerializer(serializers.Serializer):
    format = serializers.ChoiceField(
        choices=list(EXPORT_FORMATS), default="csv", help_text="The file to make."
    )


class RestoreSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="A take-out zip (GET /vendors/{id}/takeout).")


class TakeoutCountsSerializer(serializers.Serializer):
    collectibles = serializers.IntegerField()
    trackers = serializers.IntegerField()
    price_history = serializers.IntegerField()
    value_snapshots = serializers.IntegerField()
    photos = serializers.IntegerField()
