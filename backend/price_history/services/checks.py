"""Checking a tracker's page once, saved or not, to show what would be recorded ("test
before saving"). Nothing is stored.

The web process never fetches: `tracker_check_once` sends the tracker's fields to a worker
(task `check_tracker`, queue `interactive`) and waits for its answer at most
SCRAPER_CHECK_DEADLINE_SECONDS; the worker runs `tracker_check_execute` under that same
deadline, with no retries and a short wait for the host's politeness slot.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

import redis
from django.conf import settings

from price_history import gateway, queue
from price_history.gateway import PreparedPrice, ScrapeFailure
from price_history.models import Tracker

logger = logging.getLogger(__name__)

#: What a worker needs of a tracker to check it (the currency is the one to assume).
CHECK_FIELDS = ("url", "source", "selector", "attribute", "condition", "currency")
LIMITER_UNAVAILABLE = "limiter_unavailable"


class LimiterUnavailableError(Exception):
    """The per-host rate limiter (Redis) cannot be reached; nothing was fetched."""


class CheckUnavailableError(Exception):
    """No worker answered within the deadline (none is consuming `interactive`, or all
    are busy); the check may still run, but nobody waits for it any more."""


@dataclass(frozen=True)
class CheckFailure:
    kind: str
    message: str
    #: The sentence's code and values (price_history.failure_texts), when the scraper gave them.
    code: str = ""
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TrackerCheck:
    observations: list[PreparedPrice]
    failure: CheckFailure | None = None

    @property
    def ok(self) -> bool:
        return bool(self.observations)


def _request_for(tracker: Tracker) -> dict[str, str]:
    fields = {name: getattr(tracker, name) or "" for name in CHECK_FIELDS}
    fields["currency"] = gateway.currency_hint_for(tracker)
    return fields


def _answer_of(check: TrackerCheck) -> dict[str, Any]:
    return {
        "observations": [
            {
                **asdict(price),
                "price": str(price.price),
                "observed_at": price.observed_at.isoformat(),
                "shipping": None if price.shipping is None else str(price.shipping),
            }
            for price in check.observations
        ],
        "failure": None if check.failure is None else asdict(check.failure),
    }


def _check_of(answer: dict[str, Any]) -> TrackerCheck:
    failure = answer.get("failure")
    return TrackerCheck(
        observations=[
            PreparedPrice(
                **{
                    **price,
                    "price": Decimal(price["price"]),
                    "observed_at": datetime.fromisoformat(price["observed_at"]),
                    "shipping": None
                    if price.get("shipping") is None
                    else Decimal(price["shipping"]),
                }
            )
            for price in answer.get("observations", [])
        ],
        failure=None if failure is None else CheckFailure(**failure),
    )


def worker_answer(answer: dict[str, Any] | None) -> dict[str, Any]:
    """A worker's answer to a request someone waits for (queue `interactive`), or why
    there is none: `CheckUnavailableError` when it did not come in time,
    `LimiterUnavailableError` when the worker could not reach the host limiter."""
    if answer is None:
        raise CheckUnavailableError()
    if answer.get("error") == LIMITER_UNAVAILABLE:
        raise LimiterUnavailableError()
    return answer


def worker_reply(work: Callable[[], dict[str, Any]], *, doing: str, sorry: str) -> dict[str, Any]:
    """On the worker: `work()`'s answer for someone waiting, or why there is none — the
    fetch's typed failure, the host limiter unreachable (`worker_answer` raises it on the
    web), or an unexpected error, logged, as `internal_error` with the sentence `sorry`.
    `doing` ("searching discogs") names the work in the logs."""
    try:
        return work()
    except ScrapeFailure as failure:
        return {"failure": asdict(_failure_of(failure))}
    except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as exc:
        logger.warning("Host limiter unavailable while %s: %s", doing, exc)
        return {"error": LIMITER_UNAVAILABLE}
    except Exception:
        logger.exception("Unexpected error while %s", doing)
        return {"failure": {"kind": gateway.INTERNAL_ERROR, "message": sorry}}


def _failure_of(failure: ScrapeFailure) -> CheckFailure:
    return CheckFailure(failure.kind.value, failure.message, failure.code, failure.params)


def tracker_check_once(*, tracker: Tracker) -> TrackerCheck:
    """Have a worker fetch the tracker's page once, unconditionally, and answer what it
    would record, or why not (a typed failure, `timeout` when the site is too slow for
    the deadline). Raises `QueueUnavailableError` when the task cannot be sent,
    `CheckUnavailableError` when no answer came in time and `LimiterUnavailableError`
    when the worker could not reach the host limiter."""
    answer = queue.request_check(
        _request_for(tracker), timeout=settings.SCRAPER_CHECK_DEADLINE_SECONDS
    )
    return _check_of(worker_answer(answer))


def tracker_check_execute(*, request: dict[str, Any], timeout: float) -> dict[str, Any]:
    """On the worker: check the page of the tracker described by `request` (see
    CHECK_FIELDS) within `timeout` seconds and return the answer for the web (JSON)."""
    tracker = Tracker(**{name: str(request.get(name) or "") for name in CHECK_FIELDS})
    try:
        result = gateway.fetch_now(gateway.target_for(tracker, conditional=False), timeout=timeout)
    except ScrapeFailure as failure:
        check = TrackerCheck([], _failure_of(failure))
    except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as exc:
        logger.warning("Host limiter unavailable for a check of %s: %s", tracker.url, exc)
        return {"error": LIMITER_UNAVAILABLE}
    except Exception:
        logger.exception("Unexpected error while checking %s", tracker.url)
        message = "Something went wrong on our side while checking this page."
        check = TrackerCheck([], CheckFailure(gateway.INTERNAL_ERROR, message))
    else:
        check = TrackerCheck(gateway.prepare_observations(tracker, result.observations))
    return _answer_of(check)
