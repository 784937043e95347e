from django.conf import settings
from django.db import models

from core.currencies import validate_currency_code
from core.models import TimestampedModel


class Role(models.TextChoices):
    OWNER = "owner", "Owner"
    EDITOR = "editor", "Editor"
    VIEWER = "viewer", "Viewer"


EDIT_ROLES = (Role.OWNER, Role.EDITOR)


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
