"""`POST collectibles/{id}/trackers/{pk}/photo/`: add the tracked page's product image as a
photo of the item (fetched by a worker, then checked like an upload)."""

from __future__ import annotations

from typing import NoReturn

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import Throttled, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from inventory.photo_serializers import PhotoSerializer
from price_history import selectors, services
from price_history.api import (
    TRACKERS,
    CollectibleScopedMixin,
    TrackerCheckThrottle,
    waiting_for_a_worker,
)
from users.auth import authenticated_user


class TrackerPhotoView(CollectibleScopedMixin, APIView):
    throttle_classes = [TrackerCheckThrottle]
    extra_error_codes = ("503",)

    @extend_schema(
        tags=TRACKERS,
        summary="Add the tracked page's product image as a photo of the item",
        description="A worker (queue `interactive`) fetches the page and its image "
        "(schema.org Product image, og:image, twitter:image) through the scraper's guarded "
        "HTTP (SSRF guard, robots.txt, size cap) within `SCRAPER_CHECK_DEADLINE_SECONDS`; "
        "the image then goes through the same checks as an upload. **400** with the "
        "failure kind as `code` (`no_image_found`, `not_image`, `too_large`, `timeout`, "
        "`http_error`, …) or on `image` (not an accepted image, no room). **503** "
        "`check_unavailable` / `queue_unavailable` as for a tracker check; **429** past "
        "`TRACKER_CHECK_THROTTLE_RATE` (shared with the checks).",
        request=None,
        responses={201: PhotoSerializer},
    )
    def post(self, request: Request, collectible_pk: int, pk: int) -> Response:
        collectible = self.get_collectible()
        tracker = selectors.tracker_list(collectible=collectible).filter(pk=pk).first()
        if tracker is None:
            raise Http404
        self.require_edit(collectible, _("add photos to this item"))
        try:
            with waiting_for_a_worker(_("fetch the page")):
                photo = services.tracker_photo_add(
                    tracker=tracker, added_by=authenticated_user(request)
                )
        except services.PageImageError as exc:
            raise ValidationError(exc.message, code=exc.kind) from exc
        return Response(PhotoSerializer(photo).data, status=status.HTTP_201_CREATED)

    def throttled(self, request: Request, wait: float | None) -> NoReturn:
        raise Throttled(wait, detail=_("Too many page fetches in a short time; try again soon."))
