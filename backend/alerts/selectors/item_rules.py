"""Reads of an evaluation: the rules one price news concerns (the item's and its
vendor's), and their owners.

These run inside every scrape run's transaction, so they are written in SQL: building
the same queries with the ORM costs more Python time (1-2 ms each on the development
machine) than PostgreSQL spends answering them (docs/alerts.md, performance). Table and
column names come from the models."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection
from django.db.models import Exists, OuterRef, QuerySet

from alerts.models import AlertKind, AlertRule
from core.sql import Statement, run_together
from vendors.models import Membership

#: What an evaluation reads of a rule (the other fields are left deferred), in the model's
#: field order, as `Model.from_db` takes them.
_RULE_FIELDS = tuple(
    field.attname
    for field in AlertRule._meta.concrete_fields
    if field.attname
    in {
        "id", "owner_id", "vendor_id", "collectible_id", "kind", "target_amount",
        "target_currency", "percent", "window_days", "enabled", "armed", "updated_at",
        "item_armed",
    }
)  # fmt: skip
_ITEM_ARMED = _RULE_FIELDS.index("item_armed")
#: Of a vendor-wide rule's `item_armed` (an entry per item of the vendor that ever changed
#: its state: thousands in a large collection), only the evaluated item's entry is read.
_ITEM_ARMED_ENTRY = "jsonb_strip_nulls(jsonb_build_object(%s::text, r.item_armed -> %s::text))"
#: The rules (alias `r`) of these kinds an evaluation of one item reads: enabled, on the
#: item or on its whole vendor (the partial indexes `alertrule_item_enabled` and
#: `alertrule_vendor_wide_enabled`), whose owner is still a member. Parameters: the
#: kinds, the item, its vendor.
WATCHING = """
    r.enabled AND r.kind = ANY(%s)
    AND (r.collectible_id = %s OR (r.vendor_id = %s AND r.collectible_id IS NULL))
    AND EXISTS (
        SELECT 1 FROM {members} m WHERE m.user_id = r.owner_id AND m.vendor_id = r.vendor_id
    )
"""
_RULES_SQL = "SELECT {columns} FROM {rules} r WHERE {where} ORDER BY r.id"


def watching(*, collectible_id: int, vendor_id: int, kinds: Iterable[str]) -> Statement:
    """`WATCHING` and its parameters, for a statement of its own."""
    sql = WATCHING.format(members=Membership._meta.db_table)
    return sql, [sorted(kinds), collectible_id, vendor_id]


def _rules_statement(where: Statement, *, collectible_id: int) -> Statement:
    sql = _RULES_SQL.format(
        columns=", ".join(
            _ITEM_ARMED_ENTRY if name == "item_armed" else f"r.{name}" for name in _RULE_FIELDS
        ),
        rules=AlertRule._meta.db_table,
        where=where[0],
    )
    item = str(collectible_id)
    return sql, [item, item, *where[1]]


def rules_of(rows: Iterable[Sequence[Any]]) -> list[AlertRule]:
    """The rules a `rules_for_item_statement` read (`item_armed`: the item's entry only)."""
    found = []
    for row in rows:
        values = list(row)
        armed = values[_ITEM_ARMED]  # jsonb comes as text: the ORM decodes it, not psycopg
        values[_ITEM_ARMED] = json.loads(armed) if isinstance(armed, str) else armed
        found.append(AlertRule.from_db(connection.alias, _RULE_FIELDS, values))
    return found


def rules_for_item_statement(
    *, collectible_id: int, vendor_id: int, kinds: Iterable[str]
) -> Statement:
    """The query of `rules_for_item`, for a caller that sends it together with other
    statements (`core.sql.run_together`); `rules_of` reads its rows."""
    return _rules_statement(
        watching(collectible_id=collectible_id, vendor_id=vendor_id, kinds=kinds),
        collectible_id=collectible_id,
    )


def owners_statement(*, collectible_id: int, vendor_id: int, kinds: Iterable[str]) -> Statement:
    """The owners of the rules `rules_for_item_statement` reads (a query of user ids)."""
    where, params = watching(collectible_id=collectible_id, vendor_id=vendor_id, kinds=kinds)
    return f"SELECT r.owner_id FROM {AlertRule._meta.db_table} r WHERE {where}", params  # noqa: S608 — the table name is the model's, values are parameters


def rules_for_item(*, collectible_id: int, vendor_id: int, kinds: Iterable[str]) -> list[AlertRule]:
    """The enabled rules of these kinds on the item or on its whole vendor, whose owner is
    still a member (`WATCHING`), **not locked**: most runs change no rule's state, and
    the evaluation writes the few that change compare-and-set."""
    statement = rules_for_item_statement(
        collectible_id=collectible_id, vendor_id=vendor_id, kinds=kinds
    )
    return rules_of(run_together(statement)[0])


def value_rules() -> QuerySet[AlertRule]:
    """Enabled collection-value rules whose owner is still a member, locked (beat)."""
    member = Membership.objects.filter(
        user_id=OuterRef("owner_id"), vendor_id=OuterRef("vendor_id")
    )
    return (
        AlertRule.objects.filter(
            Exists(member), enabled=True, kind=AlertKind.COLLECTION_VALUE_CHANGE
        )
        .select_related("vendor")
        .select_for_update(of=("self",))
        .order_by("id")
    )
