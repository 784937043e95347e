from datetime import datetime, timedelta, tzinfo
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from valuation.models import VALUE_BASES, ItemValuation, price_age_days, price_is_stale

from core.currencies import CurrencyField
from core.serializers import date_text, datetime_text, decimal_text
from inventory.models import (
    MAX_EXTERNAL_IDS,
    MAX_TAGS,
    CardDetails,
    Category,
    Collectible,
)
from inventory.search import MAX_QUERY_LENGTH
from inventory.tags import normalize_tags
from price_history.models import PriceSource

MAX_EXTERNAL_ID_KEY_LENGTH = 50
MAX_EXTERNAL_ID_VALUE_LENGTH = 200
# The earliest time zone is UTC+14: a date that is "today" anywhere on Earth is accepted.
_LATEST_UTC_OFFSET = timedelta(hours=14)


class TagsField(serializers.ListField):
    """Tags are trimmed, lower-cased, de-duplicated (order kept) and limited in number."""

    child = serializers.CharField(allow_blank=True)

    def to_internal_value(self, data: Any) -> list[str]:
        try:
            return normalize_tags(super().to_internal_value(data))
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from exc


@extend_schema_field(
    {
        "type": "object",
        "additionalProperties": {"type": "string", "maxLength": MAX_EXTERNAL_ID_VALUE_LENGTH},
        "maxProperties": MAX_EXTERNAL_IDS,
        "example": {"pricecharting": "6910", "tcgplayer": "42382"},
        "description": "Marketplace name → that marketplace's id for this item.",
    }
)
class ExternalIdsField(serializers.Field):
    default_error_messages = {
        "not_object": "Must be a JSON object mapping marketplace names to ids.",
        "too_many": f"At most {MAX_EXTERNAL_IDS} external ids per item.",
    }

    def to_representation(self, value: dict[str, str]) -> dict[str, str]:
        return value

    def to_internal_value(self, data: Any) -> dict[str, str]:
        if not isinstance(data, dict):
            self.fail("not_object")
        if len(data) > MAX_EXTERNAL_IDS:
            self.fail("too_many")
        cleaned: dict[str, str] = {}
        for raw_key, value in data.items():
            key = raw_key.strip() if isinstance(raw_key, str) else ""
            if not key:
                raise serializers.ValidationError("Marketplace names must not be empty.")
            if len(key) > MAX_EXTERNAL_ID_KEY_LENGTH:
                raise serializers.ValidationError(
                    f"Marketplace name '{key[:20]}…' is longer than {MAX_EXTERNAL_ID_KEY_LENGTH} characters."
                )
            if key in cleaned:
                raise serializers.ValidationError(f"Marketplace '{key}' appears twice.")
            if not isinstance(value, str) or not value.strip():
                raise serializers.ValidationError(f"The id for '{key}' must be a non-empty string.")
            if len(value) > MAX_EXTERNAL_ID_VALUE_LENGTH:
                raise serializers.ValidationError(
                    f"The id for '{key}' is longer than {MAX_EXTERNAL_ID_VALUE_LENGTH} characters."
                )
            cleaned[key] = value.strip()
        return cleaned


class CardDetailsSerializer(serializers.ModelSerializer):
    class Meta:
        model = CardDetails
        fields = [
            "game",
            "language",
            "market_region",
            "rarity",
            "finish",
            "release_date",
            "set_code",
        ]


# --- Valuation ----------------------------------------------------------------------------


class ValuationPriceSerializer(serializers.Serializer):
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, source="price_amount")
    currency = serializers.CharField(
        source="price_currency", help_text="The price's own currency (ISO 4217)."
    )
    observed_at = serializers.DateTimeField(source="price_observed_at")
    source = serializers.ChoiceField(  # type: ignore[assignment]
        choices=PriceSource.choices, source="price_source"
    )
    condition = serializers.CharField(
        source="price_condition", help_text="Empty when the page gave no condition."
    )


# One instance for every row: a new serializer per item deep-copies its fields, which was
# most of a list page's time (docs/performance.md). to_representation keeps no state.
_PRICE_SERIALIZER = ValuationPriceSerializer()


