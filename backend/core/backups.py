"""Back up and restore the PostgreSQL database with `pg_dump` / `pg_restore` (custom
format: compressed, restorable table by table, into a database of another name).

The binaries are found among the system's (`/usr/lib/postgresql/*/bin`, PATH) and the
embedded `pgserver` wheel's (what `make run` starts), preferring one of the server's own
major version, else the oldest newer one (a pg_dump never dumps a server newer than
itself). `PG_BIN_DIR` names a directory to use instead. The connection is the Django
database's (`DATABASE_URL`, or the embedded server's unix socket) or a URL given.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.db import connection

from core.read_versions import AFTER_RESTORE_SQL

TOOLS = ("pg_dump", "pg_restore")
_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)")


class BackupError(Exception):
    """A backup or restore could not be done; the message says why."""


@dataclass(frozen=True)
class Target:
    """Where to connect: libpq environment variables (PGHOST, PGDATABASE...)."""

    env: dict[str, str]

    @property
    def name(self) -> str:
        return self.env.get("PGDATABASE", "")

    @classmethod
    def from_settings(cls, settings_dict: dict[str, Any]) -> Target:
        env = {
            "PGHOST": str(settings_dict.get("HOST") or ""),
            "PGPORT": str(settings_dict.get("PORT") or ""),
            "PGUSER": str(settings_dict.get("USER") or ""),
            "PGPASSWORD": str(settings_dict.get("PASSWORD") or ""),
            "PGDATABASE": str(settings_dict["NAME"]),
        }
        return cls({key: value for key, value in env.items() if value})

    @classmethod
    def from_url(cls, url: str) -> Target:
        parts = urlsplit(url)
        if parts.scheme not in ("postgres", "postgresql", "pgsql") or not parts.path.strip("/"):
            raise BackupError(f"Not a PostgreSQL URL with a database name: {url!r}.")
        env = {
            "PGHOST": unquote(parts.hostname or ""),
            "PGPORT": str(parts.port or ""),
            "PGUSER": unquote(parts.username or ""),
            "PGPASSWORD": unquote(parts.password or ""),
            "PGDATABASE": unquote(parts.path.strip("/")),
        }
        return cls({key: value for key, value in env.items() if value})


def default_target() -> Target:
    return Target.from_settings(connection.settings_dict)


def _candidate_dirs() -> list[Path]:
    if override := os.environ.get("PG_BIN_DIR"):
        return [Path(override)]
    dirs = [Path(d) for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"))]
    try:
        import pgserver  # the embedded server's wheel (see omni_stock.embedded)

        dirs.append(Path(pgserver.__file__).parent / "pginstall" / "bin")
    except ImportError:
        pass
    if found := shutil.which("pg_dump"):
        dirs.append(Path(found).parent)
    return dirs


def _major(binary: Path) -> int | None:
    try:
        out = subprocess.run(  # noqa: S603 — a PostgreSQL binary found above, fixed argv
            [str(binary), "--version"], capture_output=True, text=True, timeout=10, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = _VERSION.search(out)
    return int(match.group(1)) if match else None


def find_binary(tool: str, server_major: int) -> Path:
    """The `tool` binary best suited to a server of `server_major` (module doc)."""
    found: dict[int, Path] = {}
    for directory in _candidate_dirs():
        binary = directory / tool
        if binary.is_file() and (major := _major(binary)) is not None:
            found.setdefault(major, binary)
    usable = sorted(major for major in found if major >= server_major)
    if not usable:
        raise BackupError(
            f"No {tool} of PostgreSQL {server_major} or newer found (looked in "
            f"{', '.join(str(d) for d in _candidate_dirs()) or 'nothing'}); "
            "install the PostgreSQL client or set PG_BIN_DIR."
        )
    return found[usable[0]]


def _psql_scalar(target: Target, sql: str) -> str:
    """One value, over a short-lived connection of its own (psycopg, not Django's)."""
    import psycopg
    from psycopg.conninfo import make_conninfo

    keys = {"PGHOST": "host", "PGPORT": "port", "PGUSER": "user", "PGPASSWORD": "password"}
    params = {keys[key]: value for key, value in target.env.items() if key in keys}
    conninfo = make_conninfo(dbname=target.name, connect_timeout=10, **params)
    try:
        with psycopg.connect(conninfo) as db:
            row = db.execute(sql.encode()).fetchone()
    except psycopg.Error as exc:
        raise BackupError(f"Cannot connect to database {target.name!r}: {exc}".strip()) from exc
    return "" if row is None else str(row[0])


def server_major(target: Target) -> int:
    return int(_psql_scalar(target, "SHOW server_version_num")) // 10000


def table_count(target: Target) -> int:
    """Tables in the database's own schemas (not PostgreSQL's catalogs)."""
    return int(
        _psql_scalar(
            target,
            "SELECT count(*) FROM pg_catalog.pg_tables"
            " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
        )
    )


def _run(argv: Sequence[str], target: Target) -> None:
    env = {**os.environ, **target.env}
    try:
        done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    except OSError as exc:
        raise BackupError(f"Could not run {argv[0]}: {exc}") from exc
    if done.returncode != 0:
        raise BackupError(f"{Path(argv[0]).name} failed: {done.stderr.strip()[-2000:]}")


def backup(out: Path, *, target: Target | None = None) -> Path:
    """Dump the database to `out` (custom format). Written beside it first, then moved
    into place: an interrupted backup never leaves a truncated file under that name."""
    target = target or default_target()
    pg_dump = find_binary("pg_dump", server_major(target))
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    try:
        _run([str(pg_dump), "--format=custom", "--no-password", f"--file={partial}"], target)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return out


def restore(source: Path, *, target: Target | None = None, force: bool = False) -> None:
    """Restore a `backup` into the database, in one transaction (all or nothing). Refuses
    a database that has tables unless `force` (then what the backup holds replaces them;
    tables it does not hold are left)."""
    target = target or default_target()
    if not source.is_file():
        raise BackupError(f"No backup file at {source}.")
    tables = table_count(target)
    if tables and not force:
        raise BackupError(
            f"Database {target.name!r} is not empty ({tables} tables): restore into an "
            "empty database (createdb), or pass --force to replace what the backup holds."
        )
    pg_restore = find_binary("pg_restore", server_major(target))
    argv = [str(pg_restore), "--no-password", "--no-owner", "--no-privileges"]
    argv += ["--exit-on-error", "--single-transaction", f"--dbname={target.name}"]
    if tables:
        argv += ["--clean", "--if-exists"]
    _run([*argv, str(source)], target)
    _psql_scalar(target, AFTER_RESTORE_SQL)
