"""The collectibles list's filters on the materialised valuation (`value_basis`, `priced`,
`stale`), added to inventory's list through `valuation.collectibles`."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone

from valuation.rules import MARKET_BASES, VALUE_BASES, stale_before

BOOLEAN_CHOICES = [("true", "true"), ("false", "false")]


def _priced(queryset: QuerySet, name: str, value: str) -> QuerySet:
    return queryset.filter(valuation__value__isnull=value != "true")


def _stale(queryset: QuerySet, name: str, value: str) -> QuerySet:
    stale = Q(
        valuation__basis__in=MARKET_BASES,
        valuation__price_observed_at__lt=stale_before(timezone.now()),
    )
    return queryset.filter(stale) if value == "true" else queryset.exclude(stale)


COLLECTIBLE_VALUE_FILTERS: dict[str, django_filters.Filter] = {
    "value_basis": django_filters.MultipleChoiceFilter(
        field_name="valuation__basis",
        choices=[(basis, basis) for basis in VALUE_BASES],
        help_text="Items valued on this basis (repeat for several): observed, manual, "
        "purchase or none.",
    ),
    "priced": django_filters.ChoiceFilter(
        choices=BOOLEAN_CHOICES,
        method=_priced,
        help_text="`true`: items with a value; `false`: unpriced (no price at all, or no "
        "exchange rate).",
    ),
    "stale": django_filters.ChoiceFilter(
        choices=BOOLEAN_CHOICES,
        method=_stale,
        help_text="`true`: items valued on an observed or manual price older than the "
        "server's VALUATION_STALE_AFTER_DAYS; `false`: every other item.",
    ),
}
