"""Reading a ``<script type="application/ld+json">`` block leniently.

Real pages wrap JSON-LD in comment markers (``<!-- -->``, ``//<![CDATA[ //]]>``,
``/*<![CDATA[*/ … /*]]>*/``, sometimes nested), leave trailing commas and raw
newlines in strings. :func:`load_jsonld` repairs those; a block it still cannot read
is reported as not ok (the structured source counts it as malformed).
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["MAX_SCRIPT", "load_jsonld"]

#: Longest block read (bigger ones are not product data).
MAX_SCRIPT = 2_000_000
_TRAILING_COMMA = re.compile(r",\s*([\]}])")
_WRAPPER_START = re.compile(
    r"\A(?:\s*(?:<!--|/\*\s*<!\[CDATA\[\s*\*/|//\s*<!\[CDATA\[|<!\[CDATA\[))+"
)
_WRAPPER_END = re.compile(r"(?:(?:-->|/\*\s*\]\]>\s*\*/|//\s*\]\]>|\]\]>)\s*)+\Z")


def load_jsonld(text: str) -> tuple[bool, Any]:
    """Parse a JSON-LD block leniently. Returns ``(ok, value)``."""
    text = text.strip()
    if not text or len(text) > MAX_SCRIPT:
        return False, None
    text = _WRAPPER_END.sub("", _WRAPPER_START.sub("", text))
    text = text.strip().rstrip(";")
    for attempt in (text, _TRAILING_COMMA.sub(r"\1", text)):
        try:
            return True, json.loads(attempt, strict=False)
        except (ValueError, RecursionError):
            continue
    return False, None
