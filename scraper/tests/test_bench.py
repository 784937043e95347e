from __future__ import annotations

from pathlib import Path

import pytest

from scraper.bench import SoupDocument, bench_parsers, load_cases, load_pages, main, run_case
from scraper.sources.dom import parse_document

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_baseline_parser_gives_the_same_result(case) -> None:  # type: ignore[no-untyped-def]
    """The benchmark compares like with like: both trees yield identical results."""
    fast = run_case(case, parse_document)
    slow = run_case(case, SoupDocument)
    if isinstance(fast, str):
        assert fast == slow
    else:
        assert not isinstance(slow, str)
        strip = [(o.price, o.condition, o.title, o.availability) for o in fast]
        assert strip == [(o.price, o.condition, o.title, o.availability) for o in slow]


def test_bench_runs(capsys: pytest.CaptureFixture[str]) -> None:
    rows = bench_parsers(repeat=1, cases=CASES[:2])
    assert len(rows) == 2
    assert all(r.selectolax_ms > 0 and r.soup_ms > 0 for r in rows)
    assert main(["--repeat", "1", "--fixtures"]) == 0
    out = capsys.readouterr().out
    assert "geometric mean" in out
    assert "median per page: selectolax" in out


def test_bench_reads_a_folder_of_real_pages(capsys: pytest.CaptureFixture[str]) -> None:
    """The development set's shape (expected.json + pages/): the tiny evaluation fixture."""
    folder = Path(__file__).parent / "fixtures" / "evaluation" / "tiny_set"
    cases = load_pages(folder)
    assert len(cases) == 5
    assert all(c.source is None for c in cases)
    assert main(["--repeat", "1", "--pages", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "== 5 real product pages" in out
    assert "median per page" in out
