"""Collection value (valuation): see docs/valuation.md."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from omni_stock.settings.base import SPECTACULAR_SETTINGS, env

# --- Collection value (valuation) --------------------------------------------------------
# See docs/valuation.md. Exchange rates: the ECB's daily reference rates (beat task
# "Fetch ECB exchange rates"); values: daily snapshots (beat task "Snapshot collection values").

# A price older than this many days is flagged stale on the dashboard.
VALUATION_STALE_AFTER_DAYS = env.int("VALUATION_STALE_AFTER_DAYS", default=14)
# A rate is used for a day only if published at most this many days before it (the ECB
# publishes none on weekends and holidays); older → the amount is "unconvertible".
VALUATION_RATE_MAX_AGE_DAYS = env.int("VALUATION_RATE_MAX_AGE_DAYS", default=10)
VALUATION_ECB_URL = env.str(
    "VALUATION_ECB_URL",
    default="https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml",
)
VALUATION_HTTP_TIMEOUT_SECONDS = env.float("VALUATION_HTTP_TIMEOUT_SECONDS", default=20.0)
# A Celery worker starting with rates older than VALUATION_RATE_MAX_AGE_DAYS queues one
# fetch (valuation.tasks.fetch_rates_if_stale); off for stacks that must stay offline.
VALUATION_FETCH_RATES_ON_START = env.bool("VALUATION_FETCH_RATES_ON_START", default=True)

if VALUATION_STALE_AFTER_DAYS < 1 or VALUATION_RATE_MAX_AGE_DAYS < 0:
    raise ImproperlyConfigured(
        "VALUATION_STALE_AFTER_DAYS must be >= 1 and VALUATION_RATE_MAX_AGE_DAYS >= 0."
    )
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(  # type: ignore[attr-defined]
    {
        "ValueBasisEnum": "valuation.rules.VALUE_BASES",
        "ValueHistoryRangeEnum": "valuation.selectors.history.RANGES",
    }
)
# --- end of collection value -------------------------------------------------------------
