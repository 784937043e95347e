"""The production image's commands, run outside Docker (no engine here): the Dockerfile's
collectstatic and docker-compose.yml's web command and health check, read out of those
files so they cannot drift, with DEBUG off, a real secret key and the documented
ALLOWED_HOSTS, against the test database and Redis. Requests carry what Caddy adds."""

from __future__ import annotations

import gzip
import os
import re
import secrets
import shlex
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import brotli  # type: ignore[import-untyped]
import pytest
import yaml
from cryptography.fernet import Fernet
from django.conf import settings

from devtools.management.commands.run_stack import database_url
from devtools.processes import free_port, gunicorn_argv

PROJECT = Path(settings.PROJECT_DIR)
COMPOSE = yaml.safe_load((PROJECT / "docker-compose.yml").read_text())
FOREIGN_URL = re.compile(r"""(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}""")


def documented(name: str) -> str:
    """A variable's value in .env.example, the configuration the docs tell operators to copy."""
    for line in (PROJECT / ".env.example").read_text().splitlines():
        if line.startswith(f"{name}="):
            return line.split("=", 1)[1]
    raise AssertionError(f"{name} is not in .env.example")


def dockerfile_collectstatic() -> tuple[dict[str, str], list[str]]:
    """The Dockerfile's collectstatic step: its variables and its command."""
    text = (PROJECT / "Dockerfile").read_text().replace("\\\n", " ")
    step = next(line for line in text.splitlines() if "collectstatic" in line)
    words = shlex.split(step.removeprefix("RUN ").split("&&")[0])
    env = dict(word.split("=", 1) for word in words if re.match(r"^[A-Z_]+=", word))
    argv = [word for word in words if not re.match(r"^[A-Z_]+=", word)]
    assert argv[0] == "python"
    return env, [sys.executable, *argv[1:]]


def compose_web_argv(port: int) -> list[str]:
    """Compose's web command, bound to a loopback port instead of the container's 8000."""
    argv = list(COMPOSE["services"]["web"]["command"])
    assert argv[0] == "gunicorn"
    bind = argv.index("--bind") + 1
    assert argv[bind] == "0.0.0.0:8000"
    argv[bind] = f"127.0.0.1:{port}"
    return [sys.executable, "-m", "gunicorn", *argv[1:]]


def compose_healthcheck_argv(service: str) -> list[str]:
    test = COMPOSE["services"][service]["healthcheck"]["test"]
    assert test[:2] == ["CMD", "python"]
    return [sys.executable, *test[2:]]


def without_development_env(env: dict[str, str]) -> dict[str, str]:
    dropped = {"DEBUG", "STATIC_COLLECTED", "OMNI_READ_RUN_STACK_ENV", "SCRAPER_ALLOWED_HOSTS"}
    return {k: v for k, v in env.items() if k not in dropped}


def fake_spa(dist: Path) -> None:
    """A Vite-shaped build (hashed assets with .gz/.br siblings, an inline theme script),
    for checkouts where the SPA was not built."""
    (dist / "assets").mkdir(parents=True)
    script = b"console.log('omni-stock');\n" * 200
    for suffix, data in (
        ("", script),
        (".gz", gzip.compress(script)),
        (".br", brotli.compress(script)),
    ):
        (dist / "assets" / f"index-CNEGz_V-.js{suffix}").write_bytes(data)
    (dist / "index.html").write_text(
        "<!doctype html><html><head><script>document.documentElement.dataset.x='1'</script>"
        '<script type="module" crossorigin src="/assets/index-CNEGz_V-.js"></script>'
        '</head><body><div id="root"></div></body></html>'
    )


@dataclass
class Stack:
    base: str
    port: int
    host: str
    env: dict[str, str]

    def get(self, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
        request = urllib.request.Request(  # noqa: S310 (loopback)
            self.base + path, headers={"Host": self.host, "X-Forwarded-Proto": "https", **headers}
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers), exc.read()


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Stack]:
    tmp = tmp_path_factory.mktemp("production")
    built = PROJECT / "frontend" / "dist"
    dist = built if (built / "index.html").is_file() else tmp / "dist"
    if dist != built:
        fake_spa(dist)
    host = documented("ALLOWED_HOSTS").split(",")[0]
    with django_db_blocker.unblock():
        db_url = database_url()  # the test database, migrated by pytest-django
    env = without_development_env(dict(os.environ))
    build_env, collectstatic = dockerfile_collectstatic()
    env |= {"STATIC_ROOT": str(tmp / "static"), "SPA_DIST_DIR": str(dist)}
    subprocess.run(collectstatic, cwd=PROJECT, env=env | build_env, check=True, timeout=120)
    port = free_port()
    env |= {
        **{k: str(v) for k, v in COMPOSE["x-app"]["environment"].items()},
        "SECRET_KEY": secrets.token_urlsafe(64),
        "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "ALLOWED_HOSTS": documented("ALLOWED_HOSTS"),
        "CSRF_TRUSTED_ORIGINS": documented("CSRF_TRUSTED_ORIGINS"),
        "DATABASE_URL": db_url,
        "REDIS_URL": settings.REDIS_URL,
        "MEDIA_ROOT": str(tmp / "media"),
        "BEAT_HEARTBEAT_FILE": str(tmp / "beat.heartbeat"),
    }
    yield from serve(compose_web_argv(port), Stack(f"http://127.0.0.1:{port}", port, host, env))


