"""Documents an operator configures (the ECB's exchange-rate files), downloaded politely.

Not pages a collector names: those go through `gateway.fetch`, with its SSRF guard,
robots.txt and per-host politeness."""

from __future__ import annotations

import httpx

from price_history.gateway import USER_AGENT


class DownloadError(Exception):
    """A document could not be downloaded (network, HTTP status, size); retry later."""


def download(
    url: str,
    *,
    accept: str,
    max_bytes: int,
    timeout: float,
    transport: httpx.BaseTransport | None = None,
) -> bytes:
    """GET `url` politely (our User-Agent, timeouts, at most 3 redirects) and return its
    body, refusing more than `max_bytes`. For documents an operator configures (not pages
    a collector names: those go through `fetch`, with its SSRF guard and robots.txt)."""
    try:
        with (
            httpx.Client(
                transport=transport,
                timeout=httpx.Timeout(timeout, connect=5.0),
                headers={"User-Agent": USER_AGENT, "Accept": accept},
                follow_redirects=True,
                max_redirects=3,
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code != httpx.codes.OK:
                raise DownloadError(f"{url} answered HTTP {response.status_code}.")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise DownloadError(f"{url} is larger than {max_bytes} bytes.")
            return bytes(body)
    except httpx.HTTPError as exc:
        raise DownloadError(f"Could not download {url}: {exc}") from exc
