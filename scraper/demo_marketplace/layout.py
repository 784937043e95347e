"""The page skeleton shared by every demo marketplace page, and small formatting helpers."""

from __future__ import annotations

import html
import json
from decimal import Decimal
from typing import Any

SITE = "Demo Marketplace"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _money(amount: Decimal | None) -> str:
    return "-" if amount is None else f"${amount:,.2f}"


def _plain(amount: Decimal) -> str:
    return f"{amount:.2f}"


def _json_ld(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def _page(title: str, body: str, head: str = "", canonical: str | None = None) -> str:
    link = f'<link rel="canonical" href="{_e(canonical)}">\n' if canonical else ""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_e(title)}</title>\n{link}{head}</head>\n<body>\n"
        f'<header class="site"><a href="/">{SITE}</a> '
        '<span class="cart-total">Cart: $0.00</span></header>\n'
        f"<main>\n{body}\n</main>\n"
        "<footer><p>Local demo data for Omni-Stock. Prices move a little every day.</p>"
        "</footer>\n</body>\n</html>\n"
    )
