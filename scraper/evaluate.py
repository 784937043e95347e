"""Score :func:`scraper.extract` on a folder of saved product pages.

``python -m scraper.evaluate DIR [--verbose] [--strict-currency]``

``DIR`` holds ``expected.json`` and ``pages/``. ``expected.json`` maps a page's file
name to ``{"url", "prices_accepted", "currency", "page_kind", …}`` (the shape of the
development set in ``../shared/datasets/product-pages``). Each page is extracted with
its URL and no other option, exactly as a tracker would, and scored:

* **correct** — one price, and its amount is one of ``prices_accepted``;
* **wrong** — a confident price that is not accepted, several different prices, or a
  price on a ``no_price`` page (the worst outcome for a price tracker);
* **refused** — no price on a ``multi_candidate`` or ``no_price`` page (right);
* **missed** — no price on a ``single`` page.

Precision is correct / (correct + wrong). With ``--strict-currency`` a correct amount
whose currency differs from the expected one (where the page states one) counts as
wrong; without it such pages are listed as currency mismatches. ``--verbose`` prints
one line per page: what it got and why (the rules' notes or the failure). The time is
the process's CPU time per page (other load on the machine does not count). Exit status
0 whatever the score (it is a measurement, not a test).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from scraper.sources import extract
from scraper.sources.trace import tracing
from scraper.types import Observation, ScrapeFailure

__all__ = ["PageResult", "Score", "evaluate_folder", "main", "score_page"]

OUTCOMES = ("correct", "wrong", "refused", "missed")
_REFUSAL_KINDS = frozenset({"multi_candidate", "no_price"})


@dataclass(frozen=True)
class PageResult:
    name: str
    outcome: str
    got: str
    expected: str
    why: str
    currency_ok: bool
    elapsed_ms: float


@dataclass(frozen=True)
class Score:
    pages: list[PageResult]

    def count(self, outcome: str) -> int:
        return sum(1 for p in self.pages if p.outcome == outcome)

    @property
    def precision(self) -> float:
        answered = self.count("correct") + self.count("wrong")
        return self.count("correct") / answered if answered else 1.0

    @property
    def median_ms(self) -> float:
        return statistics.median(p.elapsed_ms for p in self.pages) if self.pages else 0.0


def _amount(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _describe(observations: list[Observation]) -> str:
    return "; ".join(
        f"{o.price.amount} {o.price.currency or '?'}" + (f" [{o.condition}]" if o.condition else "")
        for o in observations
    )


def score_page(
    name: str, html: str, spec: dict[str, Any], *, strict_currency: bool = False
) -> PageResult:
    """Extract one page and score it against its expected entry."""
    accepted = {a for a in (_amount(v) for v in spec.get("prices_accepted") or []) if a is not None}
    kind = spec.get("page_kind") or "single"
    want_currency = spec.get("currency")
    expected = f"{kind}: " + (
        " or ".join(str(a) for a in sorted(accepted)) + f" {want_currency or '?'}"
        if accepted
        else "no price"
    )
    started = time.process_time()
    with tracing() as notes:
        try:
            observations: list[Observation] | None = extract(html, spec.get("url") or "")
            failure: ScrapeFailure | None = None
        except ScrapeFailure as exc:
            observations, failure = None, exc
    elapsed = (time.process_time() - started) * 1000
    why = " | ".join(notes)
    if failure is not None or not observations:
        outcome = "refused" if kind in _REFUSAL_KINDS else "missed"
        reason = f"{failure.kind.value}: {failure.message}" if failure else "no observation"
        why = f"{why} | {reason}" if why else reason
        return PageResult(name, outcome, "-", expected, why, True, elapsed)
    amounts = {o.price.amount for o in observations}
    got = _describe(observations)
    currency_ok = True
    if len(amounts) == 1 and next(iter(amounts)) in accepted:
        outcome = "correct"
        currencies = {o.price.currency for o in observations}
        currency_ok = want_currency is None or currencies == {want_currency}
        if strict_currency and not currency_ok:
            outcome = "wrong"
    else:
        outcome = "wrong"
    return PageResult(name, outcome, got, expected, why, currency_ok, elapsed)


def evaluate_folder(folder: Path, *, strict_currency: bool = False) -> Score:
    """Score every page listed in ``folder/expected.json`` (sorted by file name)."""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    results = []
    for name in sorted(expected):
        page = folder / "pages" / name
        html = page.read_text(encoding="utf-8", errors="replace")
        results.append(score_page(name, html, expected[name], strict_currency=strict_currency))
    return Score(results)


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f} %" if whole else "  -  "


def report(score: Score, *, verbose: bool = False) -> str:
    lines = []
    if verbose:
        width = max((len(p.name) for p in score.pages), default=10)
        for p in score.pages:
            flag = "" if p.currency_ok else "  (currency differs)"
            lines.append(
                f"{p.outcome:<8} {p.name:<{width}}  got {p.got}  want {p.expected}{flag}"
                f"\n{'':<9}{'':<{width}}  why: {p.why or '-'}"
            )
        lines.append("")
    total = len(score.pages)
    for outcome in OUTCOMES:
        lines.append(f"{outcome:<8} {score.count(outcome):>4}  {_pct(score.count(outcome), total)}")
    lines.append(f"{'pages':<8} {total:>4}")
    lines.append(f"precision {100 * score.precision:.1f} % (correct / (correct + wrong))")
    mismatched = [p.name for p in score.pages if p.outcome == "correct" and not p.currency_ok]
    if mismatched:
        lines.append(
            f"currency differs on {len(mismatched)} correct page(s): {', '.join(mismatched)}"
        )
    lines.append(f"median extraction time {score.median_ms:.2f} ms CPU per page")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scraper.evaluate",
        description="Score scraper.extract on DIR/expected.json and DIR/pages.",
    )
    parser.add_argument("folder", type=Path, help="folder with expected.json and pages/")
    parser.add_argument("--verbose", "-v", action="store_true", help="one line per page")
    parser.add_argument(
        "--strict-currency", action="store_true", help="a right amount in a wrong currency is wrong"
    )
    args = parser.parse_args(argv)
    if not (args.folder / "expected.json").is_file():
        parser.error(f"{args.folder} has no expected.json")
    score = evaluate_folder(args.folder, strict_currency=args.strict_currency)
    print(report(score, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
