"""`manage.py bench_import [--rows N]`: time an import of a generated N-row CSV (10,000 by
default) through the services the worker runs: upload and preview, commit, re-import
(every row a duplicate), undo. Everything happens in one transaction that is rolled
back, so the database is left as it was. The target (docs/imports.md): 10,000 rows
committed in under 60 s on the reference machine."""

from __future__ import annotations

import time
import uuid
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from imports import services
from imports.models import ImportJob, ImportStatus
from users.services import user_register
from vendors.selectors import personal_vendor_for_user

TARGET_SECONDS = 60.0
CONDITIONS = ("NM", "Near Mint", "LP", "mint", "EX", "played")
HEADER = "name,set,number,condition,quantity,price paid,date,tags\n"


class Rollback(Exception):
    pass


def sheet(rows: int) -> bytes:
    lines = [
        f"Card {i},Set {i % 97},{i},{CONDITIONS[i % len(CONDITIONS)]},{1 + i % 4},"
        f'"{i % 1000},{i % 100:02d} €",{1 + i % 28:02d}/{1 + i % 12:02d}/2023,"bench, set {i % 7}"'
        for i in range(rows)
    ]
    return (HEADER + "\n".join(lines) + "\n").encode()


class Command(BaseCommand):
    help = "Benchmark an import of a generated CSV (rolled back afterwards)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rows", type=int, default=10_000)

    def handle(self, *args: Any, **options: Any) -> None:
        rows = options["rows"]
        content = sheet(rows)
        try:
            with transaction.atomic():
                self._bench(rows, content)
                raise Rollback
        except Rollback:
            self.stdout.write("Rolled back: the database is as it was.")

    def _bench(self, rows: int, content: bytes) -> None:
        user = user_register(
            email=f"bench-import-{uuid.uuid4().hex[:8]}@example.invalid",
            password=uuid.uuid4().hex,
        )
        vendor = personal_vendor_for_user(user=user)
        assert vendor is not None
        options = {"day_first": True}

        def upload() -> ImportJob:
            job = services.import_job_create(
                user=user, vendor=vendor, file_name="bench.csv", content=content, options=options
            )
            return services.import_job_configure(
                job=job, changes={"defaults": {"category": "trading_card"}}
            )

        def commit(job: ImportJob) -> ImportJob:
            ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.QUEUED)
            done = services.import_job_execute(job_id=job.pk)
            assert done is not None
            return done

        self.stdout.write(f"{rows} rows, {len(content) / 1e6:.1f} MB")
        job, read = self._timed(upload)
        self.stdout.write(f"  upload + preview   {read:6.1f} s  {job.preview['counts']}")
        done, took = self._timed(lambda: commit(job))
        verdict = "ok" if took < TARGET_SECONDS * rows / 10_000 else "SLOWER THAN THE TARGET"
        self.stdout.write(
            f"  commit             {took:6.1f} s  {rows / took:,.0f} rows/s, created "
            f"{done.rows_created}, failed {done.rows_failed}  [{verdict}: < 60 s per 10,000]"
        )
        again, took = self._timed(lambda: commit(upload()))
        self.stdout.write(f"  re-import (skips)  {took:6.1f} s  skipped {again.rows_skipped}")
        _, took = self._timed(lambda: services.import_job_undo(job=done))
        self.stdout.write(f"  undo               {took:6.1f} s")

    @staticmethod
    def _timed(action: Any) -> tuple[Any, float]:
        start = time.perf_counter()
        result = action()
        return result, time.perf_counter() - start
