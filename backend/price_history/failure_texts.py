"""Why a check failed, in the reader's language, written when it is read.

A worker stores a failed check's kind, its English message and — from the scraper's
`ScrapeFailure.code` / `.params` — the sentence's code and values (`Tracker.last_error_*`,
`ScrapeRun.error_*`). The API renders the sentence again under the request's language,
so a failure stored yesterday reads in today's language. A code this catalogue does not
know (a scraper sentence not listed here, or rows older than the codes) reads as the
stored English message for English readers and as its kind's sentence for the others.
The English templates here are the scraper's sentences (tests/test_failure_texts.py
holds them together).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext

logger = logging.getLogger(__name__)

#: code → the sentence, `{name}` for its parameters.
TEMPLATES: Mapping[str, Promise] = {
    "forbidden_address": _(
        "The address {host} points to {reason}, which Omni-Stock refuses to fetch for safety."
    ),
    "invalid_address": _("'{url}' is not a valid web address."),
    "scheme_not_trackable": _("Only http and https addresses can be tracked, not '{scheme}'."),
    "scheme_not_fetchable": _("Only http and https addresses can be fetched, not '{scheme}'."),
    "no_host_name": _("The address '{url}' has no host name."),
    "host_without_address": _("The host {host} could not be found (DNS)."),
    "host_not_found": _("The host {host} could not be found; check the address for typos."),
    "host_busy_whole_deadline": _(
        "Other checks of {host} were running the whole {seconds} seconds this check may "
        "take; it will run later."
    ),
    "deadline_passed": _(
        "The site {host} did not answer within {seconds} seconds (retries included)."
    ),
    "robots_disallowed_page": _(
        "The site {host} asks robots not to visit this page (robots.txt), so Omni-Stock "
        "does not check it."
    ),
    "robots_unavailable": _(
        "The site {host} answered its robots.txt with {status}, so Omni-Stock treats the "
        "whole site as off-limits for now."
    ),
    "no_answer_in_time": _("The site {host} did not answer in time."),
    "connection_failed": _("Could not connect to {host} ({error})."),
    "not_a_web_page_type": _(
        "The address at {host} is not a web page (it returned {content_type})."
    ),
    "unreadable_page": _("The page at {host} cannot be read: {error}."),
    "not_a_web_page": _("The address at {host} did not return a web page."),
    "page_too_large": _(
        "The page at {host} is larger than {kilobytes} KB, which is too big to check."
    ),
    "limited": _("The site {host} is limiting how often it can be checked (HTTP 429)."),
    "limited_wait": _(
        "The site {host} is limiting how often it can be checked (HTTP 429). It asked us "
        "to wait {seconds} seconds."
    ),
    "http_status": _("{what} at {host} returned {status}."),
    "too_many_redirects": _("The page at {host} redirects more than {count} times; giving up."),
    "out_of_stock_no_price": _("The item at {where} is out of stock and the page shows no price."),
    "no_price_on_page": _(
        "No price was found on the page at {where}. If the shop shows a price, set a CSS "
        "selector for it on this tracker."
    ),
    "no_price_malformed_data": _(
        "No price was found on the page at {where} (its structured product data is "
        "malformed and could not be read). If the shop shows a price, set a CSS selector "
        "for it on this tracker."
    ),
    "no_selector": _(
        "No CSS selector is configured for this tracker, so the price cannot be located "
        "on the page."
    ),
    "selector_matches_nothing": _(
        "Nothing on the page at {where} matches the CSS selector '{selector}'. The shop "
        "may have changed its layout."
    ),
    "condition_not_offered": _(
        "The page at {host} has prices for {offered}, but none for the condition '{condition}'."
    ),
    "discogs_not_a_release": _(
        "This Discogs address is not a release page (…/release/<number>-…); a master "
        "release groups many pressings: track one release instead."
    ),
    "discogs_token_missing": _(
        "Discogs prices are read with your Discogs personal access token: add it in "
        "Settings → Marketplace keys (get one on Discogs: Settings → Developers)."
    ),
    "ebay_not_an_item": _(
        "The eBay Browse API reads item pages (…/itm/<number>); this is not one."
    ),
    "ebay_keys_missing": _(
        "The eBay Browse API is read with your eBay application keys (client id and secret "
        "from developer.ebay.com): add them in Settings → Marketplace keys."
    ),
    "key_refused": _(
        "{provider} at {host} refused the key (HTTP {status}): check the key saved in "
        "Settings → Marketplace keys."
    ),
    "not_json": _("{provider} at {host} did not answer JSON."),
    "not_an_image": _("The address at {host} is not an image (it returned {content_type})."),
    "time_used_up": _("{task} took all the {seconds} seconds."),
    "page_time_used_up": _("The page at {where} took all the {seconds} seconds."),
    "no_product_image": _("The page at {where} names no product image (og:image, schema.org)."),
    "page_too_deeply_nested": _("The page at {where} is too deeply nested to be read."),
    "api_source_not_a_page": _(
        "The {source} source reads its API, not a saved page: check the address instead "
        "(python -m scraper URL --source {source})."
    ),
    "several_prices": _(
        "The page at {where} shows several different {prices} ({shown}) and there is no "
        "safe way to tell which one is the item's price."
    ),
    "several_prices_for_condition": _(
        "The page at {where} shows several different {prices} for condition '{condition}' "
        "({shown}) and there is no safe way to tell which one is the item's price."
    ),
    "several_prices_near_title": _(
        "The page at {where} has no structured price and shows several prices near the "
        "product title ({shown}) that are about equally likely."
    ),
    "auction_no_bid_yet": _(
        "The page at {where} is an auction with no bid yet (the listed price of an auction "
        "is its starting bid, not its price)."
    ),
    "auction_no_current_bid": _(
        "The page at {where} is an auction with no single current bid on the page (the "
        "listed price of an auction is its starting bid, not its price)."
    ),
    "selector_not_css": _("The CSS selector '{selector}' is not valid CSS; please correct it."),
    "no_readable_price": _(
        "The element matching '{selector}' on the page at {where} does not contain a "
        "readable price."
    ),
    "no_readable_price_in_attribute": _(
        "The attribute '{attribute}' of element matching '{selector}' on the page at "
        "{where} does not contain a readable price."
    ),
    "cardmarket_not_a_product_page": _(
        "The page at {where} is not a Cardmarket product page (no price guide and no "
        "offers). Link the tracker to a single card's page."
    ),
    "cardmarket_no_price": _(
        "Cardmarket shows no price for this card at {where} (no price trend yet and no "
        "matching offer)."
    ),
    "cardmarket_no_price_in": _(
        "Cardmarket shows no price for this card at {where} in {wanted} (no price trend "
        "yet and no matching offer)."
    ),
    "pricecharting_not_a_product_page": _(
        "The page at {where} is not a PriceCharting product page (its price table is "
        "missing). Link the tracker to a single product's page."
    ),
    "pricecharting_no_price": _("PriceCharting has no price yet for this item ({item})."),
    "discogs_nothing_for_sale": _(
        "Discogs has no copy of release {release} for sale and no price suggestion for it."
    ),
    "discogs_no_listings_table": _(
        "The Discogs listings page has no listings table (table.mpitems): a challenge page "
        "or a new layout."
    ),
    "discogs_search_token_missing": _(
        "Discogs is searched with your Discogs personal access token: add it in Settings → "
        "Marketplace keys (get one on Discogs: Settings → Developers)."
    ),
    "ebay_results_without_sales": _(
        "The eBay results at {where} list {rows} listings but no sale with a price and a "
        "date (track a search filtered on sold items)."
    ),
    "ebay_ended_unsold": _("The eBay listing at {where} ended without a sale."),
    "ebay_not_an_item_page": _(
        "The page at {where} is not an eBay item page with a price, nor a list of sold listings."
    ),
    "ebay_auction_running": _(
        "The eBay listing at {where} is an auction still running: its current bid is not a "
        "price yet. Track it again once it has sold."
    ),
    "ebay_no_single_price": _("The eBay listing at {where} shows no single price ({text})."),
    "ebay_no_access_token": _("eBay gave no access token for your application keys."),
    "ebay_api_no_price": _("The eBay Browse API gives no price for item {item}."),
    "ebay_search_keys_missing": _(
        "eBay is searched through the eBay Browse API with your eBay application keys "
        "(client id and secret from developer.ebay.com): add them in Settings → "
        "Marketplace keys."
    ),
    "internal_error": _("Something went wrong on our side while checking this page."),
}

#: Parameters that are themselves words: their value → the phrase (a value not listed
#: stays as it is).
PHRASES: Mapping[str, Mapping[str, Promise]] = {
    "reason": {
        "loopback": _("this machine itself (loopback)"),
        "private": _("a private network"),
        "link_local": _("a link-local network"),
        "cgnat": _("a carrier-grade NAT network"),
        "multicast": _("a multicast address"),
        "unspecified": _("an unspecified address"),
        "reserved": _("a reserved address range"),
        "non_global": _("a non-public address"),
        "invalid": _("an invalid address"),
    },
    "what": {"page": _("The page"), "image": _("The image"), "API answer": _("The API answer")},
    "provider": {"The API": _("The API"), "The eBay Browse API": _("The eBay Browse API")},
    "content_type": {"no type": _("no type")},
    "prices": {"prices": _("prices"), "prices at that selector": _("prices at that selector")},
}

#: kind → what it means, for a failure whose own sentence is not in the catalogue.
KIND_TEXTS: Mapping[str, Promise] = {
    "robots_disallowed": _("The site asks robots not to visit this page (robots.txt)."),
    "forbidden_address": _("Omni-Stock refuses to fetch this address for safety."),
    "http_error": _("The page could not be fetched."),
    "rate_limited": _("The site is limiting how often it can be checked; it will run later."),
    "timeout": _("The site did not answer in time."),
    "too_large": _("The page is too big to check."),
    "not_html": _("The address did not return a web page."),
    "no_price_found": _("No price was found on the page."),
    "ambiguous_prices": _(
        "The page shows several different prices and none is clearly the item's."
    ),
    "out_of_stock": _("The item is out of stock."),
    "selector_not_found": _("The CSS selector does not match anything on the page."),
    "no_image_found": _("The page names no product image."),
    "not_image": _("The address is not an image."),
    "missing_credentials": _("The marketplace needs your key: see Settings → Marketplace keys."),
    "internal_error": _("Something went wrong on our side while checking this page."),
    "queue_unavailable": _("The check could not be queued; it will be tried again."),
}

#: The reasons a tracker is paused by hand (stored as English, read in the reader's).
PAUSED_BY_COLLECTOR = gettext_noop("Paused by a collector.")
PAUSED_BY_OPERATOR = gettext_noop("Paused by an operator.")
_AUTO_PAUSE_PREFIX = "Paused after "


def _writes_in_english() -> bool:
    source = settings.LANGUAGE_CODE.split("-")[0]
    return (translation.get_language() or source).split("-")[0] == source


def failure_text(*, kind: str, message: str, code: str = "", params: Any = None) -> str:
    """The sentence of a failure in the active language (see the module doc). A message
    without a kind (a run skipped or cancelled) is one of our constant sentences."""
    if not kind and not code:
        return translation.gettext(message) if message else message
    template = TEMPLATES.get(code or kind)
    if template is not None and isinstance(params, dict):
        values = {
            name: PHRASES.get(name, {}).get(str(value), value) for name, value in params.items()
        }
        try:
            return str(template).format(**values)
        except (KeyError, IndexError, ValueError):
            logger.warning("The failure text %r lacks parameters: %s", code, sorted(params))
    if message and _writes_in_english():
        return message
    generic = KIND_TEXTS.get(kind)
    return str(generic) if generic is not None else message


def paused_text(
    *, reason: str, failures: int, kind: str, message: str, code: str, params: Any
) -> str:
    """A tracker's `paused_reason` in the active language: the reasons given by hand, and
    the pause after failures with its last error (the count is the tracker's failures in a
    row: no check runs while it is paused); any other reason as it was stored."""
    if reason in (PAUSED_BY_COLLECTOR, PAUSED_BY_OPERATOR):
        return translation.gettext(reason)
    if reason.startswith(_AUTO_PAUSE_PREFIX) and failures > 0 and kind:
        error = failure_text(kind=kind, message=message, code=code, params=params)
        return paused_after_failures(failures, error)
    return reason


def paused_after_failures(failures: int, error: str) -> str:
    """The reason of a pause after `failures` failed checks in a row (also stored: in
    English, by the run that paused it)."""
    return ngettext(
        "Paused after %(count)s failed check in a row. Last error: %(error)s",
        "Paused after %(count)s failed checks in a row. Last error: %(error)s",
        failures,
    ) % {"count": failures, "error": error}
