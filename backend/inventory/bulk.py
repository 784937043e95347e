"""Bulk edits of many items at once: one transaction, one set-based statement per edit.

Each service takes the ids of items the caller may change (the API checks membership and
role first), locks them, and answers how many of them it found (`matched`) and how many
the edit changed (`changed`: an item that already had the tag, the condition, … is left
untouched, so its `updated_at` and the triggers that watch it stay quiet). The database
triggers (search vector, valuation) fire for the rows an UPDATE changes, as for single
edits. Tags arrive normalised (`inventory.tags.normalize_tags`).
"""

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import ngettext

from inventory.models import MAX_TAGS, CardDetails, Collectible, takes_card_details
from inventory.services import check_deletion_allowed

#: The most items one bulk request may select: a bound on one transaction's locks and time.
MAX_BULK_ITEMS = 10_000

# Constant SQL over the row's own `tags`; the tags to add or remove are the one parameter
# (a text array). Both keep the order tags were first given in.
_MISSING_TAGS = (
    "SELECT t FROM unnest(%s::varchar[]) WITH ORDINALITY AS given(t, i) "
    'WHERE NOT t = ANY("inventory_collectible"."tags") ORDER BY i'
)
_WITH_TAGS_ADDED = '"inventory_collectible"."tags" || ARRAY(' + _MISSING_TAGS + ")"
_TAG_COUNT_AFTER_ADDING = (
    'cardinality("inventory_collectible"."tags") + cardinality(ARRAY(' + _MISSING_TAGS + "))"
)
_WITH_TAGS_REMOVED = (
    'ARRAY(SELECT t FROM unnest("inventory_collectible"."tags") WITH ORDINALITY AS kept(t, i) '
    "WHERE NOT t = ANY(%s::varchar[]) ORDER BY i)"
)


class BulkAction(models.TextChoices):
    ADD_TAGS = "add_tags", "Add tags"
    REMOVE_TAGS = "remove_tags", "Remove tags"
    SET_TAGS = "set_tags", "Replace the tags"
    SET_CONDITION = "set_condition", "Set the condition"
    SET_LOCATION = "set_location", "Set the storage location"
    SET_CATEGORY = "set_category", "Set the category"
    DELETE = "delete", "Delete"


@dataclass(frozen=True)
class BulkResult:
    matched: int
    changed: int


def _locked(collectible_ids: Collection[int]) -> tuple[QuerySet[Collectible], int]:
    """The items still there, locked to the end of the transaction (in id order, so two
    bulk edits of overlapping items wait for each other instead of deadlocking), and how
    many they are."""
    ids = list(
        Collectible.objects.filter(pk__in=list(collectible_ids))
        .order_by("pk")
        .select_for_update()
        .values_list("pk", flat=True)
    )
    return Collectible.objects.filter(pk__in=ids), len(ids)


def _update(items: QuerySet[Collectible], **values: Any) -> int:
    return items.update(**values, updated_at=timezone.now())


@transaction.atomic
def collectibles_add_tags(*, collectible_ids: Collection[int], tags: list[str]) -> BulkResult:
    items, matched = _locked(collectible_ids)
    lacking = items.exclude(tags__contains=tags)
    overfull = (
        lacking.annotate(
            tags_after=RawSQL(  # noqa: S611 - constant SQL, the tags are a parameter
                _TAG_COUNT_AFTER_ADDING, [tags], output_field=models.IntegerField()
            )
        )
        .filter(tags_after__gt=MAX_TAGS)
        .count()
    )
    if overfull:
        raise ValidationError(
            {
                "tags": [
                    ngettext(
                        "Adding these tags would give %(count)s item more than %(max)s tags "
                        "(at most %(max)s per item): nothing was changed.",
                        "Adding these tags would give %(count)s items more than %(max)s tags "
                        "(at most %(max)s per item): nothing was changed.",
                        overfull,
                    )
                    % {"count": overfull, "max": MAX_TAGS}
                ]
            },
            code="too_many_tags",
        )
    changed = _update(lacking, tags=RawSQL(_WITH_TAGS_ADDED, [tags]))  # noqa: S611 - as above
    return BulkResult(matched=matched, changed=changed)


@transaction.atomic
def collectibles_remove_tags(*, collectible_ids: Collection[int], tags: list[str]) -> BulkResult:
    items, matched = _locked(collectible_ids)
    with_removed = RawSQL(_WITH_TAGS_REMOVED, [tags])  # noqa: S611 - constant SQL, tags a parameter
    changed = _update(items.filter(tags__overlap=tags), tags=with_removed)
    return BulkResult(matched=matched, changed=changed)


@transaction.atomic
def collectibles_set_tags(*, collectible_ids: Collection[int], tags: list[str]) -> BulkResult:
    items, matched = _locked(collectible_ids)
    changed = _update(items.exclude(tags=tags), tags=tags)
    return BulkResult(matched=matched, changed=changed)


@transaction.atomic
def collectibles_set_condition(*, collectible_ids: Collection[int], condition: str) -> BulkResult:
    items, matched = _locked(collectible_ids)
    changed = _update(items.exclude(condition=condition), condition=condition)
    return BulkResult(matched=matched, changed=changed)


@transaction.atomic
def collectibles_set_location(*, collectible_ids: Collection[int], location: str) -> BulkResult:
    items, matched = _locked(collectible_ids)
    changed = _update(items.exclude(location=location), location=location)
    return BulkResult(matched=matched, changed=changed)


@transaction.atomic
def collectibles_set_category(*, collectible_ids: Collection[int], category: str) -> BulkResult:
    """As a single edit: an item that stops being a trading card loses its card details."""
    items, matched = _locked(collectible_ids)
    changed = _update(items.exclude(category=category), category=category)
    if not takes_card_details(category):
        CardDetails.objects.filter(collectible__in=items).delete()
    return BulkResult(matched=matched, changed=changed)


@transaction.atomic
def collectibles_delete(
    *, collectible_ids: Collection[int], confirmed: Collection[str] = ()
) -> BulkResult:
    """Delete the items, refused (`services.DeletionNeedsConfirmation`) as a single
    deletion is when their price history would go unconfirmed."""
    items, matched = _locked(collectible_ids)
    check_deletion_allowed(items, confirmed=confirmed)
    _total, per_model = items.delete()
    return BulkResult(matched=matched, changed=per_model.get(Collectible._meta.label, 0))


#: Each action's service; its keyword arguments beyond `collectible_ids` are the request's.
BULK_EDITS: dict[str, Callable[..., BulkResult]] = {
    BulkAction.ADD_TAGS: collectibles_add_tags,
    BulkAction.REMOVE_TAGS: collectibles_remove_tags,
    BulkAction.SET_TAGS: collectibles_set_tags,
    BulkAction.SET_CONDITION: collectibles_set_condition,
    BulkAction.SET_LOCATION: collectibles_set_location,
    BulkAction.SET_CATEGORY: collectibles_set_category,
    BulkAction.DELETE: collectibles_delete,
}
