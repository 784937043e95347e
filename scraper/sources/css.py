"""A price at a user-configured CSS selector.

Options: ``selector`` (required) and ``attribute`` (optional: read this attribute
instead of the element's text, e.g. ``content`` or ``data-price``).

* no selector configured, invalid selector, or nothing matches → ``selector_not_found``
* matches, but none holds a readable price → ``no_price_found``
* matches with different prices → ``ambiguous_prices`` (identical ones collapse)
"""

from __future__ import annotations

from scraper.prices import parse_price
from scraper.sources.base import Candidate, ExtractContext, Source, decide, page_title
from scraper.sources.dom import Document, InvalidSelector, clean_text, parse_document
from scraper.types import FailureKind, Observation, ScrapeFailure

__all__ = ["CssSource"]

_MAX_MATCHES = 200


class CssSource(Source):
    name = "css"
    option_names = ("selector", "attribute")

    def extract(self, doc: Document, ctx: ExtractContext) -> list[Observation]:
        selector = ctx.options.get("selector")
        attribute = ctx.options.get("attribute") or None
        if not isinstance(selector, str) or not selector.strip():
            raise ScrapeFailure(
                FailureKind.SELECTOR_NOT_FOUND,
                "No CSS selector is configured for this tracker, so the price cannot be "
                "located on the page.",
                url=ctx.url,
                code="no_selector",
            )
        selector = selector.strip()
        try:
            nodes = doc.select(selector)
        except InvalidSelector:
            raise ScrapeFailure(
                FailureKind.SELECTOR_NOT_FOUND,
                _not_css(selector),
                url=ctx.url,
                code="selector_not_css",
                params={"selector": selector},
            ) from None
        if not nodes:
            raise ScrapeFailure(
                FailureKind.SELECTOR_NOT_FOUND,
                f"Nothing on the page at {ctx.where} matches the CSS selector '{selector}'. "
                "The shop may have changed its layout.",
                url=ctx.url,
                code="selector_matches_nothing",
                params={"where": ctx.where, "selector": selector},
            )
        candidates: list[Candidate] = []
        for node in nodes[:_MAX_MATCHES]:
            raw = node.attr(str(attribute)) if attribute else node.text()
            money = parse_price(clean_text(raw), ctx.currency_hint) if raw else None
            if money is not None and money.amount > 0:
                candidates.append(Candidate(money))
        if not candidates and attribute:
            raise ScrapeFailure(
                FailureKind.NO_PRICE_FOUND,
                f"The attribute '{attribute}' of element matching '{selector}' on the page at "
                f"{ctx.where} does not contain a readable price.",
                url=ctx.url,
                code="no_readable_price_in_attribute",
                params={"attribute": str(attribute), "selector": selector, "where": ctx.where},
            )
        if not candidates:
            raise ScrapeFailure(
                FailureKind.NO_PRICE_FOUND,
                f"The element matching '{selector}' on the page at {ctx.where} does not "
                "contain a readable price.",
                url=ctx.url,
                code="no_readable_price",
                params={"selector": selector, "where": ctx.where},
            )
        chosen = decide(candidates, ctx, what="prices at that selector")
        title = page_title(doc)
        return self.observations(
            [Candidate(c.price, None, title, None) for c in chosen],
            ctx,
        )


def _not_css(selector: str) -> str:
    return f"The CSS selector '{selector}' is not valid CSS; please correct it."


def selector_problem(selector: str) -> str | None:
    """Why the page parser cannot use `selector`, or None: for checking it when a tracker
    is saved rather than when its page is first read."""
    try:
        parse_document("<html></html>").select(selector.strip())
    except InvalidSelector:
        return _not_css(selector.strip())
    return None
