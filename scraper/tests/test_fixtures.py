"""One test per saved page: ``fixtures/<source>/<case>.json`` describes the expected result.

JSON keys: ``url`` (the page's address), optional ``page`` (HTML file name when
several cases share one page; default ``<case>.html``), optional ``source`` (default:
the folder name), optional ``options`` (passed to :func:`scraper.extract`), and either
``observations`` (list of ``amount``/``currency``/``condition``/``title``/
``availability``, and where a case states them ``observed_at``, ``url``, ``seller``,
``shipping``, ``listing_id``) or ``failure`` (a failure kind).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from scraper import FailureKind, Observation, ScrapeFailure, extract

FIXTURES = Path(__file__).parent / "fixtures"
OBSERVED_AT = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


#: Fields a case compares only where it states them (most sources leave them unset).
OPTIONAL_FIELDS: dict[str, Callable[[Observation], Any]] = {
    "observed_at": lambda o: o.observed_at.isoformat(),
    "url": lambda o: o.url,
    "seller": lambda o: None if o.seller is None else o.seller.name,
    "shipping": lambda o: None if o.shipping is None else str(o.shipping.amount),
    "listing_id": lambda o: o.listing_id,
}


def load_cases() -> list[Any]:
    cases = []
    for spec_path in sorted(FIXTURES.glob("*/*.json")):
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        page = spec_path.parent / spec.get("page", spec_path.with_suffix(".html").name)
        source = spec.get("source", spec_path.parent.name)
        cases.append(
            pytest.param(page, source, spec, id=f"{spec_path.parent.name}/{spec_path.stem}")
        )
    return cases


CASES = load_cases()


def run_case(page: Path, source: str, spec: dict[str, Any], **kwargs: Any) -> Any:
    html = page.read_text(encoding="utf-8")
    return extract(
        html, spec["url"], source, observed_at=OBSERVED_AT, **spec.get("options", {}), **kwargs
    )


@pytest.mark.parametrize(("page", "source", "spec"), CASES)
def test_fixture_page_gives_expected_result(page: Path, source: str, spec: dict[str, Any]) -> None:
    if "failure" in spec:
        with pytest.raises(ScrapeFailure) as info:
            run_case(page, source, spec)
        assert info.value.kind == FailureKind(spec["failure"])
        assert info.value.message.endswith((".", ")")), "messages are full sentences"
        return
    observations = run_case(page, source, spec)
    expected = spec["observations"]
    assert len(observations) == len(expected)
    got = [
        {
            "amount": str(o.price.amount),
            "currency": o.price.currency,
            "condition": o.condition,
            "title": o.title,
            "availability": o.availability,
            **{name: read(o) for name, read in OPTIONAL_FIELDS.items() if name in wanted},
        }
        for o, wanted in zip(observations, expected, strict=True)
    ]
    assert got == expected
    for o, wanted in zip(observations, expected, strict=True):
        assert o.url == wanted.get("url", spec["url"])
        assert o.source == source
        if "observed_at" not in wanted:
            assert o.observed_at == OBSERVED_AT
        assert isinstance(o.price.amount, Decimal)


def test_every_source_has_fixtures() -> None:
    from scraper import SOURCES
    from scraper.sources.base import ApiSource

    # A source reading an API keeps its saved answers under api/<source>/ (not page pairs).
    api = {name for name, source in SOURCES.items() if isinstance(source, ApiSource)}
    folders = {p.name for p in FIXTURES.iterdir() if p.is_dir()}
    assert set(SOURCES) - api <= folders
    assert api <= {p.name for p in (FIXTURES / "api").iterdir() if p.is_dir()}


def test_every_fixture_page_is_used() -> None:
    used = {page for page, *_ in (c.values for c in CASES)}
    pages = set(FIXTURES.glob("*/*.html"))
    assert pages == used
