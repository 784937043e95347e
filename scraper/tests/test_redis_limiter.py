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
        limiter = RedisHostLimiter(REDIS_URL, min_delay=MIN_DELAY, lock_timeout=5, prefix=prefix)
    else:
        limiter = NullHostLimiter()
    return asyncio.run(_use(limiter, "shop.example", start_at))


def _violations(spans: list[tuple[float, float]]) -> list[str]:
    """Overlapping requests or gaps shorter than MIN_DELAY (small clock slack allowed)."""
    problems = []
    ordered = sorted(spans)
    for (s1, e1), (s2, _e2) in itertools.pairwise(ordered):
        if s2 < e1:
            problems.append(f"overlap: {s1:.3f}-{e1:.3f} and {s2:.3f}")
        elif s2 - e1 < MIN_DELAY - 0.02:
            problems.append(f"gap {s2 - e1:.3f}s < {MIN_DELAY}s")
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
        a = RedisHostLimiter(REDIS_URL, min_delay=MIN_DELAY, lock_timeout=5, prefix=prefix)
        b = RedisHostLimiter(REDIS_URL, min_delay=MIN_DELAY, lock_timeout=5, prefix=prefix)
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
        limiter = RedisHostLimiter(REDIS_URL, min_delay=5.0, lock_timeout=10, prefix=prefix)
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
        limiter = RedisHostLimiter(REDIS_URL, min_delay=0, lock_timeout=5, prefix=prefix)
        started = time.monotonic()
        try:
            async with limiter.slot("h"):
                return time.monotonic() - started
        finally:
            await limiter.aclose()

    waited = asyncio.run(main())
    assert 0.2 <= waited < 2.0
