"""`manage.py export_collection --vendor ID OUT.zip`: a vendor's take-out archive, the
same as `GET /api/v1/vendors/{id}/takeout` (docs/imports.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from imports.takeout.build import takeout_write
from vendors.models import Vendor


class Command(BaseCommand):
    help = (
        "Write a vendor's whole collection (items, card details, trackers, price history, "
        "value snapshots, photos) to a take-out zip that restore_collection loads back."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("out", help="The zip file to write (replaced if it exists).")
        parser.add_argument("--vendor", type=int, required=True, help="The vendor (id).")

    def handle(self, *args: Any, **options: Any) -> None:
        vendor = Vendor.objects.filter(pk=options["vendor"]).first()
        if vendor is None:
            raise CommandError(f"No vendor with id {options['vendor']}.")
        out = Path(options["out"])
        partial = out.with_name(out.name + ".partial")
        try:
            with partial.open("wb") as file:
                counts = takeout_write(vendor=vendor, out=file)
            partial.replace(out)  # never a half-written archive under the final name
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise CommandError(f"Cannot write {out}: {exc}") from exc
        summary = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Wrote {out}: {summary}."))
