"""Writes of import jobs before the commit: reading an upload into a job, changing its
mapping and options, and queueing the commit for a worker."""

from __future__ import annotations

import logging
from typing import Any

from celery import current_app
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from imports import fields, reading, selectors
from imports.fields import target_for
from imports.models import ImportJob, ImportStatus
from imports.values import COMPLETENESS_VALUES, ValueProblem, parse_currency
from price_history import queue
from users.models import User
from vendors.models import Vendor

logger = logging.getLogger(__name__)

#: The Celery task that commits a job (sent by name: the tasks module imports services).
COMMIT_TASK = "imports.tasks.import_job_commit"
CONFIGURABLE = ("mapping", "value_maps", "defaults", "on_duplicate", "day_first", "create_trackers")


class ImportConflictError(Exception):
    """The job is not in a state that allows this (committed already, changed since…)."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@transaction.atomic
def import_job_create(
    *, user: User, vendor: Vendor, file_name: str, content: bytes, options: dict[str, Any]
) -> ImportJob:
    """Read an uploaded file into a draft job with the suggested mapping and its preview.
    Raises `reading.FileProblem` for a file that cannot be imported."""
    table = reading.read_table(content, max_rows=settings.IMPORT_MAX_ROWS)
    suggestion = fields.suggest(table.columns)
    job = ImportJob(
        created_by=user,
        vendor=vendor,
        file_name=file_name[:255],
        file_format=table.file_format,
        encoding=table.encoding,
        delimiter=table.delimiter,
        header_row=table.header_row,
        profile=suggestion.profile,
        columns=table.columns,
        rows=table.rows,
        rows_total=len(table.rows),
        suggested_mapping=suggestion.mapping,
        mapping=suggestion.mapping,
        value_maps=suggestion.value_maps,
        defaults=suggestion.defaults,
    )
    _apply(job, options)
    job.preview = selectors.import_job_preview(job)
    job.save()
    return job


@transaction.atomic
def import_job_configure(*, job: ImportJob, changes: dict[str, Any]) -> ImportJob:
    """Change the mapping, value maps, defaults or options of a draft job; its preview is
    computed afresh. `mapping` may name only some columns: the others keep theirs."""
    job = ImportJob.objects.select_for_update().select_related("vendor").get(pk=job.pk)
    if job.status != ImportStatus.DRAFT:
        raise ImportConflictError(_("This import was committed already: it cannot be changed."))
    if "mapping" in changes:
        changes = {**changes, "mapping": {**job.mapping, **changes["mapping"]}}
    _apply(job, changes)
    job.preview = selectors.import_job_preview(job)
    job.save()
    return job


def _apply(job: ImportJob, changes: dict[str, Any]) -> None:
    errors: dict[str, list[str]] = {}
    if "mapping" in changes:
        errors.update(_mapping_errors(job.columns, changes["mapping"]))
    if "value_maps" in changes:
        errors.update(_value_map_errors(changes["value_maps"]))
    if "defaults" in changes:
        errors.update(_default_errors(changes["defaults"]))
    if errors:
        raise ValidationError(errors)
    for name in CONFIGURABLE:
        if name in changes:
            setattr(job, name, changes[name])
    if "defaults" in changes:
        job.defaults = {k: _default_value(k, v) for k, v in changes["defaults"].items() if v}


def _mapping_errors(columns: list[str], mapping: dict[str, str | None]) -> dict[str, list[str]]:
    problems: list[str] = []
    for column in mapping:
        if column not in columns:
            problems.append(_("The file has no column '%(column)s'.") % {"column": column[:60]})
    used: dict[str, list[str]] = {}
    for column, name in mapping.items():
        if not name:
            continue
        target = target_for(name)
        if target is None:
            problems.append(
                _("Unknown field '%(field)s' (for column '%(column)s').")
                % {"field": name[:60], "column": column[:60]}
            )
            continue
        used.setdefault(name, []).append(column)
    for name, mapped in used.items():
        target = target_for(name)
        if len(mapped) > 1 and target is not None and target.kind not in fields.JOINABLE_KINDS:
            problems.append(
                _(
                    "Only one column can fill %(field)s (%(columns)s both do); only text "
                    "fields and tags take several columns."
                )
                % {"field": name, "columns": ", ".join(mapped)}
            )
    return {"mapping": problems} if problems else {}


def _choice_values(name: str) -> tuple[str, ...]:
    target = target_for(name)
    assert target is not None
    choices = target.values
    if name == "condition":  # "Loose" in a condition column sets the completeness
        choices = (*choices, *sorted(COMPLETENESS_VALUES))
    if name == "grader":
        choices = (*choices, "")  # "ungraded"
    return choices


def _value_map_errors(value_maps: dict[str, dict[str, str]]) -> dict[str, list[str]]:
    problems: list[str] = []
    for name, words in value_maps.items():
        target = target_for(name)
        if target is None or target.kind != fields.CHOICE:
            problems.append(
                _(
                    "'%(field)s' is not a field with choices; value maps are for "
                    "condition, completeness, category, grader, status and card details."
                )
                % {"field": name[:60]}
            )
            continue
        allowed = _choice_values(name)
        for written, value in words.items():
            if value not in allowed:
                problems.append(
                    _(
                        "%(field)s: '%(written)s' maps to '%(value)s', which is not one of %(allowed)s."
                    )
                    % {
                        "field": name,
                        "written": written[:40],
                        "value": str(value)[:40],
                        "allowed": ", ".join(v for v in allowed if v),
                    }
                )
    return {"value_maps": problems} if problems else {}


def _default_errors(defaults: dict[str, str]) -> dict[str, list[str]]:
    problems: list[str] = []
    for name, value in defaults.items():
        if name not in fields.DEFAULTABLE:
            problems.append(_("'%(field)s' cannot have a default.") % {"field": name[:60]})
            continue
        try:
            _default_value(name, value)
        except (ValidationError, ValueProblem) as exc:
            problems.append(f"{name}: {getattr(exc, 'message', exc)}")
    return {"defaults": problems} if problems else {}


def _default_value(name: str, value: str) -> str:
    target = target_for(name)
    assert target is not None
    if target.kind == fields.CHOICE and value and value not in _choice_values(name):
        raise ValueProblem(
            _("'%(value)s' is not one of %(allowed)s.")
            % {"value": value[:40], "allowed": ", ".join(target.values)}
        )
    if target.kind == fields.CURRENCY and value:
        return parse_currency(value)
    return value


def import_job_commit(*, job: ImportJob) -> ImportJob:
    """Queue a draft job's commit for a worker (once: a second commit is a conflict).
    Raises `queue.QueueUnavailableError` (nothing changed) when the broker is down."""
    if not queue.broker_available():
        raise queue.QueueUnavailableError()
    return _queue_commit(job=job)


@transaction.atomic
def _queue_commit(*, job: ImportJob) -> ImportJob:
    job = ImportJob.objects.select_for_update().select_related("vendor").get(pk=job.pk)
    if job.status != ImportStatus.DRAFT:
        raise ImportConflictError(_("This import was committed already."))
    counts = job.preview.get("counts", {})
    if counts.get("rows") and counts.get("error") == counts.get("rows"):
        raise ValidationError(
            _("Every row has a problem: fix the mapping (see `errors`) before committing."),
            code="nothing_to_import",
        )
    job.status = ImportStatus.QUEUED
    job.queued_at = timezone.now()
    job.save(update_fields=["status", "queued_at", "updated_at"])
    job_id = job.pk

    def publish() -> None:
        try:
            current_app.send_task(COMMIT_TASK, args=(job_id,))
        except Exception as exc:
            logger.exception("Could not queue the commit of import %s", job_id)
            # Back to a draft: nothing was written, the collector can commit again.
            ImportJob.objects.filter(pk=job_id, status=ImportStatus.QUEUED).update(
                status=ImportStatus.DRAFT, queued_at=None
            )
            raise queue.QueueUnavailableError() from exc

    transaction.on_commit(publish, robust=False)
    return job
