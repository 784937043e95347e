"""Trackers (what to watch), PriceHistory (what was seen) and ScrapeJob/ScrapeRun (runs).

See docs/price-engine.md for how they move through the worker pipeline.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext as _

from core.currencies import validate_currency_code
from core.models import TimestampedModel
from inventory.models import Collectible

MIN_INTERVAL_MINUTES = 60
MAX_INTERVAL_MINUTES = 30 * 24 * 60
DEFAULT_INTERVAL_MINUTES = 24 * 60


class TrackerSource(models.TextChoices):
    """The scraper's sources (`scraper.SOURCES`; a test keeps the two in step)."""

    STRUCTURED = "structured", "Shop page (schema.org structured data)"
    CSS = "css", "CSS selector on a page"
    PRICECHARTING = "pricecharting", "PriceCharting"
    EBAY = "ebay", "eBay (item or sold listings)"
    CARDMARKET = "cardmarket", "Cardmarket"
    DISCOGS = "discogs", "Discogs (API, with your token)"
    EBAY_API = "ebay_api", "eBay Browse API (with your application keys)"


class PriceSource(models.TextChoices):
    STRUCTURED = TrackerSource.STRUCTURED.value, TrackerSource.STRUCTURED.label
    CSS = TrackerSource.CSS.value, TrackerSource.CSS.label
    PRICECHARTING = TrackerSource.PRICECHARTING.value, TrackerSource.PRICECHARTING.label
    EBAY = TrackerSource.EBAY.value, TrackerSource.EBAY.label
    CARDMARKET = TrackerSource.CARDMARKET.value, TrackerSource.CARDMARKET.label
    DISCOGS = TrackerSource.DISCOGS.value, TrackerSource.DISCOGS.label
    EBAY_API = TrackerSource.EBAY_API.value, TrackerSource.EBAY_API.label
    MANUAL = "manual", "Entered by hand"


class PriceCondition(models.TextChoices):
    """Conditions a price can be for: the inventory scale, game completeness, and the
    grades of graded cards, a 10 per grading company (the scraper's observation
    vocabulary: `scraper/sources/card_grades.py`; a test keeps the two in step)."""

    SEALED = "sealed", "Sealed"
    MINT = "mint", "Mint"
    NEAR_MINT = "near_mint", "Near mint"
    EXCELLENT = "excellent", "Excellent"
    GOOD = "good", "Good"
    PLAYED = "played", "Played"
    POOR = "poor", "Poor"
    LOOSE = "loose", "Loose"
    CIB = "cib", "Complete in box"
    NEW = "new", "New / sealed"
    GRADED = "graded", "Graded"
    UNGRADED = "ungraded", "Ungraded"
    GRADE_7 = "grade_7", "Grade 7"
    GRADE_8 = "grade_8", "Grade 8"
    GRADE_9 = "grade_9", "Grade 9"
    GRADE_9_5 = "grade_9_5", "Grade 9.5"
    PSA_10 = "psa_10", "PSA 10"
    BGS_10 = "bgs_10", "BGS 10"
    CGC_10 = "cgc_10", "CGC 10"
    SGC_10 = "sgc_10", "SGC 10"


#: A tracker's `status`, derived from its state (see `Tracker.status`).
TRACKER_STATUSES = ("new", "ok", "failing", "paused")


def tracker_selector_errors(*, source: str, selector: str, attribute: str) -> dict[str, str]:
    """Only the css source reads a CSS selector (and an optional attribute), and it needs
    one: the problems with these three, by field."""
    if source == TrackerSource.CSS:
        return {} if selector else {"selector": _("The css source needs a CSS selector.")}
    message = _("Only the css source uses a selector and attribute.")
    return {
        name: message for name, value in (("selector", selector), ("attribute", attribute)) if value
    }


