from typing import Any

from django.contrib.auth.password_validation import validate_password
from rest_framework import serializers

from core.currencies import CurrencyField
from users.models import User, language_choices, normalize_email

LANGUAGE_HELP = (
    "The language mails, pushes and the inbox are written in (`en`, `de`); empty: not "
    "chosen, the request's Accept-Language where there is one, else English."
)


class LanguageField(serializers.ChoiceField):
    """One of settings.LANGUAGES, or empty (not chosen)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=language_choices(), allow_blank=True, **kwargs)


class UserSerializer(serializers.ModelSerializer):
    language = LanguageField(read_only=True, help_text=LANGUAGE_HELP)
    email_verified = serializers.BooleanField(
        read_only=True, help_text="The owner opened the verification link mailed to `email`."
    )

    class Meta:
        model = User
        fields = [
            "id",
            "email",
            "display_name",
            "display_currency",
            "language",
            "email_verified",
            "date_joined",
        ]
        read_only_fields = ["id", "email", "display_currency", "language", "date_joined"]
        extra_kwargs = {
            "display_currency": {
                "help_text": "ISO 4217 code values are shown in; empty: each collection's own."
            },
        }


class UserUpdateSerializer(serializers.ModelSerializer):
    display_currency = CurrencyField(
        required=False,
        allow_blank=True,
        help_text="ISO 4217 code values are shown in; empty: each collection's own currency.",
    )
    language = LanguageField(required=False, help_text=LANGUAGE_HELP)

    class Meta:
        model = User
        fields = ["display_name", "display_currency", "language"]


class RegisterSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(write_only=True, style={"input_type": "password"})
    display_name = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default=""
    )

    def validate_email(self, value: str) -> str:
        # Whether the address already has an account is never said here (users.services
        # .user_sign_up): the answer is the same either way.
        return normalize_email(value)

    def validate(self, attrs: dict) -> dict:
        candidate = User(email=attrs["email"], display_name=attrs.get("display_name", ""))
        try:
            validate_password(attrs["password"], user=candidate)
        except Exception as exc:
            raise serializers.ValidationError(
                {"password": list(getattr(exc, "messages", [str(exc)]))}
            ) from exc
        return attrs


class SignUpAcceptedSerializer(serializers.Serializer):
    detail = serializers.CharField(
        help_text="The same sentence whether or not the address already had an account."
    )


class LoginSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(write_only=True, style={"input_type": "password"})


class RefreshRequestSerializer(serializers.Serializer):
    refresh = serializers.CharField(
        required=False,
        help_text="The refresh token. Optional when the `omni_refresh` cookie is sent instead.",
    )


class TokenPairSerializer(serializers.Serializer):
    access = serializers.CharField(help_text="Short-lived JWT for `Authorization: Bearer`.")
    refresh = serializers.CharField(
        help_text="Single-use refresh token; also set as the httpOnly `omni_refresh` cookie."
    )


class AuthSessionSerializer(TokenPairSerializer):
    user = UserSerializer()
