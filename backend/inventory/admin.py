from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.postgres.forms import SimpleArrayField
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from rest_framework import serializers

from inventory.models import (
    CARD_DETAILS_ONLY_FOR_CARDS,
    MAX_TAGS,
    CardDetails,
    Collectible,
    takes_card_details,
)
from inventory.rules import sale_changes, wanted_changes
from inventory.serializers import ExternalIdsField
from inventory.tags import normalize_tags


def _drf_messages(exc: serializers.ValidationError) -> list[str]:
    detail = exc.detail
    if isinstance(detail, dict):
        return [str(m) for messages in detail.values() for m in messages]
    if isinstance(detail, list):
        return [str(m) for m in detail]
    return [str(detail)]


class CollectibleForm(forms.ModelForm):
    """Applies the API's rules to admin edits: normalised tags, valid external ids, currency."""

    tags = SimpleArrayField(
        forms.CharField(max_length=200),
        required=False,
        help_text=f"Comma-separated, e.g. “holo, psa, grail”. Stored lower-cased; at most {MAX_TAGS}.",
        widget=forms.TextInput(attrs={"size": 80}),
    )

    class Meta:
        model = Collectible
        fields = (
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
        )

    def clean_tags(self) -> list[str]:
        return normalize_tags(self.cleaned_data.get("tags") or [])

    def clean_external_ids(self) -> dict[str, str]:
        value = self.cleaned_data.get("external_ids")
        if value in (None, ""):
            return {}
        try:
            return ExternalIdsField().run_validation(value)
        except serializers.ValidationError as exc:
            raise ValidationError(_drf_messages(exc)) from exc

    def clean_purchase_currency(self) -> str:
        return (self.cleaned_data.get("purchase_currency") or "").strip().upper()

    def clean_sale_currency(self) -> str:
        return (self.cleaned_data.get("sale_currency") or "").strip().upper()

    def clean_max_price_currency(self) -> str:
        return (self.cleaned_data.get("max_price_currency") or "").strip().upper()

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        vendor = cleaned.get("vendor")
        if (
            cleaned.get("purchase_price") is not None
            and not cleaned.get("purchase_currency")
            and vendor is not None
        ):
            # Same default as the API: the vendor's currency.
            cleaned["purchase_currency"] = vendor.default_currency
        if vendor is not None and cleaned.get("status"):
            # The API's rule: selling fills the sale's defaults, owning again forgets it.
            previous = self.instance.status if self.instance.pk else None
            cleaned.update(
                sale_changes(
                    status=cleaned["status"],
                    previous_status=previous,
                    values=cleaned,
                    given=self.changed_data if previous is not None else (),
                    vendor_currency=vendor.default_currency,
                    today=timezone.localdate(),
                )
            )
            cleaned.update(
                wanted_changes(
                    status=cleaned["status"],
                    previous_status=previous,
                    values=cleaned,
                    given=self.changed_data if previous is not None else (),
                    vendor_currency=vendor.default_currency,
                )
            )
        return cleaned


class CardDetailsInlineFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        collectible: Collectible = self.instance
        if takes_card_details(collectible.category):
            return
        for form in self.forms:
            cleaned = getattr(form, "cleaned_data", {})
            if cleaned and not cleaned.get("DELETE") and form.has_changed():
                raise ValidationError(CARD_DETAILS_ONLY_FOR_CARDS)


class CardDetailsInline(admin.StackedInline):
    model = CardDetails
    formset = CardDetailsInlineFormSet
    extra = 1  # an untouched empty form saves nothing
    max_num = 1
    can_delete = True
    fields = (
        ("game", "set_code"),
        ("language", "market_region"),
        ("rarity", "finish"),
        "release_date",
    )


