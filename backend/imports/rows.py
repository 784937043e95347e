"""One file row → the item it describes, with every problem named by column.

`RowReader` is built once per job (its mapping, value maps, defaults and options) and
reads each row the same way for the preview and the commit: cell texts parsed by
`values`, several columns joined where a field allows it, the job's defaults filled in,
and the item checked by the model's own validation (`full_clean`, without the queries:
the database holds the check constraints at insert). No database access.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from imports import fields, values
from imports.fields import Target, target_for
from inventory.models import (
    CardDetails,
    Collectible,
    CollectibleStatus,
    Condition,
    takes_card_details,
)
from inventory.tags import normalize_tags

PURCHASE_MONEY = ("purchase_price", "purchase_fees", "purchase_shipping")
SALE_MONEY = ("sale_price", "sale_fees")
WANTED_MONEY = ("max_price",)
#: Currencies only items of some statuses have (the database refuses them on others; the
#: model's `clean` checks the amounts, not these), and what to say when a cell fills one.
_STATUS_ONLY: dict[str, tuple[frozenset[str], str | Promise]] = {
    "purchase_currency": (
        frozenset({CollectibleStatus.OWNED, CollectibleStatus.SOLD}),
        gettext_lazy(
            "A wanted item has no purchase yet (the most you would pay is the maximum price "
            "and its currency)."
        ),
    ),
    "sale_currency": (
        frozenset({CollectibleStatus.SOLD}),
        gettext_lazy("Only a sold item has sale details."),
    ),
    "max_price_currency": (
        frozenset({CollectibleStatus.WANTED}),
        gettext_lazy("Only a wanted item has a maximum price."),
    ),
}
MAX_EXTERNAL_ID_LENGTH = 200
MAX_URL_LENGTH = 2000
_TAG_SEPARATORS = re.compile(r"[,;]")
_url_validator = URLValidator(schemes=["http", "https"])
# As the API: a date that is "today" anywhere on Earth (UTC+14) is not in the future.
_LATEST_UTC_OFFSET = timedelta(hours=14)


@dataclass
class RowOutcome:
    number: int
    #: What `collectible_create` takes (card details nested), defaults included.
    data: dict[str, Any] = field(default_factory=dict)
    #: The fields filled from the job's defaults, not the file (an update leaves them).
    defaulted: set[str] = field(default_factory=set)
    tracker_url: str = ""
    errors: list[tuple[str | None, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def error_dicts(self) -> list[dict[str, Any]]:
        return [
            {"row": self.number, "column": column, "message": message}
            for column, message in self.errors
        ]


def normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(text.split())


def duplicate_key(data: dict[str, Any]) -> tuple[str | bool, ...]:
    """The (name, set, number, condition, grade) an item is matched by without an id, and
    whether it is on the want list (`dedupe`)."""
    grade = data.get("grade")
    return (
        normalise_text(data.get("name", "")),
        normalise_text(data.get("set_name", "")),
        normalise_text(data.get("number", "")),
        data.get("condition") or Condition.NEAR_MINT,
        "" if grade is None else str(Decimal(grade).normalize()),
        data.get("status") == CollectibleStatus.WANTED,
    )


class RowReader:
    def __init__(
        self,
        *,
        columns: list[str],
        mapping: dict[str, str | None],
        value_maps: dict[str, dict[str, str]],
        defaults: dict[str, str],
        day_first: bool,
        vendor_currency: str,
    ) -> None:
        self.value_maps = value_maps
        self.defaults = defaults
        self.day_first = day_first
        self.vendor_currency = vendor_currency
        self.latest_date = (timezone.now() + _LATEST_UTC_OFFSET).date()
        #: target → [(column, cell index)], in file order.
        self.sources: dict[str, list[tuple[str, int]]] = {}
        for index, column in enumerate(columns):
            target = mapping.get(column)
            if target:
                self.sources.setdefault(target, []).append((column, index))
        self.targets = {name: target_for(name) for name in self.sources}

    def column_of(self, name: str) -> str | None:
        sources = self.sources.get(name)
        return sources[0][0] if sources else None

    def read(self, row: list[Any]) -> RowOutcome:
        outcome = RowOutcome(number=int(row[0]))
        cells = row[1:]
        parsed: dict[str, Any] = {}
        cell_currencies: dict[str, str] = {}
        for name, sources in self.sources.items():
            texts = [(column, str(cells[i]).strip()) for column, i in sources if i < len(cells)]
            texts = [(column, text) for column, text in texts if text]
            if not texts:
                continue
            target = self.targets[name]
            assert target is not None  # the mapping was validated
            try:
                parsed[name] = self._parse(target, texts, cell_currencies)
            except values.ValueProblem as problem:
                outcome.errors.append((texts[0][0], problem.message))
            except ValidationError as exc:
                outcome.errors.append((texts[0][0], " ".join(exc.messages)))
        self._assemble(outcome, parsed, cell_currencies)
        if outcome.ok:
            self._validate(outcome)
        return outcome

    def _parse(self, target: Target, texts: list[tuple[str, str]], currencies: dict) -> Any:
        kind, first = target.kind, texts[0][1]
        if kind == fields.TEXT:
            if target.name == "notes" and len(texts) > 1:
                return "\n".join(f"{column}: {text}" for column, text in texts)
            return (" – " if target.name == "name" else " ").join(text for _, text in texts)
        if kind == fields.TAGS:
            return normalize_tags(t for _, text in texts for t in _TAG_SEPARATORS.split(text))
        if kind == fields.CHOICE:
            return values.parse_choice(first, target, self.value_maps.get(target.name, {}))
        if kind == fields.PRICE:
            amount, currency = values.parse_money(first)
            if currency is not None:
                currencies[target.name] = currency
            return amount
        if kind == fields.DATE:
            parsed = values.parse_date(first, day_first=self.day_first)
            if target.name != "card_details.release_date" and parsed > self.latest_date:
                raise values.ValueProblem(
                    _("%(field)s %(date)s is in the future.")
                    % {"field": target.label, "date": parsed}
                )
            return parsed
        if kind == fields.QUANTITY:
            return values.parse_quantity(first)
        if kind == fields.GRADE:
            return values.parse_grade(first)
        if kind == fields.PRIORITY:
            return values.parse_priority(first)
        if kind == fields.CURRENCY:
            return values.parse_currency(first)
        if kind == fields.EXTERNAL_ID:
            if len(first) > MAX_EXTERNAL_ID_LENGTH:
                raise values.ValueProblem(
                    _("Longer than %(limit)s characters.") % {"limit": MAX_EXTERNAL_ID_LENGTH}
                )
            return first
        if len(first) > MAX_URL_LENGTH:  # fields.URL
            raise values.ValueProblem(
                _("A URL of at most %(limit)s characters.") % {"limit": MAX_URL_LENGTH}
            )
        _url_validator(first)
        return first

    def _assemble(self, outcome: RowOutcome, parsed: dict[str, Any], cell_currencies: dict) -> None:
        data = outcome.data
        card: dict[str, Any] = {}
        external_ids: dict[str, str] = {}
        for name, value in parsed.items():
            if name.startswith("card_details."):
                card[name.removeprefix("card_details.")] = value
            elif name.startswith(fields.EXTERNAL_ID_PREFIX):
                external_ids[name.removeprefix(fields.EXTERNAL_ID_PREFIX)] = value
            elif name == "tracker_url":
                outcome.tracker_url = value
            elif name == "grade":
                grader, data["grade"] = value
                if grader and "grader" not in parsed:
                    data["grader"] = grader
            elif name == "condition" and value in values.COMPLETENESS_VALUES:
                data.setdefault("completeness", value)  # "Loose" in a condition column
            else:
                data[name] = value
        if "completeness" in parsed:
            data["completeness"] = parsed["completeness"]
        for name, value in self.defaults.items():
            if name.startswith("card_details."):
                if name.removeprefix("card_details.") not in card:
                    card[name.removeprefix("card_details.")] = value
                    outcome.defaulted.add(name)
            elif name not in data:
                data[name] = value
                outcome.defaulted.add(name)
        if external_ids:
            data["external_ids"] = external_ids
        if card and takes_card_details(data.get("category", "")):
            data["card_details"] = card  # other kinds of item carry no card details
        self._currencies(outcome, cell_currencies)
        self._fit_status(outcome, from_file=parsed.keys())
        if not data.get("name"):
            outcome.errors.append((self.column_of("name"), _("The row has no name.")))
        if not data.get("category"):
            message = _("The row has no category: map a column to it or choose a default category.")
            outcome.errors.append((self.column_of("category"), message))
        if bool(data.get("grader")) != (data.get("grade") is not None):
            column = self.column_of("grade") or self.column_of("grader")
            outcome.errors.append((column, _("A graded item needs both its grader and its grade.")))

    def _currencies(self, outcome: RowOutcome, cell_currencies: dict[str, str]) -> None:
        data = outcome.data
        for amounts, currency_field in ((PURCHASE_MONEY, "purchase_currency"),
                                        (SALE_MONEY, "sale_currency"),
                                        (WANTED_MONEY, "max_price_currency")):  # fmt: skip
            named = {cell_currencies[a] for a in amounts if a in cell_currencies}
            if len(named) > 1:
                outcome.errors.append(
                    (
                        self.column_of(amounts[0]),
                        _("The amounts of one row are in different currencies (%(codes)s).")
                        % {"codes": ", ".join(sorted(named))},
                    )
                )
                continue
            if not any(data.get(a) is not None for a in amounts):
                continue
            if named:
                cell = named.pop()
                stated = data.get(currency_field)
                if currency_field not in outcome.defaulted and stated and stated != cell:
                    outcome.errors.append(
                        (
                            self.column_of(currency_field),
                            _("The price says %(cell)s but the currency column says %(stated)s.")
                            % {"cell": cell, "stated": stated},
                        )
                    )
                data[currency_field] = cell
                outcome.defaulted.discard(currency_field)
            elif not data.get(currency_field):
                data[currency_field] = self.vendor_currency

    def _fit_status(self, outcome: RowOutcome, from_file: Collection[str]) -> None:
        """A currency the row's status has no use for: a default's is left out, a cell's is
        the row's problem. One `_currencies` set for an amount is left to the model, which
        names the amount's column."""
        data = outcome.data
        status = data.get("status") or CollectibleStatus.OWNED
        for name, (statuses, message) in _STATUS_ONLY.items():
            if not data.get(name) or status in statuses:
                continue
            if name in outcome.defaulted:
                del data[name]
                outcome.defaulted.discard(name)
            elif name in from_file:
                outcome.errors.append((self.column_of(name), str(message)))

    def _validate(self, outcome: RowOutcome) -> None:
        """The model's own checks, by field, reported against the column that filled it."""
        data = dict(outcome.data)
        card = data.pop("card_details", None)
        data.setdefault("status", CollectibleStatus.OWNED)
        try:
            Collectible(**data).full_clean(
                exclude=["vendor", "created_by", "search_vector"], validate_constraints=False
            )
        except ValidationError as exc:
            self._report(outcome, exc, prefix="")
        if card:
            try:
                CardDetails(**card).full_clean(exclude=["collectible"], validate_unique=False)
            except ValidationError as exc:
                self._report(outcome, exc, prefix="card_details.")

    def _report(self, outcome: RowOutcome, exc: ValidationError, *, prefix: str) -> None:
        for name, messages in exc.message_dict.items():
            column = self.column_of(f"{prefix}{name}") if name != "__all__" else None
            label = "" if column else f"{prefix}{name}: " if name != "__all__" else ""
            outcome.errors.extend((column, f"{label}{message}") for message in messages)


def json_value(value: Any) -> Any:
    """A parsed value as the API shows it (decimals and dates as strings)."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: json_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_value(item) for item in value]
    return value
