from django.contrib import admin

from notifications.models import Channel, Delivery, Notification


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "kind", "mode", "enabled", "last_delivered_at", "last_error"]
    list_filter = ["kind", "mode", "enabled"]
    # The URL is a secret: the admin shows only which service it is.
    exclude = ["apprise_url"]
    readonly_fields = ["masked_url", "last_error", "last_delivered_at"]
    raw_id_fields = ["user"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "user", "kind", "created_at", "read_at"]
    list_filter = ["kind"]
    raw_id_fields = ["user"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["notification", "channel", "status", "attempts", "next_attempt_at", "sent_at"]
    list_filter = ["status", "via_digest"]
    raw_id_fields = ["notification", "channel"]
