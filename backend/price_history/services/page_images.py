"""Adding a tracked page's product image as a photo of its item.

As with a check (`checks`), the web never fetches: `tracker_photo_add` sends the page's
URL to a worker (task `fetch_page_image`, queue `interactive`) and waits for its answer at
most SCRAPER_CHECK_DEADLINE_SECONDS. The worker (`page_image_execute`) fetches the page and
then its image through the scraper's guarded HTTP (SSRF guard, robots.txt, size cap,
timeouts), and hands the bytes back; the web then adds them through inventory's photo
service, so a page image passes exactly the checks of an upload.
"""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from inventory import photos
from inventory.models import Photo
from price_history import gateway, queue
from price_history.models import Tracker
from price_history.services.checks import (
    worker_answer,
    worker_reply,
)
from users.models import User

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageImageError(Exception):
    """The page has no usable image, or it could not be fetched (a typed failure)."""

    kind: str
    message: str


def tracker_photo_add(*, tracker: Tracker, added_by: User) -> Photo:
    """Have a worker fetch the tracked page's product image, then add it as a photo of the
    tracker's item. Raises `PageImageError` (why the page gave no image), the photo
    service's ValidationError (not an accepted image, no room), `QueueUnavailableError`,
    `CheckUnavailableError` (no worker answered in time) or `LimiterUnavailableError`."""
    answer = queue.request_answer(
        queue.PAGE_IMAGE_TASK,
        {"url": tracker.url, "max_bytes": settings.PHOTO_MAX_UPLOAD_BYTES},
        timeout=settings.SCRAPER_CHECK_DEADLINE_SECONDS,
    )
    answer = worker_answer(answer)
    failure = answer.get("failure")
    if failure is not None:
        raise PageImageError(kind=failure["kind"], message=failure["message"])
    return photos.photo_add(
        collectible=tracker.collectible,
        uploaded_by=added_by,
        data=base64.b64decode(answer["image"]),
        source_url=answer["url"][:2000],
    )


def page_image_execute(*, request: dict[str, Any], timeout: float) -> dict[str, Any]:
    """On the worker: fetch the product image of the page `request["url"]` (at most
    `request["max_bytes"]`) within `timeout` seconds; the answer for the web (JSON)."""
    url = str(request.get("url") or "")

    def fetch() -> dict[str, Any]:
        image = gateway.fetch_page_image(
            url, timeout=timeout, max_bytes=int(request.get("max_bytes") or 0)
        )
        return {"url": image.final_url, "image": base64.b64encode(image.body).decode("ascii")}

    return worker_reply(
        fetch,
        doing=f"fetching the image of {url}",
        sorry="Something went wrong on our side while fetching this page's image.",
    )
