"""Keyset ("cursor") paging of an ordered queryset: the rows after (or before) the last
row seen, found by a WHERE on the ordering's sort key instead of an OFFSET, so page 1,000
costs what page 1 costs and a row inserted while a client walks the list neither repeats
nor skips a row (docs/api.md, "Lists").

A cursor is the sort key of a page's first or last row, signed (`django.core.signing`,
so a client cannot forge a position or read other rows through it) and tied to the
ordering it was made for. Any ordering whose terms are the model's own fields or
expressions (`OrderBy`), ending with the primary key, can be paged so; NULLs are placed
as PostgreSQL places them (last ascending, first descending) unless the term says.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core import signing
from django.core.exceptions import FieldDoesNotExist
from django.db.models import F, OrderBy, Q, QuerySet
from django.utils.translation import gettext as _

SALT = "core.keyset.cursor"
KEY_PREFIX = "keyset_key_"


class KeysetUnsupported(Exception):
    """The queryset's ordering cannot be keyset-paged; the message says why, for the
    client."""


class InvalidCursor(Exception):
    """A cursor that was not made by this server, or for another ordering."""


@dataclass(frozen=True)
class SortKey:
    name: str  # the annotation the key's value is read and compared by
    expression: Any  # a field reference (F) or an expression
    descending: bool
    nulls_last: bool
    nullable: bool

    def order_by(self, *, reverse: bool = False) -> OrderBy:
        descending = self.descending != reverse
        nulls_last = self.nulls_last != reverse
        if nulls_last == (not descending):  # PostgreSQL's own placement: no NULLS clause,
            return OrderBy(self.expression, descending=descending)  # so indexes still match
        return OrderBy(
            self.expression,
            descending=descending,
            nulls_last=nulls_last or None,
            nulls_first=(not nulls_last) or None,
        )


def sort_keys(queryset: QuerySet) -> list[SortKey]:
    """The sort key of the queryset's ordering, one `SortKey` per term; raises
    `KeysetUnsupported` for a term that is not a field or an expression (an annotation
    by name, e.g. a search's relevance) or an ordering that does not end with the
    primary key (rows would be ambiguous)."""
    model = queryset.model
    pk = model._meta.pk
    terms = list(queryset.query.order_by)
    keys: list[SortKey] = []
    for index, term in enumerate(terms):
        name = f"{KEY_PREFIX}{index}"
        if isinstance(term, str):
            descending = term.startswith("-")
            field_name = term.lstrip("-")
            field_name = pk.name if field_name == "pk" else field_name
            if field_name in queryset.query.annotations:
                raise KeysetUnsupported(
                    _(
                        "The ordering by `%(field)s` cannot be paged with a cursor: give "
                        "`ordering`, or page with `page`."
                    )
                    % {"field": field_name}
                )
            try:
                field = model._meta.get_field(field_name)
                nullable = bool(field.null)
            except FieldDoesNotExist:
                nullable = True  # a related field (`card_details__release_date`)
            expression: Any = F(field_name)
            nulls_last = not descending
        elif isinstance(term, OrderBy):
            expression = term.expression
            descending = term.descending
            nulls_last = (
                bool(term.nulls_last) if term.nulls_last or term.nulls_first else not descending
            )
            nullable = True
        else:
            raise KeysetUnsupported(_("This ordering cannot be paged with a cursor: use `page`."))
        keys.append(SortKey(name, expression, descending, nulls_last, nullable))
    last = terms[-1] if terms else None
    if not (isinstance(last, str) and last.lstrip("-") in {"pk", pk.name, pk.attname}):
        raise KeysetUnsupported(
            _("This ordering does not end with the id: it cannot be paged with a cursor.")
        )
    return keys


def with_keys(queryset: QuerySet, keys: list[SortKey], *, reverse: bool = False) -> QuerySet:
    """The queryset with each key's value selected (as `key.name`) and ordered by the keys
    (reversed: to read the rows before a position, nearest first)."""
    annotated = queryset.annotate(**{key.name: key.expression for key in keys})
    return annotated.order_by(*(key.order_by(reverse=reverse) for key in keys))


NOTHING = Q(pk__in=[])


def _beyond(key: SortKey, value: Any, *, reverse: bool) -> Q:
    """Rows strictly past `value` on this key alone, in the (possibly reversed) order."""
    descending = key.descending != reverse
    nulls_last = key.nulls_last != reverse
    if value is None:
        # Past NULL: nothing when NULLs come last; every non-NULL row when they come first.
        return NOTHING if nulls_last else Q(**{f"{key.name}__isnull": False})
    beyond = Q(**{f"{key.name}__{'lt' if descending else 'gt'}": value})
    if nulls_last and key.nullable:
        beyond |= Q(**{f"{key.name}__isnull": True})
    return beyond


def _equal(key: SortKey, value: Any) -> Q:
    return Q(**{f"{key.name}__isnull": True}) if value is None else Q(**{key.name: value})


def after(keys: list[SortKey], values: list[Any], *, reverse: bool = False) -> Q:
    """Rows after the position `values` (one per key) in the keys' order (before it, with
    `reverse`). The first key's bound is repeated as a plain range when it cannot be NULL,
    so the planner walks the index from the position instead of filtering from the top."""
    condition = _beyond(keys[-1], values[-1], reverse=reverse)
    for key, value in zip(reversed(keys[:-1]), reversed(values[:-1]), strict=True):
        condition = _beyond(key, value, reverse=reverse) | (_equal(key, value) & condition)
    first, value = keys[0], values[0]
    if not first.nullable and value is not None:
        descending = first.descending != reverse
        condition &= Q(**{f"{first.name}__{'lte' if descending else 'gte'}": value})
    return condition


def ordering_tag(keys: list[SortKey]) -> str:
    """A short fingerprint of an ordering, so a cursor is refused with another one."""
    text = ";".join(f"{key.expression!r}:{key.descending}:{key.nulls_last}" for key in keys)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def _encoded(value: Any) -> Any:
    if isinstance(value, datetime):
        return ["t", value.isoformat()]
    if isinstance(value, date):
        return ["d", value.isoformat()]
    if isinstance(value, Decimal):
        return ["n", str(value)]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"A sort key of type {type(value).__name__} cannot go in a cursor.")


def _decoded(value: Any) -> Any:
    if isinstance(value, list) and len(value) == 2 and isinstance(value[1], str):
        kind, text = value
        parsers: dict[str, Callable[[str], Any]] = {
            "t": datetime.fromisoformat,
            "d": date.fromisoformat,
            "n": Decimal,
        }
        parse = parsers.get(kind)
        if parse is not None:
            return parse(text)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise ValueError("bad value")


def cursor_encode(*, keys: list[SortKey], values: list[Any], backwards: bool) -> str:
    payload = {"o": ordering_tag(keys), "b": backwards, "v": [_encoded(v) for v in values]}
    return signing.dumps(payload, salt=SALT, compress=False)


def cursor_decode(text: str, *, keys: list[SortKey]) -> tuple[list[Any], bool]:
    """The position's values and whether it reads backwards; `InvalidCursor` if forged,
    malformed or made for another ordering."""
    try:
        payload = signing.loads(text, salt=SALT)
        values = [_decoded(v) for v in payload["v"]]
        backwards = payload["b"]
        tag = payload["o"]
    except (signing.BadSignature, KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise InvalidCursor(_("Invalid cursor: follow a `next` or `previous` link.")) from exc
    if tag != ordering_tag(keys) or len(values) != len(keys) or not isinstance(backwards, bool):
        raise InvalidCursor(_("This cursor was made for another ordering: start again."))
    return values, backwards
