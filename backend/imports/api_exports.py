"""HTTP for the list export (`GET /collectibles/export`), the take-out
(`GET /vendors/{id}/takeout`) and its restore (`POST /vendors/{id}/restore`)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.parsers import BaseParser, MultiPartParser
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.exceptions import PayloadTooLarge, error_body
from core.schema import AutoSchema
from core.serializers import ErrorSerializer
from imports import exports
from imports.serializers_exports import (
    ExportQuerySerializer,
    RestoreSerializer,
    TakeoutCountsSerializer,
)
from imports.takeout.archive import TakeoutArchive
from imports.takeout.build import takeout_write
from imports.takeout.codec import TakeoutInvalid
from imports.takeout.restore import VendorNotEmpty, vendor_takeout_restore
from inventory import extensions
from inventory.api import CollectibleViewSet
from users.auth import authenticated_user
from vendors.models import Vendor
from vendors.permissions import require_edit_role
from vendors.selectors import membership_get, vendor_get_for_user

EXPORT_TAG = ["collectibles"]
TAKEOUT_TAG = ["vendors"]
ZIP = "application/zip"
JSON_ROW = {
    "type": "object",
    "additionalProperties": True,
    "description": "One item, keyed like the CSV's header.",
}


class FileNegotiation(BaseContentNegotiation):
    """`?format=` names the file to make, not a renderer (DRF would answer 404 for a
    format no renderer has): success is a file whatever is asked, errors are JSON."""

    def select_parser(self, request: Request, parsers: Iterable[BaseParser]) -> Any:
        content_type = request.content_type.split(";")[0].strip()
        return next((p for p in parsers if p.media_type == content_type), None)

    def select_renderer(
        self,
        request: Request,
        renderers: Iterable[BaseRenderer],
        format_suffix: str | None = None,
    ) -> tuple[BaseRenderer, str]:
        renderer = next(iter(renderers))
        return renderer, renderer.media_type


class ExportSchema(AutoSchema):
    """The list's filter parameters on a response that is one file, not a list."""

    def get_filter_backends(self) -> list[Any]:
        return list(getattr(self.view, "filter_backends", []))


def _file_responses(media: dict[str, str], errors: dict[str, str]) -> dict[Any, Any]:
    """A binary 200 per media type, and the errors in the one error shape."""
    described = {
        code: OpenApiResponse(ErrorSerializer, description=description)
        for code, description in errors.items()
    }
    files = {
        # The JSON export's rows (drf-spectacular makes the array: the view lists).
        (200, media_type): JSON_ROW if media_type == "application/json" else OpenApiTypes.BINARY
        for media_type in media.values()
    }
    return {**files, **described}


@extend_schema(
    tags=EXPORT_TAG,
    summary="Export the list as CSV, XLSX or JSON",
    description="Every item the list shows with the same filters, search and `ordering` "
    "(all pages), one row per item: its own fields, its card details (`card_…`), tags "
    "(comma-separated in CSV and XLSX), external ids (a JSON object), and its current "
    "value and cost in the vendor's currency. In CSV and XLSX a text cell starting with "
    "`=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'` so spreadsheets "
    "do not run it. XLSX holds at most EXPORT_XLSX_MAX_ROWS items (400 past it).",
    parameters=[
        OpenApiParameter(
            "format",
            str,
            enum=list(exports.EXPORT_FORMATS),
            default="csv",
            description="; ".join(
                f"`{f.name}`: {f.description}" for f in exports.EXPORT_FORMATS.values()
            ),
        )
    ],
    responses=_file_responses(
        {f.name: f.media_type for f in exports.EXPORT_FORMATS.values()},
        {
            "400": "An unknown or invalid query parameter, or too many items for an XLSX "
            "file: `fields` names it.",
        },
    ),
)
class CollectibleExportView(CollectibleViewSet):
    """The collectibles list's own queryset, filters and ordering (inherited, so the file
    shows what the list shows), answered as one file instead of a page."""

    pagination_class = None
    content_negotiation_class = FileNegotiation
    schema = ExportSchema()

    def list(  # type: ignore[override]  # a file, not a DRF Response
        self, request: Request, *args: Any, **kwargs: Any
    ) -> HttpResponse | StreamingHttpResponse:
        query = ExportQuerySerializer(data={"format": request.query_params.get("format", "csv")})
        query.is_valid(raise_exception=True)
        export_format = exports.EXPORT_FORMATS[query.validated_data["format"]]
        queryset = self.filter_queryset(self.get_queryset())
        for extension in extensions.registered():
            extension.before_listing(params=request.query_params, user=authenticated_user(request))
        response: HttpResponse | StreamingHttpResponse
        if export_format.name == "xlsx":
            limit = settings.EXPORT_XLSX_MAX_ROWS
            if (count := queryset.count()) > limit:
                raise ValidationError(
                    {
                        "format": [
                            _(
                                "An XLSX file holds at most %(limit)s items and this list has "
                                "%(count)s: filter it, or export CSV or JSON."
                            )
                            % {"limit": f"{limit:,}", "count": f"{count:,}"}
                        ]
                    }
                )
            data = exports.xlsx_bytes(exports.export_rows(queryset))
            response = HttpResponse(data, content_type=export_format.media_type)
        else:
            chunks = exports.csv_chunks if export_format.name == "csv" else exports.json_chunks
            content_type = export_format.media_type
            if export_format.name == "csv":
                content_type += "; charset=utf-8"
            response = StreamingHttpResponse(
                chunks(exports.export_rows(queryset)), content_type=content_type
            )
        filename = exports.export_filename(export_format.name)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


