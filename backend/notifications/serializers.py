"""Shapes of the inbox and channels. The Apprise URL is write-only: answers carry only
`apprise_url_masked` (`ntfy://•••`)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from notifications import outbound, rules
from notifications.models import Channel, ChannelKind, DeliveryStatus, Notification
from notifications.texts import notification_text, public_data


@extend_schema_field(
    {
        "type": "string",
        "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$",
        "example": "22:00",
        "description": "A wall-clock time in the channel's `time_zone` (no offset).",
    }
)
class LocalTimeField(serializers.TimeField):
    """A time of day in the channel's own zone: OpenAPI's `format: time` (RFC 3339) would
    demand an offset, which a quiet hour in "Europe/Paris" does not have."""


class NotificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Notification
        fields = ["id", "kind", "title", "body", "link", "data", "read_at", "created_at"]
        read_only_fields = fields
        extra_kwargs = {
            "title": {"help_text": "In the request's language (Accept-Language)."},
            "body": {"help_text": "In the request's language (Accept-Language)."},
        }

    def to_representation(self, instance: Notification) -> dict[str, Any]:
        """Title and body written now, in the request's language, from the code they were
        stored with (notifications.texts); `data` without that code."""
        data = super().to_representation(instance)
        data["title"], data["body"] = notification_text(instance)
        data["data"] = public_data(instance.data)
        return data


class UnreadCountSerializer(serializers.Serializer):
    unread_count = serializers.IntegerField()


class ReadAllSerializer(serializers.Serializer):
    marked_read = serializers.IntegerField()


class ChannelSerializer(serializers.ModelSerializer):
    apprise_url_masked = serializers.CharField(source="masked_url", read_only=True)
    # Empty means "the account's address", so not an email-formatted string in the schema.
    email = serializers.CharField(read_only=True, help_text="Empty: the account's address.")
    email_target = serializers.CharField(read_only=True, help_text="Where mail goes.")
    quiet_start = LocalTimeField(read_only=True, allow_null=True)
    quiet_end = LocalTimeField(read_only=True, allow_null=True)

    class Meta:
        model = Channel
        fields = [
            "id", "kind", "name", "apprise_url_masked", "email", "email_target", "mode",
            "digest_hour", "quiet_start", "quiet_end", "time_zone", "enabled", "last_error",
            "last_delivered_at", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields


class ChannelWriteSerializer(serializers.ModelSerializer):
    apprise_url = serializers.CharField(
        write_only=True, required=False, allow_blank=False, max_length=2000,
        help_text="Apprise URL (push channels only); stored encrypted, never returned.",
    )  # fmt: skip
    digest_hour = serializers.IntegerField(min_value=0, max_value=23, required=False)
    quiet_start = LocalTimeField(required=False, allow_null=True)
    quiet_end = LocalTimeField(required=False, allow_null=True)

    class Meta:
        model = Channel
        fields = [
            "kind", "name", "apprise_url", "email", "mode", "digest_hour", "quiet_start",
            "quiet_end", "time_zone", "enabled",
        ]  # fmt: skip

    def validate_time_zone(self, value: str) -> str:
        problem = rules.zone_problem(value)
        if problem:
            raise serializers.ValidationError(problem)
        return value

    def validate_apprise_url(self, value: str) -> str:
        problem = outbound.push_url_problem(value.strip())
        if problem:
            raise serializers.ValidationError(problem)
        return value.strip()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        instance: Channel | None = self.instance
        kind = attrs.get("kind", instance.kind if instance else None)
        if instance is not None and "kind" in attrs and attrs["kind"] != instance.kind:
            raise serializers.ValidationError({"kind": [_("A channel's kind cannot change.")]})
        url = attrs.get("apprise_url", instance.apprise_url if instance else "")
        if kind == ChannelKind.APPRISE and not url:
            raise serializers.ValidationError({"apprise_url": [_("A push channel needs its URL.")]})
        if kind == ChannelKind.EMAIL and attrs.get("apprise_url"):
            raise serializers.ValidationError({"apprise_url": [_("Only push channels have one.")]})
        if kind == ChannelKind.APPRISE and attrs.get("email"):
            raise serializers.ValidationError({"email": [_("Only email channels have one.")]})
        start = attrs.get("quiet_start", instance.quiet_start if instance else None)
        end = attrs.get("quiet_end", instance.quiet_end if instance else None)
        if (start is None) != (end is None):
            raise serializers.ValidationError(
                {"quiet_end": [_("Quiet hours need both a start and an end (or neither).")]}
            )
        return attrs


class ChannelTestSerializer(serializers.Serializer):
    sent = serializers.BooleanField()
    status = serializers.ChoiceField(choices=[DeliveryStatus.SENT, DeliveryStatus.FAILED])
    detail = serializers.CharField(help_text="What happened, in a sentence.")
