"""`manage.py backup_database OUT`: the whole database to one pg_dump file (core.backups)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core import backups


class Command(BaseCommand):
    help = (
        "Dump the database (DATABASE_URL, or the embedded one of `make run`) to OUT in "
        "pg_dump's custom format. Media files (MEDIA_ROOT) are not in it: copy them too."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("out", help="The file to write (its folder is created).")
        parser.add_argument(
            "--database-url", help="Dump this database instead of the configured one."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            target = (
                backups.Target.from_url(options["database_url"])
                if options["database_url"]
                else backups.default_target()
            )
            written = backups.backup(Path(options["out"]), target=target)
        except backups.BackupError as exc:
            raise CommandError(str(exc)) from exc
        size = written.stat().st_size
        self.stdout.write(f"Backed up database {target.name!r} to {written} ({size} bytes).")
