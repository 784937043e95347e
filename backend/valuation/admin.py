from django.contrib import admin
from django.http import HttpRequest

from valuation.models import ExchangeRate, ValueSnapshot


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
