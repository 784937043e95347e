"""Import jobs: an uploaded file read into rows, the collector's mapping of its columns,
the commit's progress and outcome, and what each written row did (for undo).

See docs/imports.md for how a job moves from upload to commit (and back with undo).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.models import TimestampedModel
from inventory.models import Collectible
from price_history.models import Tracker
from vendors.models import Vendor


class ImportStatus(models.TextChoices):
    DRAFT = "draft", "Being mapped"
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Succeeded"
    PARTIAL = "partial", "Done, some rows failed"
    FAILED = "failed", "Failed"
    UNDONE = "undone", "Undone"


FINISHED_IMPORT_STATUSES = (ImportStatus.SUCCEEDED, ImportStatus.PARTIAL, ImportStatus.FAILED)


class OnDuplicate(models.TextChoices):
    SKIP = "skip", "Skip the row"
    UPDATE = "update", "Update the existing item"
    ADD = "add", "Add another item anyway"


class FileFormat(models.TextChoices):
    CSV = "csv", "CSV"
    TSV = "tsv", "TSV"
    XLSX = "xlsx", "Excel (XLSX)"
    JSON = "json", "JSON"


class ImportJob(TimestampedModel):
    """One uploaded file on its way into a vendor's inventory."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_jobs"
    )
    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="import_jobs")
    status = models.CharField(
        max_length=10, choices=ImportStatus.choices, default=ImportStatus.DRAFT
    )
    file_name = models.CharField(max_length=255)
    file_format = models.CharField(max_length=4, choices=FileFormat.choices)
    encoding = models.CharField(max_length=20, blank=True, help_text="Of a text file.")
    delimiter = models.CharField(max_length=1, blank=True, help_text="Of a CSV or TSV file.")
    header_row = models.PositiveIntegerField(
        default=1, help_text="The file's row (from 1) that names the columns."
    )
    profile = models.CharField(
        max_length=20, blank=True, help_text="The known export the columns were recognised as."
    )
    columns = models.JSONField(default=list, help_text="Column names, unique, in file order.")
    # The data rows as read: [file row number, cell, cell, …] (cells are strings).
    rows = models.JSONField(default=list, editable=False)
    suggested_mapping = models.JSONField(default=dict)
    mapping = models.JSONField(default=dict, help_text="Column → field (null: not imported).")
    value_maps = models.JSONField(default=dict, help_text="Field → {cell text → value}.")
    defaults = models.JSONField(default=dict, help_text="Field → value when the file has none.")
    on_duplicate = models.CharField(
        max_length=6, choices=OnDuplicate.choices, default=OnDuplicate.SKIP
    )
    day_first = models.BooleanField(default=False, help_text="Read 05/03/2024 as 5 March.")
    create_trackers = models.BooleanField(
        default=True, help_text="Create a tracker for rows with a tracker URL."
    )
    # What the file would give with this mapping, recomputed on upload and on each change:
    # {"rows": [first rows as stored], "errors": [...], "counts": {...}}.
    preview = models.JSONField(default=dict, editable=False)
    rows_total = models.PositiveIntegerField(default=0)
    rows_processed = models.PositiveIntegerField(default=0)
    rows_created = models.PositiveIntegerField(default=0)
    rows_updated = models.PositiveIntegerField(default=0)
    rows_skipped = models.PositiveIntegerField(default=0)
    rows_failed = models.PositiveIntegerField(default=0)
    trackers_created = models.PositiveIntegerField(default=0)
    # The commit's per-row problems: [{"row": n, "column": name or null, "message": text}].
    errors = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True, help_text="Why the whole job failed, if it did.")
    queued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["created_by", "-created_at"])]

    def __str__(self) -> str:
        return f"Import {self.pk} of {self.file_name} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_IMPORT_STATUSES


class ImportAction(models.TextChoices):
    CREATED = "created", "Created"
    UPDATED = "updated", "Updated"


class ImportedItem(models.Model):
    """What one committed row did to one item: enough to undo it while the item is as the
    import left it (`stamp` is the item's `updated_at` right after the write)."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="items")
    collectible = models.ForeignKey(
        Collectible, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    tracker = models.ForeignKey(
        Tracker, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    row = models.PositiveIntegerField(help_text="The file's row number.")
    action = models.CharField(max_length=7, choices=ImportAction.choices)
    before = models.JSONField(
        null=True, blank=True, help_text="An updated item's fields before the import."
    )
    stamp = models.DateTimeField()

    class Meta:
        ordering = ["job", "row"]
        indexes = [models.Index(fields=["job", "action"])]

    def __str__(self) -> str:
        return f"Row {self.row} of import {self.job_id}: {self.action}"
