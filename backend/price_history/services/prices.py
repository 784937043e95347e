"""Writes of prices entered by hand: recording, correcting and deleting them, each
correction kept as a `PriceCorrection` (scraped prices are recorded by `runs` and never
change). The valuation follows on its own: its triggers drop an item's materialised value
on any write to its prices, and a recorded price re-values the item through the hooks."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from inventory.models import Collectible
from price_history import hooks
from price_history.models import CorrectionAction, PriceCorrection, PriceHistory, PriceSource
from users.models import User

#: What a correction may change of a manual entry.
CORRECTABLE_FIELDS = ("price", "currency", "condition", "observed_at")


class ObservedPriceError(Exception):
    """Only prices entered by hand change; an observed one stays as it was seen."""

    code = "observed_price_immutable"
    message = gettext_lazy(
        "Only prices entered by hand can be corrected or deleted; observed prices are kept "
        "as they were seen."
    )


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
    hooks.prices_recorded(collectible=collectible, rows=[entry], run=None)
    return entry


def _values(entry: PriceHistory) -> dict[str, str]:
    return {
        "price": f"{entry.price:.2f}",
        "currency": entry.currency,
        "condition": entry.condition,
        "observed_at": entry.observed_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
    }


def _locked_manual(entry: PriceHistory) -> PriceHistory:
    locked = PriceHistory.objects.select_for_update().select_related("collectible__vendor")
    current = locked.get(pk=entry.pk)
    if current.source != PriceSource.MANUAL:
        raise ObservedPriceError(ObservedPriceError.message)
    return current


@transaction.atomic
def price_correct_manual(
    *, entry: PriceHistory, corrected_by: User, changes: dict[str, Any]
) -> PriceHistory:
    """Change a manual entry's price, currency (blank: the vendor's), condition or time,
    recording what it was. Observed prices are refused (`ObservedPriceError`)."""
    entry = _locked_manual(entry)
    before = _values(entry)
    for field in CORRECTABLE_FIELDS:
        if field in changes:
            setattr(entry, field, changes[field])
    if "currency" in changes:
        entry.currency = (entry.currency or entry.collectible.vendor.default_currency).upper()
    entry.full_clean(exclude=["collectible", "recorded_by", "tracker", "run"])
    after = _values(entry)
    if after != before:
        entry.save(update_fields=list(CORRECTABLE_FIELDS))
        PriceCorrection.objects.create(
            collectible_id=entry.collectible_id,
            entry_id=entry.pk,
            action=CorrectionAction.CHANGED,
            before=before,
            after=after,
            corrected_by=corrected_by,
        )
    return entry


@transaction.atomic
def price_delete_manual(*, entry: PriceHistory, deleted_by: User) -> None:
    """Delete a manual entry, recording what it was. Observed prices are refused."""
    entry = _locked_manual(entry)
    PriceCorrection.objects.create(
        collectible_id=entry.collectible_id,
        entry_id=entry.pk,
        action=CorrectionAction.DELETED,
        before=_values(entry),
        after=None,
        corrected_by=deleted_by,
    )
    entry.delete()
