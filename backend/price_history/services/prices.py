"""Writes of prices entered by hand (scraped ones are recorded by `runs`)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from inventory.models import Collectible
from price_history.models import PriceHistory, PriceSource
from users.models import User


@transaction.atomic
def price_record_manual(
    *,
    collectible: Collectible,
    recorded_by: User,
    price: Decimal,
    currency: str = "",
    condition: str = "",
    observed_at: datetime | None = None,
    url: str = "",
) -> PriceHistory:
    """A price entered by hand (source `manual`); currency defaults to the vendor's."""
    entry = PriceHistory(
        collectible=collectible,
        source=PriceSource.MANUAL,
        price=price,
        currency=(currency or collectible.vendor.default_currency).upper(),
        condition=condition,
        observed_at=observed_at or timezone.now(),
        url=url,
        recorded_by=recorded_by,
    )
    entry.full_clean(exclude=["collectible", "recorded_by", "tracker", "run"])
    entry.save()
    return entry