class Tracker(TimestampedModel):
    """One page to watch for one collectible, and the state of its schedule."""

    collectible = models.ForeignKey(Collectible, on_delete=models.CASCADE, related_name="trackers")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source = models.CharField(
        max_length=20, choices=TrackerSource.choices, default=TrackerSource.STRUCTURED
    )
    url = models.URLField(max_length=2000)
    external_id = models.CharField(
        max_length=200, blank=True, help_text="The marketplace's id of the item (reference only)."
    )
    selector = models.CharField(
        max_length=500, blank=True, help_text="CSS selector of the price (css source only)."
    )
    attribute = models.CharField(
        max_length=100,
        blank=True,
        help_text="Read this attribute of the selected element instead of its text.",
    )
    condition = models.CharField(
        max_length=20,
        choices=PriceCondition.choices,
        blank=True,
        help_text="Record only prices for this condition (blank: every price on the page).",
    )
    currency = models.CharField(
        max_length=3,
        blank=True,
        validators=[validate_currency_code],
        help_text="Currency of prices the page does not label (default: the vendor's).",
    )
    interval_minutes = models.PositiveIntegerField(
        default=DEFAULT_INTERVAL_MINUTES,
        validators=[
            MinValueValidator(MIN_INTERVAL_MINUTES),
            MaxValueValidator(MAX_INTERVAL_MINUTES),
        ],
    )
    is_active = models.BooleanField(default=True)
    paused_reason = models.CharField(max_length=500, blank=True)
    next_run_at = models.DateTimeField(null=True, blank=True)
    consecutive_failures = models.PositiveSmallIntegerField(default=0)
    last_error_kind = models.CharField(max_length=30, blank=True)
    last_error_message = models.TextField(blank=True)
    # The message's sentence and values (scraper `ScrapeFailure.code`/`.params`): it is
    # read in the reader's language (price_history.failure_texts); the message is English.
    last_error_code = models.CharField(max_length=50, blank=True, default="", db_default="")
    last_error_params = models.JSONField(blank=True, default=dict, db_default={})
    last_error_at = models.DateTimeField(null=True, blank=True)
    last_checked_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    # Validators of the last successful fetch, sent back for a conditional GET.
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(
                fields=["next_run_at"],
                condition=models.Q(is_active=True),
                name="tracker_due_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(interval_minutes__gte=MIN_INTERVAL_MINUTES),
                name="tracker_interval_at_least_one_hour",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()} · {self.url}"

    def clean(self) -> None:
        errors = tracker_selector_errors(
            source=self.source, selector=self.selector, attribute=self.attribute
        )
        if errors:
            raise ValidationError(errors)

    @property
    def status(self) -> str:
        """`paused`, `failing` (last check failed), `ok` (last check succeeded) or `new`."""
        if not self.is_active:
            return "paused"
        if self.consecutive_failures:
            return "failing"
        if self.last_success_at is not None:
            return "ok"
        return "new"


class JobKind(models.TextChoices):
    MANUAL = "manual", "Requested"
    SCHEDULED = "scheduled", "Scheduled"


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Succeeded"
    PARTIAL = "partial", "Partly failed"
    FAILED = "failed", "Failed"


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"
    SKIPPED = "skipped", "Skipped"


FINISHED_RUN_STATUSES = (RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.SKIPPED)
FINISHED_JOB_STATUSES = (JobStatus.SUCCEEDED, JobStatus.PARTIAL, JobStatus.FAILED)


class ScrapeJob(TimestampedModel):
    """One requested or scheduled run over one or more trackers."""

    kind = models.CharField(max_length=10, choices=JobKind.choices)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    collectible = models.ForeignKey(
        Collectible,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="scrape_jobs",
        help_text="The item refreshed; empty for scheduled runs over many items.",
    )
    trackers_total = models.PositiveIntegerField(default=0)
    trackers_succeeded = models.PositiveIntegerField(default=0)
    trackers_failed = models.PositiveIntegerField(default=0)
    trackers_skipped = models.PositiveIntegerField(default=0)
    observations_recorded = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["collectible", "-created_at"]),
            models.Index(fields=["status"]),
        ]

    def __str__(self) -> str:
        return f"Scrape job {self.pk} ({self.kind}, {self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_JOB_STATUSES


