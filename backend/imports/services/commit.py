"""The commit of an import job, run by a worker: every row read as the preview read it,
matched against the vendor's items, and written in chunks with the job's progress.

A row is whole or not at all: a row with a problem is skipped and listed; a written row
(its item, card details and tracker) lives in its own savepoint. New items go in bulk,
a chunk at a time, after the checks `collectible_create` makes (the vendor's room under
its row lock, `full_clean` of item and card details; the check constraints are the
database's at insert). A chunk the database refuses is replayed row by row through
`collectible_create` itself, which names each row's problem. Updates and rows with a
tracker go through the services one by one. Each chunk commits with the job's counts,
so a re-delivered task resumes after the last chunk written.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_noop

from imports import selectors
from imports.dedupe import ExistingItems
from imports.models import ImportAction, ImportedItem, ImportJob, ImportStatus, OnDuplicate
from imports.rows import RowOutcome, RowReader, json_value
from inventory import services as inventory_services
from inventory.models import CardDetails, Collectible
from inventory.tags import normalize_tags
from price_history import gateway
from price_history import services as price_services
from price_history.models import Tracker, TrackerSource
from users.languages import in_language_of
from vendors.models import Vendor
from vendors.selectors import membership_get

logger = logging.getLogger(__name__)

CHUNK_ROWS = 250
#: Problems kept on the job at most (the counts cover every row).
MAX_LISTED_ERRORS = 1000
SNAPSHOT_FIELDS = tuple(
    f.attname
    for f in Collectible._meta.concrete_fields
    if f.name not in ("id", "vendor", "created_by", "created_at", "updated_at", "search_vector")
)
CARD_FIELDS = tuple(f.attname for f in CardDetails._meta.concrete_fields if f.name != "collectible")

#: Why a whole job failed (`ImportJob.error`): stored in English, read in the reader's
#: language (imports.serializers), so a job stopped yesterday reads in today's language.
NO_LONGER_AN_EDITOR = gettext_noop(
    "You can no longer add items to this collection; nothing was imported."
)
DATABASE_UNAVAILABLE = gettext_noop(
    "The database was unavailable; the rows written so far stay (undo removes them)."
)
INTERNAL_ERROR = gettext_noop(
    "Something went wrong on our side; the rows written so far stay (undo removes them)."
)


def import_job_execute(*, job_id: int) -> ImportJob | None:
    """Write a queued (or interrupted) job's rows; None when there is nothing to do."""
    job = _start(job_id)
    if job is None:
        return None
    reader = selectors.row_reader(job)
    written = ImportedItem.objects.filter(job=job).values_list("collectible_id", flat=True)
    existing = ExistingItems.of_vendor(job.vendor_id, excluded=[pk for pk in written if pk])
    # The rows' problems are stored as sentences with their values: in the language the
    # job's owner reads (a worker has no request to take one from).
    with in_language_of(job.created_by):
        for start in range(job.rows_processed, len(job.rows), CHUNK_ROWS):
            _write_chunk(job, reader, existing, job.rows[start : start + CHUNK_ROWS])
    return _finish(job)


@transaction.atomic
def _start(job_id: int) -> ImportJob | None:
    job = (
        ImportJob.objects.select_for_update().select_related("vendor", "created_by").get(pk=job_id)
    )
    if job.status not in (ImportStatus.QUEUED, ImportStatus.RUNNING):
        return None  # finished already (a re-delivered task) or never committed
    membership = membership_get(user=job.created_by, vendor=job.vendor)
    if membership is None or not membership.can_edit:
        job.status, job.finished_at = ImportStatus.FAILED, timezone.now()
        job.error = NO_LONGER_AN_EDITOR
        job.save(update_fields=["status", "finished_at", "error", "updated_at"])
        return None
    if job.status == ImportStatus.QUEUED:
        job.status, job.started_at = ImportStatus.RUNNING, timezone.now()
        job.save(update_fields=["status", "started_at", "updated_at"])
    return job


