"""The deep pages of `bench_api`'s list scenarios (issue 14: deep pages cost what page 1
costs): page 200 by number, and the cursor page a client reaches by following `next`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit
from wsgiref.util import setup_testing_defaults

import orjson
from django.conf import settings
from django.test.utils import override_settings

LIST = "/api/v1/collectibles/"
#: How far the deep cursor page is: the rows after page 200's (rows 5,001-5,025).
DEEP_ROWS = 5000

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def _path(link: str) -> str:
    """A `next` link (absolute) as a path with its query string."""
    parts = urlsplit(link)
    return f"{parts.path}?{parts.query}"


def _get_json(app: WSGIApp, path: str) -> Any:
    path_info, _, query = _path(path).partition("?")
    environ: dict[str, Any] = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "HTTP_HOST": "testserver",
        "HTTP_ACCEPT": "application/json",
    }
    setup_testing_defaults(environ)
    body = app(environ, lambda *_: None)
    try:
        return orjson.loads(b"".join(body))
    finally:
        body.close()  # type: ignore[attr-defined]  # Django's responses close


def deep_cursor_path(app: WSGIApp) -> str:
    """The list's cursor page after its first `DEEP_ROWS` rows, reached as a client reaches
    it through `app` (the benchmark's authenticated WSGI application): `?cursor=` then
    `next` links (100 rows a page, not timed), then asking for 25 rows. A dataset smaller
    than that gives its first cursor page."""
    link: str | None = f"{LIST}?cursor=&page_size=100"
    with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
        for _ in range(DEEP_ROWS // 100):
            assert link is not None
            link = _get_json(app, link)["next"]
            if link is None:
                return f"{LIST}?cursor="
    assert link is not None
    return _path(link).replace("page_size=100", "page_size=25")


def deep_page_path(app: WSGIApp) -> str:
    """Page 200 of the list by number (rows 4,976-5,000), or its last page when the
    dataset is smaller than that (the tests' tiny one)."""
    with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
        count = _get_json(app, LIST)["count"]
    return f"{LIST}?page={max(1, min(DEEP_ROWS // 25, -(-count // 25)))}"
