"""HTTP layer of the price engine: trackers, refresh jobs and price series.

Everything hangs off a collectible of one of the caller's vendors: another vendor's
item (or anything under it) is a 404; viewers read, owners and editors write (403).
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import Throttled, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle, UserRateThrottle
from rest_framework.views import APIView

# Shared with the notification channels' "send test" (re-exported for page_photo_api).
from core.exceptions import CheckUnavailable as CheckUnavailable
from core.exceptions import QueueUnavailable as QueueUnavailable
from core.serializers import represent
from inventory.models import Collectible
from price_history import selectors, services
from price_history.failure_texts import failure_text
from price_history.filters import ScrapeJobFilter
from price_history.models import ScrapeJob, Tracker
from price_history.queue import QueueUnavailableError
from price_history.serializers import (
    PRICE_QUERY_PARAMS,
    PriceEntrySerializer,
    PriceQuerySerializer,
    PriceSeriesResponseSerializer,
    ScrapeJobSerializer,
    TrackerSerializer,
    TrackerTestSerializer,
)
from users.auth import authenticated_user
from vendors.permissions import require_edit_role
from vendors.selectors import membership_get

TRACKERS = ["trackers"]
PRICES = ["prices"]
JOBS = ["scrape jobs"]


class TrackerCheckThrottle(UserRateThrottle):
    """Checking a page now makes a worker fetch it while someone waits: at most
    TRACKER_CHECK_THROTTLE_RATE per user, both `test` endpoints together."""

    scope = "tracker_check"

    def get_rate(self) -> str:
        return str(settings.TRACKER_CHECK_THROTTLE_RATE)


CHECK_ACTIONS = frozenset({"test", "test_unsaved"})
CHECK_DESCRIPTION = (
    "The page is fetched by a worker (queue `interactive`) once, without retries, within "
    "`SCRAPER_CHECK_DEADLINE_SECONDS` (15 s by default): a site too slow for that answers "
    "`ok: false` with the failure `timeout`. **503** `check_unavailable` when no worker "
    "answered within the deadline, `queue_unavailable` when the check could not be queued. "
    "**429** past `TRACKER_CHECK_THROTTLE_RATE` (6/min by default) per user, with "
    "`Retry-After`."
)


class CollectibleScopedMixin:
    """For views under `collectibles/{collectible_pk}/`."""

    request: Any
    kwargs: Any

    def get_collectible(self) -> Collectible:
        if not hasattr(self, "_collectible"):
            collectible = selectors.collectible_get_for_user(
                user=authenticated_user(self.request),
                collectible_id=self.kwargs["collectible_pk"],
            )
            if collectible is None:
                raise Http404
            self._collectible = collectible
        return self._collectible

    def require_edit(self, collectible: Collectible, doing: str) -> None:
        user = authenticated_user(self.request)
        require_edit_role(membership_get(user=user, vendor=collectible.vendor_id), doing=doing)


class waiting_for_a_worker:
    """Around a request that waits for a worker's answer (queue `interactive`): no queue,
    no rate limiter or no answer in time become 503s saying which; `doing` completes
    "No worker could …". (A class, not `contextlib.contextmanager`, which re-raises other
    exceptions by assigning their traceback: frozen dataclass errors refuse that.)"""

    def __init__(self, doing: str) -> None:
        self.doing = doing

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: object
    ) -> None:
        if isinstance(exc, services.LimiterUnavailableError):
            raise QueueUnavailable(
                _("The rate limiter (Redis) is unavailable; try again in a minute.")
            ) from exc
        if isinstance(exc, QueueUnavailableError):
            raise QueueUnavailable(
                _("The task queue is unavailable; try again in a minute.")
            ) from exc
        if isinstance(exc, services.CheckUnavailableError):
            raise CheckUnavailable(
                _("No worker could %(doing)s within %(seconds)s seconds; try again in a minute.")
                % {"doing": self.doing, "seconds": f"{settings.SCRAPER_CHECK_DEADLINE_SECONDS:g}"}
            ) from exc


def _check_once(tracker: Tracker) -> dict[str, Any]:
    """Have a worker check the tracker's page once (saved or not), waiting at most the
    check deadline: what would be recorded, or why not."""
    with waiting_for_a_worker(_("check the page")):
        check = services.tracker_check_once(tracker=tracker)
    failure = check.failure
    return TrackerTestSerializer(
        {
            "ok": check.ok,
            "observations": [vars(price) for price in check.observations],
            "failure": None
            if failure is None
            else {"kind": failure.kind, "message": failure_text(**vars(failure))},
        }
    ).data


@extend_schema_view(
    list=extend_schema(tags=TRACKERS, summary="List the trackers of an item"),
    retrieve=extend_schema(tags=TRACKERS, summary="Get a tracker with its status and last error"),
    create=extend_schema(
        tags=TRACKERS,
        summary="Watch a page for an item's price (URL checked for safety on input)",
    ),
    partial_update=extend_schema(
        tags=TRACKERS,
        summary="Change a tracker (a new URL, source or condition restarts its schedule)",
    ),
    destroy=extend_schema(
        tags=TRACKERS, summary="Delete a tracker (the prices it recorded are kept)"
    ),
)
class TrackerViewSet(CollectibleScopedMixin, viewsets.ModelViewSet):
    queryset = Tracker.objects.none()  # for the schema; get_queryset scopes to the item
    serializer_class = TrackerSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    ordering_fields = ["id", "created_at", "next_run_at"]
    ordering = ["id"]

    def get_queryset(self) -> QuerySet[Tracker]:
        if getattr(self, "swagger_fake_view", False):
            return Tracker.objects.none()
        return selectors.tracker_list(collectible=self.get_collectible())

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        collectible = self.get_collectible()
        self.require_edit(collectible, _("add trackers to this item"))
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        tracker = services.tracker_create(
            collectible=collectible,
            created_by=authenticated_user(request),
            data=serializer.validated_data,
        )
        return Response(self.get_serializer(tracker).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        tracker = self.get_object()
        self.require_edit(tracker.collectible, _("change this tracker"))
        serializer = self.get_serializer(tracker, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        tracker = services.tracker_update(tracker=tracker, data=serializer.validated_data)
        return Response(self.get_serializer(tracker).data)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        tracker = self.get_object()
        self.require_edit(tracker.collectible, _("delete this tracker"))
        services.tracker_delete(tracker=tracker)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @property
    def extra_error_codes(self) -> tuple[str, ...]:
        return ("503",) if getattr(self, "action", None) in CHECK_ACTIONS else ()

    def get_throttles(self) -> list[BaseThrottle]:
        throttles = list(super().get_throttles())
        if getattr(self, "action", None) in CHECK_ACTIONS:
            throttles.append(TrackerCheckThrottle())
        return throttles

    def throttled(self, request: Request, wait: float | None) -> NoReturn:
        raise Throttled(wait, detail=_("Too many page checks in a short time; try again soon."))

    @extend_schema(
        tags=TRACKERS,
        summary="Check the page once and show what would be recorded (nothing is stored)",
        description=CHECK_DESCRIPTION,
        request=None,
        responses={200: TrackerTestSerializer},
    )
    @action(detail=True, methods=["post"], url_path="test")
    def test(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        tracker = self.get_object()
        self.require_edit(tracker.collectible, _("check this tracker"))
        return Response(_check_once(tracker))

    @extend_schema(
        tags=TRACKERS,
        summary="Try a tracker before saving it: check the page once, store nothing",
        operation_id="collectibles_trackers_test_unsaved",
        description="Takes the same body as creating a tracker (validated the same way, "
        "URL safety included) and answers what a check would record, or why it fails. "
        + CHECK_DESCRIPTION,
        request=TrackerSerializer,
        responses={200: TrackerTestSerializer},
    )
    @action(detail=False, methods=["post"], url_path="test")
    def test_unsaved(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        collectible = self.get_collectible()
        self.require_edit(collectible, _("check trackers of this item"))
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        tracker = Tracker(collectible=collectible, **serializer.validated_data)
        services.tracker_validate(tracker)
        return Response(_check_once(tracker))

    @extend_schema(
        tags=TRACKERS,
        summary="Pause a tracker (no more checks until resumed)",
        request=None,
        responses={200: TrackerSerializer},
    )
    @action(detail=True, methods=["post"], url_path="pause")
    def pause(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        tracker = self.get_object()
        self.require_edit(tracker.collectible, _("pause this tracker"))
        tracker = services.tracker_pause(tracker=tracker)
        return Response(self.get_serializer(tracker).data)

    @extend_schema(
        tags=TRACKERS,
        summary="Resume a paused tracker (failures forgotten, checked at the next tick)",
        request=None,
        responses={200: TrackerSerializer},
    )
    @action(detail=True, methods=["post"], url_path="resume")
    def resume(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        tracker = self.get_object()
        self.require_edit(tracker.collectible, _("resume this tracker"))
        tracker = services.tracker_resume(tracker=tracker)
        return Response(self.get_serializer(tracker).data)


class RefreshPricesView(CollectibleScopedMixin, APIView):
    extra_error_codes = ("503",)

    @extend_schema(
        tags=JOBS,
        summary="Check every active tracker of an item now; poll the returned job",
        request=None,
        responses={202: ScrapeJobSerializer},
        description="Returns the refresh already queued or running for the item, if any. "
        "503 when the task queue is down (nothing is created).",
    )
    def post(self, request: Request, collectible_pk: int) -> Response:
        collectible = self.get_collectible()
        self.require_edit(collectible, _("refresh the prices of this item"))
        try:
            job = services.scrape_job_request_refresh(
                collectible=collectible, requested_by=authenticated_user(request)
            )
        except QueueUnavailableError as exc:
            raise QueueUnavailable() from exc
        job = selectors.scrape_job_list_for_user(user=authenticated_user(request)).get(pk=job.pk)
        return Response(ScrapeJobSerializer(job).data, status=status.HTTP_202_ACCEPTED)


@extend_schema_view(
    list=extend_schema(tags=JOBS, summary="List the refresh jobs of your items, newest first"),
    retrieve=extend_schema(
        tags=JOBS, summary="Get a refresh job: status, counts and each tracker's outcome"
    ),
)
class ScrapeJobViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    queryset = ScrapeJob.objects.none()  # for the schema; get_queryset scopes to the caller
    serializer_class = ScrapeJobSerializer
    filterset_class = ScrapeJobFilter
    ordering_fields = ["created_at"]
    ordering = ["-created_at"]

    def get_queryset(self) -> QuerySet[ScrapeJob]:
        return selectors.scrape_job_list_for_user(user=authenticated_user(self.request))


_PRICE_PARAMETERS = [
    OpenApiParameter(
        "from",
        OpenApiTypes.DATETIME,
        description="Start: ISO date or date-time (UTC without an offset). "
        "Default: `to` minus 365 days.",
    ),
    OpenApiParameter(
        "to",
        OpenApiTypes.DATETIME,
        description="End, inclusive: ISO date (its whole day) or date-time. Default: now.",
    ),
    OpenApiParameter(
        "interval",
        OpenApiTypes.STR,
        enum=list(selectors.INTERVALS),
        description="`raw` (every observation, refused above "
        f"{selectors.MAX_POINTS} per series) or buckets: `day` (default), `week`, `month`.",
    ),
    OpenApiParameter("source", OpenApiTypes.STR, description="Only this source."),
    OpenApiParameter("condition", OpenApiTypes.STR, description="Only this condition."),
]


class PricesView(CollectibleScopedMixin, APIView):
    extra_error_codes = ("400",)  # malformed or unknown query parameters

    @extend_schema(
        tags=PRICES,
        summary="Price series of an item, bucketed, with latest/min/max and 7/30-day change",
        parameters=_PRICE_PARAMETERS,
        responses={200: PriceSeriesResponseSerializer},
    )
    def get(self, request: Request, collectible_pk: int) -> Response:
        collectible = self.get_collectible()
        unknown = sorted(set(request.query_params) - PRICE_QUERY_PARAMS)
        if unknown:
            raise ValidationError({name: [_("Unknown query parameter.")] for name in unknown})
        query = PriceQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        try:
            series = selectors.price_series(
                collectible=collectible,
                start=params["from"],
                end=params["to"],
                interval=params["interval"],
                source=params.get("source") or None,
                condition=params.get("condition"),
            )
        except selectors.TooManyPointsError as exc:
            raise ValidationError(
                {
                    "interval": [
                        _(
                            "A series would have %(points)s points; at most %(limit)s are "
                            "returned. Use a coarser interval (day, week, month) or a "
                            "narrower from/to."
                        )
                        % {"points": exc.points, "limit": selectors.MAX_POINTS}
                    ]
                }
            ) from exc
        body = {
            "collectible": collectible.pk,
            "interval": params["interval"],
            "from": params["from"],
            "to": params["to"],
            "series": [vars(item) for item in series],
        }
        return Response(represent(PriceSeriesResponseSerializer, body))

    @extend_schema(
        tags=PRICES,
        summary="Record a price by hand (source `manual`)",
        request=PriceEntrySerializer,
        responses={201: PriceEntrySerializer},
    )
    def post(self, request: Request, collectible_pk: int) -> Response:
        collectible = self.get_collectible()
        self.require_edit(collectible, _("record prices for this item"))
        serializer = PriceEntrySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        entry = services.price_record_manual(
            collectible=collectible,
            recorded_by=authenticated_user(request),
            **serializer.validated_data,
        )
        return Response(PriceEntrySerializer(entry).data, status=status.HTTP_201_CREATED)