class ScrapeRun(models.Model):
    """One tracker's part of a job: one task delivery target, with its outcome.

    Its id is the task's argument, so a re-delivered task finds the run finished and does
    nothing, and the rows it records carry a key derived from it (see PriceHistory).
    """

    job = models.ForeignKey(ScrapeJob, on_delete=models.CASCADE, related_name="runs")
    tracker = models.ForeignKey(Tracker, on_delete=models.CASCADE, related_name="runs")
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    not_modified = models.BooleanField(
        default=False, help_text="The page had not changed since the last check (HTTP 304)."
    )
    observations_recorded = models.PositiveIntegerField(default=0)
    error_kind = models.CharField(max_length=30, blank=True)
    error_message = models.TextField(blank=True)
    error_code = models.CharField(max_length=50, blank=True, default="", db_default="")
    error_params = models.JSONField(blank=True, default=dict, db_default={})
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    lease_expires_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="While running: past this, its worker is presumed dead and the run is "
        "queued again (SCRAPER_RUN_LEASE).",
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["job", "tracker"], name="scrape_run_job_tracker_unique")
        ]
        indexes = [
            models.Index(
                fields=["lease_expires_at"],
                condition=models.Q(status="running"),
                name="scrape_run_lease_idx",
            ),
            # GET /metrics reads the runs finished in its window (price_history.metrics).
            models.Index(fields=["finished_at"], name="scrape_run_finished_idx"),
        ]

    def __str__(self) -> str:
        return f"Run {self.pk} of tracker {self.tracker_id} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_RUN_STATUSES


class PriceHistory(models.Model):
    """An observed price, or one entered by hand. Observed rows are never updated; a manual
    entry can be corrected or deleted by an editor, each change kept as a `PriceCorrection`."""

    collectible = models.ForeignKey(
        Collectible, on_delete=models.CASCADE, related_name="price_history"
    )
    tracker = models.ForeignKey(
        Tracker, on_delete=models.SET_NULL, null=True, blank=True, related_name="prices"
    )
    run = models.ForeignKey(
        ScrapeRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="prices"
    )
    source = models.CharField(max_length=20, choices=PriceSource.choices)
    price = models.DecimalField(max_digits=12, decimal_places=2, validators=[MinValueValidator(0)])
    currency = models.CharField(max_length=3, validators=[validate_currency_code])
    condition = models.CharField(max_length=20, blank=True)
    observed_at = models.DateTimeField()
    url = models.URLField(max_length=2000, blank=True)
    title = models.CharField(max_length=300, blank=True)
    availability = models.CharField(max_length=20, blank=True)
    # Who offered it, when the page says (a marketplace listing has one row per seller);
    # `seller_key` tells a site's sellers apart: see `gateway.seller_key`.
    seller = models.CharField(max_length=200, blank=True, default="", db_default="")
    seller_key = models.CharField(max_length=300, blank=True, default="", db_default="")
    shipping = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="The offer's shipping cost in the price's currency (0: free; empty: unknown).",
    )
    is_demo = models.BooleanField(default=False, help_text="Generated demo data, not observed.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Deterministic per delivery (`run:<run id>:<source>:<condition>`, and `:<seller hash>`
    # for an offer with a seller), so a re-delivered or retried task inserts nothing twice;
    # a past sale (an eBay sold listing) is `sale:<tracker>:<source>:<listing>:<day>`, so a
    # later run that sees it again inserts nothing either; NULL for manual entries.
    dedupe_key = models.CharField(max_length=120, null=True, blank=True, unique=True)
    created_at = models.DateTimeField(auto_now_add=True, editable=False)

    class Meta:
        verbose_name = "price observation"
        verbose_name_plural = "price history"
        ordering = ["-observed_at", "-id"]
        indexes = [
            models.Index(fields=["collectible", "observed_at"], name="price_collectible_time_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(price__gte=0), name="price_history_price_non_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.price} {self.currency} · {self.collectible_id} @ {self.observed_at:%Y-%m-%d}"


class CorrectionAction(models.TextChoices):
    CHANGED = "changed", "Changed"
    DELETED = "deleted", "Deleted"


class PriceCorrection(models.Model):
    """One change to a price entered by hand: who, when, and the entry before (and after).
    Written by `services.prices` only, never changed afterwards."""

    collectible = models.ForeignKey(
        Collectible, on_delete=models.CASCADE, related_name="price_corrections"
    )
    # A number, not a foreign key: the record outlives the deleted entry.
    entry_id = models.BigIntegerField(help_text="The corrected price entry (it may be deleted).")
    action = models.CharField(max_length=10, choices=CorrectionAction.choices)
    before = models.JSONField(help_text="price, currency, condition, observed_at before.")
    after = models.JSONField(null=True, blank=True, help_text="The same after; null: deleted.")
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["collectible", "-created_at"])]

    def __str__(self) -> str:
        return f"Price {self.entry_id} {self.action} {self.created_at:%Y-%m-%d}"
