"""Parser benchmark: selectolax (lexbor) versus BeautifulSoup(html.parser).

``uv run python -m scraper.bench`` runs :func:`scraper.extract` on every saved fixture
page twice — once on the production selectolax tree and once on a BeautifulSoup tree
behind the same small DOM interface (:mod:`scraper.sources.dom`) — so both sides run
*exactly the same extraction code* and the ratio measures the parsers (parse + CSS
queries + text access). Times are per page, median of several runs, measured in one
process run.

End-to-end throughput against the demo marketplace is :mod:`scraper.bench_e2e`;
`make bench` runs both.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, Tag
from soupsieve import SelectorSyntaxError

from scraper.sources import extract
from scraper.sources.dom import Document, InvalidSelector, Node, parse_document
from scraper.types import Observation, ScrapeFailure

FIXTURES = Path(__file__).parent / "tests" / "fixtures"


class _SoupNode:
    __slots__ = ("_tag",)

    def __init__(self, tag: Tag) -> None:
        self._tag = tag

    @property
    def tag(self) -> str:
        return (self._tag.name or "").lower()

    def attr(self, name: str) -> str | None:
        value = self._tag.get(name)
        if value is None:
            return None
        return " ".join(value) if isinstance(value, list) else str(value)

    def text(self) -> str:
        return self._tag.get_text()

    def select(self, css: str) -> list[Node]:
        try:
            return [_SoupNode(t) for t in self._tag.select(css)]
        except SelectorSyntaxError as exc:
            raise InvalidSelector(str(exc)) from None

    def parent(self) -> Node | None:
        parent = self._tag.parent
        if parent is None or isinstance(parent, BeautifulSoup):
            return None
        return _SoupNode(parent)


class SoupDocument:
    """A BeautifulSoup(html.parser) tree behind the :class:`Document` interface."""

    def __init__(self, html: str) -> None:
        self._soup = BeautifulSoup(html, "html.parser")

    def select(self, css: str) -> list[Node]:
        try:
            return [_SoupNode(t) for t in self._soup.select(css)]
        except SelectorSyntaxError as exc:
            raise InvalidSelector(str(exc)) from None


@dataclass(frozen=True)
class Case:
    name: str
    html: str
    url: str
    source: str
    options: dict[str, Any]


@dataclass(frozen=True)
class Row:
    case: str
    size: int
    selectolax_ms: float
    soup_ms: float

    @property
    def ratio(self) -> float:
        return self.soup_ms / self.selectolax_ms if self.selectolax_ms else float("inf")


def load_cases(root: Path = FIXTURES) -> list[Case]:
    cases = []
    for spec_path in sorted(root.glob("*/*.json")):
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        page = spec_path.parent / spec.get("page", spec_path.with_suffix(".html").name)
        cases.append(
            Case(
                name=f"{spec_path.parent.name}/{spec_path.stem}",
                html=page.read_text(encoding="utf-8"),
                url=spec["url"],
                source=spec.get("source", spec_path.parent.name),
                options=spec.get("options", {}),
            )
        )
    return cases


def run_case(case: Case, parser: Callable[[str], Document]) -> list[Observation] | str:
    """Observations, or the failure kind as a string."""
    try:
        return extract(case.html, case.url, case.source, parser=parser, **case.options)
    except ScrapeFailure as failure:
        return failure.kind.value


def _time(case: Case, parser: Callable[[str], Document], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        run_case(case, parser)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def bench_parsers(repeat: int = 50, cases: list[Case] | None = None) -> list[Row]:
    rows = []
    for case in cases if cases is not None else load_cases():
        run_case(case, parse_document)  # warm-up
        run_case(case, SoupDocument)
        rows.append(
            Row(
                case=case.name,
                size=len(case.html.encode("utf-8")),
                selectolax_ms=_time(case, parse_document, repeat),
                soup_ms=_time(case, SoupDocument, repeat),
            )
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scraper.bench", description=__doc__)
    parser.add_argument("--repeat", type=int, default=50, help="runs per page (median)")
    args = parser.parse_args(argv)
    rows = bench_parsers(repeat=max(1, args.repeat))
    width = max(len(r.case) for r in rows)
    print(f"{'page':<{width}}  {'bytes':>7}  {'selectolax':>11}  {'bs4':>9}  {'ratio':>6}")
    for r in rows:
        print(
            f"{r.case:<{width}}  {r.size:>7}  {r.selectolax_ms:>9.3f}ms  "
            f"{r.soup_ms:>7.3f}ms  {r.ratio:>5.1f}x"
        )
    total_fast = sum(r.selectolax_ms for r in rows)
    total_slow = sum(r.soup_ms for r in rows)
    geo = statistics.geometric_mean([r.ratio for r in rows])
    print(
        f"\n{len(rows)} pages: selectolax {total_fast:.2f} ms, bs4 {total_slow:.2f} ms in total; "
        f"bs4/selectolax = {total_slow / total_fast:.1f}x overall, {geo:.1f}x geometric mean."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
