"""Re-encrypt every encrypted column with the first of FIELD_ENCRYPTION_KEYS.

Run after putting a new key first in FIELD_ENCRYPTION_KEYS (keeping the old ones after it);
once it finished, the old keys can be removed. Safe to run again at any time."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import models, transaction

from core.encryption import EncryptedTextField

BATCH = 500


def encrypted_fields() -> list[tuple[type[models.Model], list[str]]]:
    found = []
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            found.append((model, names))
    return found


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted value with the newest key (the first of FIELD_ENCRYPTION_KEYS)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        for model, names in encrypted_fields():
            rotated = 0
            pks = list(model._default_manager.order_by("pk").values_list("pk", flat=True))
            for start in range(0, len(pks), BATCH):
                with transaction.atomic():
                    rows = model._default_manager.select_for_update().filter(
                        pk__in=pks[start : start + BATCH]
                    )
                    # Reading decrypts with any key; writing encrypts with the first.
                    for pk, *values in rows.values_list("pk", *names):
                        model._default_manager.filter(pk=pk).update(
                            **dict(zip(names, values, strict=True))
                        )
                        rotated += 1
            self.stdout.write(f"{model._meta.label}: {rotated} row(s) re-encrypted.")
