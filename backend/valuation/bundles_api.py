"""HTTP layer of the want list's seller bundles: `GET /want-bundles/`.

Scoped like every read: the wanted items of the vendors the caller belongs to, or of one
of them with `?vendor=` (a vendor not theirs is a 404). Every role may read.
"""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from core.serializers import ErrorSerializer
from users.auth import authenticated_user
from valuation.api import VendorScopedView
from valuation.bundle_serializers import WantBundlesSerializer
from valuation.selectors.bundles import want_bundles
from valuation.serializers import DASHBOARD_QUERY_PARAMS, DashboardQuerySerializer
from vendors.selectors import vendor_list_for_user


class WantBundlesView(VendorScopedView):
    allowed_params = DASHBOARD_QUERY_PARAMS

    @extend_schema(
        tags=["prices"],
        summary="Seller bundles: wanted items one seller offers now, with the total",
        parameters=[
            OpenApiParameter(
                "vendor",
                OpenApiTypes.INT,
                description="Only this vendor's want list (one of yours). Default: all of them.",
            )
        ],
        description="Per seller, the caller's wanted items it currently offers: the latest "
        "check of each tracker, no older than the stale window, in stock (or not stated), "
        "meeting the wanted condition ('at least'; no stated condition counts) and at or "
        "below the maximum price when one is set (at today's rates). Per item and seller the "
        "cheapest offer; only sellers with at least two items. Totals in the collection "
        "currency (your personal collection's, or the `vendor`'s) at today's rates; offers "
        "without a rate are left out. Most items first, then cheapest total. See "
        "docs/valuation.md.",
        responses={
            200: WantBundlesSerializer,
            400: OpenApiResponse(ErrorSerializer, description="An unknown or bad parameter."),
            404: OpenApiResponse(ErrorSerializer, description="A vendor you do not belong to."),
        },
    )
    def get(self, request: Request) -> Response:
        params = self.query(request, DashboardQuerySerializer)
        vendors = list(vendor_list_for_user(user=authenticated_user(request)))
        if params.get("vendor") is not None:
            vendors = [vendor for vendor in vendors if vendor.pk == params["vendor"]]
            if not vendors:
                raise Http404
        if not vendors:
            body = {"currency": "", "count": 0, "results": []}
            return Response(WantBundlesSerializer(body).data)
        # Personal collection first (`vendor_list_for_user`): its currency is the caller's.
        bundles = want_bundles(
            vendor_ids=[vendor.pk for vendor in vendors], currency=vendors[0].default_currency
        )
        return Response(WantBundlesSerializer(bundles).data)
