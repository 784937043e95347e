"""The chaos scenarios: each makes one fault on purpose and says what the app did."""

from __future__ import annotations

import statistics
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx
import psycopg

if TYPE_CHECKING:
    from devtools.chaos.page import SlowShop
    from devtools.chaos.stack import Process
    from devtools.chaos.stores import ChaosPostgres, ChaosRedis

FINISHED = {"succeeded", "failed", "partial"}
#: SCRAPER_CHECK_DEADLINE_SECONDS of the chaos stack (its default).
CHECK_DEADLINE_SECONDS = 15


@dataclass
class Result:
    scenario: str
    passed: bool
    detail: str


def collector(url: str) -> dict[str, str]:
    """A new collector (signed up and signed in): the Authorization header."""
    account = {
        "email": f"chaos-{uuid.uuid4().hex[:10]}@chaos.invalid",
        "password": "Chaos-2026-pw!",
    }
    httpx.post(f"{url}/api/v1/auth/register", json=account, timeout=30).raise_for_status()
    login = httpx.post(f"{url}/api/v1/auth/login", json=account, timeout=30)
    login.raise_for_status()
    return {"Authorization": f"Bearer {login.json()['access']}"}


def wait_for(check: Callable[[], Any], seconds: float, every: float = 0.5) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(every)
    return None


def _item_with_trackers(url: str, headers: dict, shop: SlowShop, trackers: int) -> int:
    item = httpx.post(
        f"{url}/api/v1/collectibles/",
        headers=headers,
        json={"name": "Chaos Charizard", "category": "trading_card", "condition": "mint"},
        timeout=30,
    )
    item.raise_for_status()
    item_id = int(item.json()["id"])
    for number in range(trackers):
        httpx.post(
            f"{url}/api/v1/collectibles/{item_id}/trackers/",
            headers=headers,
            json={"url": shop.url(number), "interval_minutes": 1440},
            timeout=30,
        ).raise_for_status()
    return item_id


def worker_killed_mid_scrape(
    url: str, shop: SlowShop, database_url: str, kill: Process, replacement: Process
) -> Result:
    """SIGKILL the whole worker while it fetches; a new worker and the stuck-run sweeper
    must finish the job, every run recording its price exactly once."""
    name = "worker killed (SIGKILL) mid-scrape"
    headers = collector(url)
    trackers = 3
    item_id = _item_with_trackers(url, headers, shop, trackers)
    job = httpx.post(
        f"{url}/api/v1/collectibles/{item_id}/refresh-prices", headers=headers, timeout=30
    ).json()

    def job_state() -> dict[str, Any]:
        return httpx.get(f"{url}/api/v1/scrape-jobs/{job['id']}/", headers=headers).json()

    if not wait_for(lambda: any(r["status"] == "running" for r in job_state()["runs"]), 60):
        return Result(name, False, "no run started within 60 s")
    kill.kill()
    replacement.start()
    finished = wait_for(lambda: (s := job_state())["status"] in FINISHED and s, 300, every=2)
    if not finished:
        return Result(name, False, f"job still {job_state()['status']} after 5 minutes")
    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT run_id, count(*) FROM price_history_pricehistory WHERE collectible_id = %s "
            "GROUP BY run_id",
            [item_id],
        ).fetchall()
    duplicated = [run for run, count in rows if count > 1]
    passed = finished["status"] == "succeeded" and len(rows) == trackers and not duplicated
    return Result(
        name,
        passed,
        f"job {finished['status']}, {len(rows)}/{trackers} runs recorded a price, "
        f"{len(duplicated)} duplicated",
    )


def _timed(call: Callable[[], httpx.Response]) -> tuple[int, float]:
    started = time.monotonic()
    try:
        status = call().status_code
    except httpx.HTTPError:
        status = 0
    return status, time.monotonic() - started


