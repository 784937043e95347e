"""Reading an uploaded file into a table of strings: which format it is (by its content,
not its name), which encoding and delimiter a text file uses, and which row names the
columns. Pure: bytes in, a `Table` or a `FileProblem` out.

XLSX is read by tablib (openpyxl underneath); delimited text by the standard `csv` module,
because the delimiter is sniffed and files with a title line above the header are ragged
(tablib refuses rows of unequal width); JSON by the standard `json` module, flattening
our own export's nested objects (`card_details.game`) and lists (tags).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import tablib
from django.utils.translation import gettext as _

DELIMITERS = (",", ";", "\t", "|")
#: Rows looked at to sniff the delimiter and find the header row.
SNIFF_ROWS = 50
HEADER_SEARCH_ROWS = 10
MAX_COLUMNS = 200
MAX_CELL_LENGTH = 10_000
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .doc: the old Office formats
_NUMBER_LIKE = re.compile(r"^[\s$€£¥+\-(]*[\d.,\s/:-]+[\s€$£¥%)]*$")
# Control characters other than tab, newline and carriage return: not in any spreadsheet.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class FileProblem(Exception):
    """The file cannot be imported; `message` says why in words a collector understands."""

    def __init__(self, message: str, code: str = "invalid_file") -> None:
        self.message = message
        self.code = code
        super().__init__(message)


@dataclass
class Table:
    file_format: str
    columns: list[str]
    #: [file row number, cell, …] per non-empty data row.
    rows: list[list[Any]]
    header_row: int = 1
    encoding: str = ""
    delimiter: str = ""
    notes: list[str] = field(default_factory=list)


def read_table(content: bytes, *, max_rows: int) -> Table:
    if not content.strip():
        raise FileProblem(_("The file is empty."), "empty_file")
    if content.startswith(_OLE_MAGIC):
        raise FileProblem(
            _("This looks like an old Excel (.xls) file: save it as .xlsx or CSV and upload that."),
            "unsupported_format",
        )
    if content.startswith(_ZIP_MAGIC):
        return _read_xlsx(content, max_rows=max_rows)
    text, encoding = decode(content)
    stripped = text.lstrip()
    if stripped.startswith(("[", "{")):
        table = _read_json(stripped, max_rows=max_rows)
    else:
        table = _read_delimited(text, max_rows=max_rows)
    table.encoding = encoding
    return table


def decode(content: bytes) -> tuple[str, str]:
    """The text of a file and its encoding: UTF-16 with a byte-order mark, UTF-8 (with or
    without one), else Windows-1252; anything with control bytes is not text."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _text_or_refuse(content.decode("utf-16")), "utf-16"
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _text_or_refuse(text), "utf-8" if encoding == "utf-8-sig" else encoding
    raise _not_a_table()


def _text_or_refuse(text: str) -> str:
    if _CONTROL.search(text[:100_000]):
        raise _not_a_table()
    return text


def _not_a_table() -> FileProblem:
    return FileProblem(
        _("This file is not a CSV, TSV, XLSX or JSON file (it looks like binary data)."),
        "unsupported_format",
    )


