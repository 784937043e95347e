"""What a response body is: its content type, whether it looks like HTML, its text, and
reading it (:func:`read_body`: decoded with a size cap that counts decoded bytes)."""

from __future__ import annotations

import codecs
import re
import zlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx


def _content_type(headers: httpx.Headers) -> str | None:
    value = headers.get("content-type")
    if not value:
        return None
    return value.split(";")[0].strip().lower() or None


def _looks_like_html(body: bytes) -> bool:
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body"))


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([a-zA-Z0-9_\-]+)""", re.I)


def _decode(body: bytes, headers: httpx.Headers) -> str:
    charset = None
    content_type = headers.get("content-type", "")
    match = re.search(r"charset\s*=\s*[\"']?([\w\-]+)", content_type, re.I)
    if match:
        charset = match.group(1)
    else:
        meta = _META_CHARSET.search(body[:4096])
        if meta:
            charset = meta.group(1).decode("ascii", "replace")
    if charset:
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = None
    return body.decode(charset or "utf-8", errors="replace")


# ----------------------------------------------------------------------- the body itself

#: What we ask servers for: the encodings :func:`read_body` inflates with a bound (an
#: installed brotli would make httpx offer ``br`` too, which could not be bounded).
ACCEPT_ENCODING = "gzip, deflate"
#: At most this many decoded bytes come out of one inflate step.
DECODE_STEP = 64 * 1024


class BodyTooLarge(Exception):
    """More than ``max_bytes`` were decoded; reading stopped there."""


class UnreadableBody(Exception):
    """A content coding we do not decode, or a damaged compressed body."""


class _Inflater:
    """One ``gzip`` or ``deflate`` layer that never yields more than :data:`DECODE_STEP`
    bytes at a time: the compressed input left over waits in ``unconsumed_tail``."""

    def __init__(self, coding: str) -> None:
        self.coding = coding
        self._zlib_header = coding == "deflate"  # "deflate" is zlib-wrapped, or raw by mistake
        self._inflate = zlib.decompressobj(zlib.MAX_WBITS | (16 if coding == "gzip" else 0))
        self._started = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        while True:
            try:
                out = self._inflate.decompress(data, DECODE_STEP)
            except zlib.error:
                if self._zlib_header and not self._started:  # raw deflate (no zlib header)
                    self._zlib_header = False
                    self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise
            self._started = True
            if out:
                yield out
            data = self._inflate.unconsumed_tail
            if not data and len(out) < DECODE_STEP:
                return  # input used up and nothing more pending

    def finish(self) -> Iterator[bytes]:
        if tail := self._inflate.flush():
            yield tail


def _inflaters(content_encoding: str | None) -> list[_Inflater]:
    """The layers to undo, outermost (last applied) first."""
    codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
    layers = []
    for coding in reversed(codings):
        if coding == "identity":
            continue
        if coding in ("x-gzip", "gzip"):
            layers.append(_Inflater("gzip"))
        elif coding == "deflate":
            layers.append(_Inflater("deflate"))
        else:
            raise UnreadableBody(f"it is compressed with '{coding}', which is not supported")
    return layers


def _through(layers: list[_Inflater], pieces: Iterable[bytes]) -> Iterator[bytes]:
    if not layers:
        yield from pieces
        return
    first, rest = layers[0], layers[1:]
    for piece in pieces:
        yield from _through(rest, first.feed(piece))


async def read_body(response: httpx.Response, max_bytes: int) -> bytes:
    """The response body, decoded, refusing with :class:`BodyTooLarge` as soon as more
    than ``max_bytes`` *decoded* bytes came out. The raw stream is inflated here, a step
    at a time, rather than by httpx (which inflates each network chunk whole: 64 KB of a
    gzip bomb is 64 MB), so a bomb costs about ``max_bytes`` of memory and one network
    chunk of input before it is refused."""
    layers = _inflaters(response.headers.get("content-encoding"))
    chunks: list[bytes] = []
    size = 0

    def take(pieces: Iterable[bytes]) -> None:
        nonlocal size
        for piece in pieces:
            size += len(piece)
            if size > max_bytes:
                raise BodyTooLarge()
            chunks.append(piece)

    try:
        async for raw in response.aiter_raw():
            take(_through(layers, [raw]))
        for index, layer in enumerate(layers):
            take(_through(layers[index + 1 :], layer.finish()))
    except zlib.error as exc:
        raise UnreadableBody("its compressed body is damaged") from exc
    return b"".join(chunks)
