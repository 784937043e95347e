"""`POST vendors/{vendor_id}/refresh-prices`: a collection's "refresh all" — queue a check
of every active tracker of its owned and wanted items, as each item's own refresh does."""

from __future__ import annotations

import math
from typing import Any, NoReturn

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import Throttled
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from core.exceptions import QueueUnavailable
from price_history import services
from price_history.api import JOBS
from price_history.queue import QueueUnavailableError
from price_history.serializers import VendorRefreshSerializer
from users.auth import authenticated_user
from vendors.permissions import require_edit_role
from vendors.selectors import membership_get, vendor_get_for_user


def _interval_minutes() -> int:
    return math.ceil(settings.VENDOR_REFRESH_INTERVAL.total_seconds() / 60)


class VendorRefreshThrottle(SimpleRateThrottle):
    """One refresh per collection per VENDOR_REFRESH_INTERVAL, whoever of its members asks:
    each one may queue hundreds of page fetches. Keyed by the vendor, not the user, so a
    second member (or a second tab) does not start it again."""

    scope = "vendor_refresh"

    def get_rate(self) -> str:
        return f"1 per {_interval_minutes()} min"  # DRF's syntax has no "per 10 minutes"

    def parse_rate(self, rate: str | None) -> tuple[int, int]:
        return 1, int(settings.VENDOR_REFRESH_INTERVAL.total_seconds())

    def get_cache_key(self, request: Request, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": view.kwargs["vendor_id"]}

    def release(self) -> None:
        """Give the slot back (nothing was queued): with one request per window, the
        history holds only the one just recorded."""
        self.cache.delete(self.key)


class RefreshedRecently(Throttled):
    """429 saying when, in minutes (DRF's own would append "Expected available in 540
    seconds."); `wait` still becomes `Retry-After`."""

    def __init__(self, wait: float) -> None:
        minutes = max(math.ceil(wait / 60), 1)
        super().__init__(
            detail=ngettext(
                "The prices of this collection were refreshed less than %(interval)s minutes "
                "ago; try again in %(count)s minute.",
                "The prices of this collection were refreshed less than %(interval)s minutes "
                "ago; try again in %(count)s minutes.",
                minutes,
            )
            % {"interval": _interval_minutes(), "count": minutes}
        )
        self.wait = math.ceil(wait)


class VendorRefreshPricesView(APIView):
    # The throttle runs inside `post`, after the scoping and role checks (see there).
    extra_error_codes = ("429", "503")

    @extend_schema(
        tags=JOBS,
        summary="Check every active tracker of a collection's items now",
        request=None,
        responses={202: VendorRefreshSerializer},
        description="Queues, for each owned or wanted item of the collection, the refresh "
        "its own `collectibles/{id}/refresh-prices` would (one job per item; the same "
        "per-host politeness). Paused trackers and trackers with a check already queued "
        "or running are left alone and counted in `skipped`, and so are those past "
        "`VENDOR_REFRESH_MAX_TRACKERS` (500; the longest unchecked go first). Owners and "
        "editors only (403 for viewers). **429** when the collection was refreshed less "
        "than `VENDOR_REFRESH_INTERVAL_MINUTES` (10) ago, by anyone, with `Retry-After`. "
        "**503** `queue_unavailable` when the task queue is down (nothing is created).",
    )
    def post(self, request: Request, vendor_id: int) -> Response:
        user = authenticated_user(request)
        vendor = vendor_get_for_user(user=user, vendor_id=vendor_id)
        if vendor is None:
            raise Http404
        require_edit_role(
            membership_get(user=user, vendor=vendor), doing=_("refresh this collection's prices")
        )
        # Only now: a throttle keyed by the vendor that ran first would let anyone use up
        # a collection's refresh, and tell by a 429 rather than a 404 that it exists.
        throttle = VendorRefreshThrottle()
        if not throttle.allow_request(request, self):
            self.throttled(request, throttle.wait())
        try:
            refresh = services.scrape_jobs_request_vendor_refresh(vendor=vendor, requested_by=user)
        except QueueUnavailableError as exc:
            throttle.release()
            raise QueueUnavailable() from exc
        body = {
            "vendor": vendor.pk,
            "queued": refresh.queued,
            "jobs": [job.pk for job in refresh.jobs],
            "skipped": {
                "paused": refresh.paused,
                "already_queued": refresh.already_queued,
                "over_limit": refresh.over_limit,
            },
        }
        return Response(VendorRefreshSerializer(body).data, status=status.HTTP_202_ACCEPTED)

    def throttled(self, request: Request, wait: float | None) -> NoReturn:
        raise RefreshedRecently(wait or settings.VENDOR_REFRESH_INTERVAL.total_seconds())
