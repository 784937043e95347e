"""Parser benchmark: selectolax (lexbor) versus BeautifulSoup(html.parser).

``uv run python -m scraper.bench`` runs :func:`scraper.extract` on every page of the
development set of real product pages (``../shared/datasets/product-pages`` beside the
repository, or ``--pages DIR``) when it is there, else on every saved fixture page
(``--fixtures``), twice — once on the production selectolax tree and once on a
BeautifulSoup tree behind the same small DOM interface (:mod:`scraper.sources.dom`) — so both sides run
*exactly the same extraction code* and the ratio measures the parsers (parse + CSS
queries + text access). Times are CPU time per page, median of several runs, measured
in one process run; the summary line gives the median over the pages (the budget is
10 ms per page on the development set).

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
#: The development set of real pages (see scraper/README.md, "Extraction accuracy").
DEV_SET = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets" / "product-pages"


class _SoupNode:
    __slots__ = ("_tag",)

    def __init__(self, tag: Tag) -> None:
        self._tag = tag

    @property
    def tag(self) -> str:
        return (self._tag.name or "").lower()

    @property
    def key(self) -> int:
        return id(self._tag)

    def attr(self, name: str) -> str | None:
        value = self._tag.get(name)
        if value is None:
            return None
        return " ".join(value) if isinstance(value, list) else str(value)

    def text(self, separator: str = "") -> str:
        return self._tag.get_text(separator)

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
    source: str | None
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


def load_pages(folder: Path) -> list[Case]:
    """The pages of a folder in the shape of the development set (expected.json + pages/),
    extracted as a tracker would: by URL, no source or option."""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return [
        Case(
            name=name,
            html=(folder / "pages" / name).read_text(encoding="utf-8", errors="replace"),
            url=spec.get("url") or "",
            source=None,
            options={},
        )
        for name, spec in sorted(expected.items())
    ]


def run_case(case: Case, parser: Callable[[str], Document]) -> list[Observation] | str:
    """Observations, or the failure kind as a string."""
    try:
        return extract(case.html, case.url, case.source, parser=parser, **case.options)
    except ScrapeFailure as failure:
        return failure.kind.value


def _time(case: Case, parser: Callable[[str], Document], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        # CPU time of this process: the machine's other load (CI, other jobs on the
        # same two cores) does not inflate it the way wall-clock time is inflated.
        started = time.process_time()
        run_case(case, parser)
        samples.append(time.process_time() - started)
    return statistics.median(samples) * 1000


def bench_parsers(
    repeat: int = 50, cases: list[Case] | None = None, soup_repeat: int | None = None
) -> list[Row]:
    rows = []
    for case in cases if cases is not None else load_cases():
        run_case(case, parse_document)  # warm-up
        run_case(case, SoupDocument)
        rows.append(
            Row(
                case=case.name,
                size=len(case.html.encode("utf-8")),
                selectolax_ms=_time(case, parse_document, repeat),
                soup_ms=_time(case, SoupDocument, soup_repeat or repeat),
            )
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scraper.bench", description=__doc__)
    parser.add_argument(
        "--repeat", type=int, help="runs per page (median; default 50, 10 on real pages)"
    )
    parser.add_argument(
        "--pages", type=Path, help=f"folder of real pages (default {DEV_SET} if present)"
    )
    parser.add_argument("--fixtures", action="store_true", help="the saved fixture pages only")
    args = parser.parse_args(argv)
    folder = None if args.fixtures else (args.pages or (DEV_SET if DEV_SET.is_dir() else None))
    if folder is not None:
        # Real pages are large: BeautifulSoup takes ~100x longer, so fewer runs for it.
        repeat = max(1, args.repeat or 10)
        rows = bench_parsers(repeat=repeat, cases=load_pages(folder), soup_repeat=min(repeat, 3))
        print(f"== {len(rows)} real product pages from {folder}")
    else:
        rows = bench_parsers(repeat=max(1, args.repeat or 50))
        print(f"== {len(rows)} saved fixture pages")
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
    print(
        f"median per page: selectolax {statistics.median(r.selectolax_ms for r in rows):.2f} ms, "
        f"bs4 {statistics.median(r.soup_ms for r in rows):.2f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
