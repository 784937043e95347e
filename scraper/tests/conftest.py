"""Test helpers: a local threaded HTTP server on 127.0.0.1 with scriptable routes, and the
demo marketplace (``market``) with an HTTP client for it."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from scraper import FetchSettings, InMemoryRobotsCache, NullHostLimiter
from scraper.demo_marketplace import DemoMarketplaceServer, serve_in_thread
from scraper.tests.demo_helpers import DAY


class _QuietServer(ThreadingHTTPServer):
    """Tests hang up on purpose (timeouts, body caps): a client's reset is not an error."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = "text/html; charset=utf-8"
    delay: float = 0.0
    #: Send no Content-Length (close-delimited body) to exercise the streaming cap.
    no_length: bool = False


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    at: float
    #: A POST's body (an API's token request), ``b""`` for a GET.
    body: bytes = b""


Handler = Callable[[Seen], Reply]


class LocalServer:
    """Routes map a path to a list of replies served in order (the last one repeats)
    or to a callable. Unknown paths answer 404. Every request is recorded."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Reply] | Handler] = {}
        self.requests: list[Seen] = []
        self._lock = threading.Lock()
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                sent = self.rfile.read(length) if length > 0 else b""
                seen = Seen(
                    self.path, {k.lower(): v for k, v in self.headers.items()}, time.time(), sent
                )
                reply = server._next(seen)
                if reply.delay:
                    time.sleep(reply.delay)
                body = reply.body.encode() if isinstance(reply.body, str) else reply.body
                try:
                    self.send_response(reply.status)
                    if reply.content_type:
                        self.send_header("Content-Type", reply.content_type)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    if reply.no_length:
                        self.send_header("Connection", "close")
                        self.close_connection = True
                    elif "content-length" not in {k.lower() for k in reply.headers}:
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if body and reply.status not in (204, 304):
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_POST = do_GET

        self.httpd = _QuietServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.host = f"127.0.0.1:{self.port}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def _next(self, seen: Seen) -> Reply:
        with self._lock:
            self.requests.append(seen)
            route = self.routes.get(seen.path)
            if route is None:
                path_only = seen.path.split("?")[0]
                route = self.routes.get(path_only)
            if route is None:
                return Reply(404, "not found", content_type="text/plain")
            if callable(route):
                return route(seen)
            return route.pop(0) if len(route) > 1 else route[0]

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}{path}"

    def route(self, path: str, *replies: Reply | Handler) -> None:
        if len(replies) == 1 and callable(replies[0]) and not isinstance(replies[0], Reply):
            self.routes[path] = replies[0]
        else:
            self.routes[path] = [r for r in replies if isinstance(r, Reply)]

    def hits(self, path: str) -> list[Seen]:
        return [r for r in self.requests if r.path == path]


@pytest.fixture
def server() -> Iterator[LocalServer]:
    srv = LocalServer()
    srv.thread.start()
    try:
        yield srv
    finally:
        srv.httpd.shutdown()
        srv.httpd.server_close()


@pytest.fixture
def fast_settings(server: LocalServer) -> FetchSettings:
    """Tiny delays and backoffs; the local server is allow-listed (by host:port)."""
    return FetchSettings(
        allowed_hosts=frozenset({server.host}),
        min_host_delay=0.0,
        backoff_base=0.01,
        backoff_max=0.05,
        max_retries=2,
        connect_timeout=2.0,
        read_timeout=2.0,
        total_timeout=5.0,
        max_retry_after=5.0,
    )


@pytest.fixture
def robots_cache() -> InMemoryRobotsCache:
    return InMemoryRobotsCache()


@pytest.fixture
def no_limit() -> NullHostLimiter:
    return NullHostLimiter()


# ------------------------------------------------------------------ demo marketplace


@pytest.fixture(scope="module")
def market() -> Iterator[tuple[DemoMarketplaceServer, str]]:
    server, base_url = serve_in_thread(today=lambda: DAY)
    try:
        yield server, base_url
    finally:
        server.stop()


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=10) as c:
        yield c
