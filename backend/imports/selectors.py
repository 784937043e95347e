"""Reads of import jobs: scoping to their owner, and the preview of what a job's file
gives with its current mapping."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models import QuerySet

from imports.dedupe import ExistingItems
from imports.models import ImportJob, OnDuplicate
from imports.rows import RowReader, json_value
from users.models import User

#: Rows shown as they would be stored; every row is checked and counted.
PREVIEW_ROWS = 20
#: Problems listed at most (the counts cover every row).
MAX_LISTED_ERRORS = 500


def import_job_list_for_user(*, user: User) -> QuerySet[ImportJob]:
    """The user's own jobs: a job belongs to the collector who uploaded it (another
    member of the vendor sees the items it wrote, not the job)."""
    return ImportJob.objects.filter(created_by=user).select_related("vendor").defer("rows")


def import_job_get_for_user(*, user: User, job_id: int) -> ImportJob | None:
    return ImportJob.objects.filter(created_by=user, pk=job_id).select_related("vendor").first()


def row_reader(job: ImportJob) -> RowReader:
    return RowReader(
        columns=job.columns,
        mapping=job.mapping,
        value_maps=job.value_maps,
        defaults=job.defaults,
        day_first=job.day_first,
        vendor_currency=job.vendor.default_currency,
    )


def import_job_preview(job: ImportJob) -> dict[str, Any]:
    """Every row read as the commit will read it, against the vendor's items as they are
    now: the first PREVIEW_ROWS as they would be stored (with what would happen to each),
    the problems by row and column, and counts of what a commit would do."""
    reader = row_reader(job)
    existing = ExistingItems.of_vendor(job.vendor_id)
    counts: Counter[str] = Counter()
    shown: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    for row in job.rows:
        outcome = reader.read(row)
        duplicate_of = None
        if not outcome.ok:
            action = "error"
            errors.extend(outcome.error_dicts()[: MAX_LISTED_ERRORS - len(errors)])
        else:
            if job.on_duplicate != OnDuplicate.ADD:
                duplicate_of = existing.match(outcome.data)
            if duplicate_of is not None:
                existing.claim(duplicate_of)
                action = "update" if job.on_duplicate == OnDuplicate.UPDATE else "skip"
            else:
                action = "create"
        counts[action] += 1
        if len(shown) < PREVIEW_ROWS:
            shown.append(
                {
                    "row": outcome.number,
                    "action": action,
                    "duplicate_of": duplicate_of,
                    "item": json_value(outcome.data),
                    "tracker_url": outcome.tracker_url,
                    "errors": outcome.error_dicts(),
                }
            )
    return {
        "rows": shown,
        "errors": errors,
        "counts": {
            "rows": len(job.rows),
            **{action: counts[action] for action in ("create", "update", "skip", "error")},
        },
    }
