"""HTTP layer of an item's photos, under `collectibles/{collectible_pk}/photos/`.

Members of the item's vendor read; owners and editors write (403); another vendor's item
or photo is a 404. Uploads are multipart (`image`); everything else is JSON.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import BaseParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from core.exceptions import PayloadTooLarge
from core.parsers import JSONParser
from inventory import photos, selectors
from inventory.models import Collectible, Photo
from inventory.photo_serializers import (
    PhotoOrderSerializer,
    PhotoSerializer,
    PhotoUploadSerializer,
)
from users.auth import authenticated_user
from vendors.permissions import require_edit_role
from vendors.selectors import membership_get

TAG = ["photos"]
#: Room for the multipart envelope around the largest accepted image.
MULTIPART_OVERHEAD = 64 * 1024


def _too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge(
        _("A photo may be at most %(megabytes)s MB.") % {"megabytes": limit // (1024 * 1024)}
    )


@extend_schema_view(
    list=extend_schema(tags=TAG, summary="List an item's photos in order (the cover flagged)"),
    retrieve=extend_schema(tags=TAG, summary="Get a photo of an item"),
    partial_update=extend_schema(
        tags=TAG, summary="Move a photo (position) or make it the item's cover"
    ),
    destroy=extend_schema(
        tags=TAG,
        summary="Delete a photo and its files (a deleted cover passes to the first other)",
    ),
)
class PhotoViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    queryset = Photo.objects.none()  # for the schema; get_queryset scopes to the item
    serializer_class = PhotoSerializer
    pagination_class = None  # at most PHOTO_MAX_PER_ITEM
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_parsers(self) -> list[BaseParser]:
        # Called before `action` is set: read it off the method, as DRF will.
        request = getattr(self, "request", None)
        method = (getattr(request, "method", None) or "").lower()
        action = getattr(self, "action", None) or getattr(self, "action_map", {}).get(method)
        return [MultiPartParser()] if action == "create" else [JSONParser()]

    def get_collectible(self) -> Collectible:
        if not hasattr(self, "_collectible"):
            collectible = (
                selectors.collectible_list_for_user(user=authenticated_user(self.request))
                .filter(pk=self.kwargs["collectible_pk"])
                .select_related(None)
                .first()
            )
            if collectible is None:
                raise Http404
            self._collectible = collectible
        return self._collectible

    def get_queryset(self) -> QuerySet[Photo]:
        if getattr(self, "swagger_fake_view", False):
            return Photo.objects.none()
        return photos.photo_list(collectible=self.get_collectible())

    def _require_edit(self, doing: str) -> Collectible:
        collectible = self.get_collectible()
        membership = membership_get(
            user=authenticated_user(self.request), vendor=collectible.vendor_id
        )
        require_edit_role(membership, doing=doing)
        return collectible

    @extend_schema(
        tags=TAG,
        summary="Upload a photo of an item (the first one becomes its cover)",
        description="Multipart with one file, `image`. The type is detected from the bytes "
        "(JPEG, PNG, WebP, GIF's first frame, AVIF); anything else, a damaged image or one "
        "of more than PHOTO_MAX_PIXELS pixels is a 400 on `image`, as is an item that "
        "already has PHOTO_MAX_PER_ITEM photos (20). **413** past PHOTO_MAX_UPLOAD_BYTES "
        "(10 MB). The stored image is re-encoded (WebP, long side at most 2048 px, "
        "EXIF orientation applied, all metadata removed) with a 400 px thumbnail.",
        request={"multipart/form-data": PhotoUploadSerializer},
        responses={201: PhotoSerializer},
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        collectible = self._require_edit(_("add photos to this item"))
        limit = settings.PHOTO_MAX_UPLOAD_BYTES
        declared = request.META.get("CONTENT_LENGTH") or ""
        if declared.isdigit() and int(declared) > limit + MULTIPART_OVERHEAD:
            raise _too_large(limit)  # refused before the body is read
        upload = PhotoUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        image = upload.validated_data["image"]
        if image.size > limit:
            raise _too_large(limit)
        try:
            photo = photos.photo_add(
                collectible=collectible,
                uploaded_by=authenticated_user(request),
                data=image.read(),
            )
        except photos.PhotoTooLargeError as exc:
            raise _too_large(exc.limit) from exc
        return Response(self.get_serializer(photo).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        photo = self.get_object()
        self._require_edit(_("change photos of this item"))
        serializer = self.get_serializer(photo, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        try:
            photo = photos.photo_update(photo=photo, data=serializer.validated_data)
        except Photo.DoesNotExist as exc:
            raise Http404 from exc
        return Response(self.get_serializer(photo).data)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        photo = self.get_object()
        self._require_edit(_("delete photos of this item"))
        photos.photo_delete(photo=photo)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        tags=TAG,
        summary="Put an item's photos in a new order (every id, each once)",
        request=PhotoOrderSerializer,
        responses={200: PhotoSerializer(many=True)},
    )
    @action(detail=False, methods=["post"], url_path="order")
    def order(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        collectible = self._require_edit(_("reorder photos of this item"))
        serializer = PhotoOrderSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ordered = photos.photo_reorder(
            collectible=collectible, photo_ids=serializer.validated_data["ids"]
        )
        return Response(self.get_serializer(ordered, many=True).data)
