"""Per-host fairness of scrape runs: a run whose host is busy does not hold a worker.

Politeness allows one request per host every SCRAPER_MIN_DELAY_SECONDS, so a worker that
took a run of a busy host would sit in the host limiter while runs of other hosts wait
in the queue. Instead, before a queued run starts, its task books the host's next free
slot (`RedisHostLimiter.book`: one atomic step in Redis, so the runs of one host are
spread one delay apart instead of all waiting for the same slot). A slot within
HOST_WAIT_TOLERANCE runs now; a later one sends the task again with a countdown to it
and frees the worker for the next message. On arrival the task checks the host once
more, without booking: still busy (a slower request, an interactive check took the slot),
it is deferred to when the host is free, keeping its place (no hole in the bookings).
The limiter's slot, entered by the fetch itself, still alone enforces politeness.
The beat's claims are queued one host after the other in turn (`interleave_by_host`).
"""

from __future__ import annotations

import itertools
import time
from collections import defaultdict
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings

from core import event_loop
from price_history import gateway
from price_history.models import RunStatus, ScrapeRun, Tracker

#: A run whose host is free within this many seconds starts now (its fetch then waits
#: in the host limiter about that long at most); a later slot defers it.
HOST_WAIT_TOLERANCE = 0.25


class HostBusyError(Exception):
    """A started run's host was not free within HOST_WAIT_TOLERANCE (its own robots.txt
    request took the slot, or someone else's check did): the page was not requested and
    the run is queued again."""

    def __init__(self, host: str) -> None:
        super().__init__(f"{host} is busy")
        self.host = host


def url_host(url: str | None) -> str:
    try:
        return (urlsplit(url).hostname or "").lower() if url else ""
    except ValueError:
        return ""


def interleave_by_host(trackers: Iterable[Tracker]) -> list[Tracker]:
    """One tracker of each host in turn (in their order within each host), so that the
    queue starts every host's first run at once instead of one host's runs in a row."""
    by_host: dict[str, list[Tracker]] = defaultdict(list)
    for tracker in trackers:
        by_host[url_host(tracker.url)].append(tracker)
    rounds = itertools.zip_longest(*by_host.values())
    return [tracker for row in rounds for tracker in row if tracker is not None]


async def _book(host: str, reserve: bool) -> float:
    return await gateway.host_limiter(acquire_timeout=0).book(host, reserve=reserve)


async def _book_many(hosts: list[str]) -> list[float]:
    """Book each host's runs in turn, the hosts' first slots spread over one delay: the
    k-th slots of 50 hosts would otherwise all fall due at the same moment, a burst the
    workers drain one by one while the last hosts' runs start late, on every round. The
    spread costs no host its bound: its last run still starts within runs * delay."""
    limiter = gateway.host_limiter(acquire_timeout=0)
    distinct = list(dict.fromkeys(hosts))
    step = settings.SCRAPER_MIN_DELAY_SECONDS / len(distinct) if distinct else 0.0
    first = {host: position * step for position, host in enumerate(distinct)}
    return [await limiter.book(host, after=first.pop(host, 0.0)) for host in hosts]


def runs_book(runs: list[tuple[int, str]]) -> list[tuple[int, float | None]]:
    """Book a slot for each (run id, tracker URL), in order: [(run id, slot or None)];
    None: now (within HOST_WAIT_TOLERANCE), or deferral is off, or the URL has no host.
    Published with their slots, the runs wait as ETA messages, not in the queue's line."""
    if not settings.SCRAPER_DEFER_BUSY_HOSTS or not runs:
        return [(run_id, None) for run_id, _ in runs]
    hosts = [url_host(url) for _, url in runs]
    now = time.time()
    waits = iter(event_loop.run(_book_many([host for host in hosts if host])))
    slots: list[tuple[int, float | None]] = []
    for (run_id, _), host in zip(runs, hosts, strict=True):
        wait = next(waits) if host else 0.0
        slots.append((run_id, now + wait if wait > HOST_WAIT_TOLERANCE else None))
    return slots


def host_wait(host: str, *, reserve: bool) -> float:
    """Seconds until `host` may be visited (0: now); with `reserve`, book that slot."""
    return event_loop.run(_book(host, reserve))


def host_book(host: str) -> float:
    """Book `host`'s next free slot: its time (epoch seconds)."""
    return time.time() + host_wait(host, reserve=True)


def scrape_run_defer_until(*, run_id: int, not_before: float | None = None) -> float | None:
    """When the queued run `run_id` should start instead of now (epoch seconds), or None
    to run it now. `not_before` is the slot an earlier delivery booked for it. A run that
    is not queued (finished, or running: a task retry) runs now: `scrape_run_execute`
    decides what that means. Raises the limiter's Redis errors (the task retries)."""
    if not settings.SCRAPER_DEFER_BUSY_HOSTS:
        return None
    now = time.time()
    if not_before is not None and not_before - now > HOST_WAIT_TOLERANCE:
        return not_before  # still early: the countdown was capped (CELERY_RETRY_MAX_COUNTDOWN)
    url = (
        ScrapeRun.objects.filter(pk=run_id, status=RunStatus.QUEUED)
        .values_list("tracker__url", flat=True)
        .first()
    )
    host = url_host(url)
    if not host:  # gone, not queued, or an address the fetch itself will refuse
        return None
    # First delivery: book a slot. At its slot: only when the host is free; later (a
    # request ran long, a check took the slot) the run waits for that, keeping its place.
    wait = host_wait(host, reserve=not_before is None)
    return None if wait <= HOST_WAIT_TOLERANCE else now + wait
