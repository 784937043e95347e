"""Sentry, optional: SENTRY_DSN set → errors reach the endpoint (a local fake one here)."""

import gzip
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import brotli
import pytest
from django.conf import settings

from core import sentry as core_sentry

SNIPPET = """
import json, sentry_sdk
client = sentry_sdk.get_client()
print(json.dumps({"active": client.is_active(), "integrations": sorted(client.integrations),
                  "pii": client.options["send_default_pii"]}))
try:
    1 / 0
except ZeroDivisionError:
    sentry_sdk.capture_exception()
sentry_sdk.flush(timeout=10)
"""


class FakeSentry:
    """An HTTP server on loopback that keeps every envelope posted to it."""

    def __init__(self) -> None:
        self.envelopes: list[bytes] = []
        received = self.envelopes

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                encoding = self.headers.get("Content-Encoding", "")
                if encoding == "gzip":
                    body = gzip.decompress(body)
                elif encoding == "br":
                    body = brotli.decompress(body)
                received.append(body)
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def events(self) -> list[dict]:
        found = []
        for envelope in self.envelopes:
            lines = envelope.split(b"\n")
            for header, payload in zip(lines[1::2], lines[2::2], strict=False):
                if json.loads(header).get("type") == "event":
                    found.append(json.loads(payload))
        return found


@pytest.fixture
def sentry() -> Iterator[FakeSentry]:
    server = FakeSentry()
    server.thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")}
    return subprocess.run(
        [sys.executable, str(settings.BACKEND_DIR / "manage.py"), *args],
        env={**base, "DEBUG": "true", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_an_error_reaches_sentry_with_environment_and_release_and_no_personal_data(sentry):
    result = manage(
        {
            "SENTRY_DSN": f"http://publickey@127.0.0.1:{sentry.port}/1",
            "SENTRY_ENVIRONMENT": "staging",
            "SENTRY_RELEASE": "omni-stock@1.2.3",
        },
        "shell",
        "-c",
        SNIPPET,
    )

    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout.strip().splitlines()[-1])
    assert state["active"] is True
    assert {"django", "celery"} <= set(state["integrations"])
    assert state["pii"] is False
    (event,) = sentry.events()
    assert event["exception"]["values"][-1]["type"] == "ZeroDivisionError"
    assert (event["environment"], event["release"]) == ("staging", "omni-stock@1.2.3")
    assert "user" not in event


def test_without_a_dsn_sentry_is_off_and_not_even_imported():
    result = manage(
        {},
        "shell",
        "-c",
        "import sys; print('sentry_sdk' in sys.modules)",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SENTRY_TRACES_SAMPLE_RATE": "2"}, "SENTRY_TRACES_SAMPLE_RATE must be a number from 0"),
        ({"SENTRY_TRACES_SAMPLE_RATE": "lots"}, "SENTRY_TRACES_SAMPLE_RATE must be a number"),
        ({"SENTRY_DSN": "not a dsn"}, "SENTRY_DSN is not a valid Sentry DSN"),
    ],
)
def test_a_bad_sentry_setting_stops_start_up(env, message):
    result = manage({"SENTRY_DSN": "http://key@127.0.0.1:9/1", **env}, "check")

    assert result.returncode != 0
    assert message in result.stderr


def read(**overrides):
    values = {
        "dsn": "http://key@127.0.0.1:9/1",
        "environment": "",
        "release": "",
        "traces_sample_rate": "0",
        "debug": False,
    }
    return core_sentry.read_settings(**{**values, **overrides})


def test_the_settings_default_to_the_environment_of_debug_and_no_tracing():
    assert read() == core_sentry.SentrySettings("http://key@127.0.0.1:9/1", "production", None, 0.0)
    assert read(debug=True, traces_sample_rate="0.25", release=" v1 ").environment == "development"
    assert read(traces_sample_rate="0.25", release=" v1 ").release == "v1"
    assert read(dsn="  ") is None


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"environment": "x" * 65}, "SENTRY_ENVIRONMENT"),
        ({"environment": "a/b"}, "SENTRY_ENVIRONMENT"),
        ({"release": "v1\x00"}, "SENTRY_RELEASE"),
        ({"traces_sample_rate": "-0.1"}, "SENTRY_TRACES_SAMPLE_RATE"),
        ({"traces_sample_rate": "nan"}, "SENTRY_TRACES_SAMPLE_RATE"),
    ],
)
def test_bad_values_name_their_variable(overrides, message):
    with pytest.raises(ValueError, match=message):
        read(**overrides)
