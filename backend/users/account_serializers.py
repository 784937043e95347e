"""Shapes of the account self-service requests (`users.account_api`)."""

from typing import Any

from rest_framework import serializers


def password_field(help_text: str) -> Any:
    return serializers.CharField(
        write_only=True, style={"input_type": "password"}, max_length=4096, help_text=help_text
    )


class PasswordChangeSerializer(serializers.Serializer):
    current_password = password_field("Your password now.")
    new_password = password_field("Checked by the password rules.")


class ForgotPasswordSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)


class PasswordResetConfirmSerializer(serializers.Serializer):
    uid = serializers.CharField(max_length=64, help_text="The `uid` of the mailed link.")
    token = serializers.CharField(max_length=128, help_text="The `token` of the mailed link.")
    new_password = password_field("Checked by the password rules.")


class EmailVerifySerializer(serializers.Serializer):
    token = serializers.CharField(max_length=512, help_text="The `token` of the mailed link.")


class AccountDeleteSerializer(serializers.Serializer):
    password = password_field("Your current password.")


class DetailSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What happened, in one sentence.")
