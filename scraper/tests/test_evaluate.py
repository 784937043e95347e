"""``python -m scraper.evaluate DIR`` on a tiny folder in the development set's shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scraper.evaluate import evaluate_folder, main, score_page

TINY_SET = Path(__file__).parent / "fixtures" / "evaluation" / "tiny_set"


def test_each_outcome_is_scored_as_the_readme_defines() -> None:
    score = evaluate_folder(TINY_SET)
    outcomes = {p.name: p.outcome for p in score.pages}
    assert outcomes == {
        "blog-no-price.html": "refused",
        "shop-jsonld.html": "correct",
        "shop-no-markup.html": "missed",
        "shop-variants.html": "refused",
        "shop-wrong.html": "wrong",
    }
    assert [score.count(o) for o in ("correct", "wrong", "refused", "missed")] == [1, 1, 2, 1]
    assert score.precision == 0.5


def test_the_command_prints_counts_percentages_precision_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([str(TINY_SET)]) == 0
    out = capsys.readouterr().out
    assert "correct     1   20.0 %" in out
    assert "wrong       1   20.0 %" in out
    assert "refused     2   40.0 %" in out
    assert "missed      1   20.0 %" in out
    assert "precision 50.0 %" in out
    assert "median extraction time" in out


def test_verbose_says_what_it_got_and_why(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(TINY_SET), "--verbose"]) == 0
    out = capsys.readouterr().out
    assert "correct  shop-jsonld.html" in out
    assert "got 89.00 EUR" in out
    assert "json-ld: 1 price(s)" in out  # the rules' notes
    assert "ambiguous_prices" in out  # the failure of a refused page
    assert "want single: 40 GBP" in out


def test_a_right_amount_in_another_currency_is_flagged_or_wrong_when_strict() -> None:
    html = (TINY_SET / "pages" / "shop-jsonld.html").read_text(encoding="utf-8")
    spec = {"url": "https://shop.example/gbc", "prices_accepted": ["89"], "currency": "USD"}
    assert score_page("p.html", html, spec).outcome == "correct"
    assert not score_page("p.html", html, spec).currency_ok
    assert score_page("p.html", html, spec, strict_currency=True).outcome == "wrong"


def test_a_price_on_a_no_price_page_is_wrong() -> None:
    html = (TINY_SET / "pages" / "shop-jsonld.html").read_text(encoding="utf-8")
    spec = {"url": "https://shop.example/gbc", "prices_accepted": [], "page_kind": "no_price"}
    assert score_page("p.html", html, spec).outcome == "wrong"


def test_a_folder_without_expected_json_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main([str(tmp_path)])
    assert info.value.code == 2


def test_the_fixture_folder_has_the_development_sets_fields() -> None:
    expected = json.loads((TINY_SET / "expected.json").read_text(encoding="utf-8"))
    for name, spec in expected.items():
        assert (TINY_SET / "pages" / name).is_file()
        assert {"url", "prices_accepted", "price", "currency", "page_kind"} <= set(spec)
