"""`make run`: migrate, seed the demo, then run every process of the app until Ctrl-C.

This process owns the embedded PostgreSQL and Redis (started by settings when
DATABASE_URL / REDIS_URL are unset) and hands their URLs to the children, so web,
worker and beat share one pair and everything stops together.
"""

import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from honcho.manager import Manager
from honcho.printer import Printer

from devtools.demo_data import DEMO_EMAIL, DEMO_PASSWORD
from devtools.processes import gunicorn_argv


def database_url() -> str:
    db = settings.DATABASES["default"]
    host = db["HOST"]
    if host.startswith("/"):  # unix socket directory of the embedded server
        host = quote(host, safe="")
    port = f":{db['PORT']}" if db.get("PORT") else ""
    auth = quote(db["USER"], safe="")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"], safe="")
    return f"postgres://{auth}@{host}{port}/{db['NAME']}"


def demo_discogs_env(marketplace_url: str) -> dict[str, str]:
    """The Discogs source's API and site on the demo marketplace (its demo tracker's
    release), for each of the two the operator did not set."""
    wanted = {
        "DISCOGS_API_URL": f"{marketplace_url}/discogs-api",
        "DISCOGS_SITE_URL": f"{marketplace_url}/discogs",
    }
    return {name: url for name, url in wanted.items() if not os.environ.get(name)}


def demo_ebay_env(marketplace_url: str) -> dict[str, str]:
    """The `ebay_api` source's eBay APIs on the demo marketplace (its demo tracker's
    listing), unless the operator set EBAY_API_URL."""
    if os.environ.get("EBAY_API_URL"):
        return {}
    return {"EBAY_API_URL": f"{marketplace_url}/ebay-api"}


def demo_catalogue_env(marketplace_url: str) -> dict[str, str]:
    """ "Find it" on the demo marketplace's PriceCharting- and Cardmarket-like searches (and
    its eBay listings' pages, for the eBay API's matches), unless the operator set
    CATALOGUE_SITE_URLS."""
    if os.environ.get("CATALOGUE_SITE_URLS"):
        return {}
    sites = (
        f"pricecharting={marketplace_url},cardmarket={marketplace_url}/cardmarket,"
        f"ebay_api={marketplace_url}/ebay"
    )
    return {"CATALOGUE_SITE_URLS": sites}


def demo_env(marketplace: str) -> dict[str, str]:
    """What the demo needs of the settings: its marketplace on loopback, which the SSRF
    guard refuses unless listed, and the API sources pointed at it."""
    hosts = dict.fromkeys([*settings.SCRAPER_ALLOWED_HOSTS, marketplace])
    return {
        "SCRAPER_ALLOWED_HOSTS": ",".join(hosts),
        **demo_discogs_env(f"http://{marketplace}"),
        **demo_ebay_env(f"http://{marketplace}"),
        **demo_catalogue_env(f"http://{marketplace}"),
    }


def write_shared_env(path: Path, values: dict[str, str]) -> None:
    """The demo's settings for `manage.py` in another shell (settings read the file in
    DEBUG while this process, named in it, runs)."""
    lines = [f"RUN_STACK_PID={os.getpid()}", *(f"{k}={v}" for k, v in values.items())]
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_text("\n".join(lines) + "\n", encoding="utf-8")
    partial.replace(path)


def collect_static(env: dict[str, str]) -> None:
    """`collectstatic` with the processes' settings (STATIC_COLLECTED: hashed, compressed),
    which this process, started with DEBUG's source-serving storage, does not have."""
    manage = str(settings.BACKEND_DIR / "manage.py")
    subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, manage, "collectstatic", "--noinput", "--verbosity", "0"],
        env=env,
        check=True,
    )


class Command(BaseCommand):
    help = "Run the whole app (web, Celery worker and beat, demo marketplace) on this machine."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-seed", action="store_true", help="Skip loading the demo data.")
        parser.add_argument(
            "--marketplace-port", type=int, default=8765, help="Port of the local demo marketplace."
        )
        parser.add_argument(
            "--no-frontend-build", action="store_true", help="Accepted for `make dev`; no effect."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        if not options["no_seed"]:
            marketplace_url = f"http://127.0.0.1:{options['marketplace_port']}"
            call_command("seed_demo", marketplace_url=marketplace_url, verbosity=0)

        demo = demo_env(f"127.0.0.1:{options['marketplace_port']}")
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "REDIS_URL": settings.REDIS_URL,
            "DJANGO_SETTINGS_MODULE": "omni_stock.settings",
            # Static files and the SPA served as in production: hashed, compressed, cached.
            "STATIC_COLLECTED": "true",
            **demo,
        }
        collect_static(env)
        backend_dir = str(settings.BACKEND_DIR)
        project_dir = str(settings.PROJECT_DIR)
        bind = f"{options['host']}:{options['port']}"
        python = shlex.quote(sys.executable)
        celery = f"{python} -m celery --workdir {shlex.quote(backend_dir)} -A omni_stock"
        processes = {
            "web": (shlex.join(gunicorn_argv(bind=bind)), backend_dir),
            "worker": (
                f"{celery} worker -Q scrape,celery,interactive --concurrency 2 --loglevel INFO",
                backend_dir,
            ),
            "beat": (f"{celery} beat --loglevel INFO", backend_dir),
            "marketplace": (
                f"{python} -m scraper.demo_marketplace --host 127.0.0.1 --port {options['marketplace_port']}",
                project_dir,
            ),
        }

        base = f"http://{bind}"
        self.stdout.write(
            self.style.SUCCESS("\nOmni-Stock is starting.\n")
            + f"  App:        {base}/\n"
            + f"  API docs:   {base}/api/docs/   (Redoc: {base}/api/redoc/)\n"
            + f"  Admin:      {base}/admin/\n"
            + f"  Demo shop:  http://127.0.0.1:{options['marketplace_port']}/ (the demo trackers' pages)\n"
            + f"  Demo login: {DEMO_EMAIL} / {DEMO_PASSWORD}\n"
            + "  Press Ctrl-C to stop everything.\n"
        )
        manager = Manager(Printer(sys.stdout))
        for name, (command, cwd) in processes.items():
            manager.add_process(name, command, env=env, cwd=cwd)
        write_shared_env(settings.RUN_STACK_ENV_FILE, demo)
        try:
            manager.loop()
        finally:
            settings.RUN_STACK_ENV_FILE.unlink(missing_ok=True)
        sys.exit(manager.returncode)
