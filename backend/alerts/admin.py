from django.contrib import admin

from alerts.models import AlertEvent, AlertRule


@admin.register(AlertRule)
class AlertRuleAdmin(admin.ModelAdmin):
    list_display = ("id", "owner", "vendor", "collectible", "kind", "enabled", "armed")
    list_filter = ("kind", "enabled", "armed")
    raw_id_fields = ("owner", "vendor", "collectible")
    readonly_fields = ("armed", "item_armed", "last_fired_at")


@admin.register(AlertEvent)
class AlertEventAdmin(admin.ModelAdmin):
    list_display = ("id", "rule", "collectible", "fired_at", "price", "currency", "source")
    raw_id_fields = ("rule", "collectible", "observation")
    readonly_fields = [f.name for f in AlertEvent._meta.fields]
