"""A saved view: a named query of the collection list (filters, sort, status).

Stored as the list endpoint's own query parameters, so a view is dynamic: it is applied to
the items as they are now (`inventory.saved_views`).
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower

from core.models import TimestampedModel
from vendors.models import Vendor

MAX_SAVED_VIEW_NAME_LENGTH = 80
#: Views per user: the navigation lists (and counts) them all at once.
MAX_SAVED_VIEWS_PER_USER = 50


class SavedView(TimestampedModel):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_views"
    )
    # Null: every collection of the owner (the list without `?vendor=`). Mirrors the
    # query's `vendor`, so leaving (or deleting) the collection takes its views along.
    vendor = models.ForeignKey(
        Vendor, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    name = models.CharField(max_length=MAX_SAVED_VIEW_NAME_LENGTH)
    # {parameter: value or [values]} of GET /api/v1/collectibles, validated on write.
    query = models.JSONField(default=dict, db_default=models.Value({}, models.JSONField()))
    position = models.PositiveIntegerField(default=0, db_default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                "owner", Lower("name"), name="saved_view_name_unique_per_owner"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.owner_id})"
