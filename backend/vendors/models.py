from django.conf import settings
from django.db import models

from core.currencies import validate_currency_code
from core.models import TimestampedModel


class Role(models.TextChoices):
    OWNER = "owner", "Owner"
    EDITOR = "editor", "Editor"
    VIEWER = "viewer", "Viewer"


EDIT_ROLES = (Role.OWNER, Role.EDITOR)


class Visibility(models.TextChoices):
    PRIVATE = "private", "Private"
    UNLISTED = "unlisted", "Unlisted (secret link)"
    PUBLIC = "public", "Public (profile page)"


class Vendor(TimestampedModel):
    """Owns an inventory: a collector's personal collection or a shop."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=140, unique=True)
    default_currency = models.CharField(
        max_length=3, default="USD", validators=[validate_currency_code]
    )
    is_personal = models.BooleanField(
        default=False, help_text="Created at sign-up as the user's own collection."
    )
    # Sharing (docs/api.md "Sharing"): the token is kept as is because the owner is shown
    # the link again; it only ever grants read of what these fields open. Database
    # defaults too: rows written in bulk (a restore, the bench's COPY) stay private.
    collection_visibility = models.CharField(
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
        db_default=Visibility.PRIVATE,
    )
    wants_visibility = models.CharField(
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
        db_default=Visibility.PRIVATE,
    )
    share_show_prices = models.BooleanField(
        default=False, db_default=False, help_text="Shared pages show values and max prices."
    )
    share_token = models.CharField(
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text="The secret of the share link; made on first share, replaced on regenerate.",
    )

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class Membership(TimestampedModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.VIEWER)

    class Meta:
        ordering = ["vendor_id", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "vendor"], name="membership_user_vendor_unique"
            ),
        ]
        indexes = [models.Index(fields=["user", "role"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.vendor} ({self.role})"

    @property
    def can_edit(self) -> bool:
        return self.role in EDIT_ROLES


class Invitation(TimestampedModel):
    """An owner's offer of a role in a vendor to an email address, account or not.

    Only the SHA-256 of the token is stored: the link in the mail is the one copy, so a
    leaked database grants nobody a membership. Re-inviting the same address replaces the
    pending invitation's token (the older link stops working)."""

    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(max_length=254)
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.VIEWER)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["vendor_id", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["vendor", "email"],
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="invitation_one_pending_per_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.vendor} ({self.role})"
