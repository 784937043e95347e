"""Request and answer of `POST /collectibles/bulk` and `POST /collectibles/{id}/duplicate`.

One flat request body for every bulk action: `action` says which, `ids` or `filters` say
which items, and each action reads its own value field (the table in docs/api.md)."""

from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from inventory import extensions
from inventory.bulk import MAX_BULK_ITEMS, BulkAction
from inventory.models import MAX_LOCATION_LENGTH, Category, Condition
from inventory.serializers import TagsField

#: The value field each action needs (None: none), and so the fields it refuses.
ACTION_FIELDS: dict[str, str | None] = {
    BulkAction.ADD_TAGS: "tags",
    BulkAction.REMOVE_TAGS: "tags",
    BulkAction.SET_TAGS: "tags",
    BulkAction.SET_CONDITION: "condition",
    BulkAction.SET_LOCATION: "location",
    BulkAction.SET_CATEGORY: "category",
    BulkAction.DELETE: None,
}
_VALUE_FIELDS = ("tags", "condition", "location", "category")
# Sent by a list view along with its filters; they choose no items, so they are ignored.
IGNORED_LIST_PARAMS = frozenset({"page", "page_size", "ordering"})
_FILTER_SCALARS = (str, int, bool)


@extend_schema_field(
    {
        "type": "object",
        "additionalProperties": {
            "oneOf": [
                {"type": "string"},
                {"type": "integer"},
                {"type": "boolean"},
                {"type": "array", "items": {"type": "string"}, "maxItems": 50},
            ]
        },
        "maxProperties": 50,
        "example": {"category": ["trading_card"], "tag": "holo", "status": "owned"},
        "description": "The query parameters of `GET /collectibles/` (repeatable ones as "
        "arrays); `page`, `page_size` and `ordering` are ignored.",
    }
)
class ListFiltersField(serializers.Field):
    default_error_messages = {
        "not_object": _("Must be a JSON object of the list's query parameters."),
        "too_many": _("At most 50 parameters."),
        "bad_value": _("'{name}' must be a string, a number, true/false or a list of strings."),
    }

    def to_representation(self, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return value

    def to_internal_value(self, data: Any) -> dict[str, list[str]]:
        """Each parameter as the list of its values, as a query string would give them."""
        if not isinstance(data, dict):
            self.fail("not_object")
        if len(data) > 50:
            self.fail("too_many")
        params: dict[str, list[str]] = {}
        for name, value in data.items():
            values = value if isinstance(value, list) else [value]
            if len(values) > 50 or not all(isinstance(v, _FILTER_SCALARS) for v in values):
                self.fail("bad_value", name=str(name)[:40])
            params[str(name)] = [_query_text(v) for v in values]
        return params


def _query_text(value: str | int | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class ConfirmationField(serializers.ChoiceField):
    """A deletion guard's token (`inventory.extensions`): the registered ones, read when
    the field is built (after every app's `ready()`)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(choices=extensions.deletion_confirmations(), **kwargs)


class CollectibleBulkEditSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1),
        required=False,
        min_length=1,
        max_length=MAX_BULK_ITEMS,
        help_text=f"The items to change (at most {MAX_BULK_ITEMS:,}). Give `ids` or "
        "`filters`, not both.",
    )
    filters = ListFiltersField(
        required=False,
        help_text="Every item the list shows with these filters (at most "
        f"{MAX_BULK_ITEMS:,}); `{{}}`: every item of every vendor you belong to.",
    )
    action = serializers.ChoiceField(choices=BulkAction.choices)
    tags = TagsField(
        required=False,
        help_text="add_tags, remove_tags (at least one), set_tags (empty clears them).",
    )
    condition = serializers.ChoiceField(
        choices=Condition.choices, required=False, help_text="set_condition."
    )
    location = serializers.CharField(
        max_length=MAX_LOCATION_LENGTH,
        allow_blank=True,
        required=False,
        help_text="set_location (blank clears it).",
    )
    category = serializers.ChoiceField(
        choices=Category.choices,
        required=False,
        help_text="set_category (items that stop being trading cards lose their card details).",
    )
    confirm = ConfirmationField(
        help_text="delete: `delete-history` also deletes items that have price history "
        "(without it such a selection is refused with 409 `has_price_history`)."
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if ("ids" in attrs) == ("filters" in attrs):
            raise serializers.ValidationError(
                gettext("Say which items to change: give either `ids` or `filters` (not both).")
            )
        action = attrs["action"]
        needed = ACTION_FIELDS[action]
        errors: dict[str, str] = {}
        for field in _VALUE_FIELDS:
            if field == needed and field not in attrs:
                errors[field] = gettext("The %(action)s action needs this field.") % {
                    "action": action
                }
            elif field != needed and field in attrs:
                errors[field] = gettext("Not used by the %(action)s action.") % {"action": action}
        if "confirm" in attrs and action != BulkAction.DELETE:
            errors["confirm"] = gettext("Not used by the %(action)s action.") % {"action": action}
        if needed == "tags" and action != BulkAction.SET_TAGS and not attrs.get("tags", [1]):
            errors["tags"] = gettext("The %(action)s action needs at least one tag.") % {
                "action": action
            }
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class CollectibleBulkResultSerializer(serializers.Serializer):
    matched = serializers.IntegerField(help_text="Items the selection found.")
    changed = serializers.IntegerField(
        help_text="Items the action changed (or deleted); those that already had the value "
        "are left untouched."
    )


class CollectibleDuplicateSerializer(serializers.Serializer):
    quantity = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=2_147_483_647,
        help_text="The copy's quantity (default: the original's).",
    )


class CollectibleDeleteQuerySerializer(serializers.Serializer):
    confirm = ConfirmationField(
        help_text="`delete-history`: delete the item even though it has price history "
        "(without it: 409 `has_price_history`)."
    )
