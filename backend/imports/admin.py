"""The operator's view of imports: read-only (jobs are made through the API or
`manage.py import_collection`), with their mapping, counts and per-row problems."""

from __future__ import annotations

import json

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html

from imports.models import ImportedItem, ImportJob

MAX_SHOWN_ERRORS = 200


class ImportedItemInline(admin.TabularInline):
    model = ImportedItem
    fields = ("row", "action", "collectible", "tracker", "stamp")
    readonly_fields = ("row", "action", "collectible", "tracker", "stamp")
    extra = 0
    max_num = 0
    can_delete = False
    show_change_link = False
    classes = ["collapse"]


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "file_name",
        "created_by",
        "vendor",
        "status",
        "profile",
        "rows_total",
        "rows_processed",
        "rows_created",
        "rows_updated",
        "rows_skipped",
        "rows_failed",
        "created_at",
    ]
    list_filter = ["status", "file_format", "profile"]
    search_fields = ["file_name", "created_by__email", "vendor__name"]
    list_select_related = ["created_by", "vendor"]
    inlines = [ImportedItemInline]
    fieldsets = [
        (None, {"fields": ["created_by", "vendor", "status", "error"]}),
        ("File", {"fields": ["file_name", "file_format", "encoding", "delimiter", "header_row",
                             "profile", "columns"]}),
        ("Mapping", {"fields": ["mapping_text", "value_maps", "defaults", "on_duplicate",
                                "day_first", "create_trackers"]}),
        ("Outcome", {"fields": ["rows_total", "rows_processed", "rows_created", "rows_updated",
                                "rows_skipped", "rows_failed", "trackers_created",
                                "errors_text"]}),
        ("Times", {"fields": ["created_at", "queued_at", "started_at", "finished_at",
                              "undone_at"]}),
    ]  # fmt: skip

    def get_queryset(self, request: HttpRequest) -> QuerySet[ImportJob]:
        return super().get_queryset(request).defer("rows", "preview")

    def get_readonly_fields(self, request: HttpRequest, obj: object = None) -> list[str]:
        return [str(name) for _, options in self.fieldsets for name in options["fields"]]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return request.method in ("GET", "HEAD")

    @admin.display(description="mapping")
    def mapping_text(self, job: ImportJob) -> str:
        return format_html("<pre>{}</pre>", json.dumps(job.mapping, indent=2, ensure_ascii=False))

    @admin.display(description="problems")
    def errors_text(self, job: ImportJob) -> str:
        errors = job.errors if job.status != "draft" else job.preview.get("errors", [])
        lines = [
            f"row {e['row']}"
            + (f" [{e['column']}]" if e.get("column") else "")
            + f": {e['message']}"
            for e in errors[:MAX_SHOWN_ERRORS]
        ]
        return format_html("<pre>{}</pre>", "\n".join(lines) or "none")
