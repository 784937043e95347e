"""`GET catalogue-search/`: "Find it" — search a marketplace's catalogue by an item's name
and number and offer the matches as tracker URLs (a worker searches; the web waits)."""

from __future__ import annotations

from typing import Any, NoReturn

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import APIException, Throttled, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.serializers import ErrorSerializer
from price_history import selectors, services
from price_history.api import (
    TRACKERS,
    TrackerCheckThrottle,
    waiting_for_a_worker,
)
from price_history.gateway import SEARCHABLE_SOURCES
from price_history.services.catalogue import MAX_QUERY_LENGTH
from users.auth import authenticated_user

QUERY_PARAMS = frozenset({"source", "q", "collectible"})
MISSING_CREDENTIALS = "missing_credentials"


class MissingCredentials(APIException):
    """400: the source is searched with the caller's own marketplace key, and none is saved
    (or the marketplace refused it)."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = gettext_lazy(
        "Add your key for this marketplace in Settings → Marketplace keys."
    )
    default_code = MISSING_CREDENTIALS


class UpstreamFailure(APIException):
    """502: the marketplace could not be searched (its code is the failure's kind)."""

    status_code = status.HTTP_502_BAD_GATEWAY
    default_detail = gettext_lazy("The marketplace could not be searched; try again later.")
    default_code = "http_error"


class CatalogueQuerySerializer(serializers.Serializer):
    source = serializers.ChoiceField(choices=list(SEARCHABLE_SOURCES))  # type: ignore[assignment]
    q = serializers.CharField(required=False, allow_blank=True, max_length=MAX_QUERY_LENGTH)
    collectible = serializers.IntegerField(required=False, min_value=1)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs["q"] = " ".join((attrs.get("q") or "").split())
        if not attrs["q"] and "collectible" not in attrs:
            raise ValidationError({"q": [_("Say what to search for (or name an item).")]})
        return attrs


class CatalogueMatchSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.URLField(help_text="A page a tracker of `source` reads.")
    subtitle = serializers.CharField(help_text="Year, format, label, set, console… or empty.")
    image = serializers.CharField(help_text="A thumbnail's absolute URL, or empty.")
    price = serializers.CharField(help_text="The marketplace's shown price (a hint), or empty.")


class CatalogueSearchResponseSerializer(serializers.Serializer):
    source = serializers.CharField()  # type: ignore[assignment]
    query = serializers.CharField(help_text="What was searched (the item's name and number).")
    results = CatalogueMatchSerializer(many=True)


class CatalogueSearchView(APIView):
    throttle_classes = [TrackerCheckThrottle]

    @extend_schema(
        tags=TRACKERS,
        summary='"Find it": search a marketplace by an item\'s name and number',
        description="Searches the catalogue of `source` (`discogs`: the Discogs API with your "
        "personal access token; `ebay_api`: the eBay Browse API with your application keys; "
        "`pricecharting`, `cardmarket`: their public search pages) and answers at most 20 "
        "matches, each with a `url` a tracker of that source reads. `q` is what to search "
        "for; with `collectible` (one of your items) and no `q`, the item's name and number "
        "are searched (and Cardmarket is searched in the item's card game). A worker (queue "
        "`interactive`) searches within `SCRAPER_CHECK_DEADLINE_SECONDS`. **400** "
        "`missing_credentials` when the source needs a key you have not saved (or the "
        "marketplace refused it). **502** with the failure kind as `code` (`http_error`, "
        "`timeout`, `rate_limited`, `robots_disallowed`, …) when the marketplace could not "
        "be searched. **503** `check_unavailable` / `queue_unavailable` as for a tracker "
        "check; **429** past `TRACKER_CHECK_THROTTLE_RATE` (shared with the checks).",
        parameters=[
            OpenApiParameter(
                "source", OpenApiTypes.STR, enum=list(SEARCHABLE_SOURCES), required=True
            ),
            OpenApiParameter("q", OpenApiTypes.STR, description="1 to 200 characters."),
            OpenApiParameter(
                "collectible",
                OpenApiTypes.INT,
                description="An item of yours: search its name and number.",
            ),
        ],
        responses={
            200: CatalogueSearchResponseSerializer,
            400: OpenApiResponse(
                ErrorSerializer,
                description="A bad parameter, or `missing_credentials` for the source.",
            ),
            404: OpenApiResponse(ErrorSerializer, description="`collectible` is not yours."),
            502: OpenApiResponse(
                ErrorSerializer, description="The marketplace could not be searched."
            ),
        },
    )
    def get(self, request: Request) -> Response:
        unknown = sorted(set(request.query_params) - QUERY_PARAMS)
        if unknown:
            raise ValidationError({name: [_("Unknown query parameter.")] for name in unknown})
        params = CatalogueQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        user = authenticated_user(request)
        collectible = None
        if "collectible" in params.validated_data:
            collectible = selectors.collectible_get_for_user(
                user=user, collectible_id=params.validated_data["collectible"]
            )
            if collectible is None:
                raise Http404
        query = params.validated_data["q"]
        if not query and collectible is not None:
            query = services.catalogue_query_for(collectible)
        source = params.validated_data["source"]
        try:
            with waiting_for_a_worker(_("search")):
                results = services.catalogue_search(
                    user=user, source=source, query=query,
                    game=services.catalogue_game_for(collectible),
                )  # fmt: skip
        except services.CatalogueSearchError as exc:
            if exc.kind == MISSING_CREDENTIALS:
                raise MissingCredentials(exc.message) from exc
            raise UpstreamFailure(exc.message, code=exc.kind) from exc
        body = {"source": source, "query": query, "results": results}
        return Response(CatalogueSearchResponseSerializer(body).data)

    def throttled(self, request: Request, wait: float | None) -> NoReturn:
        raise Throttled(wait, detail=_("Too many searches in a short time; try again soon."))
