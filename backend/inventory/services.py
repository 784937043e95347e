from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from inventory.models import CardDetails, Collectible, takes_card_details
from users.models import User
from vendors.models import Vendor

_UNSET = object()


def _apply_defaults(collectible: Collectible) -> None:
    if collectible.purchase_price is not None and not collectible.purchase_currency:
        collectible.purchase_currency = collectible.vendor.default_currency


def _save_card_details(collectible: Collectible, details: Any, *, partial: bool) -> None:
    """`details` None removes them; a dict creates or updates (merging when partial)."""
    existing = CardDetails.objects.filter(collectible=collectible).first()
    if details is None or not takes_card_details(collectible.category):
        if existing is not None:
            existing.delete()
        return
    card = existing if existing is not None and partial else CardDetails(collectible=collectible)
    for field, value in details.items():
        setattr(card, field, value)
    card.full_clean(exclude=["collectible"])
    card.save()


def _check_room(vendor: Vendor) -> None:
    """Refuse an item past the vendor's limit; the vendor's row lock (held to the end of the
    creating transaction) keeps two concurrent creations from both taking the last place."""
    limit = settings.INVENTORY_MAX_ITEMS_PER_VENDOR
    Vendor.objects.select_for_update().filter(pk=vendor.pk).first()
    if Collectible.objects.filter(vendor=vendor).count() >= limit:
        raise ValidationError(
            {"vendor": [f"This collection already holds {limit} items, the most it can hold."]},
            code="vendor_full",
        )


@transaction.atomic
def collectible_create(*, vendor: Vendor, created_by: User, data: dict[str, Any]) -> Collectible:
    _check_room(vendor)
    data = dict(data)
    card_details = data.pop("card_details", None)
    data.pop("vendor_id", None)
    collectible = Collectible(vendor=vendor, created_by=created_by, **data)
    _apply_defaults(collectible)
    collectible.full_clean()
    collectible.save()
    if card_details is not None:
        _save_card_details(collectible, card_details, partial=False)
    return collectible


@transaction.atomic
def collectible_update(
    *, collectible: Collectible, data: dict[str, Any], partial: bool
) -> Collectible:
    data = dict(data)
    card_details = data.pop("card_details", _UNSET)
    data.pop("vendor_id", None)
    for field, value in data.items():
        setattr(collectible, field, value)
    _apply_defaults(collectible)
    collectible.full_clean()
    collectible.save()
    if card_details is not _UNSET:
        _save_card_details(collectible, card_details, partial=partial)
    elif not partial or not takes_card_details(collectible.category):
        # A full replacement without card details, or an item that stopped being a card.
        _save_card_details(collectible, None, partial=partial)
    # The cached relation may be stale after the writes above.
    Collectible.card_details.related.delete_cached_value(collectible)
    return collectible


@transaction.atomic
def collectible_delete(*, collectible: Collectible) -> None:
    collectible.delete()
