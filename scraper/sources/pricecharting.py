"""PriceCharting product pages (``https://www.pricecharting.com/game/<console>/<slug>``).

Structure of the real page (verified against saved copies of live pages):

.. code-block:: html

    <h1 id="product_name" class="chart_title" title="67001">Maniac Mansion
        <a href="/console/amiga">Amiga</a></h1>
    <table id="price_data" class="info_box">
      <thead><tr><th>Loose</th><th>Complete</th><th>New</th><th>Graded</th>
                 <th>Box Only</th><th>Manual Only</th></tr></thead>
      <tbody><tr>
        <td id="used_price">
          <span class="price js-price">$99.00</span>
          <span class="change" title="dollar change from last update">
            -<span class="js-price">$0.86</span></span>   <!-- the CHANGE, not the price -->
        </td>
        <td id="complete_price"> … <td id="new_price"> … <td id="graded_price"> …
        <td id="box_only_price"> … <td id="manual_only_price"> …
      </tr> …</tbody>
      <tbody><tr class="additional_data"> <!-- graded/box/manual repeated for phones -->
    </table>

Each cell's price is the ``span.price.js-price`` that is a *direct* child of the
cell; the nested ``span.js-price`` inside ``span.change`` is the monthly change and
must never be read as a price. A missing price is shown as ``-`` or ``N/A``.
Prices are always rendered in USD (currency conversion happens in the browser).

Cells map to conditions by id. Video games: ``used_price`` → ``loose``,
``complete_price`` → ``cib``, ``new_price`` → ``new``, ``graded_price`` → ``graded``
(box-only and manual-only are parts, not the item, and are skipped). Trading cards
(detected by an "Ungraded" / "PSA 10" column heading) reuse the same cell ids for
grades: ``used_price`` → ``ungraded``, ``complete_price`` → ``grade_7``,
``new_price`` → ``grade_8``, ``graded_price`` → ``grade_9``, ``box_only_price`` →
``grade_9_5``, ``manual_only_price`` → ``psa_10``. Other headings (comics: "CGC 9.8"…)
become slugs of the heading text.

A card page also lists every grade in its full price guide, and there the tens of the
other grading companies, which the six cells leave out:

.. code-block:: html

    <div id="full-prices"><table>
      <tr><td>Grade 9.5</td><td class="price js-price">$5,600.00</td></tr>
      <tr><td>SGC 10</td><td class="price js-price">$9,750.00</td></tr>
      <tr><td>CGC 10</td> … <tr><td>BGS 10</td> … <tr><td>BGS 10 Black</td> …
    </table></div>

Its ``BGS 10``, ``CGC 10`` and ``SGC 10`` rows become ``bgs_10``, ``cgc_10``,
``sgc_10`` (:mod:`~scraper.sources.card_grades`); BGS Black Label and CGC Pristine trade
apart and have no condition of their own, so they are not read.
"""

from __future__ import annotations

import re

from scraper.prices import parse_price
from scraper.sources.base import Candidate, ExtractContext, Source, decide
from scraper.sources.card_grades import GRADER_TENS, find_grades
from scraper.sources.dom import Document, Node, clean_text
from scraper.types import FailureKind, Observation, ScrapeFailure

__all__ = ["PriceChartingSource"]

_CELL_IDS = (
    "used_price",
    "complete_price",
    "new_price",
    "graded_price",
    "box_only_price",
    "manual_only_price",
)
_GAME_CONDITIONS = {
    "used_price": "loose",
    "complete_price": "cib",
    "new_price": "new",
    "graded_price": "graded",
}
_CARD_CONDITIONS = {
    "used_price": "ungraded",
    "complete_price": "grade_7",
    "new_price": "grade_8",
    "graded_price": "grade_9",
    "box_only_price": "grade_9_5",
    "manual_only_price": "psa_10",
}
_GAME_HEADINGS = {"loose", "complete", "cib", "new", "graded", "box only", "manual only"}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _headings(table: Node) -> list[str]:
    for row in table.select("thead tr"):
        cells = [clean_text(th.text()).lower() for th in row.select("th")]
        if len(cells) >= 3:
            return cells
    return []


