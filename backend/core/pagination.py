from typing import Any, Protocol

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from rest_framework import pagination
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from core import keyset


class PageNumberPagination(pagination.PageNumberPagination):
    """`page` + `page_size` (default 25, at most 100) with count/next/previous/results.

    A malformed `page_size` is a 400 naming the parameter rather than a silent fallback.
    """

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("Must be a whole number from 1 to %(max)s.") % {"max": self.max_page_size}
                    ]
                }
            )
        return size

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        bounds = {
            self.page_query_param: {"minimum": 1},
            self.page_size_query_param: {"minimum": 1, "maximum": self.max_page_size},
        }
        for parameter in parameters:
            parameter["schema"].update(bounds.get(parameter["name"], {}))
        return parameters


class KeysetRows(Protocol):
    """What `PageOrCursorPagination` pages by cursor: rows of an ordered queryset that can
    be read again with extra selected columns (the sort key's values)."""

    @property
    def queryset(self) -> QuerySet: ...

    def reading(self, queryset: QuerySet, columns: tuple[str, ...]) -> Any:
        """Rows of `queryset` (sliceable; dicts carrying `columns`)."""
        ...


class PageOrCursorPagination(PageNumberPagination):
    """Page numbers (`page`) for the SPA, or keyset pages (`cursor`) for clients that walk
    far: `?cursor=` (empty) starts at the first page, then each response's `next` /
    `previous` link carries an opaque, signed cursor. A cursor page costs what the first
    page costs at any depth, and rows inserted or deleted meanwhile neither repeat nor
    skip a row. The response has the same shape (`count` too). Cursor mode pages an object
    with `queryset` and `reading()` (`KeysetRows`); an ordering that cannot be keyset-paged
    (e.g. by search relevance) is a 400 on `cursor` (`core.keyset`)."""

    cursor_query_param = "cursor"

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> Any:
        self.cursor_mode = self.cursor_query_param in request.query_params
        if not self.cursor_mode:
            return super().paginate_queryset(queryset, request, view)
        if self.page_query_param in request.query_params:
            raise ValidationError(
                {self.cursor_query_param: [_("Give `cursor` or `page`, not both.")]}
            )
        return self._cursor_page(queryset, request)

    def _cursor_page(self, rows: KeysetRows, request: Request) -> list[Any]:
        self.request = request
        size = self.get_page_size(request)
        try:
            keys = keyset.sort_keys(rows.queryset)
        except keyset.KeysetUnsupported as refusal:
            raise ValidationError({self.cursor_query_param: [str(refusal)]}) from refusal
        text = request.query_params[self.cursor_query_param]
        position: list[Any] | None = None
        backwards = False
        if text:
            try:
                position, backwards = keyset.cursor_decode(text, keys=keys)
            except keyset.InvalidCursor as bad:
                raise ValidationError({self.cursor_query_param: [str(bad)]}) from bad
        queryset = keyset.with_keys(rows.queryset, keys, reverse=backwards)
        if position is not None:
            queryset = queryset.filter(keyset.after(keys, position, reverse=backwards))
        columns = tuple(key.name for key in keys)
        fetched = list(rows.reading(queryset, columns)[: size + 1])
        more = len(fetched) > size
        page = fetched[:size]
        if backwards:
            page.reverse()
        self._count = rows.queryset.count()
        has_next, has_previous = (True, more) if backwards else (more, position is not None)
        self._next = self._cursor(keys, page[-1], backwards=False) if has_next and page else None
        self._previous = (
            self._cursor(keys, page[0], backwards=True) if has_previous and page else None
        )
        return page

    def _cursor(self, keys: list[keyset.SortKey], row: Any, *, backwards: bool) -> str:
        values = [
            row[key.name] if isinstance(row, dict) else getattr(row, key.name) for key in keys
        ]
        text = keyset.cursor_encode(keys=keys, values=values, backwards=backwards)
        assert self.request is not None  # set by `_cursor_page`
        url = remove_query_param(self.request.build_absolute_uri(), self.page_query_param)
        return replace_query_param(url, self.cursor_query_param, text)

    def get_paginated_response(self, data: Any) -> Response:
        if not getattr(self, "cursor_mode", False):
            return super().get_paginated_response(data)
        return Response(
            {"count": self._count, "next": self._next, "previous": self._previous, "results": data}
        )

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            *super().get_schema_operation_parameters(view),
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Keyset paging instead of `page`: empty for the first page, "
                "then the opaque value of a `next` / `previous` link. Deep pages cost what "
                "the first costs and rows added meanwhile never repeat or skip one. 400 for "
                "a cursor this server did not make or made for another `ordering`, and for "
                "an ordering that cannot be paged so (search relevance: give `ordering`).",
                "schema": {"type": "string"},
            },
        ]
