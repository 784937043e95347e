"""Shapes of the dashboard and value-history responses (read-only) and their queries, and
of the `valuation` of each item on the collectibles API."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, tzinfo
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.serializers import datetime_text, decimal_text
from inventory.models import Category, Collectible, Condition
from price_history.models import PriceCondition, PriceSource
from valuation.models import ItemValuation
from valuation.rules import ITEM_BASES, VALUE_BASES, price_age_days, price_is_stale
from valuation.selectors import RANGES


def money(**kwargs: Any) -> serializers.DecimalField:
    """An amount in the vendor's currency, to the cent."""
    return serializers.DecimalField(max_digits=16, decimal_places=2, **kwargs)


class DashboardQuerySerializer(serializers.Serializer):
    vendor = serializers.IntegerField(
        required=False, min_value=1, help_text="A vendor you belong to; default your own."
    )


class ValueHistoryQuerySerializer(DashboardQuerySerializer):
    range = serializers.ChoiceField(choices=list(RANGES), default="1y")


DASHBOARD_QUERY_PARAMS = frozenset({"vendor", "format"})
VALUE_HISTORY_QUERY_PARAMS = frozenset({"vendor", "range", "format"})


class DashboardVendorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class ChosenPriceSerializer(serializers.Serializer):
    price = serializers.DecimalField(max_digits=12, decimal_places=2)
    currency = serializers.CharField(help_text="The price's own currency (ISO 4217).")
    observed_at = serializers.DateTimeField()
    source = serializers.ChoiceField(choices=PriceSource.choices)  # type: ignore[assignment]
    condition = serializers.ChoiceField(
        choices=PriceCondition.choices,
        allow_blank=True,
        help_text="Empty when the page gave no condition.",
    )


COST_HELP = (
    "Cost basis: purchase price × quantity plus purchase fees and shipping (whole line), at "
    "the purchase-date rate; null without a purchase price."
)


class ItemValueSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="item.pk")
    name = serializers.CharField(source="item.name")
    category = serializers.ChoiceField(choices=Category.choices, source="item.category")
    condition = serializers.ChoiceField(choices=Condition.choices, source="item.condition")
    quantity = serializers.IntegerField(source="item.quantity")
    basis = serializers.ChoiceField(
        choices=list(VALUE_BASES),
        help_text="`observed` (a matching marketplace price), `manual` (a price entered by "
        "hand), `purchase` (no market price: the purchase price) or `none` (unpriced).",
    )
    unit_value = money(allow_null=True)
    value = money(allow_null=True, help_text="Unit value × quantity; null when unpriced.")
    cost = money(allow_null=True, help_text=COST_HELP)
    price = ChosenPriceSerializer(
        allow_null=True, help_text="The price the value comes from (observed or manual)."
    )
    age_days = serializers.IntegerField(
        allow_null=True, help_text="Age of that price in whole days (null for other bases)."
    )
    is_stale = serializers.BooleanField()
    unconvertible = serializers.BooleanField(
        help_text="No exchange rate for the day: the value is unknown rather than wrong."
    )


class ValueMoverSerializer(serializers.Serializer):
    item = ItemValueSerializer()
    value = money()
    previous_value = money()
    change = money()
    change_percent = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)


class ValueMoversSerializer(serializers.Serializer):
    gainers = ValueMoverSerializer(many=True)
    losers = ValueMoverSerializer(many=True)


class UnrealisedGainSerializer(serializers.Serializer):
    amount = money()
    percent = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    value = money(help_text="Value of the items compared.")
    cost = money(help_text="Cost basis of the items compared.")
    item_count = serializers.IntegerField(help_text="Items with both a value and a cost basis.")


class RealisedGainSerializer(serializers.Serializer):
    amount = money(help_text="Proceeds less cost basis of the items compared.")
    percent = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    proceeds = money(help_text="Sale prices less sale fees, each at its sale date's rate.")
    cost = money(help_text="Cost basis of the items compared.")
    item_count = serializers.IntegerField(
        help_text="Sold items with both proceeds and a cost basis."
    )


class BasisCountsSerializer(serializers.Serializer):
    observed = serializers.IntegerField()
    manual = serializers.IntegerField()
    purchase = serializers.IntegerField()
    none = serializers.IntegerField()


class CategoryValueSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=Category.choices)
    label = serializers.CharField()  # type: ignore[assignment]
    value = money()
    item_count = serializers.IntegerField()
    priced_count = serializers.IntegerField()


class ExchangeRatesStatusSerializer(serializers.Serializer):
    date = serializers.DateField(
        allow_null=True, help_text="The newest day with exchange rates (null: none stored)."
    )
    stale = serializers.BooleanField(
        help_text="The rates are older than the usable age (VALUATION_RATE_MAX_AGE_DAYS): "
        "foreign-currency amounts are converted with the last known rates."
    )


