"""Shapes of the dashboard and value-history responses (read-only) and their queries."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from inventory.models import Category, Condition
from price_history.models import PriceSource
from valuation.selectors import RANGES, Basis


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
    condition = serializers.CharField(help_text="Empty when the page gave no condition.")


class ItemValueSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="item.pk")
    name = serializers.CharField(source="item.name")
    category = serializers.ChoiceField(choices=Category.choices, source="item.category")
    condition = serializers.ChoiceField(choices=Condition.choices, source="item.condition")
    quantity = serializers.IntegerField(source="item.quantity")
    basis = serializers.ChoiceField(
        choices=list(Basis.ALL),
        help_text="`observed` (a matching marketplace price), `manual` (a price entered by "
        "hand), `purchase` (no market price: the purchase price) or `none` (unpriced).",
    )
    unit_value = money(allow_null=True)
    value = money(allow_null=True, help_text="Unit value × quantity; null when unpriced.")
    cost = money(allow_null=True, help_text="Purchase price × quantity, at the purchase-date rate.")
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


class DashboardSerializer(serializers.Serializer):
    vendor = DashboardVendorSerializer()
    currency = serializers.CharField(help_text="Every amount is in the vendor's currency.")
    as_of = serializers.DateTimeField()
    stale_after_days = serializers.IntegerField()
    total_value = money()
    cost_basis = money()
    unrealised_gain = UnrealisedGainSerializer()
    item_count = serializers.IntegerField()
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
