from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from core.exceptions import dependency_unavailable, json_service_unavailable


class ReleaseRenderedViewMiddleware:
    """Once a DRF response is rendered, break the references between the view, its request
    and its response (`view.response`, `response.renderer_context["view"]`, the view's
    paginator, page and querysets), so reference counting frees a request's objects when
    the server drops the response instead of leaving them to the cyclic garbage collector.

    A list request left ~220 objects in reference cycles, ~50 after this; the collector's
    passes over them were what separated the list's p95 from its p50
    (docs/performance.md). Nothing reads a view after its response is rendered.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        context = getattr(response, "renderer_context", None)
        # A plain response (a cached answer) is rendered from the start.
        if isinstance(context, dict) and getattr(response, "is_rendered", True):
            view = context.get("view")
            response.renderer_context = None  # type: ignore[attr-defined]
            if view is not None:
                view.__dict__.clear()
        return response


class DependencyUnavailableMiddleware:
    """A data store failing outside a DRF view (a middleware, the URL resolver, the
    session or the admin) is a 503 in the API's error shape with `Retry-After`, like in a
    view (`core.exceptions.api_exception_handler`), not a 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            return self.get_response(request)
        except Exception as exc:
            unavailable = dependency_unavailable(exc)
            if unavailable is None:
                raise
            return json_service_unavailable(unavailable)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        unavailable = dependency_unavailable(exc)
        return None if unavailable is None else json_service_unavailable(unavailable)
