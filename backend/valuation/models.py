"""Exchange rates (ECB reference rates per day) and daily collection-value snapshots.

See docs/valuation.md for how an item's value is chosen and converted.
"""

from __future__ import annotations

from datetime import datetime

from django.db import models

from core.models import TimestampedModel
from valuation.rules import ITEM_BASES, price_age_days, price_is_stale
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
        # The newest day with rates (`rates.newest_rate_day`) without reading the table.
        indexes = [models.Index(fields=["-date"], name="exchange_rate_newest_idx")]
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


class ItemValuation(models.Model):
    """One item's value as of `valued_at`, materialised from `valuation.rules.value_item`
    (the rules stay there). A missing row means "needs valuing": database triggers delete
    the row on every write that can change it (price history, the item's value-relevant
    columns, its vendor's currency, exchange rates), whatever does the write; reads value
    the missing rows first (`valuation.services.valuations_ensure_fresh`).

    Staleness is not stored: it is derived at read time from `price_observed_at`, so it
    ages without recomputing. Rows valued before today (UTC) are refreshed too (movers'
    windows and the day's rates roll daily).
    """

    collectible = models.OneToOneField(
        "inventory.Collectible",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="valuation",
    )
    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="+")
    currency = models.CharField(max_length=3, help_text="The vendor's currency when valued.")
    basis = models.CharField(max_length=10, choices=[(b, b) for b in ITEM_BASES])
    unit_value = models.DecimalField(max_digits=16, decimal_places=2, null=True)
    value = models.DecimalField(max_digits=16, decimal_places=2, null=True)
    cost = models.DecimalField(
        max_digits=16, decimal_places=2, null=True, help_text="Cost basis, fees included."
    )
    # Sold items only (basis `sold`, value null): sale price less sale fees at the sale
    # date's rates, and that less the cost basis.
    proceeds = models.DecimalField(max_digits=16, decimal_places=2, null=True)
    realised_gain = models.DecimalField(max_digits=16, decimal_places=2, null=True)
    # The chosen price (observed or manual); all empty/null for purchase and none.
    price_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True)
    price_currency = models.CharField(max_length=3, blank=True, default="")
    price_observed_at = models.DateTimeField(null=True)
    price_source = models.CharField(max_length=20, blank=True, default="")
    price_condition = models.CharField(max_length=20, blank=True, default="")
    unconvertible = models.BooleanField(default=False)
    cost_unconvertible = models.BooleanField(default=False)
    # The value 7 and 30 days before `valued_at`, when market-based (observed or manual)
    # then and the item was already acquired; else null (what the movers compare).
    value_7d = models.DecimalField(max_digits=16, decimal_places=2, null=True)
    value_30d = models.DecimalField(max_digits=16, decimal_places=2, null=True)
    valued_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["vendor", "valued_at"], name="item_valuation_vendor_idx")]

    def __str__(self) -> str:
        return f"{self.collectible_id}: {self.value} {self.currency} ({self.basis})"

    def age_days(self, *, now: datetime) -> int | None:
        return price_age_days(self.price_observed_at, now=now)

    def is_stale(self, *, now: datetime) -> bool:
        return price_is_stale(self.price_observed_at, now=now)
