"""The collectibles list as a file (CSV, XLSX or JSON): what the list shows, every page.

The rows are read as the list reads them (`inventory.selectors.list_columns()`, the same
filtered and ordered queryset), but through a server-side cursor in chunks, so a 100,000
item export holds one chunk in memory: CSV and JSON are streamed as they are read. XLSX
cannot be streamed (the workbook is a zip written at the end), so it is built in memory
and refused past `EXPORT_XLSX_MAX_ROWS`.

Spreadsheets run cells that look like formulas: a text cell that starts with `=`, `+`,
`-`, `@`, a tab or a carriage return is written with a leading `'` in CSV and XLSX (OWASP
"CSV injection"), so `=HYPERLINK(...)` typed into a note stays text. JSON is data for
programs and keeps the text as stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import orjson
import tablib
from django.db.models import QuerySet
from django.utils import timezone

from core.serializers import datetime_text
from inventory import extensions
from inventory.models import Collectible
from inventory.selectors import (
    LIST_CARD_FIELDS,
    LIST_ITEM_FIELDS,
    list_columns,
    with_cover_columns,
)

#: Rows fetched from the server-side cursor (and written) at a time.
CHUNK_SIZE = 2000
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
#: Item fields a reader has no use for: who created an item is an account id.
_LEFT_OUT_ITEM_FIELDS = ("created_by_id",)
#: The valuation's columns (read by the list through the registered extension): header,
#: list column. Present when the valuation app is installed (it always is).
_VALUATION_COLUMNS = (
    ("value", "valuation__value"),
    ("value_currency", "valuation__currency"),
    ("value_basis", "valuation__basis"),
    ("unit_value", "valuation__unit_value"),
    ("cost", "valuation__cost"),
    ("valued_at", "valuation__valued_at"),
)


@dataclass(frozen=True)
class ExportFormat:
    name: str
    media_type: str
    description: str


EXPORT_FORMATS = {
    "csv": ExportFormat(
        "csv", "text/csv", "UTF-8 with a byte-order mark (Excel reads accents right)."
    ),
    "xlsx": ExportFormat(
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "One worksheet; numbers and dates typed.",
    ),
    "json": ExportFormat(
        "json", "application/json", "An array of objects, one per item, keyed like the CSV."
    ),
}


@dataclass(frozen=True)
class Column:
    header: str
    key: str  # the list column it reads


def export_columns() -> tuple[Column, ...]:
    """The file's columns, in order: the item's own fields, its card details (`card_…`),
    the valuation's value and cost, then the timestamps."""
    item = [
        Column("vendor" if name == "vendor_id" else name, name)
        for name in LIST_ITEM_FIELDS
        if name not in (*_LEFT_OUT_ITEM_FIELDS, "created_at", "updated_at")
    ]
    card = [Column(f"card_{name}", f"card_details__{name}") for name in LIST_CARD_FIELDS]
    relations = {extension.relation for extension in extensions.registered()}
    valuation = (
        [Column(header, key) for header, key in _VALUATION_COLUMNS]
        if "valuation" in relations
        else []
    )
    timestamps = [Column("created_at", "created_at"), Column("updated_at", "updated_at")]
    return (*item, *card, *valuation, *timestamps)


def export_filename(export_format: str, *, today: date | None = None) -> str:
    day = (today or timezone.localdate()).isoformat()
    return f"omni-stock-collectibles-{day}.{export_format}"


def escape_formula(text: str) -> str:
    """A text cell a spreadsheet would run as a formula, made inert with a leading `'`."""
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def exported_extensions() -> tuple[extensions.CollectibleExtension, ...]:
    """The registered extensions the file has columns of (its `field`, or columns of its
    `relation`): only they fill the rows before they are written. The others' work would be
    thrown away — a wanted item's best offer (one more query per chunk) is not a column."""
    keys = {column.key for column in export_columns()}
    return tuple(
        extension
        for extension in extensions.registered()
        if extension.field in keys
        or (
            extension.relation is not None
            and any(key.startswith(f"{extension.relation}__") for key in keys)
        )
    )


