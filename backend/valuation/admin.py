from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from valuation import services
from valuation.models import ExchangeRate, ItemValuation, ValueSnapshot


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ["date", "currency", "rate", "updated_at"]
    list_filter = ["currency"]
    date_hierarchy = "date"
    search_fields = ["currency"]
    ordering = ["-date", "currency"]


@admin.register(ValueSnapshot)
class ValueSnapshotAdmin(admin.ModelAdmin):
    list_display = [
        "day",
        "vendor",
        "total_value",
        "cost_basis",
        "currency",
        "item_count",
        "priced_count",
        "updated_at",
    ]
    list_filter = ["currency"]
    list_select_related = ["vendor"]
    date_hierarchy = "day"
    search_fields = ["vendor__name"]
    readonly_fields = [f.name for f in ValueSnapshot._meta.fields]
    ordering = ["-day", "vendor_id"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(ItemValuation)
class ItemValuationAdmin(admin.ModelAdmin):
    """Read-only: a row is what `valuation.rules.value_item` computed; "revalue" computes
    it again through the valuation service, never by hand."""

    list_display = [
        "collectible",
        "vendor",
        "basis",
        "value",
        "currency",
        "cost",
        "price_amount",
        "price_currency",
        "unconvertible",
        "valued_at",
    ]
    list_filter = ["basis", "unconvertible", "currency"]
    list_select_related = ["collectible", "vendor"]
    search_fields = ["collectible__name", "vendor__name"]
    date_hierarchy = "valued_at"
    ordering = ["-valued_at", "collectible_id"]
    actions = ["revalue"]

    def get_readonly_fields(self, request: HttpRequest, obj: object = None) -> list[str]:
        return [field.name for field in ItemValuation._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    @admin.action(description="Revalue (compute the selected items' values again now)")
    def revalue(self, request: HttpRequest, queryset: QuerySet[ItemValuation]) -> None:
        ids = list(queryset.values_list("collectible_id", flat=True))
        written = services.valuations_revalue(item_ids=ids)
        message = f"Revalued {written} item(s)"
        if skipped := len(ids) - written:
            message += f", {skipped} skipped: item deleted meanwhile"
        self.message_user(request, message + ".", messages.SUCCESS)
