"""Every failure the scraper raises names a sentence of the catalogue
(price_history.failure_texts), and the catalogue's English sentence is the scraper's.
Read from the scraper's source, so a new `ScrapeFailure(...)` without a code, or a
message reworded on one side only, fails here instead of reaching a German reader as
its kind's vague sentence."""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from price_history.failure_texts import TEMPLATES
from price_history.tests.test_failure_texts import EXTRACTED, FETCHED

SCRAPER = Path(settings.BACKEND_DIR).parent / "scraper"

#: Codes whose message is put together from parts the call does not show (a local
#: phrase, a helper's sentence, a value the catalogue reads as a phrase): instead
#: test_failure_texts has the scraper say each of them.
COMPOSED = {
    "forbidden_address",
    "http_status",
    "limited",
    "limited_wait",
    "no_price_malformed_data",
    "no_price_on_page",
    "page_too_large",
    "selector_not_css",
    "too_many_redirects",
}


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def scrape_failures() -> Iterator[tuple[str, ast.Call]]:
    """(file:line, call) of each `ScrapeFailure(...)` in the scraper outside its tests."""
    for path in sorted(SCRAPER.rglob("*.py")):
        if "tests" in path.relative_to(SCRAPER).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node.func) == "ScrapeFailure":
                yield f"{path.relative_to(SCRAPER.parent)}:{node.lineno}", node


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _codes(node: ast.expr) -> set[str | None]:
    """The values a `code=` expression can take: literals, or a choice of literals."""
    if isinstance(node, ast.Constant) and (node.value is None or isinstance(node.value, str)):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _codes(node.body) | _codes(node.orelse)
    raise AssertionError(f"not a literal code: {ast.unparse(node)}")


def _same(a: ast.AST, b: ast.AST) -> bool:
    return ast.dump(a) == ast.dump(b)


def _param_of(value: ast.FormattedValue, params: dict[str, ast.expr]) -> str | None:
    """The parameter whose value is what `value` writes into the message: the same
    expression, `str()` of it, or an f-string of just it (a number's format)."""
    for name, given in params.items():
        plain = value.format_spec is None and value.conversion == -1
        if plain and _same(given, value.value):
            return name
        as_str = isinstance(given, ast.Call) and _name(given.func) == "str"
        if plain and as_str and len(given.args) == 1 and _same(given.args[0], value.value):
            return name
        just_it = isinstance(given, ast.JoinedStr) and len(given.values) == 1
        if just_it and _same(given.values[0], value):
            return name
    return None


def _sentence(message: ast.expr, params: dict[str, ast.expr]) -> str | None:
    """The message as a template (`{name}` for each parameter), or None when it is made
    of something else than literals and the call's parameters."""
    if isinstance(message, ast.Constant) and isinstance(message.value, str):
        return message.value
    if isinstance(message, ast.BinOp) and isinstance(message.op, ast.Add):
        left, right = _sentence(message.left, params), _sentence(message.right, params)
        return None if left is None or right is None else left + right
    if isinstance(message, ast.JoinedStr):
        parts = []
        for part in message.values:
            if isinstance(part, ast.FormattedValue):
                name = _param_of(part, params)
                if name is None:
                    return None
                parts.append("{" + name + "}")
            else:
                parts.append(_sentence(part, params) or "")
        return "".join(parts)
    return None


def _params(call: ast.Call) -> dict[str, ast.expr] | None:
    node = _keyword(call, "params")
    if node is None:
        return {}
    if not isinstance(node, ast.Dict) or not all(isinstance(k, ast.Constant) for k in node.keys):
        return None
    return {k.value: v for k, v in zip(node.keys, node.values, strict=True)}


def _english(code: str) -> str:
    with translation.override("en"):
        return str(TEMPLATES[code])


def _placeholders(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


CALLS = [pytest.param(where, call, id=where) for where, call in scrape_failures()]


def test_the_scraper_raises_failures_at_all():
    assert len(CALLS) > 50


def test_each_composed_message_is_said_by_the_scraper_in_a_test():
    assert set(EXTRACTED) | set(FETCHED) >= COMPOSED


@pytest.mark.parametrize(("where", "call"), CALLS)
def test_every_failure_the_scraper_raises_names_a_sentence_of_the_catalogue(where, call):
    code = _keyword(call, "code")

    assert code is not None, f"{where}: ScrapeFailure(...) without code="
    for value in _codes(code):
        assert value is not None, f"{where}: code=None reads only as its kind's sentence"
        assert value in TEMPLATES, f"{where}: {value!r} is not in failure_texts.TEMPLATES"


@pytest.mark.parametrize(("where", "call"), CALLS)
def test_the_catalogues_english_is_the_scrapers_message(where, call):
    codes = _codes(_keyword(call, "code") or ast.Constant(None)) - {None}
    params = _params(call)
    message = call.args[1] if len(call.args) > 1 else _keyword(call, "message")
    if codes <= COMPOSED:
        return
    sentence = None if params is None or message is None else _sentence(message, params)
    assert sentence is not None, f"{where}: {codes} is composed (COMPOSED)"
    assert len(codes) == 1, f"{where}: {codes} is composed (COMPOSED)"

    (code,) = codes
    assert _english(code) == sentence, where
    assert _placeholders(_english(code)) <= set(params or {}), where
