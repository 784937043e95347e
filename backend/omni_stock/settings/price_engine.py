"""Celery and scraping (the price engine, price_history): see docs/price-engine.md."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from omni_stock.settings.base import (
    DEBUG,
    REDIS_SOCKET_TIMEOUT,
    REDIS_URL,
    SPECTACULAR_SETTINGS,
    TIME_ZONE,
    embedded,
    env,
)

# --- Celery and scraping (price engine) --------------------------------------------------
# Workers run one task per tracker (queue `scrape`); beat (exactly one instance) enqueues
# due trackers from the schedule kept in the database (editable in the admin).
# See docs/price-engine.md.

CELERY_BROKER_URL = embedded.celery_broker_url(REDIS_URL)
CELERY_TASK_IGNORE_RESULT = True  # ScrapeJob / ScrapeRun rows are the record of a run
CELERY_RESULT_BACKEND = None
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_DEFAULT_QUEUE = "celery"
# `interactive`: what someone waits for — "test before saving" checks, page photos, a
# notification channel's "send test" (docs/operations.md).
CELERY_TASK_ROUTES = {
    "price_history.tasks.scrape_run": {"queue": "scrape"},
    "price_history.tasks.check_tracker": {"queue": "interactive"},
    "price_history.tasks.fetch_page_image": {"queue": "interactive"},
    "price_history.tasks.search_catalogue": {"queue": "interactive"},
    "notifications.tasks.test_channel": {"queue": "interactive"},
}
# A task is acknowledged only when it finished; a lost worker puts it back in the queue.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Runs wait for their host's booked slot as ETA messages: the worker's timer checks them
# every 0.1 s rather than every second (Celery's default), so a run starts on its slot.
CELERY_WORKER_TIMER_PRECISION = 0.1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# An unacknowledged task is redelivered after this many seconds: every task time limit and
# retry countdown must stay below it, or a slow task would run twice.
CELERY_VISIBILITY_TIMEOUT = env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    "socket_connect_timeout": REDIS_SOCKET_TIMEOUT,
    "socket_timeout": REDIS_SOCKET_TIMEOUT,
}
CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_SOCKET_TIMEOUT
# A request that publishes a task gives up quickly when the broker does not answer.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=900)
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 60
CELERY_RETRY_MAX_COUNTDOWN = 600
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"

# host or host:port entries that bypass the scraper's SSRF guard: only the local demo
# marketplace in development. Never list a host you do not control.
SCRAPER_ALLOWED_HOSTS = env.list(
    "SCRAPER_ALLOWED_HOSTS", default=["127.0.0.1:8765", "localhost:8765"] if DEBUG else []
)
# Where the Discogs source reads the Discogs REST API (the demo marketplace and tests
# point it at their loopback server, which must then be in SCRAPER_ALLOWED_HOSTS).
DISCOGS_API_URL = env.str("DISCOGS_API_URL", default="https://api.discogs.com").rstrip("/")
# Where it reads a release's marketplace listings page (`/sell/release/<id>`, sellers).
DISCOGS_SITE_URL = env.str("DISCOGS_SITE_URL", default="https://www.discogs.com").rstrip("/")
# Where the `ebay_api` source reads the eBay APIs (OAuth token and Browse).
EBAY_API_URL = env.str("EBAY_API_URL", default="https://api.ebay.com").rstrip("/")
# "Find it": where each searchable source's pages are, when not its real site (`make run`
# points them at the demo marketplace): "pricecharting=http://127.0.0.1:8765,cardmarket=…".
CATALOGUE_SITE_URLS = {
    name.strip(): url.strip().rstrip("/")
    for name, url in env.dict("CATALOGUE_SITE_URLS", default={}).items()
    if url.strip()
}
_SEARCH_URLS = [(f"CATALOGUE_SITE_URLS[{k}]", v) for k, v in CATALOGUE_SITE_URLS.items()]
if set(CATALOGUE_SITE_URLS) - {"pricecharting", "cardmarket", "discogs", "ebay_api"}:
    raise ImproperlyConfigured(
        "CATALOGUE_SITE_URLS names pricecharting, cardmarket, discogs or ebay_api only."
    )
for _name, _url in (
    ("DISCOGS_API_URL", DISCOGS_API_URL),
    ("DISCOGS_SITE_URL", DISCOGS_SITE_URL),
    ("EBAY_API_URL", EBAY_API_URL),
    *_SEARCH_URLS,
):
    _parts = urlsplit(_url)
    if _parts.scheme not in ("http", "https") or not _parts.hostname or _parts.query:
        raise ImproperlyConfigured(f"{_name} must be an http(s) URL with no query string.")
# Minimum seconds between the starts of two requests to one host, across all workers
# (Redis limiter; at least half of it after an answer ends).
SCRAPER_MIN_DELAY_SECONDS = env.float("SCRAPER_MIN_DELAY_SECONDS", default=3.0)
# HTTP retries per fetch (connection errors, timeouts, 5xx, 429), inside one task.
SCRAPER_MAX_RETRIES = env.int("SCRAPER_MAX_RETRIES", default=3)
# Beat: each tick (a database schedule, "Scrape due trackers", editable in the admin)
# claims the due trackers SCRAPER_DUE_BATCH at a time (one job and one transaction each),
# at most SCRAPER_DUE_PER_TICK in all (the host limiter sets the scraping pace).
SCRAPER_DUE_BATCH = env.int("SCRAPER_DUE_BATCH", default=500)
SCRAPER_DUE_PER_TICK = env.int("SCRAPER_DUE_PER_TICK", default=20_000)
# A claimed tracker is not due again for this long (its task was lost if it comes back).
SCRAPER_CLAIM_LEASE = timedelta(minutes=env.int("SCRAPER_CLAIM_LEASE_MINUTES", default=30))
# A tracker with a run still queued or running is not claimed again (however long a
# backlog keeps it queued), unless that run's job is older than this: its task was lost.
SCRAPER_QUEUED_RUN_MAX_AGE = timedelta(
    hours=env.int("SCRAPER_QUEUED_RUN_MAX_AGE_HOURS", default=24)
)
# A queued run whose host is busy is sent again with a countdown to the host's booked
# slot instead of holding a worker (per-host fairness); off only to measure the old way.
SCRAPER_DEFER_BUSY_HOSTS = env.bool("SCRAPER_DEFER_BUSY_HOSTS", default=True)
# Failure backoff: next run = now + min(interval * 2**failures, cap); pause after N.
SCRAPER_MAX_BACKOFF = timedelta(hours=env.int("SCRAPER_MAX_BACKOFF_HOURS", default=7 * 24))
SCRAPER_PAUSE_AFTER_FAILURES = env.int("SCRAPER_PAUSE_AFTER_FAILURES", default=6)
TRACKER_MIN_INTERVAL = timedelta(minutes=env.int("TRACKER_MIN_INTERVAL_MINUTES", default=60))
# One check's whole fetch (retries, robots.txt, waiting for the host) ends by this deadline:
# a run still "running" past its lease (deadline + 60 s) lost its worker and is queued
# again by beat, at most SCRAPER_RUN_MAX_ATTEMPTS starts in all.
SCRAPER_RUN_DEADLINE_SECONDS = env.float("SCRAPER_RUN_DEADLINE_SECONDS", default=120.0)
SCRAPER_RUN_LEASE = timedelta(seconds=SCRAPER_RUN_DEADLINE_SECONDS + 60)
SCRAPER_RUN_MAX_ATTEMPTS = env.int("SCRAPER_RUN_MAX_ATTEMPTS", default=3)
# "Test before saving": run on the worker, answered within this deadline (no retries), and
# throttled per user. Trackers per item are capped (items per vendor: inventory's rule).
SCRAPER_CHECK_DEADLINE_SECONDS = env.float("SCRAPER_CHECK_DEADLINE_SECONDS", default=15.0)
TRACKER_CHECK_THROTTLE_RATE = env.str("TRACKER_CHECK_THROTTLE_RATE", default="6/min")
TRACKER_MAX_PER_ITEM = env.int("TRACKER_MAX_PER_ITEM", default=50)
# A collection's "refresh all" (POST vendors/{id}/refresh-prices) queues at most this many
# trackers at once (the longest unchecked first), and runs once per collection per interval.
VENDOR_REFRESH_MAX_TRACKERS = env.int("VENDOR_REFRESH_MAX_TRACKERS", default=500)
VENDOR_REFRESH_INTERVAL = timedelta(minutes=env.int("VENDOR_REFRESH_INTERVAL_MINUTES", default=10))

if SCRAPER_MIN_DELAY_SECONDS < 0:
    raise ImproperlyConfigured("SCRAPER_MIN_DELAY_SECONDS must not be negative.")
if timedelta(hours=1) > TRACKER_MIN_INTERVAL:
    raise ImproperlyConfigured("TRACKER_MIN_INTERVAL_MINUTES must be at least 60.")
if min(SCRAPER_PAUSE_AFTER_FAILURES, SCRAPER_DUE_BATCH, SCRAPER_DUE_PER_TICK) < 1:
    raise ImproperlyConfigured(
        "SCRAPER_PAUSE_AFTER_FAILURES, SCRAPER_DUE_BATCH and SCRAPER_DUE_PER_TICK must be >= 1."
    )
if VENDOR_REFRESH_MAX_TRACKERS < 1 or timedelta(minutes=1) > VENDOR_REFRESH_INTERVAL:
    raise ImproperlyConfigured(
        "VENDOR_REFRESH_MAX_TRACKERS and VENDOR_REFRESH_INTERVAL_MINUTES must be >= 1."
    )
_rate_count, _, _rate_period = TRACKER_CHECK_THROTTLE_RATE.partition("/")
if not (
    1 <= SCRAPER_CHECK_DEADLINE_SECONDS <= 60
    and 10 <= SCRAPER_RUN_DEADLINE_SECONDS <= CELERY_TASK_SOFT_TIME_LIMIT - 120
    and min(TRACKER_MAX_PER_ITEM, SCRAPER_RUN_MAX_ATTEMPTS) >= 1
    and _rate_count.isdigit()
    and _rate_period[:1] in ("s", "m", "h", "d")
):
    raise ImproperlyConfigured(
        "Check the price engine's limits: SCRAPER_CHECK_DEADLINE_SECONDS 1-60, "
        "SCRAPER_RUN_DEADLINE_SECONDS 10 to CELERY_TASK_TIME_LIMIT - 180, TRACKER_MAX_PER_ITEM "
        "and SCRAPER_RUN_MAX_ATTEMPTS >= 1, TRACKER_CHECK_THROTTLE_RATE like 6/min."
    )
if max(CELERY_TASK_TIME_LIMIT, CELERY_RETRY_MAX_COUNTDOWN) >= CELERY_VISIBILITY_TIMEOUT:
    raise ImproperlyConfigured(
        "CELERY_VISIBILITY_TIMEOUT must exceed CELERY_TASK_TIME_LIMIT and the longest retry "
        f"countdown ({CELERY_RETRY_MAX_COUNTDOWN} s), or tasks would be delivered twice."
    )

SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(  # type: ignore[attr-defined]
    {
        "PriceConditionEnum": "price_history.models.PriceCondition",
        "PriceSourceEnum": "price_history.models.PriceSource",
        "TrackerSourceEnum": "price_history.models.TrackerSource",
        "TrackerStatusEnum": "price_history.models.TRACKER_STATUSES",
        "ScrapeJobKindEnum": "price_history.models.JobKind",
        "ScrapeJobStatusEnum": "price_history.models.JobStatus",
        "ScrapeRunStatusEnum": "price_history.models.RunStatus",
        "PriceIntervalEnum": "price_history.selectors.INTERVALS",
    }
)
