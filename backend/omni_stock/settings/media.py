"""Uploaded media (item photos): where files are stored and how they are served.
See docs/operations.md ("Media storage")."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from omni_stock.settings.base import DATA_DIR, DEBUG, STORAGES, env

# --- Media (item photos) -----------------------------------------------------------------
# Files go through Django's storage API: local files under MEDIA_ROOT by default, any
# storage backend (django-storages' S3, Azure, GCS…) with MEDIA_STORAGE_BACKEND and its
# options as a JSON object in MEDIA_STORAGE_OPTIONS.
MEDIA_ROOT = env.str("MEDIA_ROOT", default="") or str(DATA_DIR / "media")
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_STORAGE_BACKEND = env.str(
    "MEDIA_STORAGE_BACKEND", default="django.core.files.storage.FileSystemStorage"
)
MEDIA_STORAGE_OPTIONS = env.json("MEDIA_STORAGE_OPTIONS", default={})
if not isinstance(MEDIA_STORAGE_OPTIONS, dict):
    raise ImproperlyConfigured("MEDIA_STORAGE_OPTIONS must be a JSON object.")
if not MEDIA_URL.endswith("/"):
    raise ImproperlyConfigured("MEDIA_URL must end with a slash, e.g. /media/.")
STORAGES["default"] = {"BACKEND": MEDIA_STORAGE_BACKEND}
if MEDIA_STORAGE_OPTIONS:
    STORAGES["default"]["OPTIONS"] = MEDIA_STORAGE_OPTIONS  # type: ignore[assignment]
# Django itself serves local media files under MEDIA_URL (`make run`, DEBUG); in production
# a proxy or the storage's own URLs should (MEDIA_SERVE=true keeps Django doing it).
MEDIA_SERVE = env.bool("MEDIA_SERVE", default=DEBUG)

# Photos of one item, the size of one upload, and the largest image (in pixels) decoded:
# a small file can declare a huge image ("decompression bomb").
PHOTO_MAX_PER_ITEM = env.int("PHOTO_MAX_PER_ITEM", default=20)
PHOTO_MAX_UPLOAD_BYTES = env.int("PHOTO_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
PHOTO_MAX_PIXELS = env.int("PHOTO_MAX_PIXELS", default=50_000_000)
# Long side of the stored image and of its thumbnail, in pixels.
PHOTO_MAX_SIDE = env.int("PHOTO_MAX_SIDE", default=2048)
PHOTO_THUMBNAIL_SIDE = env.int("PHOTO_THUMBNAIL_SIDE", default=400)

if not (
    1 <= PHOTO_MAX_PER_ITEM <= 1000
    and 1024 <= PHOTO_MAX_UPLOAD_BYTES <= 100 * 1024 * 1024
    and 1_000_000 <= PHOTO_MAX_PIXELS <= 500_000_000
    and 64 <= PHOTO_THUMBNAIL_SIDE <= PHOTO_MAX_SIDE <= 8192
):
    raise ImproperlyConfigured(
        "Check the photo limits: PHOTO_MAX_PER_ITEM 1-1000, PHOTO_MAX_UPLOAD_BYTES 1 KB-100 MB, "
        "PHOTO_MAX_PIXELS 1-500 million, 64 <= PHOTO_THUMBNAIL_SIDE <= PHOTO_MAX_SIDE <= 8192."
    )
# --- end of media ------------------------------------------------------------------------
