"""HTTP layer of alerts: a user's own rules and the events they fired. Only the caller's
rules are visible (another user's is a 404); any member of a vendor, viewers too, may
alert themselves about what they can read."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from alerts import selectors, services
from alerts.filters import AlertEventFilter, AlertRuleFilter
from alerts.models import AlertEvent, AlertRule
from alerts.serializers import AlertEventSerializer, AlertRuleSerializer
from users.auth import authenticated_user

RULES = ["alerts"]


@extend_schema_view(
    list=extend_schema(tags=RULES, summary="List your alert rules"),
    retrieve=extend_schema(tags=RULES, summary="Get one of your alert rules"),
    create=extend_schema(
        tags=RULES,
        summary="Create an alert rule on an item (owned or wanted) or a whole vendor",
        description="Each `kind` takes its own parameters (others are refused, 400): "
        "`price_at_or_below` (item only) `target_amount` + `target_currency`; "
        "`drop_percent` `percent` + `window_days`; `collection_value_change` (vendor only) "
        "`percent` (+ `window_days`); `all_time_low`, `back_in_stock`, `tracker_paused` "
        "none. An item or vendor you cannot read is 400 (does not exist).",
    ),
    partial_update=extend_schema(
        tags=RULES,
        summary="Change a rule's kind, target or `enabled` (a new target re-arms it)",
    ),
    destroy=extend_schema(tags=RULES, summary="Delete a rule and its events"),
)
class AlertRuleViewSet(viewsets.ModelViewSet):
    queryset = AlertRule.objects.none()  # for the schema; get_queryset scopes to the caller
    serializer_class = AlertRuleSerializer
    filterset_class = AlertRuleFilter
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    ordering_fields = ["created_at", "last_fired_at"]
    ordering = ["-created_at"]

    def get_queryset(self) -> QuerySet[AlertRule]:
        if getattr(self, "swagger_fake_view", False):
            return AlertRule.objects.none()
        return selectors.alert_rule_list_for_user(user=authenticated_user(self.request))

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        rule = services.alert_rule_create(
            owner=authenticated_user(request), data=serializer.validated_data
        )
        return Response(self.get_serializer(rule).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        rule = self.get_object()
        serializer = self.get_serializer(rule, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        rule = services.alert_rule_update(rule=rule, data=serializer.validated_data)
        return Response(self.get_serializer(rule).data)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        services.alert_rule_delete(rule=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(tags=RULES, summary="List the events your rules fired, newest first"),
    retrieve=extend_schema(tags=RULES, summary="Get one fired event"),
)
class AlertEventViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    queryset = AlertEvent.objects.none()  # for the schema; get_queryset scopes to the caller
    serializer_class = AlertEventSerializer
    filterset_class = AlertEventFilter
    ordering_fields = ["fired_at"]
    ordering = ["-fired_at"]

    def get_queryset(self) -> QuerySet[AlertEvent]:
        if getattr(self, "swagger_fake_view", False):
            return AlertEvent.objects.none()
        return selectors.alert_event_list_for_user(user=authenticated_user(self.request))
