"""A very small DOM interface the sources are written against.

Sources only need "select by CSS", "text of an element", "attribute" and "parent".
Writing them against this interface instead of selectolax directly costs almost
nothing and lets :mod:`scraper.bench` run *the same extraction code* on a
BeautifulSoup tree, so the comparison measures the parsers and nothing else.

The production backend is selectolax's lexbor engine (:class:`LexborDocument`).
"""

from __future__ import annotations

from typing import Protocol

from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

__all__ = [
    "Document",
    "InvalidSelector",
    "LexborDocument",
    "Node",
    "clean_text",
    "parse_document",
]


class InvalidSelector(ValueError):
    """The CSS selector could not be parsed."""


def clean_text(text: str | None) -> str:
    """Collapse runs of whitespace (incl. NBSP) to single spaces and strip."""
    if not text:
        return ""
    return " ".join(text.split())


class Node(Protocol):
    @property
    def tag(self) -> str: ...

    def attr(self, name: str) -> str | None:
        """The attribute value, ``""`` for a valueless attribute, ``None`` if absent."""
        ...

    def text(self) -> str: ...

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

    def attr(self, name: str) -> str | None:
        attributes = self._node.attributes
        if name not in attributes:
            return None
        value = attributes[name]
        return value if isinstance(value, str) else ""  # valueless: <div itemscope>

    def text(self) -> str:
        return self._node.text(deep=True) or ""

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
