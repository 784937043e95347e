"""Shapes of import jobs: the upload, the changes a collector makes before committing,
and the job as shown (its preview while a draft, its progress and outcome after)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from imports.fields import GROUPS, KINDS, offered_targets
from imports.models import ImportJob, ImportStatus, OnDuplicate
from imports.selectors import PREVIEW_ROWS

MAX_ENTRIES = 200
MAX_KEY_LENGTH = 100


class _BoundedDictField(serializers.DictField):
    default_error_messages = {"too_many": gettext_lazy("At most {limit} entries.")}

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        value = super().to_internal_value(data)
        if len(value) > MAX_ENTRIES:
            self.fail("too_many", limit=MAX_ENTRIES)
        if any(len(key) > MAX_KEY_LENGTH for key in value):
            raise serializers.ValidationError(
                _("Keys are at most %(limit)s characters.") % {"limit": MAX_KEY_LENGTH}
            )
        return value


class ImportUploadSerializer(serializers.Serializer):
    file = serializers.FileField(
        help_text=f"CSV, TSV, XLSX or JSON, at most {settings.IMPORT_MAX_FILE_BYTES} bytes and "
        f"{settings.IMPORT_MAX_ROWS} rows.",
        allow_empty_file=True,  # refused by the reader, with the import's own message
    )
    vendor = serializers.IntegerField(
        required=False, min_value=1, help_text="Import into this vendor (default: your collection)."
    )
    day_first = serializers.BooleanField(
        required=False, help_text="Read 05/03/2024 as 5 March (default: month first)."
    )
    on_duplicate = serializers.ChoiceField(choices=OnDuplicate.choices, required=False)


class ImportJobUpdateSerializer(serializers.Serializer):
    mapping = _BoundedDictField(
        child=serializers.CharField(allow_null=True, allow_blank=True, max_length=100),
        required=False,
        help_text="Column → field (`name`, `condition`, `card_details.game`, "
        "`external_ids.discogs`, `tracker_url`, …; null or empty: not imported). Columns not "
        "named keep their mapping.",
    )
    value_maps = _BoundedDictField(
        child=_BoundedDictField(child=serializers.CharField(allow_blank=True, max_length=40)),
        required=False,
        help_text='Field → {cell text → value}, e.g. {"condition": {"NM": "near_mint", '
        '"Loose": "loose"}}. Replaces the value maps.',
    )
    defaults = _BoundedDictField(
        child=serializers.CharField(allow_blank=True, max_length=200),
        required=False,
        help_text='Field → value for rows without one, e.g. {"category": "vinyl"}. Replaces '
        "the defaults.",
    )
    on_duplicate = serializers.ChoiceField(choices=OnDuplicate.choices, required=False)
    day_first = serializers.BooleanField(required=False)
    create_trackers = serializers.BooleanField(required=False)

    def validate_mapping(self, value: dict[str, str | None]) -> dict[str, str | None]:
        return {column: target or None for column, target in value.items()}


class RowErrorSerializer(serializers.Serializer):
    row = serializers.IntegerField(help_text="The row number in the file (the header is one).")
    column = serializers.CharField(allow_null=True, help_text="The column, when one is at fault.")
    message = serializers.CharField()


class PreviewRowSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    action = serializers.ChoiceField(
        choices=["create", "update", "skip", "error"],
        help_text="What a commit would do with the row now.",
    )
    duplicate_of = serializers.IntegerField(
        allow_null=True, help_text="The existing item the row duplicates."
    )
    item = serializers.DictField(help_text="The item as it would be stored (as the item API).")
    tracker_url = serializers.CharField(allow_blank=True)
    errors = RowErrorSerializer(many=True)  # type: ignore[assignment]


class PreviewCountsSerializer(serializers.Serializer):
    rows = serializers.IntegerField()
    # Declared fields are moved aside by the metaclass: `create`/`update` stay the methods.
    create = serializers.IntegerField()  # type: ignore[assignment]
    update = serializers.IntegerField()  # type: ignore[assignment]
    skip = serializers.IntegerField()
    error = serializers.IntegerField()


class ImportTargetSerializer(serializers.Serializer):
    """A field a column can be imported as (`imports/fields.py`)."""

    name = serializers.CharField(help_text="What `mapping` names (`card_details.game`, …).")
    label = serializers.CharField()  # type: ignore[assignment]
    group = serializers.ChoiceField(
        choices=list(GROUPS), help_text="The group a mapping screen offers it in."
    )
    kind = serializers.ChoiceField(
        choices=list(KINDS), help_text="How its cells are read (docs/imports.md)."
    )


_MAPPING_SCHEMA = {
    "type": "object",
    "additionalProperties": {"type": "string", "nullable": True},
    "description": "Column → field (null: not imported).",
}


class ImportJobSummarySerializer(serializers.ModelSerializer):
    is_finished = serializers.BooleanField(read_only=True)
    total = serializers.IntegerField(source="rows_total", read_only=True)
    processed = serializers.IntegerField(source="rows_processed", read_only=True)
    created = serializers.IntegerField(source="rows_created", read_only=True)
    updated = serializers.IntegerField(source="rows_updated", read_only=True)
    skipped = serializers.IntegerField(source="rows_skipped", read_only=True)
    failed = serializers.IntegerField(source="rows_failed", read_only=True)

    class Meta:
        model = ImportJob
        fields = [
            "id",
            "vendor",
            "status",
            "is_finished",
            "file_name",
            "file_format",
            "profile",
            "on_duplicate",
            "total",
            "processed",
            "created",
            "updated",
            "skipped",
            "failed",
            "trackers_created",
            "error",
            "created_at",
            "queued_at",
            "started_at",
            "finished_at",
            "undone_at",
        ]
        read_only_fields = fields

    def to_representation(self, instance: ImportJob) -> dict[str, Any]:
        """`error` is one of our sentences (imports.services.commit), stored in English:
        it reads in the request's language."""
        data = super().to_representation(instance)
        if instance.error:
            data["error"] = _(instance.error)
        return data


