"""The `best_offer` of each wanted item on the collectibles API: the cheapest current offer
that meets its condition (`selectors.offers`), added to inventory's list, detail and write
responses through `inventory.extensions` (registered in `ValuationConfig`).

A list page finds the best offers of all its wanted items at once (one query, and one for
the exchange rates when an offer needs converting), so the want list shows them without
a request per row. Items that are not wanted have none (null).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from typing import Any

import django_filters
from django.db.models import Expression, F, QuerySet
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.serializers import datetime_text, decimal_text
from inventory.models import Collectible, CollectibleStatus
from inventory.selectors import CollectibleRows
from users.models import User
from valuation.selectors import Offer, best_offer_by_item
from valuation.serializers import OfferSerializer

#: Where `before_showing` leaves an item's best offer (None: it has none).
_ITEM_ATTRIBUTE = "_best_offer_now"
#: The key `before_showing_rows` fills in a list page's rows.
ROW_KEY = "best_offer"
_UNSET = object()


def offer_of_row(offer: Offer | None, *, zone: tzinfo) -> dict[str, Any] | None:
    """An offer formatted by hand, exactly as `OfferSerializer` formats it (a test pins the
    list's rows to the item serializer)."""
    if offer is None:
        return None
    return {
        "source": offer.source,
        "price": decimal_text(offer.price, 2),
        "currency": offer.currency,
        "condition": offer.condition,
        "observed_at": datetime_text(offer.observed_at, zone),
        "url": offer.url,
        "tracker": offer.tracker_id,
        "compared_currency": offer.compared_currency,
        "compared_price": decimal_text(offer.compared_price, 2),
        "within_max_price": offer.within_max_price,
    }


@extend_schema_field(OfferSerializer(allow_null=True, read_only=True))
class BestOfferField(serializers.Field):
    """The item's best offer now (read-only): the one `before_showing` found, else looked
    up for this one item."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value: Collectible) -> dict[str, Any] | None:
        if value.status != CollectibleStatus.WANTED:
            return None
        offer = getattr(value, _ITEM_ATTRIBUTE, _UNSET)
        if offer is _UNSET:
            offer = best_offer_by_item([value]).get(value.pk)
        return None if offer is None else OfferSerializer(offer).data


class CollectibleBestOffer:
    field = "best_offer"
    relation = None
    columns: tuple[str, ...] = ()

    def serializer_field(self) -> serializers.Field:
        return BestOfferField(
            help_text="A wanted item's best offer now: the cheapest current offer of any "
            "source that meets its condition, and whether it is within `max_price` (as "
            "`GET /collectibles/{id}/best-offers` lists them per source). Null for items "
            "not wanted, or without such an offer."
        )

    def format_row(self, row: Mapping[str, Any], *, now: datetime, zone: tzinfo) -> Any:
        return offer_of_row(row.get(ROW_KEY), zone=zone)

    def filters(self) -> dict[str, django_filters.Filter]:
        return {}

    def orderings(self) -> dict[str, Expression | F]:
        return {}

    def scoped(
        self, items: QuerySet[Collectible], *, vendor_ids: Sequence[int]
    ) -> QuerySet[Collectible]:
        return items

    def before_listing(self, *, params: Mapping[str, str], user: User) -> None:
        return None

    def before_showing(self, items: Sequence[Collectible], *, changed: bool) -> None:
        wanted = [item for item in items if item.status == CollectibleStatus.WANTED]
        found = best_offer_by_item(wanted)
        for item in wanted:
            setattr(item, _ITEM_ATTRIBUTE, found.get(item.pk))

    def before_showing_rows(self, rows: list[dict[str, Any]]) -> None:
        wanted = [row for row in rows if row["status"] == CollectibleStatus.WANTED]
        found = best_offer_by_item([CollectibleRows.item(row) for row in wanted])
        for row in rows:
            row[ROW_KEY] = found.get(row["id"])