@admin.register(Collectible)
class CollectibleAdmin(admin.ModelAdmin):
    form = CollectibleForm
    inlines = (CardDetailsInline,)
    list_display = (
        "name",
        "category",
        "vendor",
        "set_name",
        "number",
        "condition",
        "graded",
        "quantity",
        "purchase_price",
        "purchase_currency",
        "purchase_date",
        "status",
        "location",
        "created_at",
    )
    list_display_links = ("name",)
    list_filter = (
        "status",
        "priority",
        "location",
        "category",
        "condition",
        "completeness",
        "grader",
        "purchase_currency",
        "vendor__is_personal",
        "card_details__language",
        "card_details__market_region",
    )
    search_fields = (
        "name",
        "set_name",
        "number",
        "notes",
        "vendor__name",
        "card_details__game",
        "card_details__set_code",
        "location",
        "cert_number",
    )
    autocomplete_fields = ("vendor", "created_by")
    list_select_related = ("vendor",)
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "created_at"
    list_per_page = 50
    fieldsets = (
        (None, {"fields": ("vendor", "name", "category", ("set_name", "number"))}),
        (
            "Condition",
            {"fields": (("condition", "completeness"), ("grader", "grade"), "cert_number")},
        ),
        (
            "Purchase",
            {
                "fields": (
                    "quantity",
                    ("purchase_price", "purchase_currency"),
                    "purchase_date",
                    ("purchase_fees", "purchase_shipping"),
                )
            },
        ),
        (
            "Status and storage",
            {
                "fields": (
                    "status",
                    "location",
                    ("sale_price", "sale_currency"),
                    ("sale_date", "sale_fees"),
                ),
                "description": "A sold item needs its sale price; the sale date defaults "
                "to today and the currency to the vendor's. Setting it owned again "
                "clears the sale.",
            },
        ),
        (
            "Want list",
            {
                "fields": (("max_price", "max_price_currency"), "priority"),
                "description": "Wanted items only (no purchase yet): the condition and "
                "grade mean 'at least'; the currency defaults to the vendor's.",
            },
        ),
        ("Notes & identifiers", {"fields": ("notes", "tags", "external_ids")}),
        ("Record", {"fields": ("created_by", "created_at", "updated_at")}),
    )

    @admin.display(description="grade", ordering="grade")
    def graded(self, obj: Collectible) -> str:
        if not obj.grader:
            return "—"
        return f"{obj.get_grader_display()} {obj.grade}"

    def save_model(
        self, request: HttpRequest, obj: Collectible, form: forms.Form, change: bool
    ) -> None:
        if not change and obj.created_by_id is None:
            obj.created_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)

    def save_related(
        self, request: HttpRequest, form: forms.ModelForm, formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        collectible = form.instance
        if not takes_card_details(collectible.category):
            # An item that stopped being a card loses its card details, as in the API.
            CardDetails.objects.filter(collectible=collectible).delete()


class CardDetailsForm(forms.ModelForm):
    class Meta:
        model = CardDetails
        fields = (
            "collectible",
            "game",
            "language",
            "market_region",
            "rarity",
            "finish",
            "release_date",
            "set_code",
        )

    def clean_collectible(self) -> Collectible:
        collectible = self.cleaned_data["collectible"]
        if not takes_card_details(collectible.category):
            raise ValidationError(CARD_DETAILS_ONLY_FOR_CARDS)
        return collectible


@admin.register(CardDetails)
class CardDetailsAdmin(admin.ModelAdmin):
    form = CardDetailsForm
    list_display = (
        "collectible",
        "game",
        "set_code",
        "language",
        "market_region",
        "rarity",
        "finish",
        "release_date",
    )
    list_filter = ("language", "market_region", "finish", "game")
    search_fields = ("collectible__name", "game", "set_code", "rarity")
    autocomplete_fields = ("collectible",)
    list_select_related = ("collectible",)
    date_hierarchy = "release_date"
    ordering = ("collectible__name",)

    def get_readonly_fields(self, request: HttpRequest, obj: CardDetails | None = None) -> Any:
        # `collectible` is the primary key: changing it would copy the row, not move it.
        return ("collectible",) if obj is not None else ()
