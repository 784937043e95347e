"""Photos of an item: reading them, adding one (checked and re-encoded by
`inventory.images`), moving, choosing the cover, reordering and deleting.

Rules, in one place:

- an item has at most PHOTO_MAX_PER_ITEM photos;
- an item with photos has exactly one cover: its first photo becomes the cover, another
  can be chosen, and deleting the cover makes the first of the others the cover;
- positions are 0, 1, 2 … in the item's order, with no gaps after any write;
- files follow their rows: the files of a deleted photo (or of the photos of a deleted
  item or vendor, cascades included) are removed from storage once the deletion commits,
  and the files of a photo whose row could not be written are removed at once.

Every write locks the item's row first, so two uploads cannot both take the last place or
both become the first cover.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from inventory.images import ImageRejected, ProcessedImage, process_image
from inventory.models import Collectible, Photo
from users.models import User

logger = logging.getLogger(__name__)

KEEP_ONE_COVER = gettext_lazy(
    "An item with photos always has one cover: make another photo the cover instead."
)


class PhotoTooLargeError(Exception):
    """The upload is larger than PHOTO_MAX_UPLOAD_BYTES (the API answers 413)."""

    def __init__(self) -> None:
        self.limit = settings.PHOTO_MAX_UPLOAD_BYTES
        super().__init__(
            _("A photo may be at most %(megabytes)s MB.")
            % {"megabytes": self.limit // (1024 * 1024)}
        )


def photo_list(*, collectible: Collectible) -> QuerySet[Photo]:
    return Photo.objects.filter(collectible_id=collectible.pk).order_by("position", "id")


def photo_process(*, data: bytes) -> ProcessedImage:
    """The image and thumbnail to store for `data`, or a ValidationError on `image`."""
    if len(data) > settings.PHOTO_MAX_UPLOAD_BYTES:
        raise PhotoTooLargeError()
    try:
        return process_image(
            data,
            max_pixels=settings.PHOTO_MAX_PIXELS,
            max_side=settings.PHOTO_MAX_SIDE,
            thumbnail_side=settings.PHOTO_THUMBNAIL_SIDE,
        )
    except ImageRejected as exc:
        raise ValidationError({"image": [exc.message]}, code="invalid_image") from exc


def _lock(collectible: Collectible) -> None:
    Collectible.objects.select_for_update().filter(pk=collectible.pk).values_list("pk").first()


def _renumber(photos: Sequence[Photo]) -> None:
    """Positions 0, 1, 2 … in this order (the position constraint is checked at commit)."""
    moved = []
    for position, photo in enumerate(photos):
        if photo.position != position:
            photo.position = position
            moved.append(photo)
    if moved:
        Photo.objects.bulk_update(moved, ["position"])


@transaction.atomic
def photo_add(
    *, collectible: Collectible, uploaded_by: User | None, data: bytes, source_url: str = ""
) -> Photo:
    """Add a photo made from the image bytes `data` at the end of the item's photos (its
    cover if it is the first). Raises `PhotoTooLargeError`, or ValidationError when the
    bytes are not an accepted image or the item has no room."""
    processed = photo_process(data=data)  # the slow part, before any lock is taken
    _lock(collectible)
    photos = list(photo_list(collectible=collectible))
    limit = settings.PHOTO_MAX_PER_ITEM
    if len(photos) >= limit:
        raise ValidationError(
            {
                "image": [
                    ngettext(
                        "This item already has %(count)s photo, the most it can have.",
                        "This item already has %(count)s photos, the most it can have.",
                        limit,
                    )
                    % {"count": limit}
                ]
            },
            code="too_many_photos",
        )
    photo = Photo(
        collectible=collectible,
        position=len(photos),
        is_cover=not photos,
        width=processed.width,
        height=processed.height,
        content_type=processed.content_type,
        byte_size=len(processed.image),
        source_url=source_url,
        uploaded_by=uploaded_by,
    )
    _renumber(photos)
    stem = uuid.uuid4().hex  # unguessable: media URLs are served without authentication
    try:
        photo.image.save(f"{stem}.{processed.extension}", ContentFile(processed.image), save=False)
        photo.thumbnail.save(
            f"{stem}-thumb.{processed.extension}", ContentFile(processed.thumbnail), save=False
        )
        photo.full_clean(exclude=["collectible", "uploaded_by"])
        photo.save()
    except BaseException:
        _delete_files([photo.image.name, photo.thumbnail.name])
        raise
    return photo


@transaction.atomic
def photo_update(*, photo: Photo, data: dict[str, Any]) -> Photo:
    """`position` moves the photo there (0 first; past the end: last); `is_cover: true`
    makes it the item's cover. Unsetting the cover is refused (choose another instead)."""
    _lock(photo.collectible)
    photos = list(photo_list(collectible=photo.collectible))
    current = next((p for p in photos if p.pk == photo.pk), None)
    if current is None:  # deleted meanwhile
        raise Photo.DoesNotExist()
    if data.get("is_cover") is False and current.is_cover:
        raise ValidationError({"is_cover": [KEEP_ONE_COVER]}, code="cover_required")
    if data.get("is_cover") and not current.is_cover:
        # Unset the old cover first: at most one cover per item at every moment.
        Photo.objects.filter(collectible_id=current.collectible_id, is_cover=True).update(
            is_cover=False
        )
        Photo.objects.filter(pk=current.pk).update(is_cover=True)
        current.is_cover = True
    if "position" in data:
        others = [p for p in photos if p.pk != current.pk]
        others.insert(min(data["position"], len(others)), current)
        _renumber(others)
    return current


@transaction.atomic
def photo_reorder(*, collectible: Collectible, photo_ids: Sequence[int]) -> list[Photo]:
    """Put the item's photos in the order of `photo_ids`, which must name each of them
    exactly once."""
    _lock(collectible)
    photos = {p.pk: p for p in photo_list(collectible=collectible)}
    if len(set(photo_ids)) != len(photo_ids):
        raise ValidationError({"ids": [_("Each photo may appear only once.")]}, code="duplicate")
    if set(photo_ids) != set(photos):
        raise ValidationError(
            {"ids": [_("List every photo of this item exactly once (and no other).")]},
            code="incomplete",
        )
    ordered = [photos[pk] for pk in photo_ids]
    _renumber(ordered)
    return ordered


@transaction.atomic
def photo_delete(*, photo: Photo) -> None:
    """Delete the photo (its files once this commits); a deleted cover passes to the
    first remaining photo."""
    collectible = photo.collectible
    _lock(collectible)
    photo.delete()
    remaining = list(photo_list(collectible=collectible))
    _renumber(remaining)
    if remaining and not any(p.is_cover for p in remaining):
        Photo.objects.filter(pk=remaining[0].pk).update(is_cover=True)


def _delete_files(names: Sequence[str]) -> None:
    for name in names:
        if not name:
            continue
        try:
            default_storage.delete(name)
        except Exception:  # a file left behind must not fail the deletion that committed
            logger.exception("Could not delete the photo file %s", name)


@receiver(post_delete, sender=Photo, dispatch_uid="inventory.photos.delete_files")
def _delete_files_after_commit(sender: type[Photo], instance: Photo, **kwargs: Any) -> None:
    """Every deleted photo row, however it was deleted (a photo, an item, a vendor)."""
    names = [instance.image.name, instance.thumbnail.name]
    transaction.on_commit(lambda: _delete_files(names))
