"""Shapes of photos: a photo, an upload, a new order, and an item's `cover_photo`."""

from __future__ import annotations

from typing import Any

from django.core.files.storage import default_storage
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from inventory.models import Photo

MAX_ORDER_IDS = 1000


def media_url(name: str) -> str:
    """The URL of a stored file, as the storage gives it (`/media/…` for local files)."""
    return default_storage.url(name)


def cover_photo_of(image: str | None, thumbnail: str | None) -> dict[str, str] | None:
    """An item's `cover_photo` from its cover's file names (None: no photos)."""
    if not image or not thumbnail:
        return None
    return {"url": media_url(image), "thumbnail_url": media_url(thumbnail)}


class CoverPhotoSerializer(serializers.Serializer):
    url = serializers.CharField(help_text="The image (long side at most PHOTO_MAX_SIDE px).")
    thumbnail_url = serializers.CharField(
        help_text="The thumbnail (long side at most PHOTO_THUMBNAIL_SIDE px)."
    )


@extend_schema_field(CoverPhotoSerializer(allow_null=True))
class CoverPhotoField(serializers.Field):
    """An item's cover: its urls, or null when it has no photos (read-only)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, value: Any) -> dict[str, str] | None:
        cover = Photo.objects.filter(collectible_id=value.pk, is_cover=True).first()
        return None if cover is None else cover_photo_of(cover.image.name, cover.thumbnail.name)


class PhotoSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="The stored image (metadata stripped).")
    thumbnail_url = serializers.SerializerMethodField()
    position = serializers.IntegerField(
        min_value=0,
        max_value=10_000,
        required=False,
        help_text="0 first. Setting it moves the photo there (past the end: last).",
    )
    is_cover = serializers.BooleanField(
        required=False,
        help_text="Set true to make it the item's cover; an item with photos always has "
        "exactly one, so false on the cover is refused.",
    )
    uploaded_by = serializers.IntegerField(source="uploaded_by_id", read_only=True, allow_null=True)

    class Meta:
        model = Photo
        fields = [
            "id",
            "collectible",
            "url",
            "thumbnail_url",
            "position",
            "is_cover",
            "width",
            "height",
            "content_type",
            "byte_size",
            "source_url",
            "uploaded_by",
            "created_at",
        ]
        read_only_fields = [
            "id",
            "collectible",
            "width",
            "height",
            "content_type",
            "byte_size",
            "source_url",
            "created_at",
        ]

    def get_url(self, photo: Photo) -> str:
        return media_url(photo.image.name)

    def get_thumbnail_url(self, photo: Photo) -> str:
        return media_url(photo.thumbnail.name)


class PhotoUploadSerializer(serializers.Serializer):
    image = serializers.FileField(
        allow_empty_file=True,  # refused by the image checks, with the same message as junk
        help_text="JPEG, PNG, WebP, GIF (first frame) or AVIF, at most PHOTO_MAX_UPLOAD_BYTES "
        "(10 MB). The type is read from the bytes, not the name. Stored re-encoded as WebP "
        "without metadata (EXIF, GPS), turned upright.",
    )


class PhotoOrderSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        max_length=MAX_ORDER_IDS,
        help_text="Every photo id of the item, each once, in the new order.",
    )