def _condition_map(table: Node) -> dict[str, str]:
    headings = _headings(table)
    if not headings or all(h in _GAME_HEADINGS for h in headings):
        return dict(_GAME_CONDITIONS)
    if "ungraded" in headings[:1] and "psa 10" in headings:
        return dict(_CARD_CONDITIONS)
    # Another product family: name each column after its heading.
    return {
        cell_id: _slug(heading)
        for cell_id, heading in zip(_CELL_IDS, headings, strict=False)
        if _slug(heading)
    }


def _cell_price_text(cell: Node) -> str | None:
    """The cell's own price span (never the nested change span)."""
    for span in cell.select("span.price"):
        classes = (span.attr("class") or "").split()
        if "js-price" not in classes:
            continue
        parent = span.parent()
        if parent is not None and parent.attr("id") == cell.attr("id"):
            return clean_text(span.text())
    if not cell.select("span"):
        return clean_text(cell.text())  # bare "<td id=used_price>$12.00</td>" variant
    return None


def _title(doc: Document) -> str | None:
    for heading in doc.select("h1#product_name"):
        text = clean_text(heading.text())
        console = " ".join(clean_text(a.text()) for a in heading.select("a"))
        if console and text.endswith(console):
            text = text[: -len(console)].strip()
        if text:
            return text[:300]
    return None


def _full_guide_tens(doc: Document, title: str | None) -> list[Candidate]:
    """The other grading companies' tens from a card page's full price guide."""
    found = []
    for row in doc.select("#full-prices tr"):
        cells = row.select("td")
        if len(cells) < 2:
            continue
        grades = find_grades(clean_text(cells[0].text()))
        condition = grades[0].condition if len(grades) == 1 else None
        if condition not in GRADER_TENS.values() or condition == "psa_10":
            continue  # the six cells carry PSA 10 and the grades below
        money = parse_price(clean_text(cells[1].text()), "USD")
        if money is not None and money.amount > 0:
            found.append(Candidate(money, condition, title, None))
    return found


class PriceChartingSource(Source):
    name = "pricecharting"
    hosts = ("pricecharting.com",)

    def extract(self, doc: Document, ctx: ExtractContext) -> list[Observation]:
        tables = doc.select("table#price_data")
        if not tables:
            raise ScrapeFailure(
                FailureKind.NO_PRICE_FOUND,
                f"The page at {ctx.where} is not a PriceCharting product page (its price "
                "table is missing). Link the tracker to a single product's page.",
                url=ctx.url,
                code="pricecharting_not_a_product_page",
                params={"where": ctx.where},
            )
        table = tables[0]
        conditions = _condition_map(table)
        title = _title(doc)
        seen: set[str] = set()
        candidates: list[Candidate] = []
        for cell in table.select("td[id]"):
            cell_id = cell.attr("id") or ""
            if cell_id in seen or cell_id not in conditions:
                continue
            seen.add(cell_id)
            text = _cell_price_text(cell)
            money = parse_price(text, "USD") if text else None
            if money is None or money.amount <= 0:
                continue  # "-", "N/A" or $0.00: no price for this condition
            candidates.append(Candidate(money, conditions[cell_id], title, None))
        if conditions.get("manual_only_price") == "psa_10":
            candidates += _full_guide_tens(doc, title)
        if not candidates:
            raise ScrapeFailure(
                FailureKind.NO_PRICE_FOUND,
                f"PriceCharting has no price yet for this item ({title or ctx.where}).",
                url=ctx.url,
                code="pricecharting_no_price",
                params={"item": title or ctx.where},
            )
        return self.observations(decide(candidates, ctx), ctx)
