"""Loading a take-out archive into an empty vendor: everything or nothing.

One transaction: every row is checked with its model's own validation (and the item
rules of the collectibles API: tags, external ids, card details only for cards) before it
is written; the first problem raises `TakeoutInvalid` naming the file and the row, and
nothing stays written (photo files already stored are removed too).

What changes on the way (docs/imports.md):

- ids are new; the archive's ids only tie rows together;
- items keep their `created_at`; every other row's creation and update times are now;
- people are linked by e-mail to members of the target vendor, else left empty;
- trackers keep their state (active or paused, failures, last results) but are due at
  once (`next_run_at` = now) and fetch their page afresh (no conditional-GET validators);
- observations keep source, condition, URL and time; their delivery key (which names a
  scrape run of the source server) is not carried: restored rows belong to no run;
- item valuations are not carried: they are computed again when the items are read;
- daily value snapshots replace the target's (an empty vendor's are all zero);
- photos are added through `inventory.photos` (checked and re-encoded like an upload),
  in their order, with the same cover.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone
from rest_framework import serializers

from imports.takeout import archive as layout
from imports.takeout.archive import TakeoutArchive
from imports.takeout.build import (
    CARD_FIELDS,
    COLLECTIBLE_FIELDS,
    PHOTO_FIELDS,
    PRICE_FIELDS,
    SNAPSHOT_FIELDS,
    TRACKER_FIELDS,
)
from imports.takeout.codec import TakeoutInvalid, decode, validation_message
from inventory.models import (
    CARD_DETAILS_ONLY_FOR_CARDS,
    CardDetails,
    Collectible,
    Photo,
    takes_card_details,
)
from inventory.photos import PhotoTooLargeError, photo_add, photo_update
from inventory.serializers import ExternalIdsField
from inventory.tags import normalize_tags
from price_history.models import PriceHistory, Tracker
from users.models import User
from valuation.models import ValueSnapshot
from vendors.models import Membership, Vendor

_BATCH = 2000
_CLEAN = {"validate_unique": False, "validate_constraints": False}  # the database checks them


class VendorNotEmpty(Exception):
    def __init__(self, vendor: Vendor) -> None:
        self.message = (
            f"{vendor.name} already holds items: a take-out is restored into an empty "
            "collection only (create a new vendor, or delete its items first)."
        )
        super().__init__(self.message)


@transaction.atomic
def vendor_takeout_restore(*, vendor: Vendor, archive: TakeoutArchive) -> dict[str, int]:
    """Load `archive` into `vendor`, which must hold no item; the counts written."""
    Vendor.objects.select_for_update().filter(pk=vendor.pk).first()  # one restore at a time
    if Collectible.objects.filter(vendor=vendor).exists():
        raise VendorNotEmpty(vendor)
    members = {
        m.user.email.lower(): m.user
        for m in Membership.objects.filter(vendor=vendor).select_related("user")
    }
    stored_files: list[str] = []
    try:
        return _restore(vendor, archive, members, stored_files)
    except IntegrityError as exc:
        _delete_files(stored_files)
        raise TakeoutInvalid(f"A row breaks a rule of the database: {exc}".strip()) from exc
    except BaseException:
        _delete_files(stored_files)
        raise


def _restore(
    vendor: Vendor, archive: TakeoutArchive, members: dict[str, User], stored_files: list[str]
) -> dict[str, int]:
    def person(value: Any, where: str) -> User | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise TakeoutInvalid(f"{where}: must be an e-mail address or null.")
        return members.get(value.lower())

    items = _restore_collectibles(vendor, archive.rows(layout.COLLECTIBLES), person)
    trackers = _restore_trackers(archive.rows(layout.TRACKERS), items, person)
    prices = _restore_prices(archive.rows(layout.PRICE_HISTORY), items, trackers, person)
    snapshots = _restore_snapshots(vendor, archive.rows(layout.VALUE_SNAPSHOTS))
    photos = _restore_photos(archive, items, person, stored_files)
    return {
        "collectibles": len(items),
        "trackers": len(trackers),
        "price_history": prices,
        "value_snapshots": snapshots,
        "photos": photos,
    }


Person = Callable[[Any, str], User | None]


def _reference(row: dict[str, Any], key: str, known: dict[int, Any], where: str) -> Any:
    value = row.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value not in known:
        raise TakeoutInvalid(f"{where}, {key}: {value!r} is not the id of a row in the archive.")
    return known[value]


def _clean(instance: models.Model, exclude: Sequence[str], where: str) -> None:
    try:
        instance.full_clean(exclude=list(exclude), **_CLEAN)
    except ValidationError as exc:
        raise TakeoutInvalid(f"{where}: {validation_message(exc)}") from exc


def _restore_collectibles(
    vendor: Vendor, rows: list[Any], person: Person
) -> dict[int, Collectible]:
    limit = settings.INVENTORY_MAX_ITEMS_PER_VENDOR
    if len(rows) > limit:
        raise TakeoutInvalid(
            f"{layout.COLLECTIBLES}: {len(rows):,} items; a vendor holds at most {limit:,}."
        )
    by_source_id: dict[int, Collectible] = {}
    cards: list[CardDetails] = []
    for index, row in enumerate(rows):
        where = f"{layout.COLLECTIBLES}, item {index}"
        values = decode(
            row, COLLECTIBLE_FIELDS, where=where, references=("id", "created_by", "card_details")
        )
        source_id = row.get("id")
        if isinstance(source_id, bool) or not isinstance(source_id, int):
            raise TakeoutInvalid(f"{where}, id: must be a whole number.")
        if source_id in by_source_id:
            raise TakeoutInvalid(f"{where}, id: {source_id} appears twice.")
        try:
            values["tags"] = normalize_tags(values.get("tags", []))
            values["external_ids"] = ExternalIdsField().to_internal_value(
                values.get("external_ids", {})
            )
        except ValidationError as exc:
            raise TakeoutInvalid(f"{where}, tags: {' '.join(exc.messages)}") from exc
        except serializers.ValidationError as exc:
            raise TakeoutInvalid(
                f"{where}, external_ids: {' '.join(map(str, exc.detail))}"
            ) from exc
        item = Collectible(vendor=vendor, created_by=person(row.get("created_by"), where), **values)
        _clean(item, ["vendor", "created_by"], where)
        by_source_id[source_id] = item
        card_row = row.get("card_details")
        if card_row is not None:
            if not takes_card_details(item.category):
                raise TakeoutInvalid(f"{where}, card_details: {CARD_DETAILS_ONLY_FOR_CARDS}")
            card = CardDetails(**decode(card_row, CARD_FIELDS, where=f"{where}, card_details"))
            _clean(card, ["collectible"], f"{where}, card_details")
            card.collectible = item
            cards.append(card)
    created = list(by_source_id.values())
    created_at = [item.created_at for item in created]
    Collectible.objects.bulk_create(created, batch_size=_BATCH)
    _put_back_created_at(created, created_at)
    for card in cards:
        card.collectible_id = card.collectible.pk
    CardDetails.objects.bulk_create(cards, batch_size=_BATCH)
    return by_source_id


def _put_back_created_at(items: list[Collectible], created_at: list[Any]) -> None:
    """`created_at` is set on insert whatever is given (auto_now_add): put the archive's
    back, in one statement (bulk_update's CASE over 100k rows took seconds)."""
    kept = [(item, when) for item, when in zip(items, created_at, strict=True) if when]
    if not kept:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE inventory_collectible AS item SET created_at = kept.created_at "
            "FROM unnest(%s::bigint[], %s::timestamptz[]) AS kept(id, created_at) "
            "WHERE item.id = kept.id",
            [[item.pk for item, _ in kept], [when for _, when in kept]],
        )
    for item, when in kept:
        item.created_at = when