class CollectibleValuationSerializer(serializers.Serializer):
    """The item's current value (docs/valuation.md), from its materialised valuation."""

    basis = serializers.ChoiceField(
        choices=list(VALUE_BASES),
        help_text="`observed` (a matching marketplace price), `manual` (a price entered by "
        "hand), `purchase` (no market price: the purchase price) or `none` (unpriced).",
    )
    currency = serializers.CharField(help_text="The vendor's currency: every amount below.")
    unit_value = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    value = serializers.DecimalField(
        max_digits=16,
        decimal_places=2,
        allow_null=True,
        help_text="Unit value × quantity; null when unpriced or unconvertible.",
    )
    cost = serializers.DecimalField(
        max_digits=16,
        decimal_places=2,
        allow_null=True,
        help_text="Purchase price × quantity, at the purchase-date rate.",
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
        help_text="No exchange rate for the day: the value is unknown rather than wrong."
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


def collectible_list_rows(
    rows: list[dict[str, Any]], *, now: datetime | None = None
) -> list[dict[str, Any]]:
    """A list page's rows (`selectors.CollectibleRows`) formatted by hand, exactly as
    `CollectibleSerializer` formats each item (a test pins the two): DRF's per-object,
    per-field machinery was most of a list request's time (docs/performance.md).
    `now`: the instant price ages are counted to (default: now)."""
    now = now or timezone.now()
    zone = timezone.get_current_timezone()
    return [
        {
            "id": row["id"],
            "vendor": row["vendor_id"],
            "created_by": row["created_by_id"],
            "name": row["name"],
            "category": row["category"],
            "set_name": row["set_name"],
            "number": row["number"],
            "condition": row["condition"],
            "completeness": row["completeness"],
            "grader": row["grader"],
            "grade": decimal_text(row["grade"], 1),
            "quantity": row["quantity"],
            "purchase_price": decimal_text(row["purchase_price"], 2),
            "purchase_currency": row["purchase_currency"],
            "purchase_date": date_text(row["purchase_date"]),
            "notes": row["notes"],
            "tags": list(row["tags"]),
            "external_ids": row["external_ids"],
            "card_details": _card_details_of_row(row),
            "valuation": _valuation_of_row(row, now, zone),
            "created_at": datetime_text(row["created_at"], zone),
            "updated_at": datetime_text(row["updated_at"], zone),
        }
        for row in rows
    ]


def _card_details_of_row(row: dict[str, Any]) -> dict[str, Any] | None:
    if row["card_details__pk"] is None:
        return None
    return {
        "game": row["card_details__game"],
        "language": row["card_details__language"],
        "market_region": row["card_details__market_region"],
        "rarity": row["card_details__rarity"],
        "finish": row["card_details__finish"],
        "release_date": date_text(row["card_details__release_date"]),
        "set_code": row["card_details__set_code"],
    }


def _valuation_of_row(row: dict[str, Any], now: datetime, zone: tzinfo) -> dict[str, Any] | None:
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
        "price": price,
        "age_days": price_age_days(observed_at, now=now),
        "is_stale": price_is_stale(observed_at, now=now),
        "unconvertible": row["valuation__unconvertible"],
        "valued_at": datetime_text(row["valuation__valued_at"], zone),
    }


