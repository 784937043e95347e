"""`manage.py restore_collection ZIP --vendor ID`: load a take-out archive into an empty
vendor, everything or nothing, as `POST /api/v1/vendors/{id}/restore` (docs/imports.md).
No upload-size limit applies here; the archive's own checks (entries, unpacked size,
names, format version, every row) do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from imports.takeout.archive import TakeoutArchive
from imports.takeout.codec import TakeoutInvalid
from imports.takeout.restore import VendorNotEmpty, vendor_takeout_restore
from vendors.models import Vendor


class Command(BaseCommand):
    help = (
        "Restore a take-out zip (export_collection, or the take-out download) into an "
        "empty vendor. Nothing is written if any part of the archive is invalid."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", help="The take-out zip.")
        parser.add_argument("--vendor", type=int, required=True, help="The empty vendor (id).")

    def handle(self, *args: Any, **options: Any) -> None:
        vendor = Vendor.objects.filter(pk=options["vendor"]).first()
        if vendor is None:
            raise CommandError(f"No vendor with id {options['vendor']}.")
        path = Path(options["archive"])
        try:
            with path.open("rb") as file:
                counts = vendor_takeout_restore(vendor=vendor, archive=TakeoutArchive(file))
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        except (TakeoutInvalid, VendorNotEmpty) as exc:
            raise CommandError(exc.message) from exc
        summary = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Restored into {vendor} (#{vendor.pk}): {summary}."))
