"""The European Central Bank's euro foreign exchange reference rates: parsing.

The ECB publishes, each TARGET working day around 16:00 CET, how many units of about 30
currencies one euro buys, in one XML shape for three files (`eurofxref-daily.xml`, the
last 90 days `eurofxref-hist-90d.xml`, everything since 1999 `eurofxref-hist.xml`)::

    <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01"
                     xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
        <gesmes:subject>Reference rates</gesmes:subject>
        <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
        <Cube>
            <Cube time='2026-11-20'>
                <Cube currency='USD' rate='1.1484'/>
                <Cube currency='JPY' rate='178.51'/>
                ...

Pure: no I/O, no database. Anything off-shape raises `EcbFormatError` naming what is
wrong, so a caller stores all of a file or nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from xml.etree import ElementTree

GESMES_NS = "http://www.gesmes.org/xml/2002-08-01"
EUROFXREF_NS = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref"
_ENVELOPE = f"{{{GESMES_NS}}}Envelope"
_CUBE = f"{{{EUROFXREF_NS}}}Cube"
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_DOCTYPE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


class EcbFormatError(ValueError):
    """The document is not an ECB reference-rate file (or not a well-formed one)."""


@dataclass(frozen=True, slots=True)
class DailyRate:
    day: date
    currency: str
    rate: Decimal  # units of `currency` per euro


def parse_reference_rates(content: bytes | str) -> list[DailyRate]:
    """Every (day, currency, rate) of an ECB reference-rate document, oldest day first."""
    data = content.encode() if isinstance(content, str) else content
    if _DOCTYPE.search(data[:4096]):
        # The ECB never sends a DTD; refusing one rules out entity-expansion attacks.
        raise EcbFormatError("The document declares a DTD or entities; ECB files never do.")
    try:
        root = ElementTree.fromstring(data)  # noqa: S314 — see the DTD check above
    except ElementTree.ParseError as exc:
        raise EcbFormatError(f"Not well-formed XML: {exc}.") from exc
    if root.tag != _ENVELOPE:
        raise EcbFormatError(f"The root element is {root.tag!r}, not the ECB's gesmes:Envelope.")
    days = [cube for cube in root.iter(_CUBE) if "time" in cube.attrib]
    if not days:
        raise EcbFormatError("The document has no <Cube time='…'> element: no rates in it.")
    rates: list[DailyRate] = []
    seen: set[tuple[date, str]] = set()
    for day_cube in days:
        raw_day = day_cube.attrib["time"]
        try:
            day = date.fromisoformat(raw_day)
        except ValueError as exc:
            raise EcbFormatError(f"Day {raw_day!r} is not an ISO date (YYYY-MM-DD).") from exc
        entries = list(day_cube)
        if not entries:
            raise EcbFormatError(f"Day {day} lists no rates.")
        for cube in entries:
            currency = cube.attrib.get("currency", "")
            raw_rate = cube.attrib.get("rate", "")
            if cube.tag != _CUBE or not _CURRENCY.match(currency):
                raise EcbFormatError(f"Day {day}: an entry has no valid currency ({currency!r}).")
            try:
                rate = Decimal(raw_rate)
            except InvalidOperation as exc:
                raise EcbFormatError(
                    f"Day {day}, {currency}: rate {raw_rate!r} is no number."
                ) from exc
            if not rate.is_finite() or rate <= 0:
                raise EcbFormatError(f"Day {day}, {currency}: rate {raw_rate!r} is not positive.")
            if (day, currency) in seen:
                raise EcbFormatError(f"Day {day} lists {currency} twice.")
            seen.add((day, currency))
            rates.append(DailyRate(day=day, currency=currency, rate=rate))
    rates.sort(key=lambda r: (r.day, r.currency))
    return rates