class ImportJobSerializer(ImportJobSummarySerializer):
    columns = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="Unique, in file order."
    )
    value_maps = serializers.DictField(
        child=serializers.DictField(child=serializers.CharField()), read_only=True
    )
    defaults = serializers.DictField(child=serializers.CharField(), read_only=True)
    suggested_mapping = serializers.SerializerMethodField()
    mapping = serializers.SerializerMethodField()
    targets = serializers.SerializerMethodField()
    preview = serializers.SerializerMethodField()
    counts = serializers.SerializerMethodField()
    errors = serializers.SerializerMethodField()  # type: ignore[assignment]

    class Meta(ImportJobSummarySerializer.Meta):
        fields = [
            *ImportJobSummarySerializer.Meta.fields[:6],
            "encoding",
            "delimiter",
            "header_row",
            "columns",
            "suggested_mapping",
            "mapping",
            "targets",
            "value_maps",
            "defaults",
            "day_first",
            "create_trackers",
            "preview",
            "counts",
            "errors",
            *ImportJobSummarySerializer.Meta.fields[6:],
        ]
        read_only_fields = fields

    @extend_schema_field(_MAPPING_SCHEMA)
    def get_suggested_mapping(self, job: ImportJob) -> dict[str, str | None]:
        return job.suggested_mapping

    @extend_schema_field(_MAPPING_SCHEMA)
    def get_mapping(self, job: ImportJob) -> dict[str, str | None]:
        return job.mapping

    @extend_schema_field(
        ImportTargetSerializer(
            many=True,
            help_text="What a column can be imported as, group by group: every field, and "
            "the other marketplaces' ids (`external_ids.<marketplace>`) the mappings use.",
        )
    )
    def get_targets(self, job: ImportJob) -> list[dict[str, str]]:
        names = [*job.mapping.values(), *job.suggested_mapping.values()]
        return [
            {"name": t.name, "label": t.label, "group": t.group, "kind": t.kind}
            for t in offered_targets(names)
        ]

    @extend_schema_field(
        PreviewRowSerializer(many=True, help_text=f"The first {PREVIEW_ROWS} rows.")
    )
    def get_preview(self, job: ImportJob) -> list[dict[str, Any]]:
        return job.preview.get("rows", [])

    @extend_schema_field(PreviewCountsSerializer)
    def get_counts(self, job: ImportJob) -> dict[str, int]:
        return job.preview.get("counts", {})

    @extend_schema_field(RowErrorSerializer(many=True))
    def get_errors(self, job: ImportJob) -> list[dict[str, Any]]:
        """Before the commit, the problems the preview found (every row); after it, the
        rows the commit skipped and why."""
        if job.status == ImportStatus.DRAFT:
            return job.preview.get("errors", [])
        return job.errors
