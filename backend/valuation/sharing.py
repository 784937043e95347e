"""The public, read-only pages of a shared collection or want list (docs/api.md "Sharing").

A page is found by the vendor's share token (unlisted or public lists) or its slug (public
lists only); anything else is the same 404 as a missing page, so a private list's existence
is not revealed. Answers carry no database id, member, note, purchase or tracker field: the
serializers below name every field they show. Owned items only: sold items are history,
not the collection, and wanted items are the want list.
"""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from core.pagination import PageNumberPagination
from inventory.models import Collectible, CollectibleStatus
from valuation.serializers import money
from vendors.models import Vendor, Visibility

TAG = ["sharing"]
ONLY_SHARED = "Only when the owner shares prices."
KEY_PARAMETER = OpenApiParameter(
    "key", OpenApiTypes.STR, OpenApiParameter.PATH, description="A share token or a slug."
)


def shared_vendor(key: str, *, field: str) -> Vendor:
    """The vendor whose list `field` (a visibility field) `key` may read, else 404."""
    vendor = Vendor.objects.filter(share_token=key).first() if len(key) >= 40 else None
    if vendor is not None and getattr(vendor, field) != Visibility.PRIVATE:
        return vendor
    vendor = Vendor.objects.filter(slug=key).first()
    if vendor is not None and getattr(vendor, field) == Visibility.PUBLIC:
        return vendor
    raise Http404


class PriceHidingSerializer(serializers.Serializer):
    price_fields: tuple[str, ...] = ()

    def to_representation(self, instance: Any) -> dict[str, Any]:
        data = super().to_representation(instance)
        if not self.context.get("show_prices"):
            for name in self.price_fields:
                data.pop(name, None)
        return data


class SharedItemSerializer(PriceHidingSerializer):
    price_fields = ("unit_value", "value", "currency")

    name = serializers.CharField()
    category = serializers.CharField()
    set_name = serializers.CharField()
    number = serializers.CharField()
    condition = serializers.CharField()
    grader = serializers.CharField()
    grade = serializers.DecimalField(max_digits=4, decimal_places=1, allow_null=True)
    quantity = serializers.IntegerField()
    unit_value = money(
        allow_null=True,
        required=False,
        source="valuation.unit_value",
        default=None,
        help_text=ONLY_SHARED,
    )
    value = money(
        allow_null=True,
        required=False,
        source="valuation.value",
        default=None,
        help_text=ONLY_SHARED,
    )
    currency = serializers.CharField(
        source="vendor.default_currency", required=False, help_text="Of the values."
    )


class SharedWantSerializer(PriceHidingSerializer):
    price_fields = ("max_price", "max_price_currency")

    name = serializers.CharField()
    category = serializers.CharField()
    set_name = serializers.CharField()
    number = serializers.CharField()
    condition = serializers.CharField(help_text="The lowest condition wanted.")
    grader = serializers.CharField()
    grade = serializers.DecimalField(max_digits=4, decimal_places=1, allow_null=True)
    priority = serializers.IntegerField()
    max_price = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        allow_null=True,
        required=False,
        help_text=ONLY_SHARED,
    )
    max_price_currency = serializers.CharField(required=False)


class SharedPagination(PageNumberPagination):
    def get_paginated_response(self, data: Any) -> Response:
        response = super().get_paginated_response(data)
        vendor: Vendor = self.request.shared_vendor  # type: ignore[union-attr]
        response.data = {
            "name": vendor.name,
            "show_prices": vendor.share_show_prices,
            **response.data,
        }
        return response

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        paged = super().get_paginated_response_schema(schema)
        paged["properties"] = {
            "name": {"type": "string"},
            "show_prices": {"type": "boolean"},
            **paged["properties"],
        }
        paged["required"] = ["name", "show_prices", "count", "results"]
        return paged


class SharedListView(generics.ListAPIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "public_share"
    pagination_class = SharedPagination
    filter_backends: list = []
    visibility_field = ""
    status = ""

    def get_queryset(self) -> QuerySet[Collectible]:
        if getattr(self, "swagger_fake_view", False):
            return Collectible.objects.none()
        vendor = shared_vendor(self.kwargs["key"], field=self.visibility_field)
        self.request.shared_vendor = vendor  # type: ignore[attr-defined]
        return (
            Collectible.objects.filter(vendor=vendor, status=self.status)
            .select_related("vendor", "valuation")
            .order_by("name", "id")
        )

    def get_serializer_context(self) -> dict[str, Any]:
        vendor = getattr(self.request, "shared_vendor", None)
        return {
            **super().get_serializer_context(),
            "show_prices": bool(vendor and vendor.share_show_prices),
        }

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        # The owner may unshare or regenerate at any moment: no cache keeps an old answer,
        # and the token in the address never leaves as a Referer.
        response["Cache-Control"] = "no-store"
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex"
        return response


@extend_schema(
    tags=TAG,
    summary="A shared collection's owned items (no sign-in; read-only)",
    parameters=[KEY_PARAMETER],
)
class SharedCollectionView(SharedListView):
    serializer_class = SharedItemSerializer
    visibility_field = "collection_visibility"
    status = CollectibleStatus.OWNED


@extend_schema(
    tags=TAG,
    summary="A shared want list (no sign-in; read-only)",
    parameters=[KEY_PARAMETER],
)
class SharedWantsView(SharedListView):
    serializer_class = SharedWantSerializer
    visibility_field = "wants_visibility"
    status = CollectibleStatus.WANTED
