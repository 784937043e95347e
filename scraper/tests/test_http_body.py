"""Reading a body: gzip and deflate are inflated by the scraper a step at a time, and the
size cap counts *decoded* bytes, so a gzip bomb from a local server is refused after
reading a sliver of it, in bounded memory."""

from __future__ import annotations

import struct
import tracemalloc
import zlib
from collections.abc import AsyncIterator

import httpx
import pytest

from scraper import (
    FailureKind,
    FetchSettings,
    InMemoryRobotsCache,
    NullHostLimiter,
    ScrapeFailure,
    fetch_page,
)
from scraper.http.decoding import DECODE_STEP
from scraper.tests.conftest import LocalServer, Reply
from scraper.tests.http_helpers import PRODUCT, failure_of, fetch, run

MIB = 1024 * 1024


def gzip_bomb(mebibytes: int) -> bytes:
    """A valid gzip stream of `mebibytes` MiB of zeros (about 1 KB per MiB), built from
    one fully flushed deflate block repeated, so building it costs nothing."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    unit = squeeze.compress(bytes(MIB)) + squeeze.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    block = bytes(MIB)
    for _ in range(mebibytes):
        crc = zlib.crc32(block, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    trailer = struct.pack("<II", crc, (mebibytes * MIB) & 0xFFFFFFFF)
    return header + unit * mebibytes + squeeze.flush() + trailer


class CountingTransport(httpx.AsyncBaseTransport):
    """A plain transport that counts the raw (still compressed) bytes read off the wire."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.raw_bytes = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        counter = self

        class Counted(httpx.AsyncByteStream):
            async def __aiter__(self) -> AsyncIterator[bytes]:
                async for chunk in response.stream:  # type: ignore[union-attr]
                    counter.raw_bytes += len(chunk)
                    yield chunk

            async def aclose(self) -> None:
                await response.aclose()

        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=Counted(),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        await self.inner.aclose()


def test_the_bomb_helper_makes_a_real_gzip_stream() -> None:
    assert zlib.decompress(gzip_bomb(3), 31) == bytes(3 * MIB)


@pytest.mark.parametrize(("mebibytes", "declared"), [(1024, True), (4096, False)])
def test_a_gzip_bomb_is_too_large_after_reading_a_sliver_in_bounded_memory(
    server: LocalServer, fast_settings: FetchSettings, mebibytes: int, declared: bool
) -> None:
    bomb = gzip_bomb(mebibytes)  # 1 GiB in ~1 MB (its declared length is under the cap)
    server.route(
        "/bomb",
        Reply(body=bomb, headers={"Content-Encoding": "gzip"}, no_length=not declared),
    )
    transport = CountingTransport()

    async def main() -> None:
        async with httpx.AsyncClient(transport=transport) as client:
            await fetch_page(
                server.url("/bomb"),
                settings=fast_settings,
                client=client,
                limiter=NullHostLimiter(),
                robots_cache=InMemoryRobotsCache(),
            )

    tracemalloc.start()
    try:
        with pytest.raises(ScrapeFailure) as info:
            run(main())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert info.value.kind is FailureKind.TOO_LARGE, info.value
    assert fast_settings.max_bytes == 5 * MIB
    # About the cap plus a step (httpx would inflate each 64 KB network chunk whole: 64 MB).
    assert peak < fast_settings.max_bytes + 8 * MIB, f"peak {peak / MIB:.1f} MiB"
    # 5 MiB of zeros is ~5 KB compressed: a network chunk or two, not the megabyte sent.
    assert transport.raw_bytes < 300 * 1024 < len(bomb) // 3


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda b: ("gzip", zlib.compress(b, wbits=31)), id="gzip"),
        pytest.param(lambda b: ("x-gzip", zlib.compress(b, wbits=31)), id="x-gzip"),
        pytest.param(lambda b: ("deflate", zlib.compress(b)), id="deflate"),
        pytest.param(lambda b: ("deflate", zlib.compress(b, wbits=-15)), id="raw-deflate"),
        pytest.param(
            lambda b: ("gzip, deflate", zlib.compress(zlib.compress(b, wbits=31))), id="two"
        ),
        pytest.param(lambda b: ("identity", b), id="identity"),
    ],
)
def test_compressed_pages_are_decoded(
    server: LocalServer, fast_settings: FetchSettings, encode
) -> None:
    html = PRODUCT + "<!--" + "padding " * 40_000 + "-->"  # several decode steps
    coding, body = encode(html.encode())
    server.route("/z", Reply(body=body, headers={"Content-Encoding": coding}))

    page = fetch(server.url("/z"), fast_settings)

    assert page.html == html
    assert len(html) > 4 * DECODE_STEP


def test_we_only_offer_the_encodings_we_can_bound(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    server.route("/p", Reply(body=PRODUCT))
    fetch(server.url("/p"), fast_settings)
    assert server.hits("/p")[0].headers["accept-encoding"] == "gzip, deflate"


def test_a_just_too_large_compressed_page_is_refused(
    server: LocalServer, fast_settings: FetchSettings
) -> None:
    settings = FetchSettings(**{**fast_settings.__dict__, "max_bytes": 100_000})
    body = zlib.compress(("<html>" + "x" * 100_000).encode(), wbits=31)
    server.route("/z", Reply(body=body, headers={"Content-Encoding": "gzip"}))
    assert failure_of(server.url("/z"), settings).kind is FailureKind.TOO_LARGE


@pytest.mark.parametrize(
    ("coding", "body", "says"),
    [
        ("br", b"\x0b\x02\x80hello\x03", "'br'"),
        ("gzip", b"\x1f\x8b\x08\x00garbage-not-deflate-data", "damaged"),
    ],
)
def test_bodies_we_cannot_decode_are_a_clear_http_error(
    server: LocalServer, fast_settings: FetchSettings, coding: str, body: bytes, says: str
) -> None:
    server.route("/z", Reply(body=body, headers={"Content-Encoding": coding}))
    failure = failure_of(server.url("/z"), fast_settings)
    assert failure.kind is FailureKind.HTTP_ERROR
    assert says in failure.message
