from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from core.currencies import validate_currency_code
from core.encryption import EncryptedTextField


def language_choices() -> list[tuple[str, str]]:
    """The languages the server writes in (settings.LANGUAGES), read when validating, so a
    language added to the settings needs no migration."""
    return list(settings.LANGUAGES)


def normalize_email(email: str) -> str:
    """Emails are the login and compared case-insensitively: store them lower-cased."""
    return email.strip().lower()


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def get_by_natural_key(self, username: str | None) -> "User":
        return self.get(email=normalize_email(username or ""))

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("email address", max_length=254, unique=True)
    display_name = models.CharField(max_length=100, blank=True)
    # Where values are shown (ISO 4217); empty: each collection's own currency.
    display_currency = models.CharField(
        max_length=3, blank=True, default="", db_default="", validators=[validate_currency_code]
    )
    # What mails, pushes and the inbox are written in (users.languages); empty: not chosen,
    # the request's language where there is one, else settings.LANGUAGE_CODE.
    language = models.CharField(
        max_length=10, blank=True, default="", db_default="", choices=language_choices
    )
    # Set when the owner opened the link mailed to `email` (users.verification).
    email_verified_at = models.DateTimeField(null=True, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now, editable=False)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        ordering = ["email"]
        constraints = [
            # Stored lower-cased, so `unique=True` is case-insensitive uniqueness.
            models.CheckConstraint(
                condition=models.Q(email=Lower("email")), name="user_email_lowercase"
            ),
        ]

    def __str__(self) -> str:
        return self.email

    def clean(self) -> None:
        super().clean()
        self.email = normalize_email(self.email)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.email = normalize_email(self.email)
        super().save(*args, **kwargs)

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    def get_full_name(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name or self.email.split("@")[0]


class RevokedSession(models.Model):
    """A login session (the chain of refresh tokens rotated from one login, named by the
    tokens' `sid` claim) that was ended: no token of it is accepted any more.

    Written on logout and when a refresh token that was already used comes back (it was
    copied: the whole chain is revoked, as the OAuth 2.0 security BCP recommends). Rows
    are useless once every token of the session has expired (`expires_at`) and are purged
    on the next write.
    """

    class Reason(models.TextChoices):
        LOGOUT = "logout", "Logged out"
        ALL_SESSIONS = "all_sessions", "Signed out everywhere"
        PASSWORD_CHANGED = "password_changed", "The password was changed or reset"
        REFRESH_REUSED = "refresh_reused", "A used refresh token came back"

    sid = models.CharField("session id", max_length=64, unique=True)
    user = models.ForeignKey(
        "users.User", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(max_length=20, choices=Reason.choices)
    revoked_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-revoked_at"]

    def __str__(self) -> str:
        return f"{self.sid} ({self.get_reason_display()})"


class MarketplaceProvider(models.TextChoices):
    DISCOGS = "discogs", "Discogs (personal access token)"
    EBAY = "ebay", "eBay (application client id and secret)"


class MarketplaceCredential(models.Model):
    """A collector's own key for a marketplace API, used to check their trackers there.

    Secrets: encrypted at rest (`core.encryption`), never logged, never returned by the
    API (answers carry masked values). Discogs uses `token`; eBay `client_id` and
    `client_secret`. One per user and provider."""

    user = models.ForeignKey(
        "users.User", on_delete=models.CASCADE, related_name="marketplace_credentials"
    )
    provider = models.CharField(max_length=16, choices=MarketplaceProvider.choices)
    token = EncryptedTextField(blank=True, default="")
    client_id = EncryptedTextField(blank=True, default="")
    client_secret = EncryptedTextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["provider", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "provider"], name="marketplace_credential_one_per_provider"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_provider_display()} key of user {self.user_id}"
