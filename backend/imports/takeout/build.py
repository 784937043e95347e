"""Writing a vendor's take-out archive (layout: `archive.py`).

Every array is written an element at a time off a server-side cursor, so a vendor with
100,000 items and millions of observations is never held in memory, and photos are copied
from storage a file at a time. Ids in the archive are the source's: they only tie rows
together (`collectible`, `tracker`) and are replaced on restore. People are named by
e-mail (a restore links them only to members of the target vendor).
"""

from __future__ import annotations

import importlib.metadata
import zipfile
from collections.abc import Iterable, Iterator
from typing import IO, Any

import orjson
from django.core.files.storage import default_storage
from django.db.models import QuerySet
from django.utils import timezone

from imports.takeout import archive as layout
from imports.takeout.codec import encode, plain_fields
from inventory.models import CardDetails, Collectible, Photo
from price_history.models import PriceHistory, Tracker
from valuation.models import ValueSnapshot
from vendors.models import Vendor

_CHUNK = 2000

# Plain fields written per model; the relations each writes are in the row functions.
COLLECTIBLE_FIELDS = plain_fields(Collectible, leaving_out=("search_vector", "updated_at"))
CARD_FIELDS = plain_fields(CardDetails)
# The conditional-GET validators are left out: a restored tracker fetches its page afresh.
TRACKER_FIELDS = plain_fields(
    Tracker, leaving_out=("etag", "last_modified", "next_run_at", "created_at", "updated_at")
)
# The delivery key names a scrape run of this server; restored rows have no run.
PRICE_FIELDS = plain_fields(PriceHistory, leaving_out=("dedupe_key", "created_at"))
SNAPSHOT_FIELDS = plain_fields(ValueSnapshot, leaving_out=("created_at", "updated_at"))
# The files are the archive's own; sizes and type are those of the image made on restore.
PHOTO_FIELDS = plain_fields(
    Photo,
    leaving_out=(
        "image",
        "thumbnail",
        "width",
        "height",
        "content_type",
        "byte_size",
        "created_at",
    ),
)


def app_version() -> str:
    try:
        return importlib.metadata.version("omni-stock")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def takeout_write(*, vendor: Vendor, out: IO[bytes]) -> dict[str, int]:
    """Write `vendor`'s take-out to `out` (a seekable binary file); the counts written."""
    counts: dict[str, int] = {}
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        items = (
            Collectible.objects.filter(vendor=vendor)
            .select_related("card_details", "created_by")
            .order_by("id")
        )
        counts["collectibles"] = _write_array(zf, layout.COLLECTIBLES, map(_item_row, _each(items)))
        trackers = (
            Tracker.objects.filter(collectible__vendor=vendor)
            .select_related("created_by")
            .order_by("id")
        )
        counts["trackers"] = _write_array(zf, layout.TRACKERS, map(_tracker_row, _each(trackers)))
        prices = (
            PriceHistory.objects.filter(collectible__vendor=vendor)
            .select_related("recorded_by")
            .order_by("collectible_id", "observed_at", "id")
        )
        counts["price_history"] = _write_array(
            zf, layout.PRICE_HISTORY, map(_price_row, _each(prices))
        )
        snapshots = ValueSnapshot.objects.filter(vendor=vendor).order_by("day")
        counts["value_snapshots"] = _write_array(
            zf, layout.VALUE_SNAPSHOTS, (encode(s, SNAPSHOT_FIELDS) for s in _each(snapshots))
        )
        counts["photos"] = _write_photos(zf, vendor)
        manifest = {
            "format": layout.FORMAT_NAME,
            "format_version": layout.FORMAT_VERSION,
            "exported_at": timezone.now().isoformat(),
            "app_version": app_version(),
            "vendor": {
                "name": vendor.name,
                "default_currency": vendor.default_currency,
            },
            "counts": counts,
        }
        zf.writestr(layout.MANIFEST, orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
    return counts


def _each(queryset: QuerySet[Any]) -> Iterator[Any]:
    return queryset.iterator(chunk_size=_CHUNK)


def _write_array(zf: zipfile.ZipFile, name: str, rows: Iterable[dict[str, Any]]) -> int:
    """A JSON array, one element per line; the number of elements."""
    count = 0
    with zf.open(name, "w", force_zip64=True) as entry:
        entry.write(b"[")
        for row in rows:
            entry.write((b",\n" if count else b"\n") + orjson.dumps(row))
            count += 1
        entry.write(b"\n]\n")
    return count


def _email(user: Any) -> str | None:
    return None if user is None else user.email


def _item_row(item: Collectible) -> dict[str, Any]:
    try:
        card = encode(item.card_details, CARD_FIELDS)
    except CardDetails.DoesNotExist:
        card = None
    return {
        "id": item.pk,
        **encode(item, COLLECTIBLE_FIELDS),
        "created_by": _email(item.created_by),
        "card_details": card,
    }


def _tracker_row(tracker: Tracker) -> dict[str, Any]:
    return {
        "id": tracker.pk,
        "collectible": tracker.collectible_id,
        **encode(tracker, TRACKER_FIELDS),
        "created_by": _email(tracker.created_by),
    }


def _price_row(price: PriceHistory) -> dict[str, Any]:
    return {
        "collectible": price.collectible_id,
        "tracker": price.tracker_id,
        **encode(price, PRICE_FIELDS),
        "recorded_by": _email(price.recorded_by),
    }


def _write_photos(zf: zipfile.ZipFile, vendor: Vendor) -> int:
    """photos.json, then each photo's stored image (the thumbnail is made again on
    restore): one zip entry is written at a time, so the rows go first and remember which
    file each names."""
    photos = (
        Photo.objects.filter(collectible__vendor=vendor)
        .select_related("uploaded_by")
        .order_by("collectible_id", "position", "id")
    )
    files: list[tuple[str, str]] = []  # (storage name, archive name)

    def rows() -> Iterator[dict[str, Any]]:
        for index, photo in enumerate(_each(photos)):
            stored = photo.image.name
            extension = stored.rsplit(".", 1)[-1].lower() if "." in stored else ""
            name = layout.photo_file_name(index, extension if extension.isalnum() else "bin")
            files.append((stored, name))
            yield {
                "collectible": photo.collectible_id,
                **encode(photo, PHOTO_FIELDS),
                "image": name,
                "uploaded_by": _email(photo.uploaded_by),
            }

    count = _write_array(zf, layout.PHOTOS, rows())
    for stored, name in files:
        with (
            default_storage.open(stored, "rb") as source,
            zf.open(name, "w", force_zip64=True) as entry,
        ):
            while chunk := source.read(1024 * 1024):
                entry.write(chunk)
    return count
