"""Turning uploaded bytes into the images we store: pure (Pillow only, no database, no
storage), so an upload and a page image fetched by a worker go through the same checks.

What is accepted is decided by what Pillow finds in the bytes, never by a file name or a
declared content type: JPEG, PNG, WebP, GIF (its first frame) and AVIF. An image whose
header declares more than `max_pixels` is refused before it is decoded (a few KB of PNG
can declare gigapixels: a "decompression bomb"). The stored image is re-encoded from the
pixels alone, so EXIF (GPS position, camera serial), XMP, ICC and comments are all gone;
the EXIF orientation is applied first, so the picture still stands the right way up.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

#: Pillow's format names we accept (what the bytes are, not what they are called).
ACCEPTED_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "GIF", "AVIF"})
ACCEPTED_TEXT = "JPEG, PNG, WebP, GIF or AVIF"
#: Stored images and thumbnails: WebP keeps transparency and is smaller than JPEG.
STORED_FORMAT = "WEBP"
STORED_CONTENT_TYPE = "image/webp"
STORED_EXTENSION = "webp"
_QUALITY = 85
_THUMBNAIL_QUALITY = 80


class ImageRejected(Exception):
    """The bytes are not an image we accept; `message` says why."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class ProcessedImage:
    image: bytes
    thumbnail: bytes
    width: int
    height: int
    content_type: str = STORED_CONTENT_TYPE
    extension: str = STORED_EXTENSION


def _open(data: bytes, max_pixels: int) -> Image.Image:
    try:
        with warnings.catch_warnings():
            # Past MAX_IMAGE_PIXELS Pillow only warns: here that is a refusal too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # Only these decoders are tried: no exotic format's parser sees the bytes.
            image = Image.open(io.BytesIO(data), formats=sorted(ACCEPTED_FORMATS))
            width, height = image.size
            if width * height > max_pixels:
                raise ImageRejected(
                    _(
                        "The image is %(width)s × %(height)s pixels; at most %(limit)s "
                        "pixels in all are accepted."
                    )
                    % {"width": width, "height": height, "limit": f"{max_pixels:,}"}
                )
            image.seek(0)  # an animation: its first frame
            image.load()
    except ImageRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRejected(_("The image declares too many pixels to be decoded safely.")) from exc
    except UnidentifiedImageError as exc:
        raise ImageRejected(
            _("This file is not a %(formats)s image.") % {"formats": ACCEPTED_TEXT}
        ) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageRejected(_("The image is damaged or truncated and cannot be read.")) from exc
    return image


def _pixels_only(image: Image.Image) -> Image.Image:
    """The picture upright, in RGB (RGBA if it has transparency), with no metadata."""
    upright = ImageOps.exif_transpose(image)
    has_alpha = upright.mode in ("RGBA", "LA", "PA") or (
        upright.mode == "P" and "transparency" in upright.info
    )
    converted = upright.convert("RGBA" if has_alpha else "RGB")
    clean = Image.new(converted.mode, converted.size)
    clean.paste(converted)  # a fresh image: nothing of the original's `info` comes along
    return clean


def _encode(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, STORED_FORMAT, quality=quality, method=4)
    return out.getvalue()


def process_image(
    data: bytes, *, max_pixels: int, max_side: int, thumbnail_side: int
) -> ProcessedImage:
    """Check and re-encode `data`: the image (long side at most `max_side`) and its
    thumbnail (at most `thumbnail_side`). Raises `ImageRejected` with a sentence."""
    if not data:
        raise ImageRejected(_("The file is empty."))
    source = _open(data, max_pixels)
    try:
        picture = _pixels_only(source)
    finally:
        source.close()
    picture.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    small = picture.copy()
    small.thumbnail((thumbnail_side, thumbnail_side), Image.Resampling.LANCZOS)
    return ProcessedImage(
        image=_encode(picture, _QUALITY),
        thumbnail=_encode(small, _THUMBNAIL_QUALITY),
        width=picture.width,
        height=picture.height,
    )