class CollectibleSerializer(serializers.ModelSerializer):
    vendor = serializers.IntegerField(
        source="vendor_id",
        required=False,
        help_text="The vendor that owns the item. Defaults to your personal collection; "
        "fixed once created.",
    )
    created_by = serializers.IntegerField(source="created_by_id", read_only=True, allow_null=True)
    tags = TagsField(required=False, help_text=f"At most {MAX_TAGS}; stored lower-cased.")
    external_ids = ExternalIdsField(required=False)
    card_details = CardDetailsSerializer(
        required=False, allow_null=True, help_text="Only for trading cards."
    )
    purchase_currency = CurrencyField(
        required=False,
        allow_blank=True,
        help_text="ISO 4217; defaults to the vendor's currency when a purchase price is given.",
    )
    valuation = CollectibleValuationSerializer(
        source="*",
        read_only=True,
        allow_null=True,
        help_text="What the item is worth now, in its vendor's currency (read-only).",
    )

    class Meta:
        model = Collectible
        fields = [
            "id",
            "vendor",
            "created_by",
            "name",
            "category",
            "set_name",
            "number",
            "condition",
            "completeness",
            "grader",
            "grade",
            "quantity",
            "purchase_price",
            "purchase_currency",
            "purchase_date",
            "notes",
            "tags",
            "external_ids",
            "card_details",
            "valuation",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "created_by", "valuation", "created_at", "updated_at"]
        extra_kwargs = {
            "purchase_price": {"min_value": 0},
            "quantity": {"min_value": 1},
        }

    def validate_purchase_date(self, value: Any) -> Any:
        latest_today = (timezone.now() + _LATEST_UTC_OFFSET).date()
        if value is not None and value > latest_today:
            raise serializers.ValidationError("The purchase date cannot be in the future.")
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        instance: Collectible | None = self.instance

        def current(field: str) -> Any:
            if field in attrs:
                return attrs[field]
            return getattr(instance, field) if instance is not None else None

        errors: dict[str, str] = {}
        if (
            instance is not None
            and "vendor_id" in attrs
            and attrs["vendor_id"] != instance.vendor_id
        ):
            errors["vendor"] = "An item cannot be moved to another vendor."

        grader, grade = current("grader") or "", current("grade")
        if grader and grade is None:
            errors["grade"] = "A graded item needs its grade."
        if grade is not None and not grader:
            errors["grader"] = "A grade needs the grading company."

        category = current("category")
        card_details = attrs.get("card_details")
        if card_details and category != Category.TRADING_CARD:
            errors["card_details"] = "Card details apply to trading cards only."

        if errors:
            raise serializers.ValidationError(errors)
        return attrs


# --- Search -----------------------------------------------------------------------------

HIGHLIGHT_FIELDS = (
    "name",
    "set_name",
    "number",
    "tags",
    "card_details.game",
    "card_details.set_code",
    "notes",
)


@extend_schema_field(
    {
        "type": "object",
        "properties": {field: {"type": "string"} for field in HIGHLIGHT_FIELDS},
        "additionalProperties": False,
        "example": {"name": "<mark>Charizard</mark>", "card_details.game": "<mark>Pokémon</mark>"},
        "description": "The fields that match, as HTML: the text is escaped and each match "
        "is wrapped in <mark>…</mark>. Long notes are cut around the first match (…).",
    }
)
class HighlightsField(serializers.Field):
    def to_representation(self, value: dict[str, str]) -> dict[str, str]:
        return value


class SearchResultSerializer(serializers.ModelSerializer):
    vendor = serializers.IntegerField(source="vendor_id", read_only=True)
    card_details = CardDetailsSerializer(read_only=True, allow_null=True)
    rank = serializers.FloatField(
        source="search_rank",
        read_only=True,
        help_text="Relevance (ts_rank_cd, cover density): higher is better; only comparable "
        "within one search.",
    )
    highlights = serializers.SerializerMethodField()

    class Meta:
        model = Collectible
        fields = [
            "id",
            "vendor",
            "name",
            "category",
            "set_name",
            "number",
            "condition",
            "completeness",
            "grader",
            "grade",
            "quantity",
            "tags",
            "card_details",
            "created_at",
            "updated_at",
            "rank",
            "highlights",
        ]
        read_only_fields = fields

    @extend_schema_field(HighlightsField)
    def get_highlights(self, obj: Collectible) -> dict[str, str]:
        return self.context.get("highlights", {}).get(obj.pk, {})


class SearchPageSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Number of matching items.")
    next = serializers.URLField(allow_null=True, help_text="The next page, or null.")
    previous = serializers.URLField(allow_null=True, help_text="The previous page, or null.")
    did_you_mean = serializers.CharField(
        allow_null=True,
        help_text="Set when `q` matched nothing and a spelling correction of it did (only "
        "where the server has pg_trgm): `results` and `count` are then those of this "
        "query, and `next`/`previous` page through it.",
    )
    results = SearchResultSerializer(many=True)


class SearchQuerySerializer(serializers.Serializer):
    # Not trimmed: a trailing space tells a finished word from one being typed.
    q = serializers.CharField(max_length=MAX_QUERY_LENGTH, trim_whitespace=False)

    def validate_q(self, value: str) -> str:
        if not value.strip():
            raise serializers.ValidationError("This field may not be blank.", code="blank")
        return value
