"""``python -m scraper.demo_marketplace [--host 127.0.0.1] [--port 8765]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date

from scraper.demo_marketplace.catalogue import CATALOGUE
from scraper.demo_marketplace.server import make_server, utc_today


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scraper.demo_marketplace",
        description="Serve the Omni-Stock demo marketplace (local demo data only).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 = any)")
    parser.add_argument(
        "--day",
        type=date.fromisoformat,
        default=None,
        help="freeze the prices at this day (YYYY-MM-DD) instead of today (UTC)",
    )
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)

    frozen: date | None = args.day
    today: Callable[[], date] = (lambda: frozen) if frozen is not None else utc_today
    try:
        server = make_server(args.host, args.port, today=today, verbose=args.verbose)
    except OSError as exc:
        print(f"demo marketplace: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    print(
        f"Demo marketplace serving {len(CATALOGUE)} products on {server.base_url}/ "
        "(Ctrl-C to stop)",
        flush=True,
    )
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
