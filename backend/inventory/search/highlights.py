"""Highlights of a search's matches (`ts_headline`), for the returned page only: one query."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from django.db import connections

from inventory.models import Collectible
from inventory.search.query import SEARCH_CONFIG, parse_query, tsquery_sql

MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"
NOTES_CONTEXT_BEFORE = 60
NOTES_CONTEXT_AFTER = 180

# Field name in `highlights` → SQL over `c` (collectible) and `cd` (card details).
_HIGHLIGHT_FIELDS: dict[str, str] = {
    "name": "c.name",
    "set_name": "c.set_name",
    "number": "c.number",
    "tags": "array_to_string(c.tags, ', ')",
    "card_details.game": "coalesce(cd.game, '')",
    "card_details.set_code": "coalesce(cd.set_code, '')",
    "notes": "c.notes",
}


def _html_escape_sql(expression: str) -> str:
    """SQL twin of `html.escape(text, quote=True)`."""
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;")):
        expression = f"replace({expression}, '{char}', '{entity}')"
    return f"replace({expression}, '''', '&#x27;')"


def _field_text(item: Collectible, field: str) -> str:
    if field == "tags":
        return ", ".join(item.tags)
    if field.startswith("card_details."):
        details = getattr(item, "card_details", None)
        return getattr(details, field.split(".", 1)[1]) if details is not None else ""
    return getattr(item, field) or ""


def _mark_original(headline: str, original: str) -> str | None:
    """Put the marks of `headline` (on escaped folded text) onto the escaped original.

    Folding maps one letter to one letter and escaping commutes with it, so the headline
    minus its marks has exactly the escaped original's length; if it ever did not, the
    folded headline (still safe HTML) is returned instead.
    """
    escaped = html.escape(original, quote=True)
    if MARK_OPEN not in headline:
        return None
    out: list[str] = []
    position = 0
    index = 0
    while index < len(headline):
        if headline.startswith(MARK_OPEN, index):
            out.append(MARK_OPEN)
            index += len(MARK_OPEN)
        elif headline.startswith(MARK_CLOSE, index):
            out.append(MARK_CLOSE)
            index += len(MARK_CLOSE)
        else:
            if position >= len(escaped):
                return headline
            out.append(escaped[position])
            position += 1
            index += 1
    if position != len(escaped):
        return headline
    return "".join(out)


def _excerpt(marked: str) -> str:
    """A window of a long marked text around its first match, cut at spaces.

    ts_headline marks single words, and entities hold no spaces, so a space is always
    outside marks and entities: a safe place to cut.
    """
    first = marked.find(MARK_OPEN)
    start = 0
    if first > NOTES_CONTEXT_BEFORE:
        space = marked.find(" ", first - NOTES_CONTEXT_BEFORE, first)
        start = space + 1 if space != -1 else first
    end = len(marked)
    if first + NOTES_CONTEXT_AFTER < len(marked):
        space = marked.rfind(" ", first, first + NOTES_CONTEXT_AFTER)
        if space == -1:
            space = marked.find(" ", first + NOTES_CONTEXT_AFTER)
        end = space if space != -1 else len(marked)
    return ("…" if start > 0 else "") + marked[start:end] + ("…" if end < len(marked) else "")


def highlights_for(
    items: Sequence[Collectible], text: str, *, using: str = "default"
) -> dict[int, dict[str, str]]:
    """{item id: {field: html}} for the fields of `items` that match `text`.

    One query over the ids of `items` (the returned page); none when `items` is empty.
    HTML is escaped; matches are wrapped in <mark>…</mark>.
    """
    if not items:
        return {}
    query_sql, query_params = tsquery_sql(parse_query(text))
    options = f"HighlightAll=true, StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}"
    columns = ", ".join(
        f"ts_headline('{SEARCH_CONFIG}'::regconfig, omni_unaccent({_html_escape_sql(sql)}), "
        f"q.query, %s)"
        for sql in _HIGHLIGHT_FIELDS.values()
    )
    sql = f"""
        SELECT c.id, {columns}
        FROM inventory_collectible c
        LEFT JOIN inventory_carddetails cd ON cd.collectible_id = c.id
        CROSS JOIN (SELECT {query_sql} AS query) q
        WHERE c.id = ANY(%s)
    """  # noqa: S608 - constant SQL fragments only; user text is always a bound parameter
    params: list[Any] = [options] * len(_HIGHLIGHT_FIELDS) + query_params + [[i.pk for i in items]]
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        rows = {row[0]: row[1:] for row in cursor.fetchall()}
    result: dict[int, dict[str, str]] = {}
    for item in items:
        headlines = rows.get(item.pk)
        if headlines is None:
            continue
        marked_fields: dict[str, str] = {}
        for field, headline in zip(_HIGHLIGHT_FIELDS, headlines, strict=True):
            marked = _mark_original(headline or "", _field_text(item, field))
            if marked is not None:
                marked_fields[field] = _excerpt(marked) if field == "notes" else marked
        result[item.pk] = marked_fields
    return result
