"""Secrets at rest: one encrypted field type for every app (channel URLs, source keys).

Fernet (AES-128-CBC + HMAC-SHA256, from `cryptography`) through MultiFernet, so keys can
rotate: FIELD_ENCRYPTION_KEYS lists keys newest first; the first encrypts, every one
decrypts. `manage.py rotate_encryption_keys` re-encrypts stored values with the first key,
after which an old key can be removed. Tokens are random: an encrypted column cannot be
searched or filtered on, only read back. See docs/operations.md, "Encryption keys".
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

__all__ = [
    "MASK",
    "EncryptedTextField",
    "decrypt",
    "development_key",
    "encrypt",
    "key_problem",
    "masked",
]

#: What an answer shows in place of a secret.
MASK = "•••"


def masked(secret: str) -> str:
    """A secret as an answer may show it: `•••` and, for a long one, its last 4 characters
    (enough to tell two keys apart, far too few to use); `""` when there is none."""
    if not secret:
        return ""
    return f"{MASK}{secret[-4:]}" if len(secret) >= 16 else MASK


def development_key(secret_key: str) -> str:
    """The key DEBUG derives from SECRET_KEY when FIELD_ENCRYPTION_KEYS is unset: stable
    across restarts of one development setup, useless anywhere else."""
    digest = hashlib.sha256(b"omni-stock field encryption:" + secret_key.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()


def key_problem(key: str) -> str | None:
    """Why `key` is not a Fernet key (32 url-safe base64-encoded bytes), or None."""
    try:
        Fernet(key.encode())
    except (ValueError, TypeError):
        return "each key must be 32 url-safe base64-encoded bytes (Fernet.generate_key())"
    return None


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty.")
    return MultiFernet([Fernet(key.encode()) for key in keys])


def _current() -> MultiFernet:
    return _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(value: str) -> str:
    return _current().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _current().decrypt(token.encode()).decode()
    except InvalidToken:
        raise ImproperlyConfigured(
            "A stored secret cannot be decrypted with any of FIELD_ENCRYPTION_KEYS: the key "
            "that encrypted it was removed before `manage.py rotate_encryption_keys` ran."
        ) from None


class EncryptedTextField(models.TextField):
    """A text column stored as a Fernet token; Python sees the plain text.

    The empty string stays empty (nothing secret to hide, and `blank` keeps working)."""

    description = "Text encrypted at rest (Fernet)"

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(str(value))

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None or value == "":
            return value
        return decrypt(value)