class DisplayTotalsSerializer(serializers.Serializer):
    currency = serializers.CharField(help_text="The collector's display currency.")
    rate = serializers.DecimalField(
        max_digits=20, decimal_places=6, help_text="One unit of the vendor's currency, today."
    )
    total_value = money()
    cost_basis = money()
    unrealised_gain = money()


class DashboardSerializer(serializers.Serializer):
    vendor = DashboardVendorSerializer()
    currency = serializers.CharField(help_text="Every amount is in the vendor's currency.")
    as_of = serializers.DateTimeField()
    stale_after_days = serializers.IntegerField()
    total_value = money()
    cost_basis = money()
    unrealised_gain = UnrealisedGainSerializer()
    realised_gain = RealisedGainSerializer(help_text="Of every sold item, all time.")
    sold_count = serializers.IntegerField(help_text="Sold items (not in the counts below).")
    item_count = serializers.IntegerField(help_text="Items in the collection (owned).")
    unit_count = serializers.IntegerField(help_text="Sum of the quantities.")
    priced_count = serializers.IntegerField()
    unpriced_count = serializers.IntegerField(
        help_text="Items with no value: no price at all, or no exchange rate."
    )
    unconvertible_count = serializers.IntegerField()
    stale_count = serializers.IntegerField()
    by_basis = BasisCountsSerializer()
    most_valuable = ItemValueSerializer(many=True)
    movers_7d = ValueMoversSerializer()
    movers_30d = ValueMoversSerializer()
    by_category = CategoryValueSerializer(many=True)
    exchange_rates = ExchangeRatesStatusSerializer()
    display = DisplayTotalsSerializer(
        allow_null=True,
        help_text="The headline in your display currency (Settings → Profile) at today's "
        "rates; null when it is the vendor's currency, unset, or has no rate.",
    )


class ValuePointSerializer(serializers.Serializer):
    day = serializers.DateField()
    total_value = money()
    cost_basis = money()
    item_count = serializers.IntegerField()
    priced_count = serializers.IntegerField()


class ValueHistorySerializer(serializers.Serializer):
    vendor = DashboardVendorSerializer()
    currency = serializers.CharField()
    range = serializers.ChoiceField(choices=list(RANGES))
    locals()["from"] = serializers.DateField(allow_null=True)
    to = serializers.DateField()
    points = ValuePointSerializer(many=True)


# --- The valuation of each item on the collectibles API (inventory.extensions) ---------


class ValuationPriceSerializer(serializers.Serializer):
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, source="price_amount")
    currency = serializers.CharField(
        source="price_currency", help_text="The price's own currency (ISO 4217)."
    )
    observed_at = serializers.DateTimeField(source="price_observed_at")
    source = serializers.ChoiceField(  # type: ignore[assignment]
        choices=PriceSource.choices, source="price_source"
    )
    condition = serializers.ChoiceField(
        choices=PriceCondition.choices,
        allow_blank=True,
        source="price_condition",
        help_text="Empty when the page gave no condition.",
    )


# One instance for every row: a new serializer per item deep-copies its fields, which was
# most of a list page's time (docs/performance.md). to_representation keeps no state.
_PRICE_SERIALIZER = ValuationPriceSerializer()


