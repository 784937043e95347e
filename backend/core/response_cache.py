"""Cached answers of the busiest reads (the list, an item, the dashboard and its value
history), in Redis, keyed by everything the answer depends on — above all the read
versions of the vendors it shows (`core.read_versions`): a write to any row such an
answer shows changes the key, in the writer's transaction, so no answer outlives its data.

What else goes into the key: the database, the scheme, host and path with its parameters (in
a canonical order), the user, the facts about the user the view names (the display
currency), the negotiated media type and language, and the UTC day (stored valuations
and the day's exchange rates roll daily). Clock-derived fields (an answer's `as_of`, a
price's age in days) can be up to `RESPONSE_CACHE_SECONDS` old; the data never is. Only
200 answers are kept. `Cache-Status` (RFC 9211) says whether an answer was a hit.

A hit costs the caller's authentication, one small statement (the versions) and one Redis
read: under `make load` a list page cost the two cores ~9 ms computed and ~3 ms served
from here (docs/performance.md, "Throughput: cached answers")."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.read_versions import read_versions

HEADER = "Cache-Status"
_NAME = "omni-stock"


def _key(request: Request, scopes: Iterable[int], facts: tuple[Any, ...]) -> str:
    parameters = sorted((name, tuple(values)) for name, values in request.query_params.lists())
    # The scopes themselves too: a vendor no write has versioned yet has no row.
    vendors = sorted(set(scopes))
    material = repr(
        (
            connection.settings_dict["NAME"],
            request.scheme,  # with the host: the pages' absolute `next` links
            request.get_host(),
            request.path,
            parameters,
            request.user.pk,
            facts,
            getattr(request, "accepted_media_type", ""),
            get_language(),
            timezone.now().date().isoformat(),
            vendors,
            read_versions(vendors),
        )
    )
    return "answer:" + hashlib.blake2b(material.encode(), digest_size=20).hexdigest()


def cached_answer(
    view: APIView,
    request: Request,
    *,
    scopes: Iterable[int],
    build: Callable[[], Response],
    facts: tuple[Any, ...] = (),
) -> HttpResponse | Response:
    """The answer `build()` gives, from the cache when the same request of the same user
    was answered since the vendors in `scopes` (the ones the answer may show) last
    changed. Call it after the request is authorised: a hit skips the view's own work."""
    seconds = settings.RESPONSE_CACHE_SECONDS
    if not seconds or request.method not in ("GET", "HEAD"):
        return build()
    key = _key(request, scopes, facts)
    kept = cache.get(key)
    if kept is not None:
        content_type, content = kept
        hit = HttpResponse(content, content_type=content_type)
        hit[HEADER] = f"{_NAME}; hit"
        # What DRF's responses carry: core.middleware then releases the view (see there).
        hit.renderer_context = {"view": view}  # type: ignore[attr-defined]
        return hit
    response = build()
    if response.status_code != 200:
        return response
    # Rendered here as DRF renders it after the view (it does not render it twice).
    response.accepted_renderer = request.accepted_renderer
    response.accepted_media_type = request.accepted_media_type
    response.renderer_context = view.get_renderer_context()  # type: ignore[attr-defined]
    response.render()
    cache.set(key, (response["Content-Type"], response.content), seconds)
    response[HEADER] = f"{_NAME}; fwd=miss; stored"
    return response
