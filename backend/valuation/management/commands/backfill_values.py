"""`manage.py backfill_values [--vendor ID] [--days N]`: daily value snapshots from the
price history as it was observed up to each day (upserts; safe to run again)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from valuation.services import backfill_values
from vendors.models import Vendor


class Command(BaseCommand):
    help = (
        "Compute the daily collection-value snapshots of the last N days (and today) from "
        "the price history, for one vendor or every vendor with items. Existing days are "
        "recomputed; nothing else changes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--vendor", type=int, help="Only this vendor (id).")
        parser.add_argument(
            "--days", type=int, default=365, help="How many days back (default 365)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"]
        if days < 0:
            raise CommandError("--days must not be negative.")
        vendors = Vendor.objects.order_by("id")
        if options["vendor"] is not None:
            vendors = vendors.filter(pk=options["vendor"])
            if not vendors.exists():
                raise CommandError(f"No vendor with id {options['vendor']}.")
        else:
            vendors = vendors.filter(collectibles__isnull=False).distinct()
        total = 0
        for vendor in vendors:
            written = backfill_values(vendor=vendor, days=days)
            total += written
            self.stdout.write(f"{vendor} (#{vendor.pk}): {written} daily snapshots.")
        self.stdout.write(self.style.SUCCESS(f"Wrote {total} snapshots."))