class CollectibleValuationSerializer(serializers.Serializer):
    """The item's current value (docs/valuation.md), from its materialised valuation."""

    basis = serializers.ChoiceField(
        choices=list(ITEM_BASES),
        help_text="`observed` (a matching marketplace price), `manual` (a price entered by "
        "hand), `purchase` (no market price: the purchase price), `none` (unpriced), "
        "`sold` (out of the collection: no value; see `realised_gain`) or `wanted` (on the "
        "want list, not bought yet: no value, no cost).",
    )
    currency = serializers.CharField(help_text="The vendor's currency: every amount below.")
    unit_value = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    value = serializers.DecimalField(
        max_digits=16,
        decimal_places=2,
        allow_null=True,
        help_text="Unit value × quantity; null when unpriced, unconvertible or sold.",
    )
    cost = serializers.DecimalField(
        max_digits=16, decimal_places=2, allow_null=True, help_text=COST_HELP
    )
    proceeds = serializers.DecimalField(
        max_digits=16,
        decimal_places=2,
        allow_null=True,
        help_text="Sold items: sale price less sale fees, at the sale-date rate (null "
        "otherwise, or without a rate).",
    )
    realised_gain = serializers.DecimalField(
        max_digits=16,
        decimal_places=2,
        allow_null=True,
        help_text="Sold items: proceeds less cost basis (null otherwise, or when either is "
        "unknown).",
    )
    price = serializers.SerializerMethodField(
        help_text="The price the value comes from (observed or manual); null otherwise."
    )
    age_days = serializers.SerializerMethodField(
        help_text="Age of that price in whole days (null for other bases)."
    )
    is_stale = serializers.SerializerMethodField(
        help_text="The price is older than the server's VALUATION_STALE_AFTER_DAYS."
    )
    unconvertible = serializers.BooleanField(
        help_text="No exchange rate for the day (a sold item: for its sale date): the "
        "amount is unknown rather than wrong."
    )
    valued_at = serializers.DateTimeField(help_text="When this value was computed.")

    @extend_schema_field(ValuationPriceSerializer(allow_null=True))
    def get_price(self, row: ItemValuation) -> dict[str, Any] | None:
        if row.price_observed_at is None:
            return None
        return _PRICE_SERIALIZER.to_representation(row)

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_age_days(self, row: ItemValuation) -> int | None:
        return row.age_days(now=self._now())

    @extend_schema_field(serializers.BooleanField())
    def get_is_stale(self, row: ItemValuation) -> bool:
        return row.is_stale(now=self._now())

    def _now(self) -> datetime:
        # One instant for a whole page (the root serializer's context is shared).
        context = self.context
        if "valuation_now" not in context:
            context["valuation_now"] = timezone.now()
        return context["valuation_now"]

    def get_attribute(self, instance: Collectible) -> ItemValuation | None:
        """The item's row, or null when it has none (the views value items first)."""
        try:
            return instance.valuation
        except ObjectDoesNotExist:
            return None


def valuation_of_row(
    row: Mapping[str, Any], *, now: datetime, zone: tzinfo
) -> dict[str, Any] | None:
    """A list row's valuation (its `valuation__…` columns) formatted by hand, exactly as
    `CollectibleValuationSerializer` formats the item's row (a test pins the two)."""
    if row["valuation__pk"] is None:
        return None
    observed_at = row["valuation__price_observed_at"]
    price = None
    if observed_at is not None:
        price = {
            "amount": decimal_text(row["valuation__price_amount"], 2),
            "currency": row["valuation__price_currency"],
            "observed_at": datetime_text(observed_at, zone),
            "source": row["valuation__price_source"],
            "condition": row["valuation__price_condition"],
        }
    return {
        "basis": row["valuation__basis"],
        "currency": row["valuation__currency"],
        "unit_value": decimal_text(row["valuation__unit_value"], 2),
        "value": decimal_text(row["valuation__value"], 2),
        "cost": decimal_text(row["valuation__cost"], 2),
        "proceeds": decimal_text(row["valuation__proceeds"], 2),
        "realised_gain": decimal_text(row["valuation__realised_gain"], 2),
        "price": price,
        "age_days": price_age_days(observed_at, now=now),
        "is_stale": price_is_stale(observed_at, now=now),
        "unconvertible": row["valuation__unconvertible"],
        "valued_at": datetime_text(row["valuation__valued_at"], zone),
    }


class OfferSerializer(serializers.Serializer):
    """One source's best current offer (`valuation.selectors.offers`)."""

    source = serializers.ChoiceField(  # type: ignore[assignment]
        choices=PriceSource.choices, help_text="Where it was observed (the tracker's source)."
    )
    price = serializers.DecimalField(max_digits=12, decimal_places=2)
    currency = serializers.CharField(help_text="ISO 4217, as observed.")
    condition = serializers.CharField(
        help_text="The offer's condition in the price vocabulary; empty when the page did not say."
    )
    observed_at = serializers.DateTimeField()
    url = serializers.CharField(help_text="The page it was observed on (may be empty).")
    tracker = serializers.IntegerField(source="tracker_id", allow_null=True)
    compared_currency = serializers.CharField(
        help_text="The maximum price's currency, else the vendor's: what offers are compared in."
    )
    compared_price = serializers.DecimalField(
        max_digits=16,
        decimal_places=2,
        allow_null=True,
        help_text="The price in `compared_currency` at today's rates; null without a rate.",
    )
    within_max_price = serializers.BooleanField(
        allow_null=True,
        help_text="At or under the item's maximum price; null without a maximum price or a rate.",
    )


class BestOffersSerializer(serializers.Serializer):
    collectible = serializers.IntegerField()
    status = serializers.CharField(help_text="The item's status (`wanted`, `owned`, `sold`).")
    max_price = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    max_price_currency = serializers.CharField(help_text="Empty without a maximum price.")
    conditions = serializers.ListField(
        child=serializers.CharField(),
        help_text="The conditions that meet the item's (its own and better ones); offers "
        "with no stated condition count too.",
    )
    results = OfferSerializer(many=True, help_text="One per source, cheapest first.")
