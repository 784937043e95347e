"""Command line: ``python -m scraper URL [--source S] [--selector CSS] [--json]``.

Fetches the page (politely and through the SSRF guard) and prints its observations.
On failure prints ``<kind>: <message>`` on stderr and exits with status 2.
``--file PAGE.html`` extracts from a saved page instead of fetching (no network).
``--source discogs`` (chosen by default for discogs.com) reads the Discogs API with the
token in ``$DISCOGS_TOKEN`` (or ``--token``; the environment keeps it out of the shell
history); ``--api-url`` / ``$DISCOGS_API_URL`` points it at another server, and
``$DISCOGS_SITE_URL`` the release's listings page (default ``https://www.discogs.com``).
``--source ebay_api`` reads the eBay Browse API with ``$EBAY_CLIENT_ID`` and
``$EBAY_CLIENT_SECRET`` (or ``--client-id`` / ``--client-secret``; ``$EBAY_API_URL``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from scraper.http import FetchSettings
from scraper.pipeline import FetchTarget, filter_condition, scrape
from scraper.sources import SOURCES, extract, resolve_source, source_options
from scraper.types import Observation, ScrapeFailure, Secret

_API_URL_ENV = {"discogs": "DISCOGS_API_URL", "ebay_api": "EBAY_API_URL"}
EXIT_OK = 0
EXIT_FAILURE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m scraper", description="Fetch a product page and print its prices."
    )
    parser.add_argument("url", help="page to check (http or https)")
    parser.add_argument("--source", choices=sorted(SOURCES), help="adapter (default: by host)")
    parser.add_argument("--selector", help="CSS selector of the price (css source)")
    parser.add_argument("--attribute", help="read this attribute of the selected element")
    parser.add_argument("--condition", help="keep only this condition (e.g. loose, cib, new)")
    parser.add_argument("--currency", help="ISO currency for '$' or unmarked prices")
    parser.add_argument("--language", help="card language code, e.g. en, ja (cardmarket)")
    parser.add_argument("--finish", help="card finish, e.g. non_foil, foil (cardmarket)")
    parser.add_argument("--token", help="Discogs personal access token (default: $DISCOGS_TOKEN)")
    parser.add_argument(
        "--client-id", help="eBay application client id, ebay_api (default: $EBAY_CLIENT_ID)"
    )
    parser.add_argument(
        "--client-secret",
        help="eBay application client secret, ebay_api (default: $EBAY_CLIENT_SECRET; the "
        "environment keeps it out of the shell history)",
    )
    parser.add_argument(
        "--api-url",
        help="API base URL of an API source (default: $DISCOGS_API_URL / $EBAY_API_URL, "
        "else the real one)",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    parser.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="HOST[:PORT]",
        help="bypass the private-address guard for this host (development; repeatable)",
    )
    parser.add_argument(
        "--min-delay", type=float, default=3.0, help="seconds between requests to one host"
    )
    parser.add_argument("--timeout", type=float, default=20.0, help="read timeout in seconds")
    parser.add_argument("--file", type=Path, help="extract from this saved HTML (no network)")
    return parser


def _print(observations: list[Observation], as_json: bool) -> None:
    if as_json:
        print(json.dumps([o.to_dict() for o in observations], ensure_ascii=False, indent=2))
        return
    for o in observations:
        parts = [
            f"{o.price.amount} {o.price.currency or '???'}",
            o.condition or "-",
            o.availability or "-",
            o.title or "",
        ]
        print("  ".join(parts).rstrip())


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    card = {k: v for k, v in {"language": args.language, "finish": args.finish}.items() if v}
    # Keys from the environment keep them out of the shell history; each source takes
    # only the options it declares.
    source = resolve_source(args.url, args.source, args.selector)
    api = {
        "token": Secret(args.token or os.environ.get("DISCOGS_TOKEN", "")),
        "client_id": Secret(args.client_id or os.environ.get("EBAY_CLIENT_ID", "")),
        "client_secret": Secret(args.client_secret or os.environ.get("EBAY_CLIENT_SECRET", "")),
        "api_url": args.api_url or os.environ.get(_API_URL_ENV.get(source, ""), ""),
        # The Discogs marketplace pages (listings with sellers) beside its API.
        "site_url": os.environ.get("DISCOGS_SITE_URL", "") if source == "discogs" else "",
    }
    api = {k: v for k, v in api.items() if v}
    target = FetchTarget(
        url=args.url,
        source=args.source,
        selector=args.selector,
        attribute=args.attribute,
        condition=args.condition,
        currency_hint=args.currency,
        options={**card, **api},
    )
    try:
        if args.file is not None:
            options = {
                k: v
                for k, v in {
                    "selector": args.selector,
                    "attribute": args.attribute,
                    "currency_hint": args.currency,
                }.items()
                if v
            }
            options.update(source_options(args.url, args.source, args.selector, card))
            html = args.file.read_text(encoding="utf-8", errors="replace")
            observations = filter_condition(
                extract(html, args.url, args.source, **options), args.condition
            )
        else:
            settings = FetchSettings(
                allowed_hosts=frozenset(args.allow_host),
                min_host_delay=max(0.0, args.min_delay),
                read_timeout=args.timeout,
            )
            observations = asyncio.run(scrape(target, settings=settings)).observations
    except ScrapeFailure as failure:
        if args.json:
            print(json.dumps(failure.to_dict(), ensure_ascii=False), file=sys.stderr)
        else:
            print(f"{failure.kind.value}: {failure.message}", file=sys.stderr)
        return EXIT_FAILURE
    _print(observations, args.json)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
