"""The `valuation` of each item on the collectibles API, added to inventory's list, detail
and write responses through `inventory.extensions` (registered in `ValuationConfig`), with
the list's value filters and its `value`, `gain` and `purchase_price` orderings.

Items are shown with their materialised valuation (`ItemValuation`); one that is missing
or from before today is valued first, in a fixed number of queries whatever the page's
size (`services.valuations_refresh`), and every item just written is valued again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from typing import Any

import django_filters
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Expression, F, FilteredRelation, Q, QuerySet
from django.utils import timezone
from rest_framework import serializers

from inventory.models import Collectible
from inventory.selectors import CollectibleRows, model_columns
from users.models import User
from valuation import services
from valuation.filters import (
    COLLECTIBLE_VALUE_FILTERS,
    COLLECTIBLE_VALUE_ORDERINGS,
    SCOPED_VALUATION,
)
from valuation.models import ItemValuation
from valuation.rules import valuation_is_current
from valuation.serializers import CollectibleValuationSerializer, valuation_of_row
from vendors.selectors import vendor_ids_for_user

_VALUATION_CACHE = Collectible.valuation.related


def _valued_at(item: Collectible) -> datetime | None:
    try:
        return item.valuation.valued_at
    except ObjectDoesNotExist:
        return None


class CollectibleValuation:
    field = "valuation"
    relation = "valuation"
    columns = model_columns(ItemValuation, leaving_out=("collectible",))

    def serializer_field(self) -> serializers.Field:
        return CollectibleValuationSerializer(
            source="*",
            read_only=True,
            allow_null=True,
            help_text="What the item is worth now, in its vendor's currency (read-only).",
        )

    def format_row(self, row: Mapping[str, Any], *, now: datetime, zone: tzinfo) -> Any:
        return valuation_of_row(row, now=now, zone=zone)

    def filters(self) -> dict[str, django_filters.Filter]:
        return COLLECTIBLE_VALUE_FILTERS

    def orderings(self) -> dict[str, Expression | F]:
        return COLLECTIBLE_VALUE_ORDERINGS

    def scoped(
        self, items: QuerySet[Collectible], *, vendor_ids: Sequence[int]
    ) -> QuerySet[Collectible]:
        # The valuation rows of the caller's vendors: a sort on a value reads their rows
        # (the vendor index), not the whole table (a hash join of every user's 1M rows).
        scope = Q(valuation__vendor_id__in=vendor_ids)
        return items.annotate(**{SCOPED_VALUATION: FilteredRelation("valuation", condition=scope)})

    def before_listing(self, *, params: Mapping[str, str], user: User) -> None:
        # The value filters and orderings read the materialised rows: value the caller's
        # missing ones first (one query when nothing is missing).
        ordering = {term.strip().lstrip("-") for term in params.get("ordering", "").split(",")}
        if any(params.get(name) for name in COLLECTIBLE_VALUE_FILTERS) or (
            ordering & COLLECTIBLE_VALUE_ORDERINGS.keys()
        ):
            services.valuations_ensure_fresh(vendor_ids=list(vendor_ids_for_user(user=user)))

    def before_showing(self, items: Sequence[Collectible], *, changed: bool) -> None:
        now = timezone.now()
        stale = [
            item for item in items if changed or not valuation_is_current(_valued_at(item), now=now)
        ]
        if not stale:
            return
        valued = {row.collectible_id: row for row in services.valuations_refresh(items=stale)}
        for item in stale:
            _VALUATION_CACHE.set_cached_value(item, valued.get(item.pk))

    def before_showing_rows(self, rows: list[dict[str, Any]]) -> None:
        now = timezone.now()
        stale = [
            row for row in rows if not valuation_is_current(row["valuation__valued_at"], now=now)
        ]
        if not stale:
            return
        items = [CollectibleRows.item(row) for row in stale]
        valued = {v.collectible_id: v for v in services.valuations_refresh(items=items)}
        for row in stale:
            if row["id"] in valued:
                self._set_row(row, valued[row["id"]])

    def _set_row(self, row: dict[str, Any], valuation: ItemValuation) -> None:
        """Put a (re)computed valuation in the row, as if it had been read with it."""
        row["valuation__pk"] = valuation.collectible_id
        for name in self.columns:
            row[f"valuation__{name}"] = getattr(valuation, name)