def _restore_trackers(
    rows: list[Any], items: dict[int, Collectible], person: Person
) -> dict[int, Tracker]:
    now = timezone.now()
    by_source_id: dict[int, Tracker] = {}
    for index, row in enumerate(rows):
        where = f"{layout.TRACKERS}, tracker {index}"
        values = decode(
            row, TRACKER_FIELDS, where=where, references=("id", "collectible", "created_by")
        )
        source_id = row.get("id")
        if (
            isinstance(source_id, bool)
            or not isinstance(source_id, int)
            or source_id in by_source_id
        ):
            raise TakeoutInvalid(f"{where}, id: must be a whole number, once per tracker.")
        tracker = Tracker(
            collectible=_reference(row, "collectible", items, where),
            created_by=person(row.get("created_by"), where),
            next_run_at=now,  # due at once: it resumes where the source left off
            **values,
        )
        _clean(tracker, ["collectible", "created_by"], where)
        by_source_id[source_id] = tracker
    Tracker.objects.bulk_create(list(by_source_id.values()), batch_size=_BATCH)
    return by_source_id


def _restore_prices(
    rows: list[Any], items: dict[int, Collectible], trackers: dict[int, Tracker], person: Person
) -> int:
    def built() -> Iterator[PriceHistory]:
        for index, row in enumerate(rows):
            where = f"{layout.PRICE_HISTORY}, observation {index}"
            values = decode(
                row,
                PRICE_FIELDS,
                where=where,
                references=("collectible", "tracker", "recorded_by"),
            )
            item = _reference(row, "collectible", items, where)
            tracker = None
            if row.get("tracker") is not None:
                tracker = _reference(row, "tracker", trackers, where)
                if tracker.collectible is not item:
                    raise TakeoutInvalid(f"{where}, tracker: a tracker of another item.")
            price = PriceHistory(
                collectible=item,
                tracker=tracker,
                recorded_by=person(row.get("recorded_by"), where),
                **values,
            )
            _clean(price, ["collectible", "tracker", "run", "recorded_by"], where)
            yield price

    count = 0
    batch: list[PriceHistory] = []
    for price in built():
        batch.append(price)
        if len(batch) == _BATCH:
            PriceHistory.objects.bulk_create(batch)
            count, batch = count + len(batch), []
    PriceHistory.objects.bulk_create(batch)
    return count + len(batch)


