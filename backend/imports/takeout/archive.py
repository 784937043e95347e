"""The take-out archive's layout, and opening an uploaded one safely.

    manifest.json          {"format": "omni-stock-takeout", "format_version": 1, ...}
    collectibles.json      [item, ...]   each with its card details, tags and external ids
    trackers.json          [tracker, ...]
    price_history.json     [observation, ...]
    value_snapshots.json   [daily value, ...]
    photos/photos.json     [photo, ...]  order and cover; files under photos/

An uploaded archive is checked before anything is read from it: a zip at all, at most
TAKEOUT_MAX_ENTRIES entries whose declared sizes add up to at most
TAKEOUT_MAX_UNCOMPRESSED_BYTES (a "zip bomb" is refused from its directory, and every read
stops at the budget, whatever an entry claims), no encrypted entry, and only the names
above: an absolute path, a `..`, a backslash or any unexpected file is refused, so nothing
can be written or read outside the archive's own layout.
"""

from __future__ import annotations

import re
import zipfile
from typing import IO, Any

import orjson
from django.conf import settings
from django.utils.translation import gettext as _

from imports.takeout.codec import TakeoutInvalid

FORMAT_NAME = "omni-stock-takeout"
FORMAT_VERSION = 1

MANIFEST = "manifest.json"
COLLECTIBLES = "collectibles.json"
TRACKERS = "trackers.json"
PRICE_HISTORY = "price_history.json"
VALUE_SNAPSHOTS = "value_snapshots.json"
PHOTOS = "photos/photos.json"
PHOTO_DIRECTORY = "photos/"
DATA_FILES = (COLLECTIBLES, TRACKERS, PRICE_HISTORY, VALUE_SNAPSHOTS, PHOTOS)
#: A photo's file: photos/<n>.<extension>, named by the archive, never by a user.
PHOTO_FILE = re.compile(r"photos/[0-9]{1,9}\.[a-z0-9]{1,5}")
_READ_CHUNK = 1024 * 1024


def photo_file_name(index: int, extension: str) -> str:
    return f"{PHOTO_DIRECTORY}{index}.{extension}"


class TakeoutArchive:
    """An uploaded archive whose directory has been checked; read its files through
    `rows()` and `photo()`, which keep to the size budget."""

    def __init__(self, file: IO[bytes]) -> None:
        try:
            self._zip = zipfile.ZipFile(file)
            entries = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
            raise TakeoutInvalid(_("The file is not a zip archive (or it is damaged).")) from exc
        self._entries = _checked_entries(entries)
        self._budget = settings.TAKEOUT_MAX_UNCOMPRESSED_BYTES
        self.manifest = self._manifest()

    def names(self) -> set[str]:
        return set(self._entries)

    def rows(self, name: str) -> list[Any]:
        """The JSON array in `name` (an empty list when the archive has no such file)."""
        if name not in self._entries:
            return []
        data = self._loads(name)
        if not isinstance(data, list):
            raise TakeoutInvalid(f"{name}: must be a JSON array.")
        return data

    def photo(self, name: str) -> bytes:
        if not PHOTO_FILE.fullmatch(name) or name not in self._entries:
            raise TakeoutInvalid(f"{PHOTOS}: the file {name[:100]!r} is not in the archive.")
        return self._read(name)

    def _manifest(self) -> dict[str, Any]:
        if MANIFEST not in self._entries:
            raise TakeoutInvalid(
                _("The archive has no %(manifest)s: it is not an Omni-Stock take-out.")
                % {"manifest": MANIFEST}
            )
        manifest = self._loads(MANIFEST)
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
            raise TakeoutInvalid(
                _("%(manifest)s does not describe an Omni-Stock take-out.") % {"manifest": MANIFEST}
            )
        version = manifest.get("format_version")
        if version != FORMAT_VERSION:
            raise TakeoutInvalid(
                _(
                    "This take-out has format version %(version)s; this server reads version "
                    "%(supported)s only."
                )
                % {"version": repr(version), "supported": FORMAT_VERSION}
            )
        return manifest

    def _loads(self, name: str) -> Any:
        try:
            return orjson.loads(self._read(name))
        except orjson.JSONDecodeError as exc:
            raise TakeoutInvalid(f"{name} is not valid JSON: {exc}.") from exc

    def _read(self, name: str) -> bytes:
        """The entry's bytes, refusing past the remaining budget (an entry may decompress
        to more than it declares: the limit counts what comes out)."""
        chunks = []
        try:
            with self._zip.open(self._entries[name]) as entry:
                while chunk := entry.read(_READ_CHUNK):
                    self._budget -= len(chunk)
                    if self._budget < 0:
                        raise TakeoutInvalid(_too_large())
                    chunks.append(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
            raise TakeoutInvalid(f"{name} cannot be read from the archive: {exc}.") from exc
        return b"".join(chunks)


def _too_large() -> str:
    limit = settings.TAKEOUT_MAX_UNCOMPRESSED_BYTES
    return _("The archive unpacks to more than %(limit)s bytes, the most a restore reads.") % {
        "limit": f"{limit:,}"
    }


def _checked_entries(entries: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    if len(entries) > settings.TAKEOUT_MAX_ENTRIES:
        raise TakeoutInvalid(
            _("The archive holds %(count)s files; at most %(limit)s are accepted.")
            % {"count": f"{len(entries):,}", "limit": f"{settings.TAKEOUT_MAX_ENTRIES:,}"}
        )
    if sum(entry.file_size for entry in entries) > settings.TAKEOUT_MAX_UNCOMPRESSED_BYTES:
        raise TakeoutInvalid(_too_large())
    checked: dict[str, zipfile.ZipInfo] = {}
    for entry in entries:
        name = entry.filename
        if name == PHOTO_DIRECTORY:
            continue  # the directory's own entry, written by some zip tools
        if not _allowed_name(name):
            raise TakeoutInvalid(
                _(
                    "The archive holds an unexpected file %(name)s: only the files of "
                    "an Omni-Stock take-out are accepted."
                )
                % {"name": repr(name[:100])}
            )
        if entry.flag_bits & 0x1:
            raise TakeoutInvalid(_("%(name)s is encrypted: take-outs are not.") % {"name": name})
        if name in checked:
            raise TakeoutInvalid(_("The archive holds %(name)s twice.") % {"name": name})
        checked[name] = entry
    return checked


def _allowed_name(name: str) -> bool:
    """One of the layout's names (which excludes absolute paths, `..` and backslashes)."""
    return name == MANIFEST or name in DATA_FILES or PHOTO_FILE.fullmatch(name) is not None
