"""`manage.py import_collection FILE --user EMAIL`: the import of the API, run here and now
(the same services: reading, mapping, preview, commit), printing counts and problems."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from imports import services
from imports.models import ImportJob, ImportStatus, OnDuplicate
from imports.reading import FileProblem
from users.models import User
from vendors.models import Vendor
from vendors.selectors import membership_get, personal_vendor_for_user

MAX_PRINTED_ERRORS = 50


class DryRunRollback(Exception):
    pass


class Command(BaseCommand):
    help = "Import a CSV, TSV, XLSX or JSON file into a collector's vendor."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--user", required=True, help="The collector's email.")
        parser.add_argument("--vendor", type=int, help="Vendor id (default: their collection).")
        parser.add_argument(
            "--mapping",
            help='JSON: column → field, e.g. \'{"Title": "name", "Cond": "condition"}\'; '
            "columns not named keep the suggested mapping.",
        )
        parser.add_argument("--value-maps", help='JSON: {"condition": {"NM": "near_mint"}}.')
        parser.add_argument("--defaults", help='JSON: {"category": "vinyl"}.')
        parser.add_argument("--on-duplicate", choices=OnDuplicate.values, default="skip")
        parser.add_argument("--day-first", action="store_true", help="05/03/2024 is 5 March.")
        parser.add_argument(
            "--no-trackers", action="store_true", help="Do not create trackers from URLs."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would happen; write nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No file at {path}.")
        if path.stat().st_size > settings.IMPORT_MAX_FILE_BYTES:
            raise CommandError(f"{path} is larger than {settings.IMPORT_MAX_FILE_BYTES} bytes.")
        user = User.objects.filter(email__iexact=options["user"]).first()
        if user is None:
            raise CommandError(f"No user with the email {options['user']}.")
        vendor = self._vendor(user, options["vendor"])
        changes: dict[str, Any] = {
            "on_duplicate": options["on_duplicate"],
            "day_first": options["day_first"],
            "create_trackers": not options["no_trackers"],
        }
        for name in ("mapping", "value_maps", "defaults"):
            if options[name]:
                changes[name] = self._json(name, options[name])
        if not options["dry_run"]:
            self._report(self._run(user, vendor, path, changes, dry_run=False))
            return
        try:
            with transaction.atomic():  # the draft job too: a dry run leaves no trace
                self._report_preview(self._run(user, vendor, path, changes, dry_run=True))
                raise DryRunRollback
        except DryRunRollback:
            self.stdout.write("Dry run: nothing was written.")

    def _vendor(self, user: User, vendor_id: int | None) -> Vendor:
        vendor = (
            personal_vendor_for_user(user=user)
            if vendor_id is None
            else Vendor.objects.filter(pk=vendor_id).first()
        )
        if vendor is None:
            raise CommandError("No such vendor (name one with --vendor).")
        membership = membership_get(user=user, vendor=vendor)
        if membership is None or not membership.can_edit:
            raise CommandError(f"{user.email} cannot add items to vendor {vendor.pk}.")
        return vendor

    def _json(self, name: str, text: str) -> dict[str, Any]:
        try:
            value = json.loads(text)
        except ValueError as exc:
            raise CommandError(f"--{name.replace('_', '-')} is not valid JSON: {exc}") from exc
        if not isinstance(value, dict):
            raise CommandError(f"--{name.replace('_', '-')} must be a JSON object.")
        return value

    def _run(
        self, user: User, vendor: Vendor, path: Path, changes: dict[str, Any], *, dry_run: bool
    ) -> ImportJob:
        try:
            job = services.import_job_create(
                user=user, vendor=vendor, file_name=path.name, content=path.read_bytes(),
                options={},
            )  # fmt: skip
            job = services.import_job_configure(job=job, changes=changes)
        except FileProblem as problem:
            raise CommandError(problem.message) from problem
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(
            f"Read {job.rows_total} rows ({job.file_format}"
            + (f", {job.encoding}" if job.encoding else "")
            + (f", profile {job.profile}" if job.profile else "")
            + ")."
        )
        for column, field in job.mapping.items():
            self.stdout.write(f"  {column} → {field or '(not imported)'}")
        if dry_run:
            return job
        ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.QUEUED)
        services.import_job_execute(job_id=job.pk)
        return ImportJob.objects.get(pk=job.pk)

    def _report_preview(self, job: ImportJob) -> None:
        counts = job.preview["counts"]
        self.stdout.write(
            f"Would create {counts['create']}, update {counts['update']}, skip "
            f"{counts['skip']}; {counts['error']} rows have problems."
        )
        self._errors(job.preview["errors"])

    def _report(self, job: ImportJob) -> None:
        self.stdout.write(
            f"Import {job.pk} {job.status}: created {job.rows_created}, updated "
            f"{job.rows_updated}, skipped {job.rows_skipped}, failed {job.rows_failed}"
            + (f", trackers {job.trackers_created}" if job.trackers_created else "")
            + "."
        )
        self._errors(job.errors)

    def _errors(self, errors: list[dict[str, Any]]) -> None:
        for error in errors[:MAX_PRINTED_ERRORS]:
            column = f" [{error['column']}]" if error.get("column") else ""
            self.stdout.write(f"  row {error['row']}{column}: {error['message']}")
        if len(errors) > MAX_PRINTED_ERRORS:
            self.stdout.write(f"  … and {len(errors) - MAX_PRINTED_ERRORS} more.")
