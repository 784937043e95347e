"""HTTP layer of imports: upload a file, adjust its mapping, commit it for a worker, follow
its progress, undo it.

A job belongs to the collector who uploaded it: anyone else's is a 404. Writing needs an
owner's or editor's role in the job's vendor (403), checked again at each step.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.parsers import BaseParser, FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from core.exceptions import PayloadTooLarge, ServiceUnavailable
from imports import selectors, services
from imports.models import ImportJob
from imports.reading import FileProblem
from imports.serializers import (
    ImportJobSerializer,
    ImportJobSummarySerializer,
    ImportJobUpdateSerializer,
    ImportUploadSerializer,
)
from price_history.queue import QueueUnavailableError
from users.auth import authenticated_user
from vendors.models import Vendor
from vendors.permissions import require_edit_role
from vendors.selectors import membership_get, personal_vendor_for_user

TAG = ["imports"]
#: Room for the multipart envelope and the other form fields around the file.
MULTIPART_OVERHEAD = 64 * 1024


class ImportConflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("This import cannot do that in its current state.")
    default_code = "conflict"


class QueueUnavailable(ServiceUnavailable):
    default_detail = _("The task queue is unavailable; nothing was changed. Try again in a minute.")
    default_code = "queue_unavailable"


def _too_large() -> PayloadTooLarge:
    return PayloadTooLarge(
        gettext(
            "The file is larger than %(limit)s bytes, the most an import "
            "takes: split it into smaller files."
        )
        % {"limit": settings.IMPORT_MAX_FILE_BYTES}
    )


@extend_schema_view(
    list=extend_schema(tags=TAG, summary="List your imports, newest first"),
    retrieve=extend_schema(
        tags=TAG,
        summary="Get an import: its mapping and preview, or its progress and outcome",
    ),
)
class ImportJobViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    queryset = ImportJob.objects.none()  # for the schema; get_queryset scopes to the caller
    serializer_class = ImportJobSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]
    lookup_value_regex = r"\d+"
    ordering_fields = ["created_at"]
    ordering = ["-created_at"]

    @property
    def extra_error_codes(self) -> tuple[str, ...]:
        codes = {"commit": ("409",), "undo": ("409",), "partial_update": ("409",)}
        return codes.get(getattr(self, "action", None) or "", ())

    def get_parsers(self) -> list[BaseParser]:
        # Called while the request is set up, before DRF names the action.
        request = getattr(self, "request", None)
        method = request.method.lower() if request is not None and request.method else ""
        action = getattr(self, "action", None) or getattr(self, "action_map", {}).get(method)
        if action == "create":
            return [MultiPartParser(), FormParser()]
        return super().get_parsers()

    def get_serializer_class(self) -> type:
        if getattr(self, "action", None) == "list":
            return ImportJobSummarySerializer
        return ImportJobSerializer

    def get_queryset(self) -> QuerySet[ImportJob]:
        return selectors.import_job_list_for_user(user=authenticated_user(self.request))

    def _require_edit(self, vendor: Vendor | int, doing: str) -> None:
        membership = membership_get(user=authenticated_user(self.request), vendor=vendor)
        require_edit_role(membership, doing=doing)

    def _job(self) -> ImportJob:
        job = selectors.import_job_get_for_user(
            user=authenticated_user(self.request), job_id=self.kwargs["pk"]
        )
        if job is None:
            raise exceptions.NotFound()
        return job

    @extend_schema(
        tags=TAG,
        summary="Upload a file to import: its columns, a suggested mapping and a preview",
        description="Multipart, with the file as `file`. The format (CSV, TSV, XLSX, JSON) is "
        "read from the content; text files may be UTF-8 (with or without a BOM) or "
        "Windows-1252, with `,` `;` tab or `|` between cells. **413** past "
        "`IMPORT_MAX_FILE_BYTES`; **400** for an empty, binary or unreadable file, or more "
        "rows than `IMPORT_MAX_ROWS`. Nothing is written to the collection until the commit.",
        request={"multipart/form-data": ImportUploadSerializer},
        responses={201: ImportJobSerializer},
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
        if declared > settings.IMPORT_MAX_FILE_BYTES + MULTIPART_OVERHEAD:
            raise _too_large()  # refused before the body is read
        upload = ImportUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        params = upload.validated_data
        file = params["file"]
        if file.size > settings.IMPORT_MAX_FILE_BYTES:
            raise _too_large()
        user = authenticated_user(request)
        if "vendor" in params:
            if membership_get(user=user, vendor=params["vendor"]) is None:
                raise exceptions.ValidationError(
                    {"vendor": [gettext("You are not a member of this vendor.")]}
                )
            vendor = Vendor.objects.get(pk=params["vendor"])
        else:
            found = personal_vendor_for_user(user=user)
            if found is None:
                raise exceptions.ValidationError(
                    {"vendor": [gettext("You have no personal collection: name a vendor.")]}
                )
            vendor = found
        self._require_edit(vendor, gettext("import items into this vendor"))
        options = {k: params[k] for k in ("day_first", "on_duplicate") if k in params}
        try:
            job = services.import_job_create(
                user=user, vendor=vendor, file_name=file.name or "upload",
                content=file.read(), options=options,
            )  # fmt: skip
        except FileProblem as problem:
            raise exceptions.ValidationError(
                {"file": [problem.message]}, code=problem.code
            ) from problem
        return Response(ImportJobSerializer(job).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        tags=TAG,
        summary="Change the mapping, value maps, defaults or options; returns the new preview",
        description="Only while the import is a draft (**409** after the commit). Unknown "
        "columns or fields, or values a field does not have, are a **400** naming them.",
        request=ImportJobUpdateSerializer,
        responses={200: ImportJobSerializer},
    )
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        job = self._job()
        self._require_edit(job.vendor_id, gettext("change this import"))
        changes = ImportJobUpdateSerializer(data=request.data)
        changes.is_valid(raise_exception=True)
        try:
            job = services.import_job_configure(job=job, changes=changes.validated_data)
        except services.ImportConflictError as exc:
            raise ImportConflict(exc.message) from exc
        return Response(ImportJobSerializer(job).data)

    @extend_schema(
        tags=TAG,
        summary="Commit an import: a worker writes its rows; poll the import for progress",
        description="**202** with the queued import; `processed` of `total` grows as rows are "
        "written. Rows with problems are skipped and listed in `errors`. **409** once "
        "committed; **503** when the task queue is down (nothing changed).",
        request=None,
        responses={202: ImportJobSerializer},
    )
    def commit(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        job = self._job()
        self._require_edit(job.vendor_id, gettext("commit this import"))
        try:
            job = services.import_job_commit(job=job)
        except services.ImportConflictError as exc:
            raise ImportConflict(exc.message) from exc
        except QueueUnavailableError as exc:
            raise QueueUnavailable() from exc
        return Response(ImportJobSerializer(job).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        tags=TAG,
        summary="Undo a finished import: its new items deleted, updated ones restored",
        description="All or nothing: **409** naming how many of its items were changed or "
        "deleted since (nothing is undone then), or when it is not finished.",
        request=None,
        responses={200: ImportJobSerializer},
    )
    def undo(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        job = self._job()
        self._require_edit(job.vendor_id, gettext("undo this import"))
        try:
            job = services.import_job_undo(job=job)
        except services.ImportConflictError as exc:
            raise ImportConflict(exc.message) from exc
        job = self._job()
        return Response(ImportJobSerializer(job).data)
