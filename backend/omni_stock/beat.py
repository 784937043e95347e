"""The beat scheduler of docker-compose.yml: django-celery-beat's DatabaseScheduler that
touches a heartbeat file on every tick (at least every 5 s), which the container's health
check (`deploy/healthcheck.py beat`) reads. A beat whose loop hangs, or that lost its
database, stops ticking, so the check fails although the process still runs.

The file is `BEAT_HEARTBEAT_FILE` (the same default as the health check; a container's
own /tmp). The health check runs without Django, so this is read from the environment.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django_celery_beat.schedulers import DatabaseScheduler

DEFAULT_HEARTBEAT_FILE = "/tmp/omni-stock-beat.heartbeat"  # noqa: S108


class HeartbeatDatabaseScheduler(DatabaseScheduler):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.heartbeat_file = Path(os.environ.get("BEAT_HEARTBEAT_FILE", DEFAULT_HEARTBEAT_FILE))
        super().__init__(*args, **kwargs)

    def tick(self, *args: Any, **kwargs: Any) -> float:
        interval = super().tick(*args, **kwargs)
        # After the tick: a tick that raised or hung leaves the heartbeat to go stale.
        self.heartbeat_file.touch()
        return float(interval)
