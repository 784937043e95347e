"""drf-spectacular AutoSchema that documents the error responses every operation can give."""

from typing import Any

from drf_spectacular import openapi
from rest_framework.permissions import AllowAny

from core.serializers import ErrorSerializer

ERROR_DESCRIPTIONS = {
    "400": "Invalid input: `fields` names each offending field or query parameter.",
    "401": "Missing, expired or invalid credentials.",
    "403": "Authenticated, but this role may not do this (for example a viewer writing).",
    "404": "No such object among the vendors you belong to.",
    "409": "The object's state does not allow this now (for example an import committed "
    "already, or items changed since it).",
    "413": "The request body is larger than the server accepts.",
    "429": "Too many requests; retry after the number of seconds in `Retry-After`.",
    "503": "A data store or the task queue is unavailable; nothing was changed. Retry after "
    "the number of seconds in `Retry-After`.",
}
PAGE_NOT_FOUND = "A `page` past the last one."

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class AutoSchema(openapi.AutoSchema):
    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        for code in self._error_codes():
            if code not in responses:
                response = self._get_response_for_code(ErrorSerializer, code, direction=direction)
                response["description"] = self._error_description(code)
                responses[code] = response
        return responses

    def _paginated(self) -> bool:
        return self._is_list_view() and getattr(self.view, "pagination_class", None) is not None

    def _error_description(self, code: str) -> str:
        if code != "404":
            return ERROR_DESCRIPTIONS[code]
        if "{" not in self.path:  # no object in the path: only a page can be missing
            return PAGE_NOT_FOUND
        if self._paginated():
            return f"{ERROR_DESCRIPTIONS[code]} Or: {PAGE_NOT_FOUND.lower()}"
        return ERROR_DESCRIPTIONS[code]

    def _error_codes(self) -> list[str]:
        codes = ["503"]  # every operation reads PostgreSQL or Redis
        filters_query = self._is_list_view() and bool(getattr(self.view, "filter_backends", ()))
        if self.method in {"POST", "PUT", "PATCH"} or filters_query:
            codes.append("400")
        if self.method in {"POST", "PUT", "PATCH"}:
            codes.append("413")
        public = any(isinstance(p, AllowAny) for p in self.view.get_permissions())
        if not public:
            codes.append("401")
            action = getattr(self.view, "action", None) or self.method.lower()
            if self.method in WRITE_METHODS and action not in getattr(
                self.view, "never_forbidden", ()
            ):
                codes.append("403")
        if "{" in self.path or self._paginated():
            codes.append("404")
        if self.view.get_throttles():
            codes.append("429")
        codes.extend(getattr(self.view, "extra_error_codes", ()))
        return sorted(set(codes))
