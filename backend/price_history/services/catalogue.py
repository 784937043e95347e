""" "Find it": search a source's catalogue by an item's name and number and offer the
matches as URLs a tracker of that source reads.

As with a check (`checks`), the web never fetches: `catalogue_search` sends the search to
a worker (task `search_catalogue`, queue `interactive`) and waits for its answer at most
SCRAPER_CHECK_DEADLINE_SECONDS. The request carries the searcher's user id, never a key:
the worker (`catalogue_search_execute`) reads the searcher's own saved key for an API
source (`gateway.find_in_catalogue`), so no secret travels through the broker.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext, gettext_noop

from inventory.models import Collectible
from price_history import gateway, queue
from price_history.failure_texts import failure_text
from price_history.services.checks import (
    worker_answer,
    worker_reply,
)
from users.models import User

logger = logging.getLogger(__name__)

#: The longest query a search sends (the scraper's own limit).
MAX_QUERY_LENGTH = 200
#: Why a search failed when the worker met something unexpected (sent in English, read
#: in the searcher's language).
SEARCH_FAILED = gettext_noop("Something went wrong on our side while searching this marketplace.")


@dataclass(frozen=True)
class CatalogueSearchError(Exception):
    """The search failed: `missing_credentials` (no key, or a key refused) or a fetch
    failure (`http_error`, `timeout`, `rate_limited`, `robots_disallowed`, …); `message`
    in the active language."""

    kind: str
    message: str


def catalogue_query_for(collectible: Collectible) -> str:
    """What "Find it" searches for an item: its name and its number ("Charizard 4/102")."""
    words = " ".join(f"{collectible.name} {collectible.number}".split())
    return words[:MAX_QUERY_LENGTH].strip()


def catalogue_game_for(collectible: Collectible | None) -> str:
    """The item's card game ("Pokémon"), for the sources that search per game."""
    if collectible is None:
        return ""
    try:
        return collectible.card_details.game
    except ObjectDoesNotExist:
        return ""


def catalogue_search(*, user: User, source: str, query: str, game: str = "") -> list[dict]:
    """Have a worker search `source`'s catalogue for `query` with `user`'s own key (for an
    API source); the matches (title, url, subtitle, image, price). Raises
    `CatalogueSearchError`, `QueueUnavailableError`, `CheckUnavailableError` (no worker
    answered in time) or `LimiterUnavailableError`."""
    answer = queue.request_answer(
        queue.CATALOGUE_SEARCH_TASK,
        {"source": source, "query": query, "user_id": user.pk, "game": game},
        timeout=settings.SCRAPER_CHECK_DEADLINE_SECONDS,
    )
    answer = worker_answer(answer)
    failure = answer.get("failure")
    if failure is not None:
        raise CatalogueSearchError(kind=failure["kind"], message=_search_failure_text(failure))
    return list(answer.get("matches") or [])


def _search_failure_text(failure: dict[str, Any]) -> str:
    """The worker's failure in the searcher's language: the scraper's from its code and
    values, ours (SEARCH_FAILED, without a code) from the catalogue."""
    if not failure.get("code"):
        return gettext(failure["message"])
    return failure_text(
        kind=failure["kind"], message=failure["message"], code=failure["code"],
        params=failure.get("params"),
    )  # fmt: skip


def catalogue_search_execute(*, request: dict[str, Any], timeout: float) -> dict[str, Any]:
    """On the worker: run the search `request` describes within `timeout` seconds; the
    answer for the web (JSON)."""
    source = str(request.get("source") or "")

    def search() -> dict[str, Any]:
        matches = gateway.find_in_catalogue(
            source,
            str(request.get("query") or ""),
            user_id=int(request.get("user_id") or 0),
            game=str(request.get("game") or ""),
            timeout=timeout,
        )
        return {"matches": matches}

    return worker_reply(
        search,
        doing=f"searching {source}",
        sorry=SEARCH_FAILED,
    )
