"""The guarded GET that pages (:mod:`scraper.http.pages`) and images
(:mod:`scraper.http.images`) share: every redirect hop checked again, robots.txt,
per-host politeness, retries, the size cap and the overall deadline
(``FetchSettings.deadline``), then the failure an unsuccessful answer means."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from scraper.http.decoding import (
    ACCEPT_ENCODING,
    BodyTooLarge,
    UnreadableBody,
    _content_type,
    _looks_like_html,
    read_body,
)
from scraper.http.guard import _default_port, _precheck, _split_url, make_client
from scraper.http.limiter import DEFAULT_LIMITER, HostLimiter
from scraper.http.retries import backoff_delay, parse_retry_after, status_text
from scraper.http.robots import (
    DEFAULT_ROBOTS_CACHE,
    MAX_CRAWL_DELAY,
    ROBOTS_MAX_BYTES,
    RobotsCache,
    RobotsPolicy,
)
from scraper.http.settings import FetchSettings
from scraper.types import FailureKind, ScrapeFailure

__all__ = ["fetch_raw", "parse_retry_after", "raise_for_status"]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass
class _Raw:
    status: int
    headers: httpx.Headers
    body: bytes
    url: str


class _Fetcher:
    def __init__(
        self,
        settings: FetchSettings,
        client: httpx.AsyncClient,
        limiter: HostLimiter,
        robots_cache: RobotsCache,
    ) -> None:
        self.settings = settings
        self.client = client
        self.limiter = limiter
        self.robots = robots_cache
        #: ``time.monotonic()`` by which the whole fetch must be over (None: no limit).
        self.deadline_at = (
            None if settings.deadline is None else time.monotonic() + settings.deadline
        )
        #: The host whose politeness slot we are waiting for, if we are.
        self.waiting_for: str | None = None
        #: A form to POST instead of a GET (an API's OAuth token request; never redirected).
        self.form: dict[str, str] | None = None

    def _no_time_for(self, wait: float) -> bool:
        """Whether sleeping ``wait`` seconds would end past the deadline."""
        return self.deadline_at is not None and time.monotonic() + wait >= self.deadline_at

    def deadline_failure(self, url: str) -> ScrapeFailure:
        """What running out of time means: other checks of the host held its slot the
        whole time (``rate_limited``), or the site was too slow (``timeout``)."""
        deadline = self.settings.deadline
        if self.waiting_for is not None:
            return ScrapeFailure(
                FailureKind.RATE_LIMITED,
                f"Other checks of {self.waiting_for} were running the whole {deadline:g} "
                "seconds this check may take; it will run later.",
                url=url,
                code="host_busy_whole_deadline",
                params={"host": self.waiting_for, "seconds": f"{deadline:g}"},
            )
        host = urlsplit(url).hostname or url
        return ScrapeFailure(
            FailureKind.TIMEOUT,
            f"The site {host} did not answer within {deadline:g} seconds (retries included).",
            url=url,
            code="deadline_passed",
            params={"host": host, "seconds": f"{deadline:g}"},
        )

    async def get(
        self,
        url: str,
        *,
        headers: dict[str, str],
        html_only: bool,
        max_bytes: int,
        check_robots: bool,
    ) -> _Raw:
        """GET with manual redirects; every hop is checked again."""
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            scheme, host, port = _split_url(current)
            await _precheck(current, scheme, host, port, self.settings.allowed_hosts)
            delay = self.settings.min_host_delay
            if check_robots and self.settings.respect_robots:
                policy = await self.robots_policy(scheme, host, port)
                if not policy.can_fetch(current, self.settings.user_agent):
                    raise _robots_refusal(policy, host, current)
                crawl_delay = policy.crawl_delay(self.settings.user_agent)
                if crawl_delay:
                    delay = max(delay, min(crawl_delay, MAX_CRAWL_DELAY))
            raw = await self.request(
                current,
                host,
                headers=headers,
                html_only=html_only,
                max_bytes=max_bytes,
                delay=delay,
            )
            location = raw.headers.get("location")
            if raw.status in REDIRECT_STATUSES and location:
                current = urljoin(current, location.strip())
                continue
            return raw
        raise ScrapeFailure(
            FailureKind.HTTP_ERROR,
            f"The page at {urlsplit(url).hostname} redirects more than "
            f"{self.settings.max_redirects} times; giving up.",
            code="too_many_redirects",
            params={"host": urlsplit(url).hostname or url, "count": self.settings.max_redirects},
            url=url,
        )

    async def request(
        self,
        url: str,
        host: str,
        *,
        headers: dict[str, str],
        html_only: bool,
        max_bytes: int,
        delay: float,
    ) -> _Raw:
        """One URL, with retries on connection errors, timeouts, 5xx and 429."""
        settings = self.settings
        last: _Raw | None = None
        last_error: ScrapeFailure | None = None
        for attempt in range(settings.max_retries + 1):
            retry_after: float | None = None
            try:
                self.waiting_for = host
                async with self.limiter.slot(host, delay):
                    self.waiting_for = None
                    raw = await self._attempt(url, headers, html_only, max_bytes)
            except (httpx.TimeoutException, TimeoutError):
                last, last_error = (
                    None,
                    ScrapeFailure(
                        FailureKind.TIMEOUT,
                        f"The site {host} did not answer in time.",
                        url=url,
                        code="no_answer_in_time",
                        params={"host": host},
                    ),
                )
            except httpx.TransportError as exc:
                last, last_error = (
                    None,
                    ScrapeFailure(
                        FailureKind.HTTP_ERROR,
                        f"Could not connect to {host} ({type(exc).__name__}).",
                        url=url,
                        code="connection_failed",
                        params={"host": host, "error": type(exc).__name__},
                    ),
                )
            else:
                if raw.status != 429 and raw.status < 500:
                    return raw
                last, last_error = raw, None
                retry_after = parse_retry_after(raw.headers.get("retry-after"))
                if retry_after is not None and retry_after > settings.max_retry_after:
                    break  # the site wants a longer pause than we are willing to wait
            if attempt == settings.max_retries:
                break
            wait = backoff_delay(attempt, settings)
            if retry_after is not None:
                wait = max(wait, retry_after)
            if self._no_time_for(wait):
                break  # the answer we have is better than running out of time asleep
            await asyncio.sleep(wait)
        if last is not None:
            return last
        assert last_error is not None
        raise last_error

    async def _attempt(
        self, url: str, headers: dict[str, str], html_only: bool, max_bytes: int
    ) -> _Raw:
        host = urlsplit(url).hostname or url
        request_headers = {
            "User-Agent": self.settings.user_agent,
            "Accept-Encoding": ACCEPT_ENCODING,
            **headers,
        }
        if html_only:
            request_headers.setdefault("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
        async with (
            asyncio.timeout(self.settings.total_timeout),
            self.client.stream(
                "GET" if self.form is None else "POST", url, headers=request_headers, data=self.form
            ) as response,
        ):
            status = response.status_code
            if status >= 300 or status < 200:
                return _Raw(status, response.headers, b"", url)
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise _too_large(host, max_bytes, url)
            content_type = _content_type(response.headers)
            if html_only and content_type is not None and content_type not in HTML_TYPES:
                raise ScrapeFailure(
                    FailureKind.NOT_HTML,
                    f"The address at {host} is not a web page (it returned {content_type}).",
                    url=url,
                    code="not_a_web_page_type",
                    params={"host": host, "content_type": content_type},
                )
            try:
                body = await read_body(response, max_bytes)  # the cap counts decoded bytes
            except BodyTooLarge:
                raise _too_large(host, max_bytes, url) from None
            except UnreadableBody as exc:
                raise ScrapeFailure(
                    FailureKind.HTTP_ERROR,
                    f"The page at {host} cannot be read: {exc}.",
                    url=url,
                    code="unreadable_page",
                    params={"host": host, "error": str(exc)},
                ) from None
            if html_only and content_type is None and not _looks_like_html(body):
                raise ScrapeFailure(
                    FailureKind.NOT_HTML,
                    f"The address at {host} did not return a web page.",
                    url=url,
                    code="not_a_web_page",
                    params={"host": host},
                )
            return _Raw(status, response.headers, body, url)

    async def robots_policy(self, scheme: str, host: str, port: int) -> RobotsPolicy:
        origin = f"{scheme}://{host}:{port}"
        cached = self.robots.get(origin)
        if cached is not None:
            return cached
        netloc = host if port == _default_port(scheme) else f"{host}:{port}"
        if ":" in host:
            netloc = f"[{host}]" if port == _default_port(scheme) else f"[{host}]:{port}"
        robots_url = f"{scheme}://{netloc}/robots.txt"
        raw = await self.get(
            robots_url,
            headers={},
            html_only=False,
            max_bytes=ROBOTS_MAX_BYTES,
            check_robots=False,
        )
        ttl = self.settings.robots_ttl
        if 200 <= raw.status < 300:
            policy = RobotsPolicy.parse(raw.body.decode("utf-8", errors="replace"))
        elif raw.status == 429 or raw.status >= 500:
            ttl = min(ttl, self.settings.robots_error_ttl)
            policy = RobotsPolicy(allow_all=False, status=raw.status)
        else:  # 4xx (and anything else): no robots.txt → everything allowed
            policy = RobotsPolicy(allow_all=True)
        self.robots.set(origin, policy, ttl)
        return policy


def _robots_refusal(policy: RobotsPolicy, host: str, url: str) -> ScrapeFailure:
    if policy.status is not None:  # robots.txt itself failed: the site waits a while
        return ScrapeFailure(
            FailureKind.ROBOTS_DISALLOWED,
            f"The site {host} answered its robots.txt with {status_text(policy.status)}, "
            "so Omni-Stock treats the whole site as off-limits for now.",
            url=url,
            code="robots_unavailable",
            params={"host": host, "status": status_text(policy.status)},
        )
    return ScrapeFailure(
        FailureKind.ROBOTS_DISALLOWED,
        f"The site {host} asks robots not to visit this page (robots.txt), "
        "so Omni-Stock does not check it.",
        url=url,
        code="robots_disallowed_page",
        params={"host": host},
    )


def _too_large(host: str, max_bytes: int, url: str) -> ScrapeFailure:
    return ScrapeFailure(
        FailureKind.TOO_LARGE,
        f"The page at {host} is larger than {max_bytes // 1024} KB, which is too big to check.",
        url=url,
        code="page_too_large",
        params={"host": host, "kilobytes": max_bytes // 1024},
    )


async def fetch_raw(
    url: str,
    *,
    headers: dict[str, str],
    html_only: bool,
    max_bytes: int,
    settings: FetchSettings,
    client: httpx.AsyncClient | None,
    limiter: HostLimiter | None,
    robots_cache: RobotsCache | None,
    form: dict[str, str] | None = None,
) -> _Raw:
    """GET ``url`` through the guarded path (every hop checked, robots.txt, politeness,
    retries), all of it within ``settings.deadline``: what :func:`fetch_page` and
    :func:`~scraper.http.images.fetch_image` share. ``client`` is closed only when made
    here; ``limiter`` / ``robots_cache`` default to the process-wide instances. With
    ``form``, POST it instead (:mod:`scraper.http.api`, which follows no redirect)."""
    own_client = client is None
    http_client = client if client is not None else make_client(settings)
    fetcher = _Fetcher(
        settings,
        http_client,
        limiter if limiter is not None else DEFAULT_LIMITER,
        robots_cache if robots_cache is not None else DEFAULT_ROBOTS_CACHE,
    )
    fetcher.form = form
    try:
        async with asyncio.timeout(settings.deadline):
            return await fetcher.get(
                url, headers=headers, html_only=html_only, max_bytes=max_bytes, check_robots=True
            )
    except TimeoutError:
        raise fetcher.deadline_failure(url) from None
    finally:
        if own_client:
            await http_client.aclose()


def raise_for_status(raw: _Raw, *, what: str) -> None:
    """Raise the failure of an answer that is not a success: ``rate_limited`` for a 429
    (with the site's Retry-After), ``http_error`` naming ``what`` was asked for (``page``,
    ``image``) for anything else outside 2xx."""
    host = urlsplit(raw.url).hostname or raw.url
    if raw.status == 429:
        wait = parse_retry_after(raw.headers.get("retry-after"))
        later = f" It asked us to wait {int(wait)} seconds." if wait else ""
        raise ScrapeFailure(
            FailureKind.RATE_LIMITED,
            f"The site {host} is limiting how often it can be checked (HTTP 429).{later}",
            url=raw.url,
            retry_after=wait,
            code="limited_wait" if wait else "limited",
            params={"host": host, "seconds": int(wait)} if wait else {"host": host},
        )
    if raw.status >= 300 or raw.status < 200:
        raise ScrapeFailure(
            FailureKind.HTTP_ERROR,
            f"The {what} at {host} returned {status_text(raw.status)}.",
            url=raw.url,
            code="http_status",
            params={"what": what, "host": host, "status": status_text(raw.status)},
        )