def _read_delimited(text: str, *, max_rows: int) -> Table:
    delimiter = sniff_delimiter(text)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        raw = [(number, row) for number, row in enumerate(reader, start=1)]
    except csv.Error as exc:
        raise FileProblem(
            _("The file could not be read as CSV: %(error)s.") % {"error": exc}
        ) from exc
    table = _table_from_rows(raw, max_rows=max_rows)
    table.file_format = "tsv" if delimiter == "\t" else "csv"
    table.delimiter = delimiter
    return table


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first rows into the most rows of one same width."""
    sample = "\n".join(text.splitlines()[:SNIFF_ROWS])
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            rows = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if any(r)]
        except csv.Error:
            continue
        widths = Counter(len(row) for row in rows if len(row) > 1)
        if not widths:
            continue
        width, count = widths.most_common(1)[0]
        if (count, width) > best_score:
            best, best_score = delimiter, (count, width)
    return best


def _read_xlsx(content: bytes, *, max_rows: int) -> Table:
    try:
        dataset = tablib.Dataset().load(io.BytesIO(content), format="xlsx", headers=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise FileProblem(
            _(
                "This file is not a readable XLSX workbook (it may be damaged or another kind "
                "of zip file)."
            ),
            "unsupported_format",
        ) from exc
    raw = [
        (number, [_cell_text(value) for value in row])
        for number, row in enumerate(dataset, start=1)
    ]
    table = _table_from_rows(raw, max_rows=max_rows)
    table.file_format = "xlsx"
    return table


def _read_json(text: str, *, max_rows: int) -> Table:
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise FileProblem(
            _("The file is not valid JSON: %(error)s.") % {"error": exc}, "invalid_json"
        ) from exc
    records = _json_records(document)
    if not records:
        raise FileProblem(_("The JSON file holds no items."), "empty_file")
    if len(records) > max_rows:
        raise _too_many_rows(len(records), max_rows)
    if all(isinstance(record, list) for record in records):
        raw = [(n, [_cell_text(v) for v in record]) for n, record in enumerate(records, 1)]
        table = _table_from_rows(raw, max_rows=max_rows)
        table.file_format = "json"
        return table
    if not all(isinstance(record, dict) for record in records):
        raise FileProblem(
            _(
                "The JSON file must be a list of objects (one per item), or an object holding "
                "such a list."
            ),
            "invalid_json",
        )
    flat = [_flatten(record) for record in records]
    columns = list(dict.fromkeys(key for record in flat for key in record))
    if len(columns) > MAX_COLUMNS:
        raise FileProblem(_("The file has more than %(limit)s columns.") % {"limit": MAX_COLUMNS})
    rows: list[list[Any]] = []
    for number, record in enumerate(flat, 1):
        cells = [record.get(column, "") for column in columns]
        if any(cell.strip() for cell in cells):
            rows.append([number, *cells])
    return Table(file_format="json", columns=columns, rows=rows, header_row=0)


def _json_records(document: Any) -> list[Any]:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        lists = [value for value in document.values() if isinstance(value, list)]
        if len(lists) == 1:
            return lists[0]  # {"results": [...]}, {"items": [...]}
    raise FileProblem(
        _(
            "The JSON file must be a list of objects (one per item), or an object holding "
            "such a list."
        ),
        "invalid_json",
    )


def _flatten(record: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = ", ".join(_cell_text(item) for item in value)
        else:
            flat[name] = _cell_text(value)
    return flat


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):  # dates and times from a workbook
        text = value.isoformat()
        return text[:10] if text.endswith("T00:00:00") else text
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)[:MAX_CELL_LENGTH].strip()


def _too_many_rows(count: int, limit: int) -> FileProblem:
    return FileProblem(
        _(
            "The file has %(count)s rows; at most %(limit)s can be imported at once. Split it "
            "into smaller files."
        )
        % {"count": count, "limit": limit},
        "too_many_rows",
    )


def _table_from_rows(raw: list[tuple[int, list[str]]], *, max_rows: int) -> Table:
    rows = [(n, [cell.strip() for cell in row]) for n, row in raw if any(c.strip() for c in row)]
    if not rows:
        raise FileProblem(_("The file has no rows."), "empty_file")
    header_index = find_header(rows)
    header_number, header = rows[header_index]
    data = rows[header_index + 1 :]
    if not data:
        raise FileProblem(_("The file has a header row but no rows of items."), "empty_file")
    if len(data) > max_rows:
        raise _too_many_rows(len(data), max_rows)
    width = max(len(header), *(len(row) for _number, row in data))
    if width > MAX_COLUMNS:
        raise FileProblem(_("The file has more than %(limit)s columns.") % {"limit": MAX_COLUMNS})
    columns = unique_columns([*header, *[""] * (width - len(header))])
    body = [[number, *row, *[""] * (width - len(row))] for number, row in data]
    return Table(file_format="", columns=columns, rows=body, header_row=header_number)


def find_header(rows: list[tuple[int, list[str]]]) -> int:
    """The index of the first row that looks like column names: filled in at least half
    as wide as the data below it, no cell a number or a date. Title lines
    above the header ("My collection, exported …") are passed over."""
    candidates = rows[:HEADER_SEARCH_ROWS]
    data_width = max(len([c for c in row if c]) for _number, row in rows[:SNIFF_ROWS])
    for index, (_number, row) in enumerate(candidates):
        filled = [cell for cell in row if cell]
        if len(filled) * 2 < data_width:
            continue
        if any(_NUMBER_LIKE.match(cell) for cell in filled):
            continue
        return index
    return 0


def unique_columns(names: list[str]) -> list[str]:
    """Blank names become "Column N" and repeated ones "Name (2)", so each is a key."""
    seen: set[str] = set()
    unique = []
    for position, raw in enumerate(names, start=1):
        name = raw.strip()[:100] or f"Column {position}"
        candidate, count = name, 1
        while candidate in seen:
            count += 1
            candidate = f"{name} ({count})"
        seen.add(candidate)
        unique.append(candidate)
    return unique
