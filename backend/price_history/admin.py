from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest

from price_history import gateway, queue, services
from price_history.models import (
    JobKind,
    PriceCorrection,
    PriceHistory,
    ScrapeJob,
    ScrapeRun,
    Tracker,
)
from price_history.queue import QueueUnavailableError


class TrackerURLFormField(forms.URLField):
    """As the API: an address the scraper refuses says why before any syntax error."""

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value and (problem := gateway.url_problem(value)):
            raise ValidationError(problem)


class TrackerForm(forms.ModelForm):
    url = TrackerURLFormField(max_length=2000, assume_scheme="https")

    class Meta:
        model = Tracker
        exclude: list[str] = []  # every field the admin's fieldsets show

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        selector = cleaned.get("selector")
        if selector and (problem := gateway.selector_problem(selector)):
            self.add_error("selector", problem)  # as the API's tracker_validate says
        return cleaned


@admin.register(Tracker)
class TrackerAdmin(admin.ModelAdmin):
    form = TrackerForm
    list_display = [
        "id",
        "collectible",
        "source",
        "url",
        "condition",
        "status",
        "consecutive_failures",
        "last_error_kind",
        "next_run_at",
        "last_success_at",
    ]
    list_filter = ["is_active", "source", "last_error_kind"]
    search_fields = ["url", "collectible__name", "external_id"]
    list_select_related = ["collectible"]
    autocomplete_fields = ["collectible"]
    raw_id_fields = ["created_by"]
    readonly_fields = [
        "status",
        "paused_reason",
        "consecutive_failures",
        "last_error_kind",
        "last_error_message",
        "last_error_at",
        "last_checked_at",
        "last_success_at",
        "etag",
        "last_modified",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "collectible",
                    "source",
                    "url",
                    "external_id",
                    "selector",
                    "attribute",
                    "condition",
                    "currency",
                    "interval_minutes",
                    "created_by",
                ]
            },
        ),
        (
            "Schedule and health",
            {
                "fields": [
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
                    "etag",
                    "last_modified",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]
    actions = ["scrape_now", "pause", "resume"]

    @admin.display(description="status")
    def status(self, obj: Tracker) -> str:
        return obj.status

    @admin.action(description="Scrape now (queue a check of the selected trackers)")
    def scrape_now(self, request: HttpRequest, queryset: QuerySet[Tracker]) -> None:
        trackers = list(queryset.order_by("id"))
        if not queue.broker_available():
            self.message_user(request, QueueUnavailableError().message, messages.ERROR)
            return
        try:
            job = services.scrape_job_create(
                kind=JobKind.MANUAL,
                trackers=trackers,
                requested_by=request.user,  # type: ignore[arg-type]
            )
        except QueueUnavailableError as exc:
            self.message_user(request, exc.message, messages.ERROR)
            return
        self.message_user(
            request,
            f"Queued scrape job {job.pk} for {len(trackers)} tracker(s). Paused trackers "
            "are skipped: resume them first.",
            messages.SUCCESS,
        )

    @admin.action(description="Pause (stop checking until resumed)")
    def pause(self, request: HttpRequest, queryset: QuerySet[Tracker]) -> None:
        selected = list(queryset.order_by("id"))
        active = [tracker for tracker in selected if tracker.is_active]
        for tracker in active:
            services.tracker_pause(tracker=tracker, reason="Paused by an operator.")
        message = f"Paused {len(active)} tracker(s)"
        if skipped := len(selected) - len(active):
            message += f", {skipped} skipped: already paused"
        self.message_user(request, message + ".", messages.SUCCESS)

    @admin.action(description="Resume (reactivate and forget failures)")
    def resume(self, request: HttpRequest, queryset: QuerySet[Tracker]) -> None:
        trackers = list(queryset.filter(is_active=False))
        for tracker in trackers:
            services.tracker_resume(tracker=tracker)
        self.message_user(request, f"Resumed {len(trackers)} tracker(s).", messages.SUCCESS)


@admin.register(PriceHistory)
class PriceHistoryAdmin(admin.ModelAdmin):
    """Read-only: observations are kept as seen; manual prices are entered and corrected
    through the API, which records each correction (`PriceCorrectionAdmin`)."""

    list_display = [
        "observed_at",
        "collectible",
        "source",
        "price",
        "currency",
        "condition",
        "is_demo",
        "tracker",
    ]
    list_filter = ["source", "currency", "condition", "is_demo"]
    search_fields = ["collectible__name", "url", "title"]
    date_hierarchy = "observed_at"
    list_select_related = ["collectible"]
    ordering = ["-observed_at", "-id"]

    def get_readonly_fields(self, request: HttpRequest, obj: object = None) -> list[str]:
        return [field.name for field in PriceHistory._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(PriceCorrection)
class PriceCorrectionAdmin(admin.ModelAdmin):
    """Read-only: the record of every correction and deletion of a manual price."""

    list_display = ["created_at", "collectible", "entry_id", "action", "corrected_by"]
    list_filter = ["action"]
    search_fields = ["collectible__name", "corrected_by__email"]
    date_hierarchy = "created_at"
    list_select_related = ["collectible", "corrected_by"]

    def get_readonly_fields(self, request: HttpRequest, obj: object = None) -> list[str]:
        return [field.name for field in PriceCorrection._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


RUN_FIELDS = (
    "tracker",
    "status",
    "not_modified",
    "observations_recorded",
    "error_kind",
    "error_message",
    "attempts",
    "started_at",
    "finished_at",
)


class ScrapeRunInline(admin.TabularInline):
    model = ScrapeRun
    extra = 0
    can_delete = False
    fields = RUN_FIELDS
    readonly_fields = RUN_FIELDS

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(ScrapeJob)
class ScrapeJobAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "kind",
        "status",
        "collectible",
        "trackers_total",
        "trackers_succeeded",
        "trackers_failed",
        "observations_recorded",
        "created_at",
        "finished_at",
    ]
    list_filter = ["kind", "status"]
    search_fields = ["collectible__name"]
    list_select_related = ["collectible"]
    inlines = [ScrapeRunInline]
    actions = ["retry_failed_runs", "cancel_queued_runs"]

    @admin.action(description="Retry failed runs (queue their trackers again in a new job)")
    def retry_failed_runs(self, request: HttpRequest, queryset: QuerySet[ScrapeJob]) -> None:
        try:
            outcome = services.scrape_jobs_retry_failed(
                jobs=list(queryset.select_related("collectible").order_by("id")),
                requested_by=request.user,  # type: ignore[arg-type]
            )
        except QueueUnavailableError as exc:
            self.message_user(request, exc.message, messages.ERROR)
            return
        message = outcome.describe("queued again")
        if outcome.jobs:
            message += " (new job " + ", ".join(str(pk) for pk in outcome.jobs) + ")"
        level = messages.SUCCESS if outcome.done else messages.WARNING
        self.message_user(request, message + ".", level)

    @admin.action(description="Cancel queued runs (those no worker has started)")
    def cancel_queued_runs(self, request: HttpRequest, queryset: QuerySet[ScrapeJob]) -> None:
        outcome = services.scrape_jobs_cancel_queued(jobs=list(queryset.order_by("id")))
        level = messages.SUCCESS if outcome.done else messages.WARNING
        self.message_user(request, outcome.describe("cancelled") + ".", level)

    def get_readonly_fields(self, request: HttpRequest, obj: object = None) -> list[str]:
        return [field.name for field in ScrapeJob._meta.fields] + ["created_at", "updated_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return request.method in ("GET", "HEAD")
