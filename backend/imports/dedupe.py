"""Which existing item a row duplicates: the vendor's items read once (a few columns) and
indexed by external id and by the normalised (name, set, number, condition, grade) key.
A row matches items of its own list only: a wanted card is another one than the copy
already owned.

An external id decides first. Without a matching id the key decides, but never for an
item that carries another id of the same marketplace (another pressing, another
product). Each existing item is claimed by one row at most, so a file listing two equal
copies matches two equal items: importing it again finds both, creating nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models.functions import Lower

from imports.rows import duplicate_key, normalise_text
from inventory.models import Collectible, CollectibleStatus


class ExistingItems:
    def __init__(self, rows: Iterable[tuple[Any, ...]], *, excluded: Iterable[int] = ()) -> None:
        self.ids_of: dict[int, dict[str, str]] = {}
        self.by_external: dict[tuple[str, str], list[int]] = {}
        self.by_key: dict[tuple[str | bool, ...], list[int]] = {}
        self.wanted: set[int] = set()
        self.claimed: set[int] = set(excluded)
        for pk, name, set_name, number, condition, grade, status, external_ids in rows:
            ids = external_ids if isinstance(external_ids, dict) else {}
            self.ids_of[pk] = ids
            if status == CollectibleStatus.WANTED:
                self.wanted.add(pk)
            for marketplace, value in ids.items():
                self.by_external.setdefault((marketplace, str(value)), []).append(pk)
            key = duplicate_key(
                {"name": name, "set_name": set_name, "number": number,
                 "condition": condition, "grade": grade, "status": status}
            )  # fmt: skip
            self.by_key.setdefault(key, []).append(pk)

    @classmethod
    def of_vendor(
        cls, vendor_id: int, *, names: Iterable[str] | None = None, excluded: Iterable[int] = ()
    ) -> ExistingItems:
        """The vendor's items (only those named `names`, case-blind, when given)."""
        items = Collectible.objects.filter(vendor_id=vendor_id)
        if names is not None:
            wanted = {normalise_text(name) for name in names if name}
            items = items.annotate(lower_name=Lower("name")).filter(lower_name__in=wanted)
        columns = ("id", "name", "set_name", "number", "condition", "grade", "status",
                   "external_ids")  # fmt: skip
        return cls(items.order_by("id").values_list(*columns), excluded=excluded)

    def match(self, data: dict[str, Any]) -> int | None:
        """The unclaimed item `data` duplicates, or None (nothing is claimed)."""
        external_ids: dict[str, str] = data.get("external_ids") or {}
        wanted = data.get("status") == CollectibleStatus.WANTED
        for marketplace, value in external_ids.items():
            for pk in self.by_external.get((marketplace, value), ()):
                if pk not in self.claimed and (pk in self.wanted) == wanted:
                    return pk
        for pk in self.by_key.get(duplicate_key(data), ()):
            if pk in self.claimed:
                continue
            theirs = self.ids_of.get(pk, {})
            if any(m in theirs and str(theirs[m]) != v for m, v in external_ids.items()):
                continue  # the same name, another release
            return pk
        return None

    def claim(self, pk: int) -> None:
        self.claimed.add(pk)
