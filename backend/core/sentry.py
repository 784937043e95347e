"""Optional error tracking: with SENTRY_DSN set, sentry-sdk reports unhandled errors of the
web process and of Celery tasks; unset, sentry_sdk is never even imported.

Settings call `read_settings` (validation, start-up fails on a bad value) and then `init`.
No personal data is sent (`send_default_pii=False`: no user e-mail, no IP, no cookies);
request bodies are left out as well.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SentrySettings:
    dsn: str
    environment: str
    release: str | None
    traces_sample_rate: float


def read_settings(
    *, dsn: str, environment: str, release: str, traces_sample_rate: str, debug: bool
) -> SentrySettings | None:
    """None when SENTRY_DSN is empty; ValueError naming the variable on a bad value."""
    dsn = dsn.strip()
    if not dsn:
        return None
    from sentry_sdk.utils import BadDsn, Dsn

    try:
        Dsn(dsn)
    except BadDsn as exc:
        raise ValueError(f"SENTRY_DSN is not a valid Sentry DSN: {exc}") from None
    try:
        rate = float(traces_sample_rate or "0")
    except ValueError:
        rate = -1.0
    if not 0.0 <= rate <= 1.0:
        raise ValueError(
            f"SENTRY_TRACES_SAMPLE_RATE must be a number from 0 to 1, not {traces_sample_rate!r}."
        )
    environment = environment.strip() or ("development" if debug else "production")
    if len(environment) > 64 or not environment.isprintable() or "/" in environment:
        raise ValueError("SENTRY_ENVIRONMENT must be at most 64 printable characters, no '/'.")
    release = release.strip()
    if len(release) > 200 or not release.isprintable():
        raise ValueError("SENTRY_RELEASE must be at most 200 printable characters.")
    return SentrySettings(dsn, environment, release or None, rate)


def init(config: SentrySettings) -> None:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=config.dsn,
        environment=config.environment,
        release=config.release,
        traces_sample_rate=config.traces_sample_rate,
        send_default_pii=False,
        max_request_body_size="never",
        integrations=[DjangoIntegration(), CeleryIntegration(monitor_beat_tasks=False)],
    )
