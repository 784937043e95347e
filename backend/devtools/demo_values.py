"""Collection value for the demo account (`seed_demo`): offline rates and a year of
snapshots. No network: the rates come from the saved ECB files in `data/`."""

from __future__ import annotations

from valuation.services import backfill_values, load_exchange_rates_from_file
from vendors.models import Vendor

HISTORY_DAYS = 365


def ensure_demo_values(*, vendor: Vendor, days: int = HISTORY_DAYS) -> int:
    """Load the offline exchange rates, then (re)compute the vendor's daily snapshots.

    Idempotent (rates and snapshots are upserted). Returns the snapshots written.
    Call it after the demo price history is backfilled.
    """
    load_exchange_rates_from_file()
    return backfill_values(vendor=vendor, days=days)
