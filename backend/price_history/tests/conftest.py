"""Price engine test helpers: a local page server (never the internet), scraper settings
that allow it, and users with each role."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from conftest import client_for

from inventory.factories import CollectibleFactory
from price_history import queue
from users.factories import UserFactory
from vendors.factories import MembershipFactory
from vendors.models import Role
from vendors.selectors import personal_vendor_for_user

PAGES = Path(__file__).parent / "pages"
#: The scraper's own saved pages (the PriceCharting one is served as it is).
SCRAPER_FIXTURES = Path(__file__).resolve().parents[3] / "scraper" / "tests" / "fixtures"


def page(name: str, folder: Path = PAGES) -> str:
    return (folder / name).read_text(encoding="utf-8")


@dataclass
class Reply:
    status: int = 200
    body: str | bytes = ""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "text/html; charset=utf-8"


class _QuietServer(ThreadingHTTPServer):
    """A client that hung up (a timeout, a killed worker) is not an error here."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class PageServer:
    """A threaded HTTP server on 127.0.0.1 (or another loopback `address`) with a route table (path → Reply or a function
    of the request headers). Unknown paths, including /robots.txt, answer 404. A POST is
    answered like a GET of its path, its body kept in `posted` (an OAuth token request)."""

    def __init__(self, address: str = "127.0.0.1") -> None:
        self.routes: dict[str, Reply | Callable[[dict[str, str]], Reply]] = {}
        self.hits: list[tuple[str, dict[str, str]]] = []
        self.posted: list[tuple[str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                server.hits.append((self.path, headers))
                route = server.routes.get(self.path)
                if route is None:
                    reply = Reply(404, "not found", content_type="text/plain")
                elif callable(route):
                    reply = route(headers)
                else:
                    reply = route
                body = reply.body if isinstance(reply.body, bytes) else reply.body.encode()
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(0 if reply.status == 304 else len(body)))
                self.end_headers()
                if reply.status != 304:
                    self.wfile.write(body)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                server.posted.append((self.path, self.rfile.read(length).decode()))
                self.do_GET()

        self.httpd = _QuietServer((address, 0), Handler)
        self.httpd.daemon_threads = True
        self.host = f"{address}:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://{self.host}{path}"

    def count(self, path: str) -> int:
        return sum(1 for hit, _ in self.hits if hit == path)


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    """Users are created by the dozen here; the production hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def pages() -> Iterator[PageServer]:
    server = PageServer()
    server.thread.start()
    server.routes["/shop/charizard"] = Reply(body=page("shop_product.html"))
    server.routes["/pc/maniac-mansion"] = Reply(
        body=page("pricecharting/game_maniac_mansion.html", SCRAPER_FIXTURES)
    )
    server.routes["/css/item"] = Reply(body=page("css_page.html"))
    server.routes["/empty"] = Reply(body="<html><body><p>Nothing for sale</p></body></html>")
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


@pytest.fixture
def hanging_page(pages: PageServer) -> Iterator[str]:
    """The URL of a page that does not answer until the test is over (a hung site)."""
    release = threading.Event()

    def hang(headers: dict[str, str]) -> Reply:
        release.wait(30)
        return Reply(body=page("shop_product.html"))

    pages.routes["/shop/slow"] = hang
    try:
        yield pages.url("/shop/slow")
    finally:
        release.set()


@pytest.fixture
def scraper_settings(settings: Any, pages: PageServer) -> Any:
    """Let the scraper reach the local page server, fast (no delay, no HTTP retries)."""
    settings.SCRAPER_ALLOWED_HOSTS = [pages.host]
    settings.SCRAPER_MIN_DELAY_SECONDS = 0.0
    settings.SCRAPER_MAX_RETRIES = 0
    return settings


@pytest.fixture
def published(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Run ids handed to the broker (the broker itself is not touched)."""
    sent: list[int] = []
    monkeypatch.setattr(queue, "publish_runs", lambda run_ids, slots=None: sent.extend(run_ids))
    return sent


@pytest.fixture
def owner(db: None) -> Any:
    return UserFactory()


@pytest.fixture
def vendor(owner: Any) -> Any:
    return personal_vendor_for_user(user=owner)


@pytest.fixture
def item(vendor: Any, owner: Any) -> Any:
    return CollectibleFactory(vendor=vendor, created_by=owner, name="Charizard")


@pytest.fixture
def owner_client(owner: Any) -> Any:
    return client_for(owner)


@pytest.fixture
def viewer_client(vendor: Any) -> Any:
    viewer = UserFactory()
    MembershipFactory(user=viewer, vendor=vendor, role=Role.VIEWER)
    return client_for(viewer)


@pytest.fixture
def editor_client(vendor: Any) -> Any:
    editor = UserFactory()
    MembershipFactory(user=editor, vendor=vendor, role=Role.EDITOR)
    return client_for(editor)


@pytest.fixture
def stranger_client(db: None) -> Any:
    return client_for(UserFactory())


def close_to(
    moment: datetime, expected: datetime, slack: timedelta = timedelta(seconds=30)
) -> bool:
    return abs(moment - expected) < slack
