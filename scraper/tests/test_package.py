"""Package-level promises: the public API, no Django, one package doing network I/O."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import scraper

PACKAGE = Path(scraper.__file__).parent
NETWORK_MODULES = {
    "httpx",
    "httpcore",
    "socket",
    "urllib.request",
    "redis",
    "requests",
    "aiohttp",
    "http.server",
    "socketserver",
}
# Tools shipped beside the library, not parts of it: a local server and a benchmark client.
NETWORK_TOOLS = {"demo_marketplace", "bench_e2e.py"}


def test_public_api_names() -> None:
    for name in [
        "parse_price",
        "extract",
        "fetch_observations",
        "scrape",
        "fetch_page",
        "check_url_allowed",
        "Money",
        "Observation",
        "ScrapeFailure",
        "FailureKind",
        "FetchTarget",
        "FetchSettings",
        "FetchResult",
        "NotModified",
        "SOURCES",
        "HostLimiter",
        "RedisHostLimiter",
        "InProcessHostLimiter",
        "find_product_image",
        "fetch_image",
        "fetch_product_image",
    ]:
        assert hasattr(scraper, name), name
    assert set(scraper.SOURCES) == {
        "structured", "css", "pricecharting", "ebay", "cardmarket", "discogs", "ebay_api",
    }  # fmt: skip
    assert [k.value for k in scraper.FailureKind] == [
        "robots_disallowed",
        "forbidden_address",
        "http_error",
        "rate_limited",
        "timeout",
        "too_large",
        "not_html",
        "no_price_found",
        "ambiguous_prices",
        "out_of_stock",
        "selector_not_found",
        "no_image_found",
        "not_image",
        "missing_credentials",
    ]


def test_importing_scraper_does_not_import_django() -> None:
    code = "import sys, scraper, scraper.__main__, scraper.bench; print('django' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=PACKAGE.parent,
    )
    assert result.stdout.strip() == "False"


def _runtime_imports(path: Path) -> set[str]:
    """Modules imported at run time (imports under ``if TYPE_CHECKING:`` don't count)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.stmt):
                    visit([child])

    visit(tree.body)
    return found


def test_only_http_module_does_network_io() -> None:
    offenders = {}
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in {"tests", "http", *NETWORK_TOOLS}:
            continue
        imported = {m for m in _runtime_imports(path) if m.split(".")[0] in NETWORK_MODULES}
        imported |= {m for m in _runtime_imports(path) if m in NETWORK_MODULES}
        if imported:
            offenders[str(relative)] = imported
    assert offenders == {}
