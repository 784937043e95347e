from django.db import models


class TimestampedModel(models.Model):
    """Base for every domain model: creation and last-update times in UTC."""

    created_at = models.DateTimeField(auto_now_add=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True, editable=False)

    class Meta:
        abstract = True
