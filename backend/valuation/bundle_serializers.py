"""Shapes of the want list's seller bundles (`valuation.selectors.bundles`), read-only."""

from __future__ import annotations

from rest_framework import serializers

from price_history.models import PriceSource
from valuation.selectors.bundles import MAX_BUNDLE_ITEMS, MAX_BUNDLES


def _amount(**kwargs: object) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=16, decimal_places=2, **kwargs)  # type: ignore[arg-type]


class BundleItemSerializer(serializers.Serializer):
    """One wanted item and the seller's offer for it."""

    collectible = serializers.IntegerField(source="collectible.pk")
    name = serializers.CharField(source="collectible.name")
    vendor = serializers.IntegerField(source="collectible.vendor_id")
    max_price = serializers.DecimalField(
        source="collectible.max_price", max_digits=12, decimal_places=2, allow_null=True
    )
    max_price_currency = serializers.CharField(
        source="collectible.max_price_currency", help_text="Empty without a maximum price."
    )
    source = serializers.ChoiceField(  # type: ignore[assignment]
        choices=PriceSource.choices, help_text="The tracker's source."
    )
    price = serializers.DecimalField(max_digits=12, decimal_places=2)
    currency = serializers.CharField(help_text="ISO 4217, as offered.")
    converted_price = _amount(help_text="`price` in the bundle's currency at today's rates.")
    shipping = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        allow_null=True,
        help_text="The offer's shipping in `currency` (0: free; null: the page does not say).",
    )
    condition = serializers.CharField(
        help_text="The offer's condition in the price vocabulary; empty when the page did not say."
    )
    url = serializers.CharField(help_text="The page the offer is on.")
    observed_at = serializers.DateTimeField()
    tracker = serializers.IntegerField(source="tracker_id")


class BundleSerializer(serializers.Serializer):
    seller = serializers.CharField(help_text="The seller's name as the page gives it.")
    seller_key = serializers.CharField(
        help_text="Tells the sellers of one site apart: `<host>|<seller id or name>`."
    )
    item_count = serializers.IntegerField(help_text="Wanted items this seller offers now.")
    total = _amount(help_text="The offers' prices added up, in `currency`.")
    currency = serializers.CharField(help_text="The caller's collection currency.")
    shipping_separately = _amount(
        allow_null=True,
        help_text="The offers' shipping added up (bought one by one), in `currency`; null "
        "when an offer does not state its shipping.",
    )
    items = BundleItemSerializer(
        source="listed_items",
        many=True,
        help_text=f"Highest priority first, at most {MAX_BUNDLE_ITEMS} (`item_count` and "
        "`total` cover all).",
    )


class WantBundlesSerializer(serializers.Serializer):
    currency = serializers.CharField(help_text="What totals are in: the collection currency.")
    count = serializers.IntegerField(help_text="How many bundles there are.")
    results = BundleSerializer(
        many=True,
        help_text=f"Most items first, then the cheapest total; at most {MAX_BUNDLES}.",
    )