def redis_frozen_then_stopped(url: str, store: ChaosRedis) -> Result:
    """Freeze Redis (SIGSTOP), then kill it: quick 503s, and recovery once it is back."""
    name = "Redis frozen, then stopped"

    def login() -> httpx.Response:
        body = {"email": "nobody@chaos.invalid", "password": "x"}
        return httpx.post(f"{url}/api/v1/auth/login", json=body, timeout=30)

    store.freeze()
    frozen = _timed(login)
    store.thaw()
    thawed = wait_for(lambda: login().status_code == 401, 20)
    store.kill()
    stopped = _timed(login)
    store.start()
    back = wait_for(lambda: login().status_code == 401, 20)
    passed = frozen[0] == 503 and frozen[1] < 10 and stopped[0] == 503 and thawed and back
    return Result(
        name,
        bool(passed),
        f"frozen: {frozen[0]} in {frozen[1]:.1f} s; thawed: {'ok' if thawed else 'no'}; "
        f"stopped: {stopped[0]} in {stopped[1]:.1f} s; restarted: {'ok' if back else 'no'}",
    )


def postgres_restarted(url: str, store: ChaosPostgres) -> Result:
    """Stop PostgreSQL, then start it again: 503 with Retry-After meanwhile, then recovery."""
    name = "PostgreSQL stopped and restarted"
    headers = collector(url)

    def read() -> httpx.Response:
        return httpx.get(f"{url}/api/v1/collectibles/", headers=headers, timeout=30)

    store.stop()
    down = read()
    ready = httpx.get(f"{url}/readyz", timeout=30)
    store.start()
    back = wait_for(lambda: read().status_code == 200, 30)
    passed = (
        down.status_code == 503
        and down.headers.get("Retry-After") == "30"
        and ready.status_code == 503
        and back
    )
    return Result(
        name,
        bool(passed),
        f"while down: {down.status_code} (Retry-After {down.headers.get('Retry-After')}), "
        f"readyz {ready.status_code}; after restart: {'ok' if back else 'no'}",
    )


def slow_page_checks_keep_web_fast(url: str, shop: SlowShop, clients: int = 12) -> Result:
    """Many "test before saving" checks of a page slower than their deadline: every one is
    answered (within two deadlines: more checks than web threads queue once), and /healthz
    stays fast throughout."""
    name = f"{clients} checks of a slow page at once"
    sessions = [collector(url) for _ in range(max(1, clients // 3))]
    items = [_item_with_trackers(url, headers, shop, 0) for headers in sessions]
    probes: list[float] = []
    done = threading.Event()

    def probe() -> None:
        while not done.is_set():
            probes.append(_timed(lambda: httpx.get(f"{url}/healthz", timeout=30))[1])
            time.sleep(0.2)

    def check(index: int) -> tuple[int, float]:
        headers, item = sessions[index % len(sessions)], items[index % len(items)]
        return _timed(
            lambda: httpx.post(
                f"{url}/api/v1/collectibles/{item}/trackers/test/",
                headers=headers,
                json={"url": shop.url(index)},
                timeout=60,
            )
        )

    prober = threading.Thread(target=probe)
    prober.start()
    with ThreadPoolExecutor(clients) as pool:
        answers = list(pool.map(check, range(clients)))
    done.set()
    prober.join()
    slowest = max(seconds for _, seconds in answers)
    statuses = sorted({status for status, _ in answers})
    p95 = sorted(probes)[int(0.95 * (len(probes) - 1))] if probes else float("inf")
    passed = slowest < 2 * (CHECK_DEADLINE_SECONDS + 1) + 5 and set(statuses) <= {200, 503}
    passed = passed and p95 < 1.0
    return Result(
        name,
        passed,
        f"answers {statuses}, slowest {slowest:.1f} s; /healthz p95 {p95 * 1000:.0f} ms, "
        f"median {statistics.median(probes) * 1000:.0f} ms over {len(probes)} probes",
    )
