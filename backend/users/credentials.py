"""Per-user marketplace API keys: writes, and the one read the price checks make.

The plain secrets leave this module only through `credential_for` (the tracker owner's
key, passed to the scraper source that declares it needs one); nothing here logs them."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from users.models import MarketplaceCredential, MarketplaceProvider, User

__all__ = [
    "CredentialExistsError",
    "ProviderKeys",
    "credential_create",
    "credential_delete",
    "credential_for",
    "credential_list_for_user",
    "credential_update",
    "missing_fields",
]

#: The fields each provider's key is made of (all required).
FIELDS: dict[str, tuple[str, ...]] = {
    MarketplaceProvider.DISCOGS: ("token",),
    MarketplaceProvider.EBAY: ("client_id", "client_secret"),
}
SECRET_FIELDS = ("token", "client_id", "client_secret")


class CredentialExistsError(Exception):
    """The user already saved a key for this provider (change that one instead)."""


@dataclass(frozen=True, slots=True)
class ProviderKeys:
    token: str = ""
    client_id: str = ""
    client_secret: str = ""

    def __repr__(self) -> str:  # never the secrets, even in a traceback
        return "ProviderKeys(•••)"


def missing_fields(provider: str, values: dict[str, str]) -> list[str]:
    return [name for name in FIELDS.get(provider, ()) if not values.get(name)]


def credential_list_for_user(*, user: User) -> QuerySet[MarketplaceCredential]:
    return MarketplaceCredential.objects.filter(user=user)


def credential_create(*, user: User, provider: str, **secrets: str) -> MarketplaceCredential:
    values = {name: secrets.get(name, "") for name in FIELDS[provider]}
    try:
        with transaction.atomic():
            return MarketplaceCredential.objects.create(user=user, provider=provider, **values)
    except IntegrityError as exc:
        raise CredentialExistsError(
            _("You already saved a %(provider)s key; change or remove that one.")
            % {"provider": provider}
        ) from exc


def credential_update(
    *, credential: MarketplaceCredential, **secrets: str
) -> MarketplaceCredential:
    changed = [name for name in FIELDS[credential.provider] if secrets.get(name)]
    for name in changed:
        setattr(credential, name, secrets[name])
    if changed:
        credential.save(update_fields=[*changed, "updated_at"])
    return credential


def credential_delete(*, credential: MarketplaceCredential) -> None:
    credential.delete()


def credential_for(*, user_id: int | None, provider: str) -> ProviderKeys | None:
    """The decrypted key `user_id` saved for `provider`, or None."""
    if user_id is None:
        return None
    row = (
        MarketplaceCredential.objects.filter(user_id=user_id, provider=provider)
        .values_list(*SECRET_FIELDS)
        .first()
    )
    if row is None:
        return None
    return ProviderKeys(*row)
