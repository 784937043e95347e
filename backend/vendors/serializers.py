from django.utils.translation import gettext as _
from rest_framework import serializers

from core.currencies import CurrencyField
from vendors.invitations import STATES
from vendors.models import Membership, Role, Vendor, Visibility


class VendorSerializer(serializers.ModelSerializer):
    role = serializers.ChoiceField(
        choices=Role.choices, read_only=True, help_text="Your role in this vendor."
    )
    share_token = serializers.SerializerMethodField(
        help_text="The share link's secret (owners only; null until something is shared)."
    )

    class Meta:
        model = Vendor
        fields = [
            "id",
            "name",
            "slug",
            "default_currency",
            "is_personal",
            "role",
            "collection_visibility",
            "wants_visibility",
            "share_show_prices",
            "share_token",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_share_token(self, vendor: Vendor) -> str | None:
        return vendor.share_token if getattr(vendor, "role", None) == Role.OWNER else None


class VendorWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    default_currency = CurrencyField(required=False)
    collection_visibility = serializers.ChoiceField(choices=Visibility.choices, required=False)
    wants_visibility = serializers.ChoiceField(choices=Visibility.choices, required=False)
    share_show_prices = serializers.BooleanField(required=False)

    def validate_name(self, value: str) -> str:
        if not value.strip():
            raise serializers.ValidationError(_("A vendor needs a name."))
        return value.strip()


class MemberUserSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    email = serializers.EmailField()
    display_name = serializers.CharField()


class MembershipSerializer(serializers.ModelSerializer):
    user = MemberUserSerializer(read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "user", "role", "created_at"]
        read_only_fields = ["id", "user", "created_at"]


class MembershipCreateSerializer(serializers.Serializer):
    email = serializers.EmailField(help_text="The email of an existing Omni-Stock account.")
    role = serializers.ChoiceField(choices=Role.choices)


class MembershipUpdateSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=Role.choices)


class InvitationCreateSerializer(serializers.Serializer):
    email = serializers.EmailField(
        max_length=254, help_text="Anyone's address: an account is not needed yet."
    )
    role = serializers.ChoiceField(choices=Role.choices)


class InvitationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    email = serializers.EmailField()
    role = serializers.ChoiceField(choices=Role.choices)
    invited_by = serializers.CharField(
        allow_null=True, help_text="The inviting owner's display name or email."
    )
    created_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()
    expired = serializers.BooleanField()


class IssuedInvitationSerializer(InvitationSerializer):
    link = serializers.URLField(
        help_text="The link mailed to the person; shown this once (only its hash is kept)."
    )


class PublicInvitationSerializer(serializers.Serializer):
    vendor_name = serializers.CharField()
    invited_by = serializers.CharField()
    email = serializers.EmailField(help_text="The address the invitation was sent to.")
    role = serializers.ChoiceField(choices=Role.choices)
    expires_at = serializers.DateTimeField()
    status = serializers.ChoiceField(choices=STATES)
    expired = serializers.BooleanField()
