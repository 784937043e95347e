"""RedisHostLimiter holds across processes (real Redis at 127.0.0.1:6379)."""

from __future__ import annotations

import asyncio
import itertools
import multiprocessing
import time
import uuid
from concurrent.futures import ProcessPoolExecutor

import pytest

from scraper import HostLimiter, NullHostLimiter, RedisHostLimiter

REDIS_URL = "redis://127.0.0.1:6379/0"
MIN_DELAY = 0.2
HOLD = 0.05
ROUNDS = 3


def _redis_available() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping())
    except Exception:
        return False


pytestmark = pytest.mark.skipif(not _redis_available(), reason="needs Redis on 127.0.0.1:6379")


async def _use(limiter: HostLimiter, host: str, start_at: float) -> list[tuple[float, float]]:
    await asyncio.sleep(max(0.0, start_at - time.time()))
    spans = []
    for _ in range(ROUNDS):
        async with limiter.slot(host, MIN_DELAY):
            began = time.time()
            await asyncio.sleep(HOLD)  # "the request"
            spans.append((began, time.time()))
    return spans


def _worker(kind: str, prefix: str, start_at: float) -> list[tuple[float, float]]:
    """Runs in a separate process with its own Redis connection."""
    limiter: HostLimiter
    if kind == "redis":
        limiter = RedisHostLimiter(REDIS_URL, min_delay=MIN_DELAY, lease=5, prefix=prefix)
    else:
        limiter = NullHostLimiter()
    return asyncio.run(_use(limiter, "shop.example", start_at))


def _violations(spans: list[tuple[float, float]]) -> list[str]:
    """Overlapping requests, starts less than MIN_DELAY apart, or less than half of it
    after the previous request ended (small clock slack allowed)."""
    problems = []
    ordered = sorted(spans)
    for (s1, e1), (s2, _e2) in itertools.pairwise(ordered):
        if s2 < e1:
            problems.append(f"overlap: {s1:.3f}-{e1:.3f} and {s2:.3f}")
        elif s2 - s1 < MIN_DELAY - 0.02:
            problems.append(f"starts {s2 - s1:.3f}s apart < {MIN_DELAY}s")
        elif s2 - e1 < MIN_DELAY / 2 - 0.02:
            problems.append(f"pause {s2 - e1:.3f}s < {MIN_DELAY / 2}s")
    return problems


def _run_two_processes(kind: str) -> list[list[tuple[float, float]]]:
    prefix = f"omnistock-test:{uuid.uuid4().hex}:"
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=ctx) as pool:
        start_at = time.time() + 2.0  # both processes are up and waiting by then
        futures = [pool.submit(_worker, kind, prefix, start_at) for _ in range(2)]
        return [f.result(timeout=30) for f in futures]


def test_redis_limiter_holds_across_two_processes() -> None:
    per_process = _run_two_processes("redis")
    spans = [span for spans in per_process for span in spans]
    assert len(spans) == 2 * ROUNDS
    assert _violations(spans) == []


def test_the_check_detects_an_unlimited_run() -> None:
    """Guards the test above: without a limiter the same check must fail."""
    per_process = _run_two_processes("none")
    spans = [span for spans in per_process for span in spans]
    assert _violations(spans) != []


def test_two_clients_in_one_process_share_the_limit() -> None:
    prefix = f"omnistock-test:{uuid.uuid4().hex}:"

    async def main() -> list[tuple[float, float]]:
        a = RedisHostLimiter(REDIS_URL, min_delay=MIN_DELAY, lease=5, prefix=prefix)
        b = RedisHostLimiter(REDIS_URL, min_delay=MIN_DELAY, lease=5, prefix=prefix)
        start = time.time()
        try:
            results = await asyncio.gather(_use(a, "h", start), _use(b, "h", start))
        finally:
            await a.aclose()
            await b.aclose()
        return [span for spans in results for span in spans]

    spans = asyncio.run(main())
    assert _violations(spans) == []


def test_other_hosts_are_not_delayed() -> None:
    prefix = f"omnistock-test:{uuid.uuid4().hex}:"

    async def main() -> float:
        limiter = RedisHostLimiter(REDIS_URL, min_delay=5.0, lease=10, prefix=prefix)
        try:
            async with limiter.slot("a.example"):
                pass
            started = time.monotonic()
            async with limiter.slot("b.example"):
                pass
            return time.monotonic() - started
        finally:
            await limiter.aclose()

    assert asyncio.run(main()) < 1.0


