from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.currencies import CurrencyField
from core.validators import unstorable_text_problem
from inventory import extensions
from inventory.models import (
    CARD_DETAILS_ONLY_FOR_CARDS,
    MAX_EXTERNAL_IDS,
    MAX_TAGS,
    CardDetails,
    Collectible,
    Completeness,
    Grader,
    takes_card_details,
)
from inventory.photo_serializers import CoverPhotoField
from inventory.search import MAX_QUERY_LENGTH
from inventory.tags import normalize_tags

MAX_EXTERNAL_ID_KEY_LENGTH = 50
MAX_EXTERNAL_ID_VALUE_LENGTH = 200
# The earliest time zone is UTC+14: a date that is "today" anywhere on Earth is accepted.
_LATEST_UTC_OFFSET = timedelta(hours=14)


def _latest_today() -> date:
    """The latest date that is today somewhere on Earth (UTC+14)."""
    return (timezone.now() + _LATEST_UTC_OFFSET).date()


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
        "not_object": gettext_lazy("Must be a JSON object mapping marketplace names to ids."),
        "too_many": gettext_lazy("At most {limit} external ids per item."),
    }

    def to_representation(self, value: dict[str, str]) -> dict[str, str]:
        return value

    def to_internal_value(self, data: Any) -> dict[str, str]:
        if not isinstance(data, dict):
            self.fail("not_object")
        if len(data) > MAX_EXTERNAL_IDS:
            self.fail("too_many", limit=MAX_EXTERNAL_IDS)
        cleaned: dict[str, str] = {}
        for raw_key, value in data.items():
            for text in (raw_key, value):
                if isinstance(text, str) and (problem := unstorable_text_problem(text)):
                    raise serializers.ValidationError(
                        _("Marketplace names and ids: %(problem)s") % {"problem": problem}
                    )
            key = raw_key.strip() if isinstance(raw_key, str) else ""
            if not key:
                raise serializers.ValidationError(_("Marketplace names must not be empty."))
            if len(key) > MAX_EXTERNAL_ID_KEY_LENGTH:
                raise serializers.ValidationError(
                    _("Marketplace name '%(name)s…' is longer than %(limit)s characters.")
                    % {"name": key[:20], "limit": MAX_EXTERNAL_ID_KEY_LENGTH}
                )
            if key in cleaned:
                raise serializers.ValidationError(
                    _("Marketplace '%(name)s' appears twice.") % {"name": key}
                )
            if not isinstance(value, str) or not value.strip():
                raise serializers.ValidationError(
                    _("The id for '%(name)s' must be a non-empty string.") % {"name": key}
                )
            if len(value) > MAX_EXTERNAL_ID_VALUE_LENGTH:
                raise serializers.ValidationError(
                    _("The id for '%(name)s' is longer than %(limit)s characters.")
                    % {"name": key, "limit": MAX_EXTERNAL_ID_VALUE_LENGTH}
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
    sale_currency = CurrencyField(
        required=False,
        allow_blank=True,
        help_text="ISO 4217 (sold items only); defaults to the vendor's currency.",
    )
    max_price_currency = CurrencyField(
        required=False,
        allow_blank=True,
        help_text="ISO 4217 (wanted items only); defaults to the vendor's currency.",
    )
    cover_photo = CoverPhotoField(
        help_text="The cover's image and thumbnail URLs (null: no photos); photos are "
        "managed under `photos/`."
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
            "cert_number",
            "quantity",
            "purchase_price",
            "purchase_currency",
            "purchase_date",
            "purchase_fees",
            "purchase_shipping",
            "status",
            "sale_price",
            "sale_currency",
            "sale_date",
            "sale_fees",
            "max_price",
            "max_price_currency",
            "priority",
            "location",
            "notes",
            "tags",
            "external_ids",
            "card_details",
            "cover_photo",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "created_by", "cover_photo", "created_at", "updated_at"]
        extra_kwargs = {
            "purchase_price": {"min_value": 0},
            "purchase_fees": {"min_value": 0},
            "purchase_shipping": {"min_value": 0},
            "sale_price": {"min_value": 0},
            "sale_fees": {"min_value": 0},
            "max_price": {"min_value": 0},
            "quantity": {"min_value": 1},
            "status": {
                "help_text": "`owned` (counts in the collection's value), `sold` (needs "
                "`sale_price`; `sale_date` defaults to today, `sale_currency` to the "
                "vendor's) or `wanted` (on the want list: no purchase fields; `condition` "
                'and `grade` mean "at least"; turned owned by `acquire`). Setting '
                "`owned` again clears the sale fields; leaving `wanted` clears `max_price`."
            },
        }

    def get_fields(self) -> dict[str, serializers.Field]:
        """The item's own fields, then those of the registered extensions (read-only)."""
        fields = super().get_fields()
        timestamps = {name: fields.pop(name) for name in ("created_at", "updated_at")}
        for extension in extensions.registered():
            fields[extension.field] = extension.serializer_field()
        return {**fields, **timestamps}

    def validate_purchase_date(self, value: Any) -> Any:
        if value is not None and value > _latest_today():
            raise serializers.ValidationError(_("The purchase date cannot be in the future."))
        return value

    def validate_sale_date(self, value: Any) -> Any:
        if value is not None and value > _latest_today():
            raise serializers.ValidationError(_("The sale date cannot be in the future."))
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
            errors["vendor"] = _("An item cannot be moved to another vendor.")

        grader, grade = current("grader") or "", current("grade")
        if grader and grade is None:
            errors["grade"] = _("A graded item needs its grade.")
        if grade is not None and not grader:
            errors["grader"] = _("A grade needs the grading company.")

        if attrs.get("card_details") and not takes_card_details(current("category")):
            errors["card_details"] = str(CARD_DETAILS_ONLY_FOR_CARDS)

        bought, sold = current("purchase_date"), current("sale_date")
        if bought is not None and sold is not None and sold < bought:
            errors["sale_date"] = _("The sale date cannot be before the purchase date.")

        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class CollectibleAcquireSerializer(serializers.Serializer):
    """`POST /collectibles/{id}/acquire`: what was paid for a wanted item."""

    purchase_price = serializers.DecimalField(
        max_digits=12, decimal_places=2, min_value=0, help_text="Price of one, paid."
    )
    purchase_currency = CurrencyField(
        required=False, allow_blank=True, help_text="ISO 4217; defaults to the vendor's."
    )
    purchase_date = serializers.DateField(required=False, help_text="Defaults to today.")
    purchase_fees = serializers.DecimalField(
        max_digits=12, decimal_places=2, min_value=0, required=False, allow_null=True
    )
    purchase_shipping = serializers.DecimalField(
        max_digits=12, decimal_places=2, min_value=0, required=False, allow_null=True
    )
    quantity = serializers.IntegerField(
        min_value=1, max_value=2**31 - 1, required=False, help_text="Defaults to the wanted one."
    )

    def validate_purchase_date(self, value: Any) -> Any:
        if value is not None and value > _latest_today():
            raise serializers.ValidationError(_("The purchase date cannot be in the future."))
        return value


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
    # Empty for items that are not boxed or not graded (the schema says so).
    completeness = serializers.ChoiceField(
        choices=Completeness.choices, allow_blank=True, read_only=True
    )
    grader = serializers.ChoiceField(choices=Grader.choices, allow_blank=True, read_only=True)
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
            raise serializers.ValidationError(_("This field may not be blank."), code="blank")
        return value