def _restore_snapshots(vendor: Vendor, rows: list[Any]) -> int:
    snapshots = []
    for index, row in enumerate(rows):
        where = f"{layout.VALUE_SNAPSHOTS}, day {index}"
        snapshot = ValueSnapshot(vendor=vendor, **decode(row, SNAPSHOT_FIELDS, where=where))
        _clean(snapshot, ["vendor"], where)
        snapshots.append(snapshot)
    if snapshots:
        ValueSnapshot.objects.filter(vendor=vendor).delete()
        ValueSnapshot.objects.bulk_create(snapshots, batch_size=_BATCH)
    return len(snapshots)


def _restore_photos(
    archive: TakeoutArchive, items: dict[int, Collectible], person: Person, stored: list[str]
) -> int:
    rows = archive.rows(layout.PHOTOS)
    ordered = []
    for index, row in enumerate(rows):
        where = f"{layout.PHOTOS}, photo {index}"
        values = decode(
            row, PHOTO_FIELDS, where=where, references=("collectible", "image", "uploaded_by")
        )
        image = row.get("image")
        if not isinstance(image, str):
            raise TakeoutInvalid(f"{where}, image: must name a file of the archive.")
        item = _reference(row, "collectible", items, where)
        ordered.append((item.pk, values.get("position", 0), index, item, values, image, row))
    ordered.sort(key=lambda entry: entry[:3])
    for _pk, _position, index, item, values, image, row in ordered:
        where = f"{layout.PHOTOS}, photo {index}"
        try:
            photo = photo_add(
                collectible=item,
                uploaded_by=person(row.get("uploaded_by"), where),
                data=archive.photo(image),
                source_url=values.get("source_url", ""),
            )
        except PhotoTooLargeError as exc:
            raise TakeoutInvalid(f"{where}: {exc}") from exc
        except ValidationError as exc:
            raise TakeoutInvalid(f"{where}: {validation_message(exc)}") from exc
        stored += [photo.image.name, photo.thumbnail.name]
        if values.get("is_cover") and not photo.is_cover:
            photo_update(photo=photo, data={"is_cover": True})
    return len(ordered)


def _delete_files(names: list[str]) -> None:
    for name in names:
        if name and default_storage.exists(name):
            default_storage.delete(name)


def restored_relations() -> dict[type[models.Model], set[str]]:
    """The relations each restored model's rows set (a test holds it to the models)."""
    return {
        Collectible: {"vendor", "created_by"},
        CardDetails: {"collectible"},
        Tracker: {"collectible", "created_by"},
        PriceHistory: {"collectible", "tracker", "run", "recorded_by"},
        ValueSnapshot: {"vendor"},
        Photo: {"collectible", "uploaded_by"},
    }
