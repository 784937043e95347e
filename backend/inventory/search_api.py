from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from core.filters import COMMON_QUERY_PARAMS
from inventory import search
from inventory.models import Collectible
from inventory.serializers import (
    SearchPageSerializer,
    SearchQuerySerializer,
    SearchResultSerializer,
)
from users.auth import authenticated_user

SEARCH_QUERY_PARAMS = frozenset({"q", "page", "page_size", "format"})
assert SEARCH_QUERY_PARAMS - {"q"} <= COMMON_QUERY_PARAMS


class SearchView(GenericAPIView):
    """Full-text search across every vendor you belong to, best match first."""

    queryset = Collectible.objects.none()  # for the schema; the search scopes to the caller
    serializer_class = SearchResultSerializer
    filter_backends: list = []
    # Missing `q`, unknown or malformed query parameters; a page past the last one.
    extra_error_codes = ("400", "404")

    @extend_schema(
        tags=["search"],
        operation_id="search",
        summary="Search your items (ranked, highlighted, typo-tolerant where available)",
        description=(
            "`q` uses web-search syntax: words (all must match, English stemming, accents "
            'ignored), "quoted phrases", `or`, and `-word` to exclude. The last word, when '
            "typed without a trailing space, also matches as a prefix (search-as-you-type). "
            "A query of only stop words or punctuation matches nothing. See docs/search.md."
        ),
        parameters=[
            OpenApiParameter(
                "q",
                OpenApiTypes.STR,
                required=True,
                description=f"The search text (1 to {search.MAX_QUERY_LENGTH} characters).",
            ),
            OpenApiParameter("page", OpenApiTypes.INT, description="Page number, from 1."),
            OpenApiParameter(
                "page_size", OpenApiTypes.INT, description="Results per page (1-100, default 25)."
            ),
        ],
        responses={200: SearchPageSerializer},
    )
    def get(self, request: Request) -> Response:
        unknown = sorted(set(request.query_params) - SEARCH_QUERY_PARAMS)
        if unknown:
            raise ValidationError({name: [_("Unknown query parameter.")] for name in unknown})
        params = SearchQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        text: str = params.validated_data["q"]
        user = authenticated_user(request)
        paginator = self.paginator
        assert paginator is not None

        page = paginator.paginate_queryset(search.search_queryset(user=user, text=text), request)
        count = paginator.page.paginator.count  # type: ignore[attr-defined]
        next_link, previous_link = paginator.get_next_link(), paginator.get_previous_link()  # type: ignore[attr-defined]
        did_you_mean = None
        if count == 0:
            suggestion = search.suggest_correction(user=user, text=text)
            if suggestion is not None:
                corrected = search.search_queryset(user=user, text=suggestion)
                corrected_page = paginator.paginate_queryset(corrected, request)
                corrected_count = paginator.page.paginator.count  # type: ignore[attr-defined]
                if corrected_count:
                    page, count, text, did_you_mean = (
                        corrected_page,
                        corrected_count,
                        suggestion,
                        suggestion,
                    )
                    next_link, previous_link = (
                        self._with_query(paginator.get_next_link(), suggestion),  # type: ignore[attr-defined]
                        self._with_query(paginator.get_previous_link(), suggestion),  # type: ignore[attr-defined]
                    )
        items = list(page or [])
        highlights = search.highlights_for(items, text)
        results = SearchResultSerializer(
            items, many=True, context={**self.get_serializer_context(), "highlights": highlights}
        ).data
        body = {
            "count": count,
            "next": next_link,
            "previous": previous_link,
            "did_you_mean": did_you_mean,
            "results": results,
        }
        return Response(body)

    @staticmethod
    def _with_query(link: str | None, text: str) -> str | None:
        return replace_query_param(link, "q", text) if link else None
