"""`manage.py load_exchange_rates`: store ECB reference rates from saved files or the ECB."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from valuation.ecb import EcbFormatError
from valuation.services import (
    DEMO_RATE_FILES,
    RatesLoaded,
    RatesUnavailableError,
    exchange_rates_fetch,
    load_exchange_rates_from_file,
)

HISTORY_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.xml"


class Command(BaseCommand):
    help = (
        "Store ECB euro reference rates. Default: the offline copies shipped with the app "
        "(no network). --fetch downloads the last 90 days; --history everything since 1999 "
        "(for old purchase dates); --file loads saved ECB XML files."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--file", nargs="+", help="ECB XML files (daily, 90-day or history).")
        group.add_argument("--fetch", action="store_true", help="Download the last 90 days.")
        group.add_argument("--history", action="store_true", help="Download the full history.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["fetch"] or options["history"]:
                url = HISTORY_URL if options["history"] else None
                loaded = [exchange_rates_fetch(url=url)]
            else:
                loaded = load_exchange_rates_from_file(paths=options["file"] or DEMO_RATE_FILES)
        except (EcbFormatError, RatesUnavailableError, OSError) as exc:
            raise CommandError(f"Nothing was stored: {exc}") from exc
        for batch in loaded:
            self._report(batch)

    def _report(self, loaded: RatesLoaded) -> None:
        self.stdout.write(
            f"Stored {loaded.rates} rates for {loaded.days} days "
            f"({loaded.first_day} to {loaded.last_day})."
        )
