"""HTTP of marketplace credentials (`/marketplace-credentials/`): a user's own API keys
for Discogs and eBay. Secrets are write-only: answers carry them masked (`•••a1b2`).
Anyone else's credential is a 404."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from core.encryption import masked
from users import credentials
from users.auth import authenticated_user
from users.models import MarketplaceCredential

TAGS = ["marketplace credentials"]


def _secret(help_text: str) -> serializers.CharField:
    return serializers.CharField(
        write_only=True, required=False, allow_blank=False, max_length=500, help_text=help_text
    )


class CredentialSerializer(serializers.ModelSerializer):
    token_masked = serializers.SerializerMethodField()
    client_id_masked = serializers.SerializerMethodField()
    client_secret_masked = serializers.SerializerMethodField()

    class Meta:
        model = MarketplaceCredential
        fields = [
            "id", "provider", "token_masked", "client_id_masked", "client_secret_masked",
            "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields

    def get_token_masked(self, obj: MarketplaceCredential) -> str:
        return masked(obj.token)

    def get_client_id_masked(self, obj: MarketplaceCredential) -> str:
        return masked(obj.client_id)

    def get_client_secret_masked(self, obj: MarketplaceCredential) -> str:
        return masked(obj.client_secret)


class CredentialWriteSerializer(serializers.ModelSerializer):
    token = _secret("Discogs personal access token; stored encrypted, never returned.")
    client_id = _secret("eBay application client id (App ID); stored encrypted.")
    client_secret = _secret("eBay application client secret (Cert ID); stored encrypted.")

    class Meta:
        model = MarketplaceCredential
        fields = ["provider", "token", "client_id", "client_secret"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        instance: MarketplaceCredential | None = self.instance
        for name in credentials.SECRET_FIELDS:
            if name in attrs:
                value = attrs[name].strip()
                if not value or any(c.isspace() or not c.isprintable() for c in value):
                    raise ValidationError({name: [_("A key is one word of printable characters.")]})
                attrs[name] = value
        if instance is not None:
            if "provider" in attrs and attrs["provider"] != instance.provider:
                raise ValidationError({"provider": [_("A credential's provider cannot change.")]})
            provider = instance.provider
        else:
            provider = attrs.get("provider", "")
            if not provider:
                raise ValidationError({"provider": [_("This field is required.")]})
            missing = credentials.missing_fields(provider, attrs)
            if missing:
                raise ValidationError(
                    {
                        name: [_("A %(provider)s key needs it.") % {"provider": provider}]
                        for name in missing
                    }
                )
        wanted = credentials.FIELDS[provider]
        extra = [n for n in credentials.SECRET_FIELDS if n in attrs and n not in wanted]
        if extra:
            raise ValidationError(
                {
                    n: [
                        _("A %(provider)s key has no %(field)s.")
                        % {"provider": provider, "field": n}
                    ]
                    for n in extra
                }
            )
        return attrs


@extend_schema_view(
    list=extend_schema(tags=TAGS, summary="List your marketplace API keys (masked)"),
    retrieve=extend_schema(tags=TAGS, summary="Get a marketplace API key (masked)"),
    create=extend_schema(
        tags=TAGS,
        summary="Save a marketplace API key (Discogs token, or eBay client id and secret)",
        request=CredentialWriteSerializer,
        responses={201: CredentialSerializer},
    ),
    partial_update=extend_schema(
        tags=TAGS,
        summary="Replace a marketplace API key's secrets (send only those to replace)",
        request=CredentialWriteSerializer,
        responses={200: CredentialSerializer},
    ),
    destroy=extend_schema(tags=TAGS, summary="Remove a marketplace API key"),
)
class MarketplaceCredentialViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    queryset = MarketplaceCredential.objects.none()  # for the schema; scoped below
    serializer_class = CredentialSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    pagination_class = None
    filter_backends: list = []

    def get_queryset(self) -> QuerySet[MarketplaceCredential]:
        if getattr(self, "swagger_fake_view", False):
            return MarketplaceCredential.objects.none()
        return credentials.credential_list_for_user(user=authenticated_user(self.request))

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = CredentialWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            credential = credentials.credential_create(
                user=authenticated_user(request), **serializer.validated_data
            )
        except credentials.CredentialExistsError as exc:
            raise ValidationError({"provider": [str(exc)]}) from exc
        return Response(CredentialSerializer(credential).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        credential = self.get_object()
        serializer = CredentialWriteSerializer(credential, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = {k: v for k, v in serializer.validated_data.items() if k != "provider"}
        credential = credentials.credential_update(credential=credential, **data)
        return Response(CredentialSerializer(credential).data)

    def perform_destroy(self, instance: MarketplaceCredential) -> None:
        credentials.credential_delete(credential=instance)
