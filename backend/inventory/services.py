from collections.abc import Collection, Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inventory import extensions, hooks
from inventory.extensions import DeletionCost
from inventory.models import CardDetails, Collectible, CollectibleStatus, takes_card_details
from inventory.rules import (
    SALE_FIELDS,
    WANTED_FIELDS,
    acquire_changes,
    sale_changes,
    wanted_changes,
)
from users.models import User
from vendors.models import Vendor

_UNSET = object()


class DeletionNeedsConfirmation(Exception):
    """A deletion would take data another app keeps about the items (their price
    history): refused unless confirmed with `confirm` (see `extensions.DeletionGuard`)."""

    def __init__(self, cost: DeletionCost, *, confirm: str) -> None:
        super().__init__(cost.message)
        self.cost = cost
        self.confirm = confirm


def _apply_defaults(
    collectible: Collectible, *, previous_status: str | None, given: Iterable[str]
) -> None:
    if collectible.purchase_price is not None and not collectible.purchase_currency:
        collectible.purchase_currency = collectible.vendor.default_currency
    values = {field: getattr(collectible, field) for field in SALE_FIELDS}
    changes = sale_changes(
        status=collectible.status,
        previous_status=previous_status,
        values=values,
        given=set(given),
        vendor_currency=collectible.vendor.default_currency,
        today=timezone.localdate(),
    )
    changes.update(
        wanted_changes(
            status=collectible.status,
            previous_status=previous_status,
            values={field: getattr(collectible, field) for field in WANTED_FIELDS},
            given=set(given),
            vendor_currency=collectible.vendor.default_currency,
        )
    )
    for field, value in changes.items():
        setattr(collectible, field, value)


class NotWanted(Exception):
    """Only a wanted item can be acquired."""


def check_deletion_allowed(
    collectibles: QuerySet[Collectible], *, confirmed: Collection[str]
) -> None:
    """Raise `DeletionNeedsConfirmation` for the first registered guard that these items'
    deletion would cost something and that `confirmed` does not name."""
    for guard in extensions.deletion_guards():
        if guard.confirm in confirmed:
            continue
        cost = guard.cost(collectibles)
        if cost is not None:
            raise DeletionNeedsConfirmation(cost, confirm=guard.confirm)


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
            {
                "vendor": [
                    ngettext(
                        "This collection already holds %(count)s item, the most it can hold.",
                        "This collection already holds %(count)s items, the most it can hold.",
                        limit,
                    )
                    % {"count": limit}
                ]
            },
            code="vendor_full",
        )


@transaction.atomic
def collectible_create(*, vendor: Vendor, created_by: User, data: dict[str, Any]) -> Collectible:
    _check_room(vendor)
    data = dict(data)
    card_details = data.pop("card_details", None)
    data.pop("vendor_id", None)
    collectible = Collectible(vendor=vendor, created_by=created_by, **data)
    _apply_defaults(collectible, previous_status=None, given=data)
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
    previous_status = collectible.status
    for field, value in data.items():
        setattr(collectible, field, value)
    _apply_defaults(collectible, previous_status=previous_status, given=data)
    collectible.full_clean()
    collectible.save()
    if card_details is not _UNSET:
        _save_card_details(collectible, card_details, partial=partial)
    elif not partial or not takes_card_details(collectible.category):
        # A full replacement without card details, or an item that stopped being a card.
        _save_card_details(collectible, None, partial=partial)
    # The cached relation may be stale after the writes above.
    card_details_cache = Collectible.card_details.related
    if card_details_cache.is_cached(collectible):
        card_details_cache.delete_cached_value(collectible)
    return collectible


@transaction.atomic
def collectible_acquire(*, collectible: Collectible, purchase: dict[str, Any]) -> Collectible:
    """Turn a wanted item into an owned one with its purchase (`purchase_price`,
    `purchase_currency`, `purchase_date`, `purchase_fees`, `purchase_shipping`,
    `quantity`): the same row, so its trackers, price history and photos stay. The apps
    above are told (`inventory.hooks`: alerts switches off its "price at or below" rules).
    Raises `NotWanted` for an item that is not wanted."""
    locked = Collectible.objects.select_for_update().get(pk=collectible.pk)
    if locked.status != CollectibleStatus.WANTED:
        raise NotWanted(
            _("Only a wanted item can be acquired; this one is %(status)s.")
            % {"status": locked.status}
        )
    changes = acquire_changes(
        purchase=purchase,
        vendor_currency=collectible.vendor.default_currency,
        today=timezone.localdate(),
    )
    for field, value in changes.items():
        setattr(collectible, field, value)
    collectible.full_clean()
    collectible.save()
    hooks.acquired(collectible=collectible)
    return collectible


#: What a duplicate does not take from its original: identity and record, the sale (a copy
#: is owned), the want (a copy is owned) and the grader's certificate number (one slab has
#: one certificate).
_NOT_DUPLICATED = (
    "id",
    "vendor",
    "created_by",
    "created_at",
    "updated_at",
    "search_vector",
    "status",
    "cert_number",
    *SALE_FIELDS,
    *WANTED_FIELDS,
)


@transaction.atomic
def collectible_duplicate(
    *, collectible: Collectible, created_by: User, quantity: int | None = None
) -> Collectible:
    """Another copy of `collectible` in its vendor: its descriptive fields, tags, external
    ids and card details, owned, `quantity` (default: the original's). Trackers, price
    history and photos stay with the original."""
    vendor = collectible.vendor
    _check_room(vendor)
    copied = {
        field.attname: getattr(collectible, field.attname)
        for field in Collectible._meta.concrete_fields
        if field.name not in _NOT_DUPLICATED
    }
    copy = Collectible(vendor=vendor, created_by=created_by, **copied)
    copy.status = CollectibleStatus.OWNED
    copy.tags = list(collectible.tags)
    copy.external_ids = dict(collectible.external_ids)
    if quantity is not None:
        copy.quantity = quantity
    copy.full_clean()
    copy.save()
    details = CardDetails.objects.filter(collectible=collectible).first()
    if details is not None and takes_card_details(copy.category):
        details.pk = None
        details.collectible = copy
        details.save(force_insert=True)
    return copy


@transaction.atomic
def collectible_delete(*, collectible: Collectible, confirmed: Collection[str] = ()) -> None:
    """Delete the item and everything kept about it; refused (`DeletionNeedsConfirmation`)
    when a registered guard's data would go and `confirmed` does not name its token."""
    check_deletion_allowed(Collectible.objects.filter(pk=collectible.pk), confirmed=confirmed)
    collectible.delete()
