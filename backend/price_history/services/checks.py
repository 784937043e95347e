"""Checking a tracker's page once, saved or not, to show what would be recorded ("test
before saving"). Nothing is stored."""

from __future__ import annotations

from dataclasses import dataclass

import redis

from price_history import gateway
from price_history.gateway import PreparedPrice, ScrapeFailure
from price_history.models import Tracker


class LimiterUnavailableError(Exception):
    """The per-host rate limiter (Redis) cannot be reached; nothing was fetched."""


@dataclass(frozen=True)
class TrackerCheck:
    observations: list[PreparedPrice]
    failure: ScrapeFailure | None = None

    @property
    def ok(self) -> bool:
        return bool(self.observations)


def tracker_check_once(*, tracker: Tracker) -> TrackerCheck:
    """Fetch the tracker's page once, unconditionally, and prepare what it would record.
    A typed scraper failure is the check's answer; Redis trouble raises
    `LimiterUnavailableError`."""
    try:
        result = gateway.fetch(gateway.target_for(tracker, conditional=False))
    except ScrapeFailure as failure:
        return TrackerCheck(observations=[], failure=failure)
    except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as exc:
        raise LimiterUnavailableError() from exc
    return TrackerCheck(observations=gateway.prepare_observations(tracker, result.observations))
