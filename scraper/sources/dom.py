"""A very small DOM interface the sources are written against.

Sources only need "select by CSS", "text of an element", "attribute" and "parent".
Writing them against this interface instead of selectolax directly costs almost
nothing and lets :mod:`scraper.bench` run *the same extraction code* on a
BeautifulSoup tree, so the comparison measures the parsers and nothing else.

The production backend is selectolax's lexbor engine (:class:`LexborDocument`).
"""

from __future__ import annotations

import re
from typing import Protocol

from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

__all__ = [
    "Document",
    "InvalidSelector",
    "LexborDocument",
    "Node",
    "clean_text",
    "parse_document",
    "spaced_text",
]


class InvalidSelector(ValueError):
    """The CSS selector could not be parsed."""


def clean_text(text: str | None) -> str:
    """Collapse runs of whitespace (incl. NBSP) to single spaces and strip."""
    if not text:
        return ""
    return " ".join(text.split())


_SPLIT_DECIMALS = re.compile(r"(\d) ([.,]\d{1,2})(?!\d)")


def spaced_text(node: Node) -> str:
    """The element's text with a space between its text nodes, cleaned.

    Plain ``text()`` glues neighbours together ("£1.00" + "0 bids" → "£1.000 bids",
    a different price); a space keeps them apart. Cents set in their own element
    ("12<sup>,99</sup>") are joined back ("12,99").
    """
    return _SPLIT_DECIMALS.sub(r"\1\2", clean_text(node.text(" ")))


class Node(Protocol):
    @property
    def tag(self) -> str: ...

    @property
    def key(self) -> int:
        """Identity of the element in its tree (equal for two wrappers of one element)."""
        ...

    def attr(self, name: str) -> str | None:
        """The attribute value, ``""`` for a valueless attribute, ``None`` if absent."""
        ...

    def text(self, separator: str = "") -> str:
        """The element's text; ``separator`` goes between its text nodes."""
        ...

    def select(self, css: str) -> list[Node]: ...

    def parent(self) -> Node | None: ...


class Document(Protocol):
    def select(self, css: str) -> list[Node]: ...


class _LexborNode:
    __slots__ = ("_node",)

    def __init__(self, node: LexborNode) -> None:
        self._node = node

    @property
    def tag(self) -> str:
        return (self._node.tag or "").lower()

    @property
    def key(self) -> int:
        return int(self._node.mem_id)

    def attr(self, name: str) -> str | None:
        attributes = self._node.attributes
        if name not in attributes:
            return None
        value = attributes[name]
        return value if isinstance(value, str) else ""  # valueless: <div itemscope>

    def text(self, separator: str = "") -> str:
        return self._node.text(deep=True, separator=separator) or ""

    def select(self, css: str) -> list[Node]:
        try:
            return [_LexborNode(n) for n in self._node.css(css)]
        except SelectolaxError as exc:
            raise InvalidSelector(str(exc)) from None

    def parent(self) -> Node | None:
        parent = self._node.parent
        if parent is None or parent.tag in (None, "-undef", "#document"):
            return None
        return _LexborNode(parent)


class LexborDocument:
    """A parsed page (selectolax / lexbor)."""

    __slots__ = ("_tree",)

    def __init__(self, html: str) -> None:
        self._tree = LexborHTMLParser(html)

    def select(self, css: str) -> list[Node]:
        try:
            return [_LexborNode(n) for n in self._tree.css(css)]
        except SelectolaxError as exc:
            raise InvalidSelector(str(exc)) from None


def parse_document(html: str) -> Document:
    """Parse with the production backend."""
    return LexborDocument(html)
