"""HTTP of notifications: the inbox (`/notifications/`) and channels
(`/notification-channels/`). A user sees only their own; anyone else's is a 404."""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import Throttled, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle, UserRateThrottle

from core import interactive
from core.exceptions import CheckUnavailable, QueueUnavailable
from core.filters import StrictQueryParamsFilterBackend
from notifications import selectors, services
from notifications.models import Channel, DeliveryStatus, Notification
from notifications.serializers import (
    ChannelSerializer,
    ChannelTestSerializer,
    ChannelWriteSerializer,
    NotificationSerializer,
    ReadAllSerializer,
    UnreadCountSerializer,
)
from users.auth import authenticated_user

INBOX = ["notifications"]
CHANNELS = ["notification channels"]
UNREAD = OpenApiParameter(
    "unread", OpenApiTypes.BOOL, description="true: only unread; false: only read."
)


def _unread_param(request: Request) -> bool | None:
    value = request.query_params.get("unread")
    if value is None:
        return None
    if value not in ("true", "false"):
        raise ValidationError({"unread": [_("Use true or false.")]})
    return value == "true"


@extend_schema_view(
    list=extend_schema(
        tags=INBOX, summary="List your notifications, newest first", parameters=[UNREAD]
    ),
)
class NotificationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    queryset = Notification.objects.none()  # for the schema; get_queryset scopes to the caller
    serializer_class = NotificationSerializer
    filter_backends = [StrictQueryParamsFilterBackend]
    extra_query_params = ("unread",)

    def get_queryset(self) -> QuerySet[Notification]:
        if getattr(self, "swagger_fake_view", False):
            return Notification.objects.none()
        unread = _unread_param(self.request) if self.action == "list" else None
        return selectors.notification_list_for_user(
            user=authenticated_user(self.request), unread=unread
        )

    @extend_schema(
        tags=INBOX, summary="How many of your notifications are unread (the bell)",
        responses={200: UnreadCountSerializer},
    )  # fmt: skip
    @action(detail=False, methods=["get"], url_path="unread-count")
    def unread_count(self, request: Request) -> Response:
        count = selectors.notification_unread_count(user=authenticated_user(request))
        return Response({"unread_count": count})

    @extend_schema(
        tags=INBOX, summary="Mark a notification read", request=None,
        responses={200: NotificationSerializer},
    )  # fmt: skip
    @action(detail=True, methods=["post"], url_path="read")
    def read(self, request: Request, pk: str | None = None) -> Response:
        notification = services.notification_mark_read(notification=self.get_object())
        return Response(NotificationSerializer(notification).data)

    @extend_schema(
        tags=INBOX, summary="Mark all your notifications read", request=None,
        responses={200: ReadAllSerializer},
    )  # fmt: skip
    @action(detail=False, methods=["post"], url_path="read-all")
    def read_all(self, request: Request) -> Response:
        marked = services.notification_mark_all_read(user=authenticated_user(request))
        return Response({"marked_read": marked})


class ChannelTestThrottle(UserRateThrottle):
    """A test message goes out while someone waits: NOTIFICATION_TEST_THROTTLE_RATE per user."""

    scope = "notification_test"

    def get_rate(self) -> str:
        return str(settings.NOTIFICATION_TEST_THROTTLE_RATE)


@extend_schema_view(
    list=extend_schema(tags=CHANNELS, summary="List your notification channels"),
    retrieve=extend_schema(tags=CHANNELS, summary="Get a notification channel"),
    create=extend_schema(
        tags=CHANNELS,
        summary="Add a channel (email, or push by Apprise URL; the URL is never returned)",
        request=ChannelWriteSerializer,
        responses={201: ChannelSerializer},
    ),
    partial_update=extend_schema(
        tags=CHANNELS,
        summary="Change a channel (send apprise_url only to replace it)",
        request=ChannelWriteSerializer,
        responses={200: ChannelSerializer},
    ),
    destroy=extend_schema(tags=CHANNELS, summary="Remove a channel"),
)
class ChannelViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    queryset = Channel.objects.none()  # for the schema; get_queryset scopes to the caller
    serializer_class = ChannelSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    pagination_class = None
    filter_backends: list = []

    def get_queryset(self) -> QuerySet[Channel]:
        if getattr(self, "swagger_fake_view", False):
            return Channel.objects.none()
        return selectors.channel_list_for_user(user=authenticated_user(self.request))

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = ChannelWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            channel = services.channel_create(
                user=authenticated_user(request), **serializer.validated_data
            )
        except services.ChannelLimitError as exc:
            raise ValidationError(str(exc)) from exc
        return Response(ChannelSerializer(channel).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        channel = self.get_object()
        serializer = ChannelWriteSerializer(channel, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        channel = services.channel_update(channel=channel, **serializer.validated_data)
        return Response(ChannelSerializer(channel).data)

    def perform_destroy(self, instance: Channel) -> None:
        services.channel_delete(channel=instance)

    def get_throttles(self) -> list[BaseThrottle]:
        throttles = list(super().get_throttles())
        if getattr(self, "action", None) == "test":
            throttles.append(ChannelTestThrottle())
        return throttles

    def throttled(self, request: Request, wait: float | None) -> NoReturn:
        raise Throttled(wait, detail=_("Too many test messages in a short time; try again soon."))

    @extend_schema(
        tags=CHANNELS,
        summary="Send a test message now and answer whether it went out",
        description="Sent by a worker (queue `interactive`) once, without retries, within "
        "`NOTIFICATION_TEST_DEADLINE_SECONDS` (15 s by default); the outcome is also the "
        "channel's `last_error` / `last_delivered_at`. **503** `check_unavailable` when no "
        "worker answered within the deadline, `queue_unavailable` when it could not be "
        "queued. **429** past `NOTIFICATION_TEST_THROTTLE_RATE` (6/min by default) per "
        "user, with `Retry-After`.",
        request=None,
        responses={200: ChannelTestSerializer},
    )
    @action(detail=True, methods=["post"], url_path="test")
    def test(self, request: Request, pk: str | None = None) -> Response:
        channel = self.get_object()
        try:
            error = services.channel_test_once(channel=channel)
        except interactive.QueueUnavailableError as exc:
            raise QueueUnavailable(
                _("The task queue is unavailable; no test message was sent. Try again in a minute.")
            ) from exc
        except services.ChannelTestUnavailableError as exc:
            raise CheckUnavailable(
                _(
                    "No worker could send the test message within %(seconds)s seconds; "
                    "try again in a minute."
                )
                % {"seconds": f"{settings.NOTIFICATION_TEST_DEADLINE_SECONDS:g}"}
            ) from exc
        return Response(
            {
                "sent": error is None,
                "status": DeliveryStatus.FAILED if error else DeliveryStatus.SENT,
                "detail": error or _("The test message was sent."),
            }
        )
