"""HTTP layer of an item's individual price entries and of the corrections made to them.

`collectibles/{id}/price-entries/`: every recorded price, newest first (`?source=manual`
for those entered by hand); an editor corrects (PATCH) or deletes a manual one; observed
prices are kept as seen (400 `observed_price_immutable`). Every correction is recorded and
listed read-only under `collectibles/{id}/price-corrections/`. Recording a price by hand
stays `POST collectibles/{id}/prices`.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, mixins, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from price_history import services
from price_history.api import PRICES, CollectibleScopedMixin
from price_history.filters import PriceEntryFilter
from price_history.models import PriceCorrection, PriceHistory
from price_history.serializers import (
    PriceCorrectionSerializer,
    PriceEntryChangeSerializer,
    PriceEntrySerializer,
)
from users.auth import authenticated_user


@extend_schema_view(
    list=extend_schema(tags=PRICES, summary="List an item's price entries, newest first"),
    retrieve=extend_schema(tags=PRICES, summary="Get one price entry"),
    partial_update=extend_schema(
        tags=PRICES,
        summary="Correct a price entered by hand (the change is recorded)",
        description="Only `source: manual` entries: an observed price is a 400 "
        "`observed_price_immutable`. Validated as when recording one.",
        request=PriceEntryChangeSerializer,
        responses={200: PriceEntrySerializer},
    ),
    destroy=extend_schema(
        tags=PRICES,
        summary="Delete a price entered by hand (the deletion is recorded)",
        description="Only `source: manual` entries (observed ones: 400).",
    ),
)
class PriceEntryViewSet(
    CollectibleScopedMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    queryset = PriceHistory.objects.none()  # for the schema; get_queryset scopes to the item
    serializer_class = PriceEntrySerializer
    filterset_class = PriceEntryFilter
    http_method_names = ["get", "patch", "delete", "head", "options"]
    ordering_fields = ["observed_at"]
    ordering = ["-observed_at", "-id"]

    def get_queryset(self) -> QuerySet[PriceHistory]:
        if getattr(self, "swagger_fake_view", False):
            return PriceHistory.objects.none()
        return PriceHistory.objects.filter(collectible=self.get_collectible())

    @property
    def extra_error_codes(self) -> tuple[str, ...]:
        return ("400",) if getattr(self, "action", None) == "destroy" else ()

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        entry = self.get_object()
        self.require_edit(self.get_collectible(), _("correct prices of this item"))
        serializer = PriceEntryChangeSerializer(entry, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        try:
            entry = services.price_correct_manual(
                entry=entry,
                corrected_by=authenticated_user(request),
                changes=serializer.validated_data,
            )
        except services.ObservedPriceError as exc:
            raise ValidationError(exc.message, code=exc.code) from exc
        return Response(PriceEntrySerializer(entry).data)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        entry = self.get_object()
        self.require_edit(self.get_collectible(), _("delete prices of this item"))
        try:
            services.price_delete_manual(entry=entry, deleted_by=authenticated_user(request))
        except services.ObservedPriceError as exc:
            raise ValidationError(exc.message, code=exc.code) from exc
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    get=extend_schema(
        tags=PRICES, summary="List the corrections made to an item's manual prices, newest first"
    )
)
class PriceCorrectionListView(CollectibleScopedMixin, generics.ListAPIView):
    serializer_class = PriceCorrectionSerializer
    ordering_fields = ["created_at"]
    ordering = ["-created_at", "-id"]

    def get_queryset(self) -> QuerySet[PriceCorrection]:
        if getattr(self, "swagger_fake_view", False):
            return PriceCorrection.objects.none()
        return PriceCorrection.objects.filter(collectible=self.get_collectible())
