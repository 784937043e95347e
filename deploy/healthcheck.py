"""Container health checks of docker-compose.yml, cheap enough to run every few seconds
(standard library only, no Django start-up).

    python deploy/healthcheck.py web [--port 8000]
        GET /healthz on this container's gunicorn, with a Host header taken from
        ALLOWED_HOSTS: Django answers 400 to any other host, and exempting a path from
        host validation would let anyone reach it under any name. /healthz is exempt
        from the HTTPS redirect, so plain HTTP on loopback is enough.
    python deploy/healthcheck.py beat [--max-age 60]
        The beat loop touched BEAT_HEARTBEAT_FILE (omni_stock.beat) within --max-age s.

Exit status 0 means healthy; otherwise the reason is printed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import urllib.error
import urllib.request

DEFAULT_HEARTBEAT_FILE = "/tmp/omni-stock-beat.heartbeat"  # noqa: S108 (a container's own /tmp)


def allowed_host(allowed_hosts: str) -> str:
    """A concrete name Django accepts: the first of ALLOWED_HOSTS, a leading-dot pattern
    (`.example.com`) as its bare domain, `*` or nothing as localhost."""
    for entry in (part.strip() for part in allowed_hosts.split(",")):
        if entry and entry != "*":
            return entry.lstrip(".")
    return "localhost"


def check_web(port: int) -> str | None:
    host = allowed_host(os.environ.get("ALLOWED_HOSTS", ""))
    request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=4) as response:  # noqa: S310
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except OSError as exc:
        return f"web: no answer on port {port}: {exc}"
    return None if status == 200 else f"web: /healthz answered {status} for Host {host}"


def check_beat(max_age: float) -> str | None:
    path = os.environ.get("BEAT_HEARTBEAT_FILE", DEFAULT_HEARTBEAT_FILE)
    try:
        age = time.time() - os.stat(path).st_mtime
    except OSError:
        return f"beat: no heartbeat file {path}"
    return None if age <= max_age else f"beat: last tick {age:.0f} s ago (> {max_age:.0f} s)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    sub = parser.add_subparsers(dest="process", required=True)
    web = sub.add_parser("web")
    web.add_argument("--port", type=int, default=8000)
    beat = sub.add_parser("beat")
    beat.add_argument("--max-age", type=float, default=60.0)
    args = parser.parse_args(argv)
    problem = check_web(args.port) if args.process == "web" else check_beat(args.max_age)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