@transaction.atomic
def _finish(job: ImportJob) -> ImportJob:
    job = ImportJob.objects.select_for_update().defer("rows").get(pk=job.pk)
    written = job.rows_created + job.rows_updated + job.rows_skipped
    if job.rows_failed == 0:
        job.status = ImportStatus.SUCCEEDED
    else:
        job.status = ImportStatus.PARTIAL if written else ImportStatus.FAILED
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "finished_at", "updated_at"])
    return job


def mark_failed(*, job_id: int, message: str) -> None:
    """The job stopped for good (the worker gave up): what was written stays (undo).
    `message`: one of the sentences above (DATABASE_UNAVAILABLE, INTERNAL_ERROR), stored
    in English and translated when read."""
    ImportJob.objects.filter(
        pk=job_id, status__in=[ImportStatus.QUEUED, ImportStatus.RUNNING]
    ).update(status=ImportStatus.FAILED, error=message[:1000], finished_at=timezone.now())


class _Chunk:
    def __init__(self, job: ImportJob, reader: RowReader) -> None:
        self.job, self.reader = job, reader
        self.counts: Counter[str] = Counter()
        self.errors: list[dict[str, Any]] = []
        self.records: list[ImportedItem] = []

    def fail(self, outcome: RowOutcome, exc: ValidationError | None = None) -> None:
        if exc is not None:
            for name, messages in _message_dict(exc).items():
                column = self.reader.column_of(name)
                prefix = "" if column or name == "__all__" else f"{name}: "
                outcome.errors.extend((column, f"{prefix}{m}") for m in messages)
        self.counts["failed"] += 1
        self.errors.extend(outcome.error_dicts())

    def record(self, outcome: RowOutcome, item: Collectible, action: str, **extra: Any) -> None:
        self.counts[action] += 1
        self.records.append(
            ImportedItem(
                job=self.job, collectible=item, row=outcome.number, action=action,
                stamp=item.updated_at, **extra,
            )
        )  # fmt: skip
        if extra.get("tracker") is not None:
            self.counts["trackers"] += 1


def _message_dict(exc: ValidationError) -> dict[str, list[str]]:
    return exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}


@transaction.atomic
def _write_chunk(
    job: ImportJob, reader: RowReader, existing: ExistingItems, rows: list[list[Any]]
) -> None:
    chunk = _Chunk(job, reader)
    bulk: list[RowOutcome] = []
    for outcome in map(reader.read, rows):
        if not outcome.ok:
            chunk.fail(outcome)
            continue
        match = None if job.on_duplicate == OnDuplicate.ADD else existing.match(outcome.data)
        if match is None:
            if outcome.tracker_url and job.create_trackers:
                _create_one(chunk, outcome)
            else:
                bulk.append(outcome)
            continue
        existing.claim(match)
        if job.on_duplicate == OnDuplicate.SKIP:
            chunk.counts["skipped"] += 1
        else:
            _update_one(chunk, outcome, match)
    if bulk:
        _create_bulk(chunk, bulk)
    ImportedItem.objects.bulk_create(chunk.records)
    job.errors = [*job.errors, *chunk.errors][:MAX_LISTED_ERRORS]
    ImportJob.objects.filter(pk=job.pk).update(
        rows_processed=F("rows_processed") + len(rows),
        rows_created=F("rows_created") + chunk.counts[ImportAction.CREATED],
        rows_updated=F("rows_updated") + chunk.counts[ImportAction.UPDATED],
        rows_skipped=F("rows_skipped") + chunk.counts["skipped"],
        rows_failed=F("rows_failed") + chunk.counts["failed"],
        trackers_created=F("trackers_created") + chunk.counts["trackers"],
        errors=job.errors,
        updated_at=timezone.now(),
    )