def export_rows(queryset: QuerySet[Collectible]) -> Iterator[dict[str, Any]]:
    """The list's rows (dicts of `list_columns()`), chunk by chunk off a server-side
    cursor; each chunk is shown to the extensions it exports first, as a list page is
    (the valuation values the items that have no current value)."""
    columns = list_columns()
    shown_to = exported_extensions()
    chunk: list[dict[str, Any]] = []
    rows = with_cover_columns(queryset).values_list(*columns)  # read as a list page reads
    for values in rows.iterator(chunk_size=CHUNK_SIZE):
        chunk.append(dict(zip(columns, values, strict=True)))
        if len(chunk) == CHUNK_SIZE:
            yield from _shown(chunk, shown_to)
            chunk = []
    if chunk:
        yield from _shown(chunk, shown_to)


def _shown(
    chunk: list[dict[str, Any]], shown_to: tuple[extensions.CollectibleExtension, ...]
) -> list[dict[str, Any]]:
    for extension in shown_to:
        extension.before_showing_rows(chunk)
    return chunk


# --- Cell values ---------------------------------------------------------------------------


def _text_cell(value: Any) -> str:
    """A value as CSV text (formula-escaped)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return datetime_text(value) or ""
    if isinstance(value, date | Decimal | int):
        return str(value) if not isinstance(value, date) else value.isoformat()
    if isinstance(value, list):
        return escape_formula(", ".join(value))  # tags
    if isinstance(value, dict):
        return orjson.dumps(value).decode()  # external ids: an object, never a formula
    return escape_formula(str(value))


def _xlsx_cell(value: Any) -> Any:
    """A value as an XLSX cell: numbers and dates typed; times as text (Excel has no time
    zones); text formula-escaped."""
    if value is None or isinstance(value, bool | int | Decimal):
        return value
    if isinstance(value, datetime):
        return datetime_text(value)
    if isinstance(value, date):
        return value
    return _text_cell(value)


def _json_value(value: Any) -> Any:
    """A value as the API gives it: decimals as strings, ISO dates and times."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return datetime_text(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _cells(rows: Iterable[dict[str, Any]], convert: Callable[[Any], Any]) -> Iterator[list[Any]]:
    columns = export_columns()
    for row in rows:
        yield [convert(row[column.key]) for column in columns]


# --- Files -------------------------------------------------------------------------------


def csv_chunks(rows: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """The CSV file, a chunk of rows at a time (tablib writes each chunk)."""
    headers = [column.header for column in export_columns()]
    yield "\ufeff".encode()
    pending: list[list[Any]] = []
    first = True
    for cells in _cells(rows, _text_cell):
        pending.append(cells)
        if len(pending) == CHUNK_SIZE:
            yield _csv(pending, headers if first else None)
            pending, first = [], False
    if pending or first:
        yield _csv(pending, headers if first else None)


def _csv(rows: list[list[Any]], headers: list[str] | None) -> bytes:
    return tablib.Dataset(*rows, headers=headers).export("csv").encode()


def json_chunks(rows: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """The JSON array, an item at a time."""
    headers = [column.header for column in export_columns()]
    yield b"["
    separator = b""
    for cells in _cells(rows, _json_value):
        yield separator + orjson.dumps(dict(zip(headers, cells, strict=True)))
        separator = b",\n"
    yield b"]"


def xlsx_bytes(rows: Iterable[dict[str, Any]]) -> bytes:
    """The workbook (built in memory: callers bound the number of rows)."""
    dataset = tablib.Dataset(headers=[column.header for column in export_columns()])
    dataset.title = "Collectibles"
    for cells in _cells(rows, _xlsx_cell):
        dataset.append(cells)
    return dataset.export("xlsx")
