"""What the apps above inventory add to each item of the collectibles API.

An item's representation shows data that inventory does not own (its value comes from
the valuation app), and inventory may not import the apps above it. So each of them
registers a `CollectibleExtension` from its `AppConfig.ready()`, and the collectibles
serializer, the hand-formatted list rows, the list filters and orderings and the views
ask this registry. The serializer stays the one description of the item's shape; the schema
includes every registered field. Deletion guards (below) let those apps refuse to lose
their data about an item without a confirmation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import django_filters
    from django.db.models import Expression, F, QuerySet
    from rest_framework import serializers

    from inventory.models import Collectible
    from users.models import User


class CollectibleExtension(Protocol):
    #: The key it fills in each item's representation.
    field: str
    #: The columns it reads of `relation`.
    columns: tuple[str, ...]

    @property
    def relation(self) -> str | None:
        """The item's reverse one-to-one relation a list page joins (None: it joins
        nothing, and fills its rows in `before_showing_rows`)."""
        ...

    def serializer_field(self) -> serializers.Field:
        """The read-only field of `CollectibleSerializer` (its schema too)."""
        ...

    def format_row(self, row: Mapping[str, Any], *, now: datetime, zone: tzinfo) -> Any:
        """The field of one list row (`relation__column` keys), exactly as
        `serializer_field` formats the item (a test pins the two)."""
        ...

    def filters(self) -> dict[str, django_filters.Filter]:
        """Query parameters it adds to the collectibles list."""
        ...

    def orderings(self) -> dict[str, Expression | F]:
        """`ordering` terms it adds to the collectibles list (or replaces: a name of the
        item's own field), each an expression over the item's relations; sorted with nulls
        last both ways, ties by newest first. `before_listing` sees the term first."""
        ...

    def scoped(
        self, items: QuerySet[Collectible], *, vendor_ids: Sequence[int]
    ) -> QuerySet[Collectible]:
        """The caller's items (of `vendor_ids`) with what its orderings read, joined on the
        caller's vendors only: a join the sort reads is planned from those vendors' rows,
        not from every user's (`selectors.collectible_list_for_user`)."""
        ...

    def before_listing(self, *, params: Mapping[str, str], user: User) -> None:
        """Called with the list's (valid) query parameters before its rows are read."""
        ...

    def before_showing(self, items: Sequence[Collectible], *, changed: bool) -> None:
        """Called before items are serialized; `changed`: they were just written."""
        ...

    def before_showing_rows(self, rows: list[dict[str, Any]]) -> None:
        """Called before a list page's rows are formatted (it may fill their columns)."""
        ...


_registry: dict[str, CollectibleExtension] = {}


def register(extension: CollectibleExtension) -> None:
    """Add `extension` (once per field; registering a field again replaces it)."""
    _registry[extension.field] = extension


def registered() -> tuple[CollectibleExtension, ...]:
    return tuple(_registry.values())


# --- Deletion guards ----------------------------------------------------------------------
# Deleting an item cascades to what the apps above keep about it (its price history). Each
# of them may register a guard from its `AppConfig.ready()`: a deletion that would take
# something of theirs needs the guard's confirmation token, or is refused (HTTP 409).


@dataclass(frozen=True)
class DeletionCost:
    """What a deletion would take with it, in words for the collector."""

    code: str  # e.g. "has_price_history"
    message: str  # names what would go and how to keep it


class DeletionGuard(Protocol):
    #: The token that confirms the loss (`?confirm=…` on DELETE, `confirm` in bulk edits).
    confirm: str

    def cost(self, collectibles: QuerySet[Collectible]) -> DeletionCost | None:
        """What deleting these items would lose, or None when nothing of this guard's."""
        ...


_deletion_guards: dict[str, DeletionGuard] = {}


def register_deletion_guard(guard: DeletionGuard) -> None:
    """Add `guard` (once per confirmation token; registering one again replaces it)."""
    _deletion_guards[guard.confirm] = guard


def deletion_guards() -> tuple[DeletionGuard, ...]:
    return tuple(_deletion_guards.values())


def deletion_confirmations() -> tuple[str, ...]:
    """Every token a deletion may be confirmed with."""
    return tuple(_deletion_guards)
