"""The collectibles list's filters and orderings on the materialised valuation
(`value_basis`, `priced`, `stale`; `value`, `gain`, `purchase_price`), added to inventory's
list through `valuation.collectibles`."""

from __future__ import annotations

import django_filters
from django.db.models import Expression, F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.filters import MultipleChoiceFilter
from valuation.rules import ITEM_BASES, MARKET_BASES, OUTSIDE_BASES, stale_before

BOOLEAN_CHOICES = [("true", "true"), ("false", "false")]


def _priced(queryset: QuerySet, name: str, value: str) -> QuerySet:
    if value == "true":
        return queryset.filter(valuation__value__isnull=False)
    # Unpriced items of the collection (the dashboard's `unpriced_count`): a sold or wanted
    # item has no value either, but nothing to price.
    return queryset.filter(valuation__value__isnull=True).exclude(
        valuation__basis__in=OUTSIDE_BASES
    )


def _stale(queryset: QuerySet, name: str, value: str) -> QuerySet:
    stale = Q(
        valuation__basis__in=MARKET_BASES,
        valuation__price_observed_at__lt=stale_before(timezone.now()),
    )
    return queryset.filter(stale) if value == "true" else queryset.exclude(stale)


COLLECTIBLE_VALUE_FILTERS: dict[str, django_filters.Filter] = {
    "value_basis": MultipleChoiceFilter(
        field_name="valuation__basis",
        choices=[(basis, basis) for basis in ITEM_BASES],
        help_text="Items valued on this basis (repeat for several): observed, manual, "
        "purchase, none, or sold (sold items: no value, a realised gain).",
    ),
    "priced": django_filters.ChoiceFilter(
        choices=BOOLEAN_CHOICES,
        method=_priced,
        help_text="`true`: items with a value; `false`: unpriced items of the collection (no "
        "price at all, or no exchange rate; sold items are neither).",
    ),
    "stale": django_filters.ChoiceFilter(
        choices=BOOLEAN_CHOICES,
        method=_stale,
        help_text="`true`: items valued on an observed or manual price older than the "
        "server's VALUATION_STALE_AFTER_DAYS; `false`: every other item.",
    ),
}


#: The valuation joined on the caller's vendors only (`CollectibleValuation.scoped`): what
#: the orderings read. An item's valuation row carries its vendor.
SCOPED_VALUATION = "valuation_in_scope"
_VALUE, _COST = F(f"{SCOPED_VALUATION}__value"), F(f"{SCOPED_VALUATION}__cost")

#: The list's `ordering` terms on the valuation, in the vendor's currency (the views value
#: the caller's items first; nulls sort last both ways). `gain` is the unrealised gain of
#: an item in the collection and the realised gain of a sold one.
COLLECTIBLE_VALUE_ORDERINGS: dict[str, Expression | F] = {
    "value": _VALUE,
    "gain": Coalesce(F(f"{SCOPED_VALUATION}__realised_gain"), _VALUE - _COST),
    "purchase_price": _COST,
}
