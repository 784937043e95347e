"""Undoing a committed import as a whole: its new items deleted, the items it updated
restored from the values it kept, the trackers it added removed — only while every one
of those items is as the import left it (its `updated_at` is the one recorded)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from imports.models import ImportAction, ImportedItem, ImportJob, ImportStatus
from imports.services.jobs import ImportConflictError
from inventory import services as inventory_services
from inventory.models import Collectible
from price_history.models import Tracker


@transaction.atomic
def import_job_undo(*, job: ImportJob) -> ImportJob:
    job = ImportJob.objects.select_for_update().defer("rows").get(pk=job.pk)
    if job.status == ImportStatus.UNDONE:
        raise ImportConflictError(_("This import was undone already."))
    if job.status not in (ImportStatus.SUCCEEDED, ImportStatus.PARTIAL, ImportStatus.FAILED):
        raise ImportConflictError(_("Only a finished import can be undone."))
    records = list(ImportedItem.objects.filter(job=job).order_by("row"))
    ids = [record.collectible_id for record in records if record.collectible_id]
    # Locked, so nothing changes them between the check and the undo.
    stamps = dict(
        Collectible.objects.select_for_update()
        .filter(pk__in=ids)
        .order_by("pk")
        .values_list("pk", "updated_at")
    )
    changed = [
        record
        for record in records
        if (record.collectible_id is None and record.action == ImportAction.UPDATED)
        or (record.collectible_id is not None and stamps.get(record.collectible_id) != record.stamp)
    ]
    if changed:
        rows = ", ".join(str(record.row) for record in changed[:10])
        more = "…" if len(changed) > 10 else ""
        raise ImportConflictError(
            _(
                "%(changed)s of the %(total)s items this import wrote were changed or "
                "deleted since (rows %(rows)s%(more)s): undoing it would lose those changes, so "
                "nothing was undone."
            )
            % {"changed": len(changed), "total": len(records), "rows": rows, "more": more}
        )
    created = [r.collectible_id for r in records if r.action == ImportAction.CREATED]
    Collectible.objects.filter(pk__in=[pk for pk in created if pk]).delete()
    added_trackers = [r.tracker_id for r in records if r.action == ImportAction.UPDATED]
    Tracker.objects.filter(pk__in=[pk for pk in added_trackers if pk]).delete()
    for record in records:
        if record.action == ImportAction.UPDATED and record.before is not None:
            item = Collectible.objects.select_related("vendor", "card_details").get(
                pk=record.collectible_id  # type: ignore[misc]  # unchanged items exist: checked
            )
            inventory_services.collectible_update(
                collectible=item, data=record.before, partial=False
            )
    job.status = ImportStatus.UNDONE
    job.undone_at = timezone.now()
    job.save(update_fields=["status", "undone_at", "updated_at"])
    return job
