"""A real Celery worker commits an import sent through the real broker.

Run with `pytest -m integration`; skipped when Redis does not answer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from conftest import client_for

from imports.models import ImportJob
from imports.tests.importing import upload
from inventory.models import Collectible
from price_history.tests.workers import Worker, broker_or_skip, wait_for
from users.factories import UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker(transactional_db: None, tmp_path: Path) -> Iterator[Path]:
    broker: redis.Redis = broker_or_skip()
    assert broker is not None
    process = Worker(tmp_path / "worker.log", allowed_hosts="")
    try:
        yield process.log
    finally:
        process.stop()


def test_a_worker_commits_an_import_with_progress_to_the_end(worker):
    owner = UserFactory()
    client = client_for(owner)
    rows = "".join(f"Card {i},Base,{i},NM,1,{i}.50,2024-01-02\n" for i in range(600))
    job = upload(client, "name,set,number,condition,quantity,price paid,date\n" + rows).json()
    client.patch(f"/api/v1/imports/{job['id']}/", {"defaults": {"category": "trading_card"}})

    response = client.post(f"/api/v1/imports/{job['id']}/commit")

    assert response.status_code == 202, response.json()
    wait_for(lambda: ImportJob.objects.get(pk=job["id"]).is_finished, 90, "the import", worker)
    done = client.get(f"/api/v1/imports/{job['id']}/").json()
    assert (done["status"], done["processed"], done["created"]) == ("succeeded", 600, 600)
    assert Collectible.objects.filter(vendor_id=done["vendor"]).count() == 600
