"""Beat's container health check (docker-compose.yml): the scheduler touches a heartbeat
file every tick, and `deploy/healthcheck.py beat` reads its age."""

import os
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django_celery_beat import schedulers

from omni_stock.beat import HeartbeatDatabaseScheduler
from omni_stock.celery import app

HEALTHCHECK = [sys.executable, str(settings.PROJECT_DIR / "deploy" / "healthcheck.py"), "beat"]


def beat_check(heartbeat) -> subprocess.CompletedProcess[bytes]:
    env = os.environ | {"BEAT_HEARTBEAT_FILE": str(heartbeat)}
    return subprocess.run(HEALTHCHECK, env=env, capture_output=True, timeout=20, check=False)


@pytest.mark.django_db
def test_each_tick_of_the_scheduler_touches_the_heartbeat(monkeypatch, tmp_path):
    heartbeat = tmp_path / "beat.heartbeat"
    monkeypatch.setenv("BEAT_HEARTBEAT_FILE", str(heartbeat))
    # The scheduler drops "old" connections between reads: in a test, the test's own.
    monkeypatch.setattr(schedulers, "close_old_connections", lambda: None)
    scheduler = HeartbeatDatabaseScheduler(app=app)
    # Entries due in the test database are not sent: no task reaches the broker.
    monkeypatch.setattr(scheduler, "apply_entry", lambda entry, producer=None: None)

    interval = scheduler.tick()

    assert heartbeat.is_file()
    # 0 when an entry was due (the next tick comes at once).
    assert 0 <= interval <= scheduler.max_interval
    assert beat_check(heartbeat).returncode == 0


def test_a_missing_or_stale_heartbeat_is_unhealthy(tmp_path):
    heartbeat = tmp_path / "beat.heartbeat"
    missing = beat_check(heartbeat)
    assert missing.returncode == 1
    assert b"no heartbeat file" in missing.stderr

    heartbeat.touch()
    two_minutes_ago = time.time() - 120
    os.utime(heartbeat, (two_minutes_ago, two_minutes_ago))
    stale = beat_check(heartbeat)
    assert stale.returncode == 1
    assert b"last tick 120 s ago" in stale.stderr
