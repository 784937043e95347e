"""Liveness and readiness probes for load balancers and orchestrators (JSON, no auth)."""

import logging

import redis
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is alive and serving requests."""
    return JsonResponse({"status": "ok"})


def _check_database() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:
        logger.warning("Readiness: database unreachable: %s", exc)
        return "unreachable"
    return None


def _check_redis() -> str | None:
    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2
        )
        client.ping()
    except Exception as exc:
        logger.warning("Readiness: Redis unreachable: %s", exc)
        return "unreachable"
    return None


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """The database and Redis answer; 503 names the dependency that does not."""
    checks = {"database": _check_database(), "redis": _check_redis()}
    ready = all(problem is None for problem in checks.values())
    return JsonResponse(
        {
            "status": "ok" if ready else "unavailable",
            "checks": {name: problem or "ok" for name, problem in checks.items()},
        },
        status=200 if ready else 503,
    )


def _spa_index_html() -> bytes | None:
    index = settings.SPA_DIST_DIR / "index.html"
    try:
        stat = index.stat()
    except FileNotFoundError:
        return None
    cached = _SPA_INDEX_CACHE.get("index")
    if cached is None or cached[0] != stat.st_mtime_ns:
        cached = (stat.st_mtime_ns, index.read_bytes())
        _SPA_INDEX_CACHE["index"] = cached
    return cached[1]


_SPA_INDEX_CACHE: dict[str, tuple[int, bytes]] = {}

SPA_NOT_BUILT = b"""<!doctype html><meta charset="utf-8"><title>Omni-Stock</title>
<p>The web app is not built yet. Run <code>make run</code> (or <code>cd frontend &amp;&amp; npm run
build</code>). The API is at <a href="/api/docs/">/api/docs/</a>.</p>"""


@never_cache
@require_GET
def spa_index(request: HttpRequest) -> HttpResponse:
    """Every client-side route of the SPA gets its index.html (the router takes over)."""
    html = _spa_index_html()
    if html is None:
        return HttpResponse(SPA_NOT_BUILT, status=503, content_type="text/html; charset=utf-8")
    return HttpResponse(html, content_type="text/html; charset=utf-8")
