"""The worker thread's event loop is kept between calls, and dropped when a call leaves a
task unfinished."""

from __future__ import annotations

import asyncio
import threading

import pytest

from core import event_loop


async def _running_loop() -> asyncio.AbstractEventLoop:
    return asyncio.get_running_loop()


async def _fail() -> None:
    raise ValueError("the page said no")


def test_calls_on_one_thread_run_on_the_same_loop():
    first = event_loop.run(_running_loop())

    assert event_loop.run(_running_loop()) is first
    assert not first.is_closed()


def test_a_call_that_raises_keeps_the_loop():
    before = event_loop.run(_running_loop())

    with pytest.raises(ValueError, match="the page said no"):
        event_loop.run(_fail())

    assert event_loop.run(_running_loop()) is before
    assert not before.is_closed()


async def _fail_leaving_a_task() -> None:
    asyncio.get_running_loop().create_task(asyncio.sleep(3600))  # as a time limit leaves it
    raise TimeoutError("the time limit")


def test_a_call_that_leaves_a_task_unfinished_closes_its_loop_and_the_next_gets_a_new_one():
    before = event_loop.run(_running_loop())

    with pytest.raises(TimeoutError, match="the time limit"):
        event_loop.run(_fail_leaving_a_task())

    assert before.is_closed()
    after = event_loop.run(_running_loop())
    assert after is not before
    assert not after.is_closed()


def test_each_thread_has_its_own_loop():
    here = event_loop.run(_running_loop())
    there: list[asyncio.AbstractEventLoop] = []
    thread = threading.Thread(target=lambda: there.append(event_loop.run(_running_loop())))
    thread.start()
    thread.join()

    assert len(there) == 1
    assert there[0] is not here


def test_a_forked_process_does_not_drive_its_parents_loop(monkeypatch):
    parent = event_loop.run(_running_loop())
    monkeypatch.setattr(event_loop.os, "getpid", lambda: -1)  # as a forked child sees it

    assert event_loop.run(_running_loop()) is not parent
