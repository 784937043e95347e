"""The write measured by `manage.py bench_api` next to its reads: bulk-tagging the Bench
Shop's 10,000 items through `POST /api/v1/collectibles/bulk` (issue 11: under 10 s).

The tag is added (every item changes: one UPDATE of 10k rows, the search vector trigger
recomputing each row's vector) and then removed again (timed too), so the dataset is left
as it was for the next size or a `--keep` run."""

from __future__ import annotations

import io
import json
import time
from typing import TYPE_CHECKING, Any
from wsgiref.util import setup_testing_defaults

from django.conf import settings
from django.test.utils import override_settings

if TYPE_CHECKING:
    from django.core.handlers.wsgi import WSGIHandler

    from devtools.bench_data import BenchTargets

BULK_EDIT_NAME = "bulk edit (tag the 10k-item vendor)"
BULK_EDIT_TARGET_SECONDS = 10.0
BULK_URL = "/api/v1/collectibles/bulk"
_TAG = "bench bulk"


def post_json(app: WSGIHandler, path: str, body: dict[str, Any]) -> tuple[int, Any]:
    """POST `body` as JSON through the WSGI application (`bench_api.BenchApp`: it
    authenticates as the bench user); its status and decoded answer."""
    payload = json.dumps(body).encode()
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(payload)),
        "HTTP_HOST": "testserver",
        "HTTP_ACCEPT": "application/json",
        "wsgi.input": io.BytesIO(payload),
    }
    setup_testing_defaults(environ)
    statuses: list[str] = []

    def start_response(status: str, headers: list[tuple[str, str]], *_: Any) -> Any:
        statuses.append(status)

    answer = app(environ, start_response)
    try:
        content = b"".join(answer)
    finally:
        answer.close()
    return int(statuses[0].split()[0]), json.loads(content or b"null")


def bulk_edit_line(app: WSGIHandler, targets: BenchTargets) -> str:
    selection = {"filters": {"vendor": targets.vendor_id}, "tags": [_TAG]}
    timings: list[str] = []
    verdict = "PASS"
    with override_settings(DEBUG=False, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
        for action in ("add_tags", "remove_tags"):
            started = time.perf_counter()
            status, answer = post_json(app, BULK_URL, {**selection, "action": action})
            seconds = time.perf_counter() - started
            if status != 200:
                verdict = f"HTTP {status}: {answer}"
                break
            timings.append(f"{action} {seconds:.2f} s ({answer['changed']:,} changed)")
            if seconds >= BULK_EDIT_TARGET_SECONDS:
                verdict = "FAIL"
    return (
        f"  {BULK_EDIT_NAME}: {'; '.join(timings) or '-'} "
        f"(target < {BULK_EDIT_TARGET_SECONDS:.0f} s each)  {verdict}"
    )
