"""HTTP layer of collection value: the dashboard and the daily value history.

`?vendor=` picks one of the caller's vendors (default: their personal collection); a
vendor they do not belong to is a 404. Every role may read.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.response_cache import cached_answer
from core.serializers import ErrorSerializer, represent
from price_history.selectors import collectible_get_for_user
from users.auth import authenticated_user
from valuation import selectors, services
from valuation.conditions import conditions_at_least
from valuation.serializers import (
    DASHBOARD_QUERY_PARAMS,
    VALUE_HISTORY_QUERY_PARAMS,
    BestOffersSerializer,
    DashboardQuerySerializer,
    DashboardSerializer,
    ValueHistoryQuerySerializer,
    ValueHistorySerializer,
)
from vendors.models import Vendor

TAGS = ["dashboard"]

VENDOR_PARAMETER = OpenApiParameter(
    "vendor",
    OpenApiTypes.INT,
    description="Id of one of your vendors. Default: your personal collection.",
)


class VendorScopedView(APIView):
    extra_error_codes = ("400", "404")  # bad query parameters; a vendor not yours
    allowed_params: frozenset[str] = frozenset()

    def query(self, request: Request, serializer_class: Any) -> dict[str, Any]:
        unknown = sorted(set(request.query_params) - self.allowed_params)
        if unknown:
            raise ValidationError({name: [_("Unknown query parameter.")] for name in unknown})
        query = serializer_class(data=request.query_params)
        query.is_valid(raise_exception=True)
        return dict(query.validated_data)

    def vendor(self, request: Request, params: dict[str, Any]) -> Vendor:
        vendor = selectors.vendor_for_dashboard(
            user=authenticated_user(request), vendor_id=params.get("vendor")
        )
        if vendor is None:
            raise Http404
        return vendor


class DashboardView(VendorScopedView):
    allowed_params = DASHBOARD_QUERY_PARAMS

    @extend_schema(
        tags=TAGS,
        summary="What the collection is worth now: totals, gain, most valuable, movers, categories",
        parameters=[VENDOR_PARAMETER],
        responses={200: DashboardSerializer},
        description="Amounts are in the vendor's currency. Each item is valued at the latest "
        "observed price matching its condition, else a manual price, else its purchase price "
        "(`basis`); see docs/valuation.md.",
    )
    def get(self, request: Request) -> HttpResponse | Response:
        params = self.query(request, DashboardQuerySerializer)
        vendor = self.vendor(request, params)
        display_currency = authenticated_user(request).display_currency

        def build() -> Response:
            services.valuations_ensure_fresh(vendor_ids=[vendor.pk])
            body = selectors.dashboard(vendor=vendor)
            body["display"] = selectors.display_totals(body=body, display_currency=display_currency)
            return Response(represent(DashboardSerializer, body))

        return cached_answer(
            self, request, scopes=[vendor.pk], build=build, facts=(display_currency,)
        )


class ValueHistoryView(VendorScopedView):
    allowed_params = VALUE_HISTORY_QUERY_PARAMS

    @extend_schema(
        tags=TAGS,
        summary="Daily collection value over time (from daily snapshots)",
        parameters=[
            VENDOR_PARAMETER,
            OpenApiParameter(
                "range",
                OpenApiTypes.STR,
                enum=list(selectors.RANGES),
                description="`1m`, `3m`, `1y` (default) or `all`.",
            ),
        ],
        responses={200: ValueHistorySerializer},
        description="One point per day with a snapshot in the vendor's current currency, "
        "oldest first. Snapshots are kept by a daily task and `manage.py backfill_values`.",
    )
    def get(self, request: Request) -> HttpResponse | Response:
        params = self.query(request, ValueHistoryQuerySerializer)
        vendor = self.vendor(request, params)

        def build() -> Response:
            body = selectors.value_history(vendor=vendor, range_name=params["range"])
            return Response(represent(ValueHistorySerializer, body))

        return cached_answer(self, request, scopes=[vendor.pk], build=build)


class BestOffersView(APIView):
    """`GET /collectibles/{id}/best-offers`: the best current offer per source."""

    @extend_schema(
        tags=["prices"],
        summary="Best offer now: the lowest current price per source",
        description="Per source, the lowest current observed price (the latest observation "
        "of each tracker per condition, no older than the stale window) that meets the "
        "item's condition: for a wanted item, that condition or a better one ('at least'); "
        "offers whose page states no condition count too. Each says whether it is within "
        "the item's maximum price, converted at today's rates. Hand-entered prices are not "
        "offers. Every role may read.",
        responses={
            200: BestOffersSerializer,
            404: OpenApiResponse(ErrorSerializer, description="No such item of yours."),
        },
    )
    def get(self, request: Request, collectible_pk: int) -> Response:
        collectible = collectible_get_for_user(
            user=authenticated_user(request), collectible_id=collectible_pk
        )
        if collectible is None:
            raise Http404
        body = {
            "collectible": collectible.pk,
            "status": collectible.status,
            "max_price": collectible.max_price,
            "max_price_currency": collectible.max_price_currency,
            "conditions": list(conditions_at_least(collectible)),
            "results": selectors.best_offers(collectible=collectible),
        }
        return Response(represent(BestOffersSerializer, body))
