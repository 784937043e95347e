"""The demo marketplace HTTP server (stdlib ``ThreadingHTTPServer``, no dependencies).

Pages come from :func:`~scraper.demo_marketplace.routes.render` (routes listed there).

Every HTML answer has ``Content-Type: text/html; charset=utf-8``, a strong ``ETag``
(hash of the body), ``Last-Modified`` (midnight UTC of the first day the body looked
like today's), ``Cache-Control: no-cache`` and ``X-Demo-Marketplace: 1``; a matching
``If-None-Match`` (or, without it, ``If-Modified-Since``) gets ``304``.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast
from urllib.parse import parse_qs, unquote, urlsplit

from scraper.demo_marketplace.discogs_api import API_PREFIX
from scraper.demo_marketplace.ebay_browse_api import API_PREFIX as EBAY_API_PREFIX
from scraper.demo_marketplace.ebay_browse_api import ebay_api_answer

# ROBOTS_TXT is re-exported: it was defined here before the pages moved to routes.py.
from scraper.demo_marketplace.routes import ROBOTS_TXT as ROBOTS_TXT
from scraper.demo_marketplace.routes import Answer, render
from scraper.demo_marketplace.search_pages import is_search, search_answer

__all__ = ["DemoMarketplaceServer", "make_server", "render", "serve_in_thread", "utc_today"]

#: How many days back Last-Modified looks for an identical page.
_LOOKBACK_DAYS = 45
#: The largest request body read (the eBay token request's form is a few dozen bytes).
_MAX_BODY = 16 * 1024


def utc_today() -> date:
    return datetime.now(UTC).date()


def _last_modified_day(path: str, day: date) -> date:
    """The first day (looking back at most ``_LOOKBACK_DAYS``) showing today's body."""
    body = render(path, day).body
    first = day
    for back in range(1, _LOOKBACK_DAYS + 1):
        earlier = day - timedelta(days=back)
        if render(path, earlier).body != body:
            break
        first = earlier
    return first


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:24] + '"'


def _etag_matches(header: str, etag: str) -> bool:
    if header.strip() == "*":
        return True
    candidates = [c.strip() for c in header.split(",")]
    return any(c.removeprefix("W/") == etag for c in candidates)


# -------------------------------------------------------------------------------- server


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "DemoMarketplace/1.0"
    disable_nagle_algorithm = True  # one small response per request: no 40 ms stalls

    @property
    def marketplace(self) -> DemoMarketplaceServer:
        return cast(DemoMarketplaceServer, self.server)

    def log_message(self, format: str, *args: Any) -> None:
        if self.marketplace.verbose:
            super().log_message(format, *args)

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_GET(self) -> None:
        self._answer(head=False)

    def do_POST(self) -> None:
        """Only the demo eBay API's token request is a POST (others: 405)."""
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= _MAX_BODY:
            self.close_connection = True  # the body is left unread
            length = 0
        form = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        self._answer(head=False, form=form)

    def _answer(self, *, head: bool, form: str | None = None) -> None:
        self.marketplace.count_request()
        parts = urlsplit(self.path)
        path = parts.path or "/"
        day = self.marketplace.today()
        answer = render(path, day)
        if is_search(path):  # the catalogue searches read their query string
            found, kind = search_answer(path, parse_qs(parts.query), day) or ("", "")
            answer = Answer(200, found, kind, cacheable=False)
        if path.startswith(EBAY_API_PREFIX):  # answers by method, auth header and body
            status, text = ebay_api_answer(
                self.command,
                unquote(path),
                parse_qs(parts.query),
                self.headers.get("Authorization") or "",
                form or "",
                day,
                f"{self.marketplace.base_url}/ebay",
            ) or (404, "{}")
            answer = Answer(status, text, "application/json", cacheable=False)
        elif form is not None:
            answer = Answer(405, "Method not allowed.", "text/plain", cacheable=False)
        if path.startswith(API_PREFIX) and not (self.headers.get("Authorization") or "").startswith(
            "Discogs token="
        ):
            # Like the real API for the calls that need a token (any token works here).
            answer = Answer(
                401, '{"message": "You must authenticate."}', "application/json", cacheable=False
            )
        body = answer.body.encode("utf-8")
        headers: dict[str, str] = {
            "X-Demo-Marketplace": "1",
            "Cache-Control": "no-cache",
        }
        status = answer.status
        if answer.location:
            headers["Location"] = answer.location
        if answer.cacheable and status == 200:
            etag = _etag(body)
            modified = datetime.combine(_last_modified_day(path, day), time(0), tzinfo=UTC)
            headers["ETag"] = etag
            headers["Last-Modified"] = format_datetime(modified, usegmt=True)
            if self._not_modified(etag, modified):
                status, body = 304, b""
        try:
            self.send_response(status)
            if status != 304:
                headers["Content-Type"] = answer.content_type
                headers["Content-Length"] = str(len(body))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if body and not head:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # client went away
            self.close_connection = True

    def _not_modified(self, etag: str, modified: datetime) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            return _etag_matches(if_none_match, etag)
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                when = parsedate_to_datetime(since)
            except (TypeError, ValueError, IndexError):
                return False
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            return modified <= when
        return False


class DemoMarketplaceServer(ThreadingHTTPServer):
    """The marketplace server. ``today`` is the clock (UTC date); swap it in tests."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        address: tuple[str, int],
        *,
        today: Callable[[], date] = utc_today,
        verbose: bool = False,
    ) -> None:
        super().__init__(address, _Handler)
        self.today = today
        self.verbose = verbose
        self.requests_served = 0
        self._count_lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def count_request(self) -> None:
        with self._count_lock:
            self.requests_served += 1

    @property
    def host_port(self) -> str:
        """``host:port`` as ``FetchSettings.allowed_hosts`` wants it."""
        host, port = self.server_address[:2]
        host = str(host)
        return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"

    @property
    def base_url(self) -> str:
        return f"http://{self.host_port}"

    def stop(self) -> None:
        """Stop serving (if started by :func:`serve_in_thread`) and close the socket."""
        if self._thread is not None:
            self.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self.server_close()


def make_server(
    host: str = "127.0.0.1",
    port: int = 8765,
    *,
    today: Callable[[], date] = utc_today,
    verbose: bool = False,
) -> DemoMarketplaceServer:
    """A bound (not yet serving) marketplace server; call ``serve_forever()``."""
    return DemoMarketplaceServer((host, port), today=today, verbose=verbose)


def serve_in_thread(
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    today: Callable[[], date] = utc_today,
    verbose: bool = False,
) -> tuple[DemoMarketplaceServer, str]:
    """Start a marketplace in a daemon thread. Returns ``(server, base_url)``;
    ``server.stop()`` shuts it down. ``port=0`` picks a free port."""
    server = make_server(host, port, today=today, verbose=verbose)
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": 0.05},
        name=f"demo-marketplace-{server.server_address[1]}",
        daemon=True,
    )
    server._thread = thread
    thread.start()
    return server, server.base_url
