"""The operator's view of imports: a file is uploaded for a member of a vendor ("Add",
`admin_upload.py`), drafts are committed and finished imports undone with the list's
actions; a job itself is read-only here (its mapping is changed in the app, the API or
`manage.py import_collection`), with its mapping, counts and per-row problems."""

from __future__ import annotations

import json
from collections.abc import Callable

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from imports import services
from imports.admin_upload import ImportUploadForm
from imports.models import ImportedItem, ImportJob
from imports.reading import FileProblem
from price_history.queue import QueueUnavailableError

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
    actions = ["commit_drafts", "undo_imports"]
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

    def add_view(
        self, request: HttpRequest, form_url: str = "", extra_context: dict | None = None
    ) -> HttpResponse:
        form = ImportUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            upload = data["file"]
            try:
                job = services.import_job_create(
                    user=data["user"],
                    vendor=data["vendor"],
                    file_name=upload.name or "upload",
                    content=upload.read(),
                    options={"day_first": data["day_first"], "on_duplicate": data["on_duplicate"]},
                )
                if data["category"]:
                    defaults = {**job.defaults, "category": data["category"]}
                    job = services.import_job_configure(job=job, changes={"defaults": defaults})
            except FileProblem as problem:
                form.add_error("file", problem.message)
            else:
                self.log_addition(request, job, "Uploaded in the admin.")
                counts = job.preview.get("counts", {})
                self.message_user(
                    request,
                    f"Read {job.rows_total} rows ({counts.get('error', 0)} with problems). "
                    "Check the mapping and problems below, then commit it from the list.",
                )
                return HttpResponseRedirect(
                    reverse("admin:imports_importjob_change", args=[job.pk])
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Import a file",
            "form": form,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/imports/importjob/upload.html", context)

    @admin.action(description="Commit the selected drafts (written by a worker)")
    def commit_drafts(self, request: HttpRequest, queryset: QuerySet[ImportJob]) -> None:
        self._each(request, queryset, services.import_job_commit, "queued")

    @admin.action(description="Undo the selected finished imports")
    def undo_imports(self, request: HttpRequest, queryset: QuerySet[ImportJob]) -> None:
        self._each(request, queryset, services.import_job_undo, "undone")

    def _each(
        self,
        request: HttpRequest,
        queryset: QuerySet[ImportJob],
        act: Callable[..., ImportJob],
        done: str,
    ) -> None:
        succeeded = 0
        for job in queryset.defer("rows", "preview"):
            try:
                act(job=job)
            except services.ImportConflictError as conflict:
                self.message_user(request, f"Import {job.pk}: {conflict.message}", messages.ERROR)
            except ValidationError as invalid:
                text = " ".join(invalid.messages)
                self.message_user(request, f"Import {job.pk}: {text}", messages.ERROR)
            except QueueUnavailableError:
                self.message_user(
                    request, "The task queue is unavailable: nothing was queued.", messages.ERROR
                )
                return
            else:
                succeeded += 1
        if succeeded:
            self.message_user(request, f"{succeeded} import(s) {done}.")

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
