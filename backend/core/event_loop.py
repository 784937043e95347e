"""One asyncio event loop per worker thread, kept from one call to the next.

The workers are synchronous and the scraper is async. `asyncio.run` made a new loop on
every call, and with it new connections: the Redis host limiter connected and said HELLO
again before its few commands, about 4 ms of CPU a call, twice a scrape run (the deferral
check, then the fetch). `run` keeps the thread's loop, and what is bound to it, for the
thread's next call.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")

_local = threading.local()


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """`asyncio.run(coroutine)` on this thread's kept loop. A call that fails keeps it
    (a scrape that failed is an ordinary outcome) unless it left a task unfinished, e.g.
    a time limit's exception raised inside the loop mid-way: that loop is closed (its
    tasks cancelled), so no stale task resumes in the next call, which opens a new one."""
    runner = _runner()
    try:
        return runner.run(coroutine)
    except BaseException:
        if asyncio.all_tasks(runner.get_loop()):
            _local.runner = None
            with contextlib.suppress(Exception):  # the call's own error is the one to see
                runner.close()
        raise


def _runner() -> asyncio.Runner:
    runner: asyncio.Runner | None = getattr(_local, "runner", None)
    # A forked child (a Celery pool process) never drives its parent's loop.
    if runner is None or _local.pid != os.getpid():
        # Not the thread's current loop (`loop_factory`): code that looks for one
        # outside `run` finds none, as with asyncio.run.
        runner = asyncio.Runner(loop_factory=asyncio.new_event_loop)
        _local.runner, _local.pid = runner, os.getpid()
    return runner