@pytest.fixture(scope="module")
def make_run_stack(stack) -> Iterator[Stack]:
    """gunicorn as `make run` starts it (run_stack: DEBUG on, STATIC_COLLECTED), on the
    static files collected above."""
    port = free_port()
    env = stack.env | {"DEBUG": "true", "STATIC_COLLECTED": "true"}
    argv = gunicorn_argv(bind=f"127.0.0.1:{port}", workers=1, threads=2)
    yield from serve(argv, Stack(f"http://127.0.0.1:{port}", port, stack.host, env))


def serve(argv: list[str], running: Stack) -> Iterator[Stack]:
    web = subprocess.Popen(argv, cwd=PROJECT, env=running.env, start_new_session=True)
    try:
        deadline = time.monotonic() + 40
        while True:
            try:
                if running.get("/healthz")[0] == 200:
                    break
            except OSError:
                pass
            assert web.poll() is None, "gunicorn exited"
            assert time.monotonic() < deadline, "gunicorn did not answer in 40 s"
            time.sleep(0.3)
        yield running
    finally:
        os.killpg(web.pid, signal.SIGTERM)
        try:
            web.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(web.pid, signal.SIGKILL)
            web.wait()


@pytest.mark.parametrize("path", ["/admin/login/", "/api/docs/", "/api/redoc/", "/", "/healthz"])
def test_the_pages_answer_with_debug_off(stack, path):
    status, _headers, _body = stack.get(path)
    assert status == 200


def test_the_compose_web_health_check_passes_with_the_allowed_hosts(stack):
    argv = [*compose_healthcheck_argv("web"), "--port", str(stack.port)]
    ok = subprocess.run(argv, cwd=PROJECT, env=stack.env, capture_output=True, timeout=20)
    assert ok.returncode == 0, ok.stderr
    # The Host header is what makes it pass: a name outside ALLOWED_HOSTS is refused.
    other = stack.env | {"ALLOWED_HOSTS": "not-this-site.example.net"}
    refused = subprocess.run(argv, cwd=PROJECT, env=other, capture_output=True, timeout=20)
    assert refused.returncode == 1
    assert b"answered 400" in refused.stderr


@pytest.mark.parametrize("server", ["stack", "make_run_stack"])
@pytest.mark.parametrize(("accept", "encoding"), [("br, gzip", "br"), ("gzip", "gzip")])
def test_static_files_and_the_spa_go_out_compressed_and_cached_for_good(
    request, server, accept, encoding
):
    stack = request.getfixturevalue(server)
    _status, _headers, login = stack.get("/admin/login/")
    css = re.search(rb'href="(/static/admin/css/base\.[0-9a-f]{12}\.css)"', login)
    assert css, "the admin links its stylesheet by hashed name"
    _status, _headers, index = stack.get("/")
    script = re.search(rb'src="(/assets/[^"]+\.js)"', index)
    assert script
    for url in (css[1].decode(), script[1].decode()):
        status, headers, _body = stack.get(url, **{"Accept-Encoding": accept})
        assert status == 200, url
        assert headers.get("Content-Encoding") == encoding, url
        assert "immutable" in headers["Cache-Control"], url
        assert "Accept-Encoding" in headers.get("Vary", ""), url


@pytest.mark.parametrize("server", ["stack", "make_run_stack"])
def test_index_html_is_not_cached_for_good(request, server):
    stack = request.getfixturevalue(server)
    for path in ("/", "/index.html", "/collection"):
        status, headers, _body = stack.get(path)
        assert status == 200, path
        assert "immutable" not in headers.get("Cache-Control", ""), path


@pytest.mark.parametrize("path", ["/api/docs/", "/api/redoc/"])
def test_the_api_docs_load_nothing_from_another_host(stack, path):
    status, headers, body = stack.get(path)
    assert status == 200
    assert FOREIGN_URL.findall(body.decode()) == []
    csp = headers["Content-Security-Policy"]
    assert "http" not in csp
    assert "*" not in csp
    for src in re.findall(rb'(?:src|href)="([^"]+)"', body):
        assert src.startswith(b"/"), src


def test_one_image_for_every_app_process_and_only_the_proxy_publishes_ports():
    services = COMPOSE["services"]
    app = {name for name, service in services.items() if "omni-stock" in service["image"]}
    assert app == {"migrate", "web", "worker", "beat"}
    assert len({services[name]["image"] for name in app}) == 1
    assert [name for name in app if "build" in services[name]] == ["migrate"]
    assert [name for name, service in services.items() if "ports" in service] == ["proxy"]
    assert all("healthcheck" in services[name] for name in ("web", "worker", "beat"))
    assert services["redis"]["command"][1:3] == ["--appendonly", "yes"]
    assert "media:/data/media" in COMPOSE["x-app"]["volumes"]


def test_the_image_runs_as_a_user_and_its_context_leaves_local_state_out():
    dockerfile = (PROJECT / "Dockerfile").read_text()
    user = re.findall(r"^USER (\S+)$", dockerfile, re.M)
    assert user
    assert user[-1] not in {"root", "0"}
    ignored = (PROJECT / ".dockerignore").read_text().split()
    for pattern in (".git", ".venv", "**/node_modules", ".data", ".env", ".env.*", "frontend/dist"):
        assert pattern in ignored
    assert ignored.index("!.env.example") > ignored.index(".env.*")  # the exception comes last
