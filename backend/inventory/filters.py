from functools import cache

import django_filters
from django.db.models import QuerySet
from rest_framework.request import Request

from core.filters import FilterSet, MultipleChoiceFilter
from inventory import extensions
from inventory.extensions import CollectibleExtension
from inventory.models import (
    MAX_LOCATION_LENGTH,
    Category,
    Collectible,
    CollectibleStatus,
    Condition,
    Language,
    MarketRegion,
)
from inventory.search import MAX_QUERY_LENGTH, apply_search
from inventory.tags import normalize_tag
from vendors.models import Vendor
from vendors.selectors import vendor_ids_for_user


def _member_vendors(request: Request | None) -> QuerySet[Vendor]:
    if request is None or not request.user.is_authenticated:
        return Vendor.objects.none()
    return Vendor.objects.filter(pk__in=vendor_ids_for_user(user=request.user))


class CollectibleFilter(FilterSet):
    category = MultipleChoiceFilter(choices=Category.choices)
    condition = MultipleChoiceFilter(choices=Condition.choices)
    status = MultipleChoiceFilter(
        choices=CollectibleStatus.choices,
        help_text="Only items with one of these statuses. Without it the list shows every "
        "status (owned, sold and wanted): a collection view passes `status=owned`, the want "
        "list `status=wanted`.",
    )
    location = django_filters.CharFilter(
        lookup_expr="iexact",
        max_length=MAX_LOCATION_LENGTH,
        help_text="Items stored at exactly this location (case-insensitive).",
    )
    # A choice, not a BooleanFilter: that one reads `?has_location=maybe` as no filter.
    has_location = django_filters.ChoiceFilter(
        choices=[("true", "true"), ("false", "false")],
        method="filter_has_location",
        help_text="true: only items with a storage location; false: only those without.",
    )
    vendor = django_filters.ModelChoiceFilter(
        queryset=_member_vendors, help_text="Only items of this vendor (one of yours)."
    )
    tag = django_filters.CharFilter(method="filter_tag", help_text="Items carrying this tag.")
    search = django_filters.CharFilter(
        method="filter_search",
        max_length=MAX_QUERY_LENGTH,
        strip=False,  # a trailing space tells a finished word from one being typed
        help_text="Full-text search, same syntax as GET /api/v1/search (web-search syntax, "
        "last word as a prefix, accents ignored). Results are ordered by relevance unless "
        "`ordering` is given.",
    )
    language = MultipleChoiceFilter(field_name="card_details__language", choices=Language.choices)
    market_region = MultipleChoiceFilter(
        field_name="card_details__market_region", choices=MarketRegion.choices
    )
    release_date_after = django_filters.DateFilter(
        field_name="card_details__release_date",
        lookup_expr="gte",
        help_text="Cards released on or after this date.",
    )
    release_date_before = django_filters.DateFilter(
        field_name="card_details__release_date",
        lookup_expr="lte",
        help_text="Cards released on or before this date.",
    )
    purchase_date_after = django_filters.DateFilter(
        field_name="purchase_date", lookup_expr="gte", help_text="Bought on or after this date."
    )
    purchase_date_before = django_filters.DateFilter(
        field_name="purchase_date", lookup_expr="lte", help_text="Bought on or before this date."
    )

    class Meta:
        model = Collectible
        fields: list[str] = []

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Blank is no search (and no relevance ordering: see CollectibleViewSet.ordering).
        return apply_search(queryset, value) if value.strip() else queryset

    def filter_has_location(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.exclude(location="") if value == "true" else queryset.filter(location="")

    def filter_tag(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        tag = normalize_tag(value)
        return queryset.filter(tags__contains=[tag]) if tag else queryset


def collectible_filterset() -> type[CollectibleFilter]:
    """`CollectibleFilter` with the filters of the registered extensions."""
    return _with_extension_filters(extensions.registered())


@cache
def _with_extension_filters(
    registered: tuple[CollectibleExtension, ...],
) -> type[CollectibleFilter]:
    declared = {name: f for extension in registered for name, f in extension.filters().items()}
    return type("CollectibleFilter", (CollectibleFilter,), declared)
