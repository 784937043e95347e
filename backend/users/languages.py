"""The language the server writes to a user in: mails, pushes, inbox texts, composed
outside the user's own request (by a worker) or for someone else's. The one home of that
choice; `in_language_of` is what composing code wraps itself in."""

from __future__ import annotations

from contextlib import AbstractContextManager

from django.conf import settings
from django.utils import translation

from users.models import User


def language_of(user: User | None) -> str:
    """The user's chosen language; else the active one (a request's Accept-Language, which
    LocaleMiddleware activated); else settings.LANGUAGE_CODE (a worker activates none)."""
    chosen = getattr(user, "language", "") or ""
    if chosen and translation.check_for_language(chosen):
        return chosen
    return translation.get_language() or settings.LANGUAGE_CODE


def in_language_of(user: User | None) -> AbstractContextManager[None]:
    """`with in_language_of(user): …` composes texts (gettext, number formats) as the user
    reads them; the language before is restored on exit."""
    return translation.override(language_of(user))
