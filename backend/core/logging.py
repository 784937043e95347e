"""Logging of every process (web, gunicorn, Celery worker and beat, commands): structlog.

One pipeline renders both structlog's own events and the stdlib records the code writes
with `logging.getLogger(__name__)` (%-args and `extra=` fields included, through
`ProcessorFormatter`'s `foreign_pre_chain`), so call sites stay plain stdlib logging.
Every line carries what is bound in `structlog.contextvars`: the request id of a web
request (core.request_id), the task and request id of a Celery task (omni_stock.celery),
the run, tracker and host of a scrape run (price_history.services.runs).

`json` (the default with DEBUG off): one JSON object per line for a log shipper.
`console` (the default with DEBUG on): readable lines, coloured on a terminal.
"""

from __future__ import annotations

import sys
from typing import Any

import structlog
from structlog.tracebacks import ExceptionDictTransformer

LOG_FORMATS = ("json", "console")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def _shared_processors() -> list[Any]:
    """What every record gets, whether it came from structlog or from stdlib logging."""
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        # Fields passed as `extra=` on a stdlib call become keys of the event.
        structlog.stdlib.ExtraAdder(),
    ]


def _renderer(log_format: str) -> Any:
    if log_format == "json":
        return structlog.processors.JSONRenderer()
    # Plain tracebacks: rich's boxes with local variables are unreadable in a log file.
    return structlog.dev.ConsoleRenderer(
        colors=sys.stderr.isatty(), exception_formatter=structlog.dev.plain_traceback
    )


def formatter(log_format: str) -> structlog.stdlib.ProcessorFormatter:
    """The formatter of the one console handler (also what the tests format records with)."""
    final: list[Any] = [structlog.stdlib.ProcessorFormatter.remove_processors_meta]
    if log_format == "json":
        # A traceback as structured frames, not a multi-line string inside the JSON; no
        # local variables (they hold passwords, tokens, personal data).
        final.append(
            structlog.processors.ExceptionRenderer(ExceptionDictTransformer(show_locals=False))
        )
    final.append(_renderer(log_format))
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=_shared_processors(), processors=final
    )


def logging_config(*, log_format: str, level: str) -> dict[str, Any]:
    """The `LOGGING` dictConfig: one stderr handler at the root, structlog's formatter."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "structlog": {"()": "core.logging.formatter", "log_format": log_format},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "structlog",
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's own handlers (mail to admins, runserver's) would print a second copy.
            "django": {"handlers": [], "level": level, "propagate": True},
            # runserver's request lines: core.http logs every request, with its id.
            "django.server": {"handlers": [], "level": "WARNING", "propagate": True},
            # Gunicorn installs its own handlers; reset here, they propagate to ours. Its
            # access lines are off: `core.http` logs each request, with its request id.
            "gunicorn.error": {"handlers": [], "propagate": True},
            "gunicorn.access": {"handlers": [], "level": "WARNING", "propagate": True},
        },
    }


def configure_structlog() -> None:
    """structlog's own loggers (`structlog.get_logger()`) hand their events to stdlib
    logging, so both kinds go through the handler above."""
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *_shared_processors()[:-1],
            structlog.stdlib.PositionalArgumentsFormatter(),
            structlog.processors.StackInfoRenderer(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


def apply(config: dict[str, Any]) -> None:
    """Install `config` (a process that does not go through Django's setup: gunicorn's
    master, Celery's `setup_logging` signal)."""
    import logging.config

    logging.config.dictConfig(config)
    configure_structlog()


def read_settings(*, log_format: str, level: str, debug: bool) -> tuple[str, str]:
    """Validate LOG_FORMAT / LOG_LEVEL as settings do (ValueError names the variable)."""
    log_format = (log_format or ("console" if debug else "json")).strip().lower()
    if log_format not in LOG_FORMATS:
        raise ValueError(f"LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}, not {log_format!r}.")
    level = (level or "INFO").strip().upper()
    if level not in LOG_LEVELS:
        raise ValueError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, not {level!r}.")
    return log_format, level
