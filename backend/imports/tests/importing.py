"""Helpers of the import tests: upload a file through the API, and commit with the
worker's part run in the test (the task sent by name is recorded, then executed)."""

from __future__ import annotations

from typing import Any

import pytest
from celery import current_app
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from imports import services
from price_history import queue

GENERIC = (
    "name,set,number,condition,quantity,price paid,date\n"
    'Charizard,Base Set,4,NM,1,"1,250.50",2024-03-05\n'
    "Pikachu,Jungle,60,LP,2,$12,05/03/2024\n"
    "Mewtwo,Base Set,10,Near Mint,1,12.50 €,2024/01/02\n"
)


def upload(
    client: APIClient, content: str | bytes, *, name: str = "items.csv", **fields: Any
) -> Any:
    data = content.encode() if isinstance(content, str) else content
    body = {"file": SimpleUploadedFile(name, data), **fields}
    return client.post("/api/v1/imports/", body, format="multipart")


class Queue:
    """Stands in for the broker: records the commits sent, runs them on demand."""

    def __init__(self) -> None:
        self.sent: list[int] = []

    def run(self) -> None:
        while self.sent:
            services.import_job_execute(job_id=self.sent.pop(0))


def record_commits(monkeypatch: pytest.MonkeyPatch) -> Queue:
    """The broker "up", and the commits sent recorded (use it in a `commits` fixture)."""
    recorder = Queue()
    monkeypatch.setattr(queue, "broker_available", lambda timeout=3: True)

    def send_task(name: str, args: tuple[int]) -> None:
        assert name == services.COMMIT_TASK
        recorder.sent.append(args[0])

    monkeypatch.setattr(current_app, "send_task", send_task)
    return recorder


def commit(client: APIClient, job_id: int, commits: Queue, capture: Any) -> dict[str, Any]:
    """POST commit (202), run the worker's part, and return the job as GET shows it."""
    with capture(execute=True):
        response = client.post(f"/api/v1/imports/{job_id}/commit")
    assert response.status_code == 202, response.json()
    commits.run()
    return client.get(f"/api/v1/imports/{job_id}/").json()
