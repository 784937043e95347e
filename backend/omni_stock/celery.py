"""The Celery application: Redis broker (settings.REDIS_URL), tasks from every app.

Run a worker with ``celery -A omni_stock worker -Q scrape,celery,interactive`` and exactly one beat
with ``celery -A omni_stock beat`` (the schedule lives in the database, see
docs/price-engine.md). Configuration comes from the ``CELERY_*`` Django settings.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "omni_stock.settings")

app = Celery("omni_stock")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
