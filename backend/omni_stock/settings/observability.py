"""Logs, errors and metrics: see docs/operations.md ("Logs, errors and metrics")."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from core import logging as core_logging
from core import sentry as core_sentry
from omni_stock.settings.base import DEBUG, env

# --- Logs, errors and metrics ------------------------------------------------------------


def _read() -> tuple[str, str, core_sentry.SentrySettings | None]:
    """A bad value stops start-up with a message naming the variable."""
    try:
        log_format, level = core_logging.read_settings(
            log_format=env.str("LOG_FORMAT", default=""),
            level=env.str("LOG_LEVEL", default="INFO"),
            debug=DEBUG,
        )
        sentry = core_sentry.read_settings(
            dsn=env.str("SENTRY_DSN", default=""),
            environment=env.str("SENTRY_ENVIRONMENT", default=""),
            release=env.str("SENTRY_RELEASE", default=""),
            traces_sample_rate=env.str("SENTRY_TRACES_SAMPLE_RATE", default="0"),
            debug=DEBUG,
        )
    except ValueError as exc:
        raise ImproperlyConfigured(str(exc)) from None
    return log_format, level, sentry


LOG_FORMAT, LOG_LEVEL, SENTRY = _read()
LOGGING = core_logging.logging_config(log_format=LOG_FORMAT, level=LOG_LEVEL)
# `Authorization: Bearer <token>` opens GET /metrics; unset with DEBUG off, staff only.
METRICS_TOKEN = env.str("METRICS_TOKEN", default="").strip()
if METRICS_TOKEN and (len(METRICS_TOKEN) < 32 or not METRICS_TOKEN.isascii()):
    raise ImproperlyConfigured("METRICS_TOKEN must be at least 32 ASCII characters.")
# The window of the scrape-run metrics (runs finished in the last N minutes).
METRICS_WINDOW_MINUTES = env.int("METRICS_WINDOW_MINUTES", default=60)
if not 1 <= METRICS_WINDOW_MINUTES <= 1440:
    raise ImproperlyConfigured("METRICS_WINDOW_MINUTES must be between 1 and 1440.")
core_logging.configure_structlog()
if SENTRY is not None:
    core_sentry.init(SENTRY)