def test_lock_of_a_crashed_worker_expires() -> None:
    import redis

    prefix = f"omnistock-test:{uuid.uuid4().hex}:"
    redis.Redis.from_url(REDIS_URL).set(f"{prefix}lock:h", "dead-worker", px=300)

    async def main() -> float:
        limiter = RedisHostLimiter(REDIS_URL, min_delay=0, lease=5, prefix=prefix)
        started = time.monotonic()
        try:
            async with limiter.slot("h"):
                return time.monotonic() - started
        finally:
            await limiter.aclose()

    waited = asyncio.run(main())
    assert 0.2 <= waited < 2.0


# ------------------------------------------------------------- leases and Redis timeouts


def test_a_request_longer_than_the_lease_keeps_the_lock() -> None:
    """The lease is renewed while the slot is held: nobody gets in before it is left."""
    prefix = f"omnistock-test:{uuid.uuid4().hex}:"

    async def hold(limiter: RedisHostLimiter, seconds: float) -> tuple[float, float]:
        async with limiter.slot("h"):
            began = time.time()
            await asyncio.sleep(seconds)
            return began, time.time()

    async def main() -> list[tuple[float, float]]:
        a = RedisHostLimiter(REDIS_URL, min_delay=0, lease=0.3, prefix=prefix)
        b = RedisHostLimiter(REDIS_URL, min_delay=0, lease=0.3, prefix=prefix)
        try:
            first = asyncio.create_task(hold(a, 1.2))  # four leases long
            await asyncio.sleep(0.1)
            second = await hold(b, 0.0)
            return [await first, second]
        finally:
            await a.aclose()
            await b.aclose()

    (_, first_end), (second_start, _) = asyncio.run(main())
    assert second_start >= first_end


def test_leaving_the_slot_releases_the_lock_even_when_the_request_fails() -> None:
    import redis

    prefix = f"omnistock-test:{uuid.uuid4().hex}:"

    async def main() -> None:
        limiter = RedisHostLimiter(REDIS_URL, min_delay=0, lease=5, prefix=prefix)
        try:
            async with limiter.slot("h"):
                raise ValueError("the request blew up")
        finally:
            await limiter.aclose()

    with pytest.raises(ValueError, match="blew up"):
        asyncio.run(main())
    assert redis.Redis.from_url(REDIS_URL).exists(f"{prefix}lock:h") == 0


def _hold_forever(prefix: str, lease: float, ready: str) -> None:
    """Child process: take the host's slot, say so, then hang until killed."""
    from pathlib import Path

    async def main() -> None:
        limiter = RedisHostLimiter(REDIS_URL, min_delay=0, lease=lease, prefix=prefix)
        async with limiter.slot("h"):
            Path(ready).write_text("holding")
            await asyncio.sleep(3600)

    asyncio.run(main())


def test_the_lock_of_a_killed_process_is_free_within_the_lease(tmp_path) -> None:
    import os
    import signal

    import redis

    prefix = f"omnistock-test:{uuid.uuid4().hex}:"
    lease = 1.0
    ready = tmp_path / "ready"
    child = multiprocessing.get_context("spawn").Process(
        target=_hold_forever, args=(prefix, lease, str(ready))
    )
    child.start()
    try:
        deadline = time.monotonic() + 30
        while not ready.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ready.exists(), "the child never took the slot"
        time.sleep(2 * lease)  # longer than one lease: the child's renewals keep it
        assert redis.Redis.from_url(REDIS_URL).exists(f"{prefix}lock:h") == 1
    finally:
        assert child.pid is not None
        os.kill(child.pid, signal.SIGKILL)
        child.join(timeout=10)

    async def main() -> float:
        limiter = RedisHostLimiter(REDIS_URL, min_delay=0, lease=lease, prefix=prefix)
        started = time.monotonic()
        try:
            async with limiter.slot("h"):
                return time.monotonic() - started
        finally:
            await limiter.aclose()

    assert asyncio.run(main()) < lease + 0.5


def test_a_frozen_redis_fails_fast() -> None:
    """A server that accepts connections and never answers (a frozen Redis)."""
    import socket

    import redis

    frozen = socket.socket()
    frozen.bind(("127.0.0.1", 0))
    frozen.listen(8)
    port = frozen.getsockname()[1]

    async def main() -> None:
        limiter = RedisHostLimiter(
            f"redis://127.0.0.1:{port}/0",
            min_delay=0,
            socket_timeout=0.3,
            socket_connect_timeout=0.3,
        )
        try:
            async with limiter.slot("h"):
                pytest.fail("a frozen Redis cannot give a slot")
        finally:
            await limiter.aclose()

    started = time.monotonic()
    try:
        with pytest.raises((redis.exceptions.TimeoutError, redis.exceptions.ConnectionError)):
            asyncio.run(main())
    finally:
        frozen.close()
    assert time.monotonic() - started < 2.0


