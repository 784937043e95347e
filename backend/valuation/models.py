"""Exchange rates (ECB reference rates per day) and daily collection-value snapshots.

See docs/valuation.md for how an item's value is chosen and converted.
"""

from __future__ import annotations

from django.db import models

from core.models import TimestampedModel
from vendors.models import Vendor


class ExchangeRate(models.Model):
    """How many units of `currency` one euro bought on `date` (an ECB reference rate)."""

    date = models.DateField()
    currency = models.CharField(max_length=3)
    rate = models.DecimalField(max_digits=18, decimal_places=6)
    created_at = models.DateTimeField(auto_now_add=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True, editable=False)

    class Meta:
        ordering = ["-date", "currency"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "date"], name="exchange_rate_day_unique"),
            models.CheckConstraint(condition=models.Q(rate__gt=0), name="exchange_rate_positive"),
        ]

    def __str__(self) -> str:
        return f"1 EUR = {self.rate} {self.currency} on {self.date:%Y-%m-%d}"


class ValueSnapshot(TimestampedModel):
    """A vendor's collection value at the end of one UTC day (today: as of `updated_at`).

    Kept by the daily beat task and `manage.py backfill_values`; the value-history API
    reads only these rows.
    """

    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="value_snapshots")
    day = models.DateField()
    currency = models.CharField(max_length=3)
    total_value = models.DecimalField(max_digits=16, decimal_places=2)
    cost_basis = models.DecimalField(max_digits=16, decimal_places=2)
    item_count = models.PositiveIntegerField(default=0)
    priced_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["vendor_id", "day"]
        constraints = [
            models.UniqueConstraint(
                fields=["vendor", "day"], name="value_snapshot_vendor_day_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.vendor_id} · {self.day:%Y-%m-%d}: {self.total_value} {self.currency}"
