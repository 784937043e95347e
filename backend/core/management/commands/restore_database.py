"""`manage.py restore_database IN`: a `backup_database` file into an empty database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from core import backups


class Command(BaseCommand):
    help = (
        "Restore a backup_database file into the database (DATABASE_URL, or --database-url), "
        "in one transaction. The database must be empty (createdb it) unless --force, "
        "which replaces everything the backup holds. Stop web, worker and beat first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", help="A file written by backup_database.")
        parser.add_argument(
            "--database-url", help="Restore into this database instead of the configured one."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Restore into a database that has tables, replacing those the backup holds.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            target = (
                backups.Target.from_url(options["database_url"])
                if options["database_url"]
                else backups.default_target()
            )
            # Our own connection would hold locks a --clean restore waits for.
            connections.close_all()
            backups.restore(Path(options["source"]), target=target, force=options["force"])
        except backups.BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Restored {options['source']} into database {target.name!r}. Next: "
            "`manage.py migrate` (a backup of an older release), then start the services."
        )