def _create_bulk(chunk: _Chunk, outcomes: list[RowOutcome]) -> None:
    job = chunk.job
    try:
        with transaction.atomic():
            _check_room(job.vendor, len(outcomes))
            items, cards = [], []
            for outcome in outcomes:
                data = dict(outcome.data)
                card = data.pop("card_details", None)
                item = Collectible(vendor=job.vendor, created_by=job.created_by, **data)
                items.append(item)
                if card:
                    cards.append(CardDetails(collectible=item, **card))
            Collectible.objects.bulk_create(items)
            CardDetails.objects.bulk_create(cards)
    except (IntegrityError, ValidationError):
        for outcome in outcomes:  # one by one, through the service: each row's problem
            _create_one(chunk, outcome)
        return
    for outcome, item in zip(outcomes, items, strict=True):
        chunk.record(outcome, item, ImportAction.CREATED)


def _check_room(vendor: Vendor, adding: int) -> None:
    """As `collectible_create`: under the vendor's row lock, room for `adding` more."""
    Vendor.objects.select_for_update().filter(pk=vendor.pk).first()
    held = Collectible.objects.filter(vendor=vendor).count()
    if held + adding > settings.INVENTORY_MAX_ITEMS_PER_VENDOR:
        raise ValidationError("Not enough room for the whole chunk.", code="vendor_full")


def _create_one(chunk: _Chunk, outcome: RowOutcome) -> None:
    job = chunk.job
    try:
        with transaction.atomic():
            item = inventory_services.collectible_create(
                vendor=job.vendor, created_by=job.created_by, data=outcome.data
            )
            tracker = _tracker(job, item, outcome)
    except ValidationError as exc:
        chunk.fail(outcome, exc)
        return
    chunk.record(outcome, item, ImportAction.CREATED, tracker=tracker)


def _update_one(chunk: _Chunk, outcome: RowOutcome, pk: int) -> None:
    try:
        with transaction.atomic():
            # Card details loaded: collectible_update drops their cached value afterwards.
            item = (
                Collectible.objects.select_for_update(of=("self",))
                .select_related("vendor", "card_details")
                .get(pk=pk)
            )
            before = snapshot(item)
            data = {k: v for k, v in outcome.data.items() if k not in outcome.defaulted}
            if "external_ids" in data:
                data["external_ids"] = {**item.external_ids, **data["external_ids"]}
            if "tags" in data:
                data["tags"] = normalize_tags([*item.tags, *data["tags"]])
            item = inventory_services.collectible_update(collectible=item, data=data, partial=True)
            tracker = _tracker(chunk.job, item, outcome)
    except ValidationError as exc:
        chunk.fail(outcome, exc)
        return
    chunk.record(outcome, item, ImportAction.UPDATED, before=before, tracker=tracker)


def snapshot(item: Collectible) -> dict[str, Any]:
    """An item's own fields and card details as JSON, to restore it exactly."""
    values = {name: json_value(getattr(item, name)) for name in SNAPSHOT_FIELDS}
    card = CardDetails.objects.filter(collectible=item).first()
    values["card_details"] = (
        None if card is None else {name: json_value(getattr(card, name)) for name in CARD_FIELDS}
    )
    return values


def _tracker(job: ImportJob, item: Collectible, outcome: RowOutcome) -> Tracker | None:
    """The row's tracker, validated as the tracker API validates one (URL safety too)."""
    url = outcome.tracker_url
    if not url or not job.create_trackers:
        return None
    if problem := gateway.url_problem(url):
        raise ValidationError({"tracker_url": [problem]})
    source = gateway.source_for(url)  # by host, as for a tracker created in the API
    external_id = ""
    if source == TrackerSource.PRICECHARTING:
        external_id = outcome.data.get("external_ids", {}).get("pricecharting", "")
    try:
        return price_services.tracker_create(
            collectible=item,
            created_by=job.created_by,
            data={"url": url, "source": source, "external_id": external_id},
        )
    except ValidationError as exc:
        raise ValidationError({"tracker_url": exc.messages}) from exc
