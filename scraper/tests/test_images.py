"""Finding a product page's image (pure) and fetching it through the guarded path
(a local server; no real website is touched)."""

from __future__ import annotations

import pytest

from scraper import (
    FailureKind,
    FetchSettings,
    InMemoryRobotsCache,
    NullHostLimiter,
    ScrapeFailure,
    fetch_image,
    fetch_product_image,
    find_product_image,
)
from scraper.tests.conftest import LocalServer, Reply
from scraper.tests.http_helpers import run

PAGE = "https://shop.example/cards/charizard"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def page(head: str, body: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def test_schema_org_product_image_comes_first_and_relative_urls_are_resolved() -> None:
    html = page(
        '<meta property="og:image" content="https://cdn.example/og.jpg">'
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "BreadcrumbList", "image": "/crumbs.png"},'
        '{"@type": ["Product"], "name": "Charizard", "image": ['
        '{"@type": "ImageObject", "url": "../img/charizard.webp"}, "/second.jpg"]}]}</script>'
    )

    assert find_product_image(html, PAGE) == "https://shop.example/img/charizard.webp"


def test_microdata_product_image() -> None:
    html = page(
        "",
        '<div itemscope itemtype="https://schema.org/Product">'
        '<img itemprop="image" src="/p/1.png"><span itemprop="name">Card</span></div>',
    )

    assert find_product_image(html, PAGE) == "https://shop.example/p/1.png"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            '<meta property="og:image:secure_url" content="https://cdn.example/s.jpg">'
            '<meta property="og:image" content="http://cdn.example/o.jpg">',
            "https://cdn.example/s.jpg",
        ),
        ('<meta property="og:image" content="//cdn.example/o.jpg">', "https://cdn.example/o.jpg"),
        ('<meta name="twitter:image" content="/t.jpg">', "https://shop.example/t.jpg"),
        ('<link rel="image_src" href="l.jpg">', "https://shop.example/cards/l.jpg"),
        (
            '<base href="https://static.example/assets/"><meta property="og:image" content="a.png">',
            "https://static.example/assets/a.png",
        ),
    ],
)
def test_open_graph_and_twitter_images_are_the_fallbacks(head: str, expected: str) -> None:
    assert find_product_image(page(head), PAGE) == expected


@pytest.mark.parametrize(
    "head",
    [
        "",
        '<meta property="og:image" content="">',
        '<meta property="og:image" content="data:image/png;base64,AAAA">',
        '<meta property="og:image" content="javascript:alert(1)">',
        '<script type="application/ld+json">{"@type": "Product", "image": </script>',
    ],
)
def test_pages_without_a_usable_image_give_none(head: str) -> None:
    assert find_product_image(page(head), PAGE) is None


def _fetch_image(url: str, settings: FetchSettings, max_bytes: int = 1024):
    return run(
        fetch_image(
            url,
            max_bytes=max_bytes,
            settings=settings,
            limiter=NullHostLimiter(),
            robots_cache=InMemoryRobotsCache(),
        )
    )


def test_an_image_is_fetched_with_its_type(server: LocalServer, fast_settings) -> None:
    server.route("/i.png", Reply(body=PNG, content_type="image/png"))

    image = _fetch_image(server.url("/i.png"), fast_settings)

    assert (image.body, image.content_type) == (PNG, "image/png")


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        (Reply(body="<html></html>"), FailureKind.NOT_IMAGE),
        (Reply(body=PNG * 40, content_type="image/png"), FailureKind.TOO_LARGE),
        (Reply(status=404, body="gone", content_type="text/plain"), FailureKind.HTTP_ERROR),
    ],
)
def test_what_is_not_a_small_image_is_refused(
    server: LocalServer, fast_settings, reply: Reply, kind: FailureKind
) -> None:
    server.route("/i", reply)

    with pytest.raises(ScrapeFailure) as failure:
        _fetch_image(server.url("/i"), fast_settings)

    assert failure.value.kind is kind


def test_an_image_the_site_rate_limits_says_how_long_it_asked_to_wait(
    server: LocalServer, fast_settings
) -> None:
    server.route("/i.png", Reply(status=429, headers={"Retry-After": "60"}, content_type=None))

    with pytest.raises(ScrapeFailure) as failure:
        _fetch_image(server.url("/i.png"), fast_settings)

    # As for a page: the site's pause is kept, so the caller can wait that long.
    assert (failure.value.kind, failure.value.retry_after) == (FailureKind.RATE_LIMITED, 60.0)


def test_an_image_on_a_private_address_is_refused_by_the_ssrf_guard() -> None:
    with pytest.raises(ScrapeFailure) as failure:
        _fetch_image("http://127.0.0.1:9/secret.png", FetchSettings(max_retries=0))

    assert failure.value.kind is FailureKind.FORBIDDEN_ADDRESS


def test_a_product_page_image_is_found_then_fetched(server: LocalServer, fast_settings) -> None:
    server.route("/p", Reply(body=page('<meta property="og:image" content="/i.png">')))
    server.route("/i.png", Reply(body=PNG, content_type="image/png"))
    server.route("/bare", Reply(body=page("")))

    image = run(
        fetch_product_image(
            server.url("/p"),
            max_bytes=1024,
            settings=fast_settings,
            limiter=NullHostLimiter(),
            robots_cache=InMemoryRobotsCache(),
        )
    )
    with pytest.raises(ScrapeFailure) as failure:
        run(
            fetch_product_image(
                server.url("/bare"),
                max_bytes=1024,
                settings=fast_settings,
                limiter=NullHostLimiter(),
                robots_cache=InMemoryRobotsCache(),
            )
        )

    assert image.final_url == server.url("/i.png")
    assert image.body == PNG
    assert failure.value.kind is FailureKind.NO_IMAGE_FOUND
