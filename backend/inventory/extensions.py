"""What the apps above inventory add to each item of the collectibles API.

An item's representation shows data that inventory does not own (its value comes from
the valuation app), and inventory may not import the apps above it. So each of them
registers a `CollectibleExtension` from its `AppConfig.ready()`, and the collectibles
serializer, the hand-formatted list rows, the list filters and the views ask this
registry. The serializer stays the one description of the item's shape; the schema
includes every registered field.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import django_filters
    from rest_framework import serializers

    from inventory.models import Collectible
    from users.models import User


class CollectibleExtension(Protocol):
    #: The key it fills in each item's representation.
    field: str
    #: The item's reverse one-to-one relation a list page joins, and the columns it reads.
    relation: str
    columns: tuple[str, ...]

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