def test_a_host_not_free_within_the_acquire_timeout_is_not_waited_for():
    """`HostBusy` at once (no sleep through the delay), and the host's delay stands."""
    from scraper.http.limiter import HostBusy

    prefix = f"test:{uuid.uuid4().hex}:"

    async def scenario() -> tuple[float, float, float]:
        limiter = RedisHostLimiter(REDIS_URL, min_delay=2.0, prefix=prefix, acquire_timeout=0.2)
        try:
            async with limiter.slot("busy.example"):
                pass
            before = await limiter.book("busy.example", reserve=False)
            started = time.monotonic()
            with pytest.raises(HostBusy) as busy:
                async with limiter.slot("busy.example"):
                    pytest.fail("must not enter a busy host's slot")
            took = time.monotonic() - started
            assert busy.value.busy_host == "busy.example"
            assert busy.value.retry_after is not None
            after = await limiter.book("busy.example", reserve=False)
            return took, before, after
        finally:
            await limiter.aclose()

    took, before, after = asyncio.run(scenario())
    assert took < 0.2
    assert 1.5 < before <= 2.0
    assert before - 0.2 < after <= before  # nothing was sent: "next" was not moved


def test_bookings_spread_callers_one_delay_apart():
    prefix = f"test:{uuid.uuid4().hex}:"

    async def scenario() -> list[float]:
        limiter = RedisHostLimiter(REDIS_URL, min_delay=1.0, prefix=prefix)
        try:
            return [await limiter.book("shop.example") for _ in range(4)]
        finally:
            await limiter.aclose()

    waits = asyncio.run(scenario())
    assert waits[0] == pytest.approx(0.0, abs=0.05)
    for n, wait in enumerate(waits):
        assert wait == pytest.approx(n * 1.0, abs=0.05)


def test_a_limiter_with_another_wait_shares_the_redis_client_of_its_loop() -> None:
    limiter = RedisHostLimiter(REDIS_URL, min_delay=0, lease=5, prefix=f"test:{uuid.uuid4().hex}:")
    patient = limiter.with_acquire_timeout(30)

    async def main() -> bool:
        try:
            return patient._client() is limiter._client()
        finally:
            await limiter.aclose()

    assert asyncio.run(main())
    assert (patient.acquire_timeout, limiter.acquire_timeout) == (30, 600.0)


def test_the_clients_of_closed_loops_are_dropped() -> None:
    limiter = RedisHostLimiter(REDIS_URL, min_delay=0, lease=5, prefix=f"test:{uuid.uuid4().hex}:")

    async def connect() -> None:
        await limiter.book("shop.example", reserve=False)  # connected: the client holds its loop

    for _ in range(3):  # three loops, each closed after its call (as a loop left mid-way is)
        asyncio.run(connect())
    assert len(limiter._clients) == 1  # only the last one's, until a new loop asks


def _starts(hold: float, delay: float) -> list[float]:
    async def main() -> list[float]:
        limiter = RedisHostLimiter(
            REDIS_URL, min_delay=delay, lease=5, prefix=f"omnistock-test:{uuid.uuid4().hex}:"
        )
        starts = []
        try:
            for _ in range(3):
                async with limiter.slot("h"):
                    starts.append(time.monotonic())
                    await asyncio.sleep(hold)  # "the request"
        finally:
            await limiter.aclose()
        return starts

    return asyncio.run(main())


def test_requests_start_one_delay_apart_whatever_they_take() -> None:
    """One request per delay (its duration is not added to the delay), so a host's runs
    keep the slots booked for them."""
    starts = _starts(hold=0.2, delay=0.5)

    # 0.5 s, not 0.7 (0.2 s of request, then the delay)
    assert all(0.48 <= b - a < 0.65 for a, b in itertools.pairwise(starts)), starts


def test_a_slow_answer_is_followed_by_half_a_delay_of_pause() -> None:
    starts = _starts(hold=0.6, delay=0.5)

    # 0.6 s of request, then 0.25 s of pause (not the whole delay: 1.1 s)
    assert all(0.83 <= b - a < 1.0 for a, b in itertools.pairwise(starts)), starts


def test_a_booking_can_start_later_than_now_and_the_next_one_follows_it() -> None:
    async def main() -> list[float]:
        limiter = RedisHostLimiter(
            REDIS_URL, min_delay=2.0, lease=5, prefix=f"omnistock-test:{uuid.uuid4().hex}:"
        )
        try:
            return [await limiter.book("h", after=0.5), await limiter.book("h", after=0.5)]
        finally:
            await limiter.aclose()

    first, second = asyncio.run(main())
    assert first == pytest.approx(0.5, abs=0.1)
    assert second == pytest.approx(2.5, abs=0.1)  # one delay after the first booking