def _editable_vendor(request: Request, vendor_id: int, *, doing: str) -> Vendor:
    """The caller's vendor (404 if not a member), if they may write to it (403)."""
    user = authenticated_user(request)
    vendor = vendor_get_for_user(user=user, vendor_id=vendor_id)
    if vendor is None:
        raise NotFound()
    require_edit_role(membership_get(user=user, vendor=vendor), doing=doing)
    return vendor


class TakeoutView(APIView):
    content_negotiation_class = FileNegotiation

    @extend_schema(
        tags=TAKEOUT_TAG,
        summary="Download a vendor's whole collection as a zip (take-out)",
        description="Items with card details, tags and external ids, trackers, the whole "
        "price history, daily value snapshots and photos, as a zip that "
        "`POST /vendors/{id}/restore` (or `manage.py restore_collection`) loads into an "
        "empty vendor. Owners and editors only (403 for viewers: a take-out includes the "
        "trackers' configuration; they can export the list instead). Layout: "
        "docs/imports.md.",
        responses=_file_responses(
            {"zip": ZIP},
            {
                "403": "You are a viewer of this vendor.",
                "404": "No such vendor among yours.",
            },
        ),
    )
    def get(self, request: Request, vendor_id: int) -> FileResponse:
        vendor = _editable_vendor(request, vendor_id, doing=_("take out this collection"))
        # On disk, not in memory (photos); closed by the response once sent.
        out = tempfile.TemporaryFile()  # noqa: SIM115
        try:
            takeout_write(vendor=vendor, out=out)
        except BaseException:
            out.close()
            raise
        out.seek(0)
        day = timezone.localdate().isoformat()
        return FileResponse(
            out,
            as_attachment=True,
            filename=f"omni-stock-takeout-{vendor.pk}-{day}.zip",
            content_type=ZIP,
        )


class RestoreView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        tags=TAKEOUT_TAG,
        summary="Restore a take-out into an empty vendor",
        description="Loads everything in the archive in one transaction, or nothing: a "
        "malformed archive is a 400 naming the file and row. The vendor must hold no "
        "item (409). What is regenerated (ids, times, schedules): docs/imports.md.",
        request={"multipart/form-data": RestoreSerializer},
        responses={
            201: TakeoutCountsSerializer,
            409: OpenApiResponse(ErrorSerializer, description="The vendor already holds items."),
        },
    )
    def post(self, request: Request, vendor_id: int) -> Response:
        limit = settings.TAKEOUT_MAX_UPLOAD_BYTES
        too_large = PayloadTooLarge(
            _("A take-out upload may be at most %(limit)s bytes.") % {"limit": f"{limit:,}"}
        )
        if int(request.META.get("CONTENT_LENGTH") or 0) > limit + 64 * 1024:  # form overhead
            raise too_large
        vendor = _editable_vendor(request, vendor_id, doing=_("restore into this collection"))
        serializer = RestoreSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        upload = serializer.validated_data["file"]
        if upload.size > limit:
            raise too_large
        try:
            counts = vendor_takeout_restore(vendor=vendor, archive=TakeoutArchive(upload))
        except TakeoutInvalid as exc:
            raise ValidationError({"file": [exc.message]}) from exc
        except VendorNotEmpty as exc:
            body = error_body(exc.message, "vendor_not_empty")
            return Response(body, status=status.HTTP_409_CONFLICT)
        return Response(TakeoutCountsSerializer(counts).data, status=status.HTTP_201_CREATED)
