"""`GET /metrics`: Prometheus text format, for an operator's scraper (docs/operations.md).

Two kinds of numbers, each kept where it adds up across processes:

* HTTP requests, counted by the web process that served them. Under gunicorn
  (several worker processes) they live in prometheus-client's multiprocess mode: each
  process writes its samples to memory-mapped files in PROMETHEUS_MULTIPROC_DIR (set and
  emptied by `gunicorn_conf.py`) and a scrape sums every process's files, so nothing
  touches the network per request. Without that directory (runserver, one process) they
  are this process's own.
* Everything else is computed when scraped, from where it is recorded anyway: the
  database (scrape runs, trackers: `register_collector`, filled by the apps above core
  from their `AppConfig.ready()`) and Redis (Celery queue lengths). Exact whichever
  process or worker did the work, and nothing to lose when a process restarts.

Label values are bounded: a route's name, never its raw path; a method from a fixed list;
a status class (`2xx`).
"""

from __future__ import annotations

import hmac
import logging
import os
import time
from collections.abc import Callable, Iterable

import redis
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import (
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4
from prometheus_client.metrics_core import Metric
from prometheus_client.multiprocess import MultiProcessCollector

from core.exceptions import error_body, json_not_found

logger = logging.getLogger(__name__)
http_logger = logging.getLogger("core.http")

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
#: A request that matched no URL pattern (a 404, or a file whitenoise served).
UNRESOLVED = "unresolved"
#: Probes and scrapes come every few seconds: their lines only at DEBUG (still counted).
QUIET_ROUTES = frozenset({"healthz", "readyz", "metrics"})

#: This process's own HTTP samples (in multiprocess mode they also go to the mmap files).
_LOCAL = CollectorRegistry(auto_describe=True)
HTTP_REQUESTS = Counter(
    "omni_http_requests",
    "HTTP requests served, by method and status class.",
    ["method", "status"],
    registry=_LOCAL,
)
HTTP_DURATION = Histogram(
    "omni_http_request_duration_seconds",
    "Time from the request reaching Django to its response, by route name.",
    ["route"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
    registry=_LOCAL,
)

#: Functions yielding metric families, computed at scrape time (one or two queries each).
_COLLECTORS: list[Callable[[], Iterable[Metric]]] = []


def register_collector(collect: Callable[[], Iterable[Metric]]) -> None:
    if collect not in _COLLECTORS:
        _COLLECTORS.append(collect)


def route_of(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return UNRESOLVED
    return match.view_name or match.route or UNRESOLVED


class MetricsMiddleware:
    """Counts and times every request, and logs one line for it (right inside
    RequestIdMiddleware, so the line carries the request id)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            return response
        finally:
            elapsed = time.perf_counter() - started
            method = request.method if request.method in METHODS else "other"
            route = route_of(request)
            HTTP_REQUESTS.labels(method=method, status=f"{status // 100}xx").inc()
            HTTP_DURATION.labels(route=route).observe(elapsed)
            http_logger.log(
                logging.DEBUG if route in QUIET_ROUTES else logging.INFO,
                "%s %s %s",
                method,
                route,
                status,
                extra={
                    "method": method,
                    "route": route,
                    "status": status,
                    "duration_ms": round(elapsed * 1000, 1),
                },
            )


# --- Queue depth (Redis, read at scrape time) ----------------------------------------------

#: kombu's Redis transport keeps one list per priority step: `name`, `name\x06\x163`, …
_PRIORITY_SUFFIXES = ("", "\x06\x163", "\x06\x166", "\x06\x169")


def celery_queues() -> list[str]:
    routes = getattr(settings, "CELERY_TASK_ROUTES", {}) or {}
    names = {settings.CELERY_TASK_DEFAULT_QUEUE}
    names.update(route["queue"] for route in routes.values() if "queue" in route)
    return sorted(names)


def collect_queue_depth() -> Iterable[Metric]:
    depth = GaugeMetricFamily(
        "omni_celery_queue_length",
        "Tasks waiting in a Celery queue (Redis LLEN).",
        labels=["queue"],
    )
    unacked = GaugeMetricFamily(
        "omni_celery_unacked_tasks",
        "Tasks a worker has taken but not acknowledged yet (running, or held for a countdown).",
    )
    up = GaugeMetricFamily("omni_broker_up", "1 when the broker (Redis) answered this scrape.")
    queues = celery_queues()
    try:
        with (
            redis.Redis.from_url(
                settings.REDIS_URL,
                socket_timeout=settings.REDIS_SOCKET_TIMEOUT,
                socket_connect_timeout=settings.REDIS_SOCKET_TIMEOUT,
            ) as client,
            client.pipeline(transaction=False) as pipe,
        ):
            for queue in queues:
                for suffix in _PRIORITY_SUFFIXES:
                    pipe.llen(queue + suffix)
            pipe.hlen("unacked")
            lengths = pipe.execute()
    except redis.exceptions.RedisError as exc:
        logger.warning("Metrics: the broker did not answer: %s", exc)
        up.add_metric([], 0)
        yield up
        return
    steps = len(_PRIORITY_SUFFIXES)
    for index, queue in enumerate(queues):
        depth.add_metric([queue], sum(lengths[index * steps : (index + 1) * steps]))
    unacked.add_metric([], lengths[-1])
    up.add_metric([], 1)
    yield from (depth, unacked, up)


class _ScrapeTime:
    """A collector whose families are computed when the registry is scraped."""

    def collect(self) -> Iterable[Metric]:
        yield from collect_queue_depth()
        for collect in _COLLECTORS:
            yield from collect()


def exposition() -> bytes:
    registry = CollectorRegistry(auto_describe=False)
    if os.environ.get(MULTIPROC_ENV):
        MultiProcessCollector(registry)
    else:
        registry.register(_LocalHttp())
    registry.register(_ScrapeTime())
    return generate_latest(registry)


class _LocalHttp:
    def collect(self) -> Iterable[Metric]:
        yield from _LOCAL.collect()


# --- The endpoint ------------------------------------------------------------------------


def _bearer_token(request: HttpRequest) -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def access(request: HttpRequest) -> str:
    """`ok`, `unauthorized` (401) or `disabled` (404): who may read the metrics.

    A valid `Authorization: Bearer <METRICS_TOKEN>` (compared in constant time) or a staff
    session may; with no token configured and DEBUG off the endpoint is off for everyone
    but staff sessions; with DEBUG on and no token it is open (development)."""
    token = settings.METRICS_TOKEN
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_staff and user.is_active:
        return "ok"
    sent = _bearer_token(request)
    if token:
        if sent is not None and hmac.compare_digest(sent.encode(), token.encode()):
            return "ok"
        return "unauthorized"
    return "ok" if settings.DEBUG else "disabled"


@never_cache
@require_GET
def metrics_view(request: HttpRequest) -> HttpResponse:
    allowed = access(request)
    if allowed == "disabled":
        return json_not_found(request)
    if allowed == "unauthorized":
        response = JsonResponse(
            error_body(_("A valid metrics token is required."), "not_authenticated"), status=401
        )
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    # 0.0.4: what every Prometheus version reads (the names need none of 1.0.0's escaping).
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_PLAIN_0_0_4)
