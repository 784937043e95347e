import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from rest_framework.request import Request
from valuation.models import MARKET_BASES, VALUE_BASES
from valuation.selectors import stale_before
from valuation.services import valuations_ensure_fresh

from inventory.models import Category, Collectible, Condition, Language, MarketRegion
from inventory.search import MAX_QUERY_LENGTH, apply_search
from inventory.tags import normalize_tag
from vendors.models import Vendor

BOOLEAN_CHOICES = [("true", "true"), ("false", "false")]
#: Filters on the materialised valuation: the caller's vendors are valued first.
VALUATION_FILTERS = ("value_basis", "priced", "stale")


def _member_vendors(request: Request | None) -> QuerySet[Vendor]:
    if request is None or not request.user.is_authenticated:
        return Vendor.objects.none()
    return Vendor.objects.filter(memberships__user=request.user)


class CollectibleFilter(django_filters.FilterSet):
    category = django_filters.MultipleChoiceFilter(choices=Category.choices)
    condition = django_filters.MultipleChoiceFilter(choices=Condition.choices)
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
    language = django_filters.MultipleChoiceFilter(
        field_name="card_details__language", choices=Language.choices
    )
    market_region = django_filters.MultipleChoiceFilter(
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

    value_basis = django_filters.MultipleChoiceFilter(
        field_name="valuation__basis",
        choices=[(basis, basis) for basis in VALUE_BASES],
        help_text="Items valued on this basis (repeat for several): observed, manual, "
        "purchase or none.",
    )
    priced = django_filters.ChoiceFilter(
        choices=BOOLEAN_CHOICES,
        method="filter_priced",
        help_text="`true`: items with a value; `false`: unpriced (no price at all, or no "
        "exchange rate).",
    )
    stale = django_filters.ChoiceFilter(
        choices=BOOLEAN_CHOICES,
        method="filter_stale",
        help_text="`true`: items valued on an observed or manual price older than the "
        "server's VALUATION_STALE_AFTER_DAYS; `false`: every other item.",
    )

    class Meta:
        model = Collectible
        fields: list[str] = []

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        if self.request is not None and any(
            self.form.cleaned_data.get(name) for name in VALUATION_FILTERS
        ):
            # The filters read the materialised rows: value the caller's missing ones first
            # (one query when nothing is missing).
            vendor_ids = _member_vendors(self.request).values_list("pk", flat=True)
            valuations_ensure_fresh(vendor_ids=list(vendor_ids))
        return super().filter_queryset(queryset)

    def filter_priced(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(valuation__value__isnull=value != "true")

    def filter_stale(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        stale = Q(
            valuation__basis__in=MARKET_BASES,
            valuation__price_observed_at__lt=stale_before(timezone.now()),
        )
        return queryset.filter(stale) if value == "true" else queryset.exclude(stale)

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Blank is no search (and no relevance ordering: see CollectibleViewSet.ordering).
        return apply_search(queryset, value) if value.strip() else queryset

    def filter_tag(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        tag = normalize_tag(value)
        return queryset.filter(tags__contains=[tag]) if tag else queryset
