"""Why a check failed, read in the request's language: the stored code and values are
written again on each read (price_history.failure_texts), the English message stays."""

from __future__ import annotations

import asyncio
import json

import pytest
from django.utils import translation

from price_history import services
from price_history.factories import TrackerFactory
from price_history.failure_texts import KIND_TEXTS, TEMPLATES, failure_text, paused_text
from price_history.models import JobKind, ScrapeRun, Tracker
from price_history.tests.conftest import Reply
from price_history.tests.test_services_runs import run_once
from scraper import FetchSettings, ScrapeFailure, check_url_allowed, extract, fetch_page

pytestmark = pytest.mark.django_db


def tracker_url(tracker: Tracker) -> str:
    return f"/api/v1/collectibles/{tracker.collectible_id}/trackers/{tracker.pk}/"


def run_for_owner(tracker: Tracker, owner) -> ScrapeRun:
    job = services.scrape_job_create(
        kind=JobKind.MANUAL, trackers=[tracker], collectible=tracker.collectible,
        requested_by=owner, publish=False,
    )  # fmt: skip
    run = job.runs.get()
    services.scrape_run_execute(run_id=run.pk)
    tracker.refresh_from_db()
    return run


def test_a_tracker_error_reads_in_the_requests_language(
    scraper_settings, pages, item, owner, owner_client, settings
):
    settings.SCRAPER_PAUSE_AFTER_FAILURES = 2
    tracker = TrackerFactory(collectible=item, url=pages.url("/gone"))
    run = run_for_owner(tracker, owner)

    german = owner_client.get(tracker_url(tracker), HTTP_ACCEPT_LANGUAGE="de").json()
    english = owner_client.get(tracker_url(tracker), HTTP_ACCEPT_LANGUAGE="en").json()
    job = owner_client.get(f"/api/v1/scrape-jobs/{run.job_id}/", HTTP_ACCEPT_LANGUAGE="de")

    host = pages.host.split(":")[0]
    assert (tracker.last_error_code, tracker.last_error_params["what"]) == ("http_status", "page")
    assert german["last_error_kind"] == english["last_error_kind"] == "http_error"
    assert german["last_error_message"] == (
        f"Die Seite bei {host} antwortete mit HTTP 404 Not Found."
    )
    assert english["last_error_message"] == tracker.last_error_message
    assert english["last_error_message"] == f"The page at {host} returned HTTP 404 Not Found."
    assert job.json()["runs"][0]["error_message"] == german["last_error_message"]

    run_once(tracker)  # the second failure in a row pauses it
    paused = owner_client.get(tracker_url(tracker), HTTP_ACCEPT_LANGUAGE="de").json()

    assert paused["status"] == "paused"
    assert paused["paused_reason"] == (
        "Angehalten nach 2 fehlgeschlagenen Prüfungen in Folge. Letzter Fehler: "
        + german["last_error_message"]
    )
    tracker.refresh_from_db()
    assert tracker.paused_reason.startswith("Paused after 2 failed checks in a row.")


def test_a_pause_by_hand_reads_in_german(item, owner_client):
    tracker = TrackerFactory(collectible=item)
    owner_client.post(f"{tracker_url(tracker)}pause/")

    body = owner_client.get(tracker_url(tracker), HTTP_ACCEPT_LANGUAGE="de").json()

    assert body["paused_reason"] == "Von einem Sammler angehalten."


def test_a_refused_address_and_selector_read_in_german(owner_client, item):
    """Refused when saved (gateway.url_problem / selector_problem): the scraper's refusal
    said again from its code and values in the request's language."""
    trackers = f"/api/v1/collectibles/{item.pk}/trackers/"
    page = "http://93.184.215.14/charizard"
    unsafe = owner_client.post(trackers, {"url": "http://10.1.2.3/p"}, HTTP_ACCEPT_LANGUAGE="de")
    css = {"url": page, "source": "css", "selector": " div[[price "}
    not_css = owner_client.post(trackers, css, HTTP_ACCEPT_LANGUAGE="de")
    english = owner_client.post(trackers, css)

    assert unsafe.status_code == not_css.status_code == english.status_code == 400
    assert unsafe.json()["fields"]["url"] == [
        "Die Adresse 10.1.2.3 zeigt auf ein privates Netzwerk; Omni-Stock ruft sie aus "
        "Sicherheitsgründen nicht ab."
    ]
    assert not_css.json()["fields"]["selector"] == [
        "Der CSS-Selektor „div[[price“ ist kein gültiges CSS; bitte korrigieren Sie ihn."
    ]
    assert english.json()["fields"]["selector"] == [
        "The CSS selector 'div[[price' is not valid CSS; please correct it."
    ]


def failure_of(make) -> ScrapeFailure:
    with pytest.raises(ScrapeFailure) as caught:
        make()
    return caught.value


PAGE = "<html><head><title>Card</title></head><body><p>Nothing for sale</p></body></html>"
PRICES = '<html><body><p class="price">$1.00</p><p class="price">$2.00</p></body></html>'
MALFORMED = '<html><body><script type="application/ld+json">{"@type": </script></body></html>'
SHOP = "https://shop.example/card"

#: A failure of each kind the scraper says on a page it is given: code → how.
EXTRACTED = {
    "forbidden_address": lambda: check_url_allowed("http://10.0.0.1/card"),
    "scheme_not_trackable": lambda: check_url_allowed("ftp://shop.example/card"),
    "no_price_on_page": lambda: extract(PAGE, SHOP),
    "no_price_malformed_data": lambda: extract(MALFORMED, SHOP),
    "selector_matches_nothing": lambda: extract(PAGE, SHOP, source="css", selector=".price"),
    "selector_not_css": lambda: extract(PAGE, SHOP, source="css", selector="p["),
    "no_readable_price": lambda: extract(PAGE, SHOP, source="css", selector="p"),
    "no_readable_price_in_attribute": lambda: extract(
        PAGE, SHOP, source="css", selector="p", attribute="title"
    ),
    "several_prices": lambda: extract(PRICES, SHOP, source="css", selector=".price"),
    "api_source_not_a_page": lambda: extract(PAGE, SHOP, source="ebay_api"),
    "discogs_no_listings_table": lambda: extract(PAGE, SHOP, source="discogs"),
    "cardmarket_not_a_product_page": lambda: extract(
        PAGE, "https://www.cardmarket.com/en/Pokemon/Products/Singles/Base-Set/Pikachu"
    ),
    "pricecharting_not_a_product_page": lambda: extract(
        PAGE, "https://www.pricecharting.com/game/pokemon-base-set/pikachu"
    ),
    "ebay_not_an_item_page": lambda: extract(PAGE, "https://www.ebay.com/itm/123456789012"),
}

#: Failures of fetching a page: code → what the page server answers (at /x unless named).
FETCHED = {
    "http_status": {"/x": Reply(404)},
    "limited": {"/x": Reply(429)},
    "limited_wait": {"/x": Reply(429, headers={"Retry-After": "7"})},
    "too_many_redirects": {"/x": Reply(302, headers={"Location": "/x"})},
    "page_too_large": {"/x": Reply(body="<html><body>" + "x" * 4000 + "</body></html>")},
    "robots_disallowed_page": {
        "/robots.txt": Reply(body="User-agent: *\nDisallow: /", content_type="text/plain"),
        "/x": Reply(body=PAGE),
    },
    "robots_unavailable": {"/robots.txt": Reply(503), "/x": Reply(body=PAGE)},
}


def _says_the_same(failure: ScrapeFailure, code: str) -> None:
    """The catalogue's English is the scraper's message; German is another sentence;
    the values are JSON (the backend stores them)."""
    assert failure.code == code
    assert code in TEMPLATES
    assert json.loads(json.dumps(failure.params)) == failure.params
    assert all(isinstance(v, str | int | float) for v in failure.params.values())
    with translation.override("en"):
        assert failure_text(**_stored(failure)) == failure.message
    with translation.override("de"):
        german = failure_text(**_stored(failure))
    assert german != failure.message
    assert german != str(KIND_TEXTS[failure.kind.value]), "the kind's sentence, not the code's"


@pytest.mark.parametrize("code", list(EXTRACTED))
def test_the_catalogue_says_what_the_scraper_says(code):
    _says_the_same(failure_of(EXTRACTED[code]), code)


def fetched(code: str, pages) -> ScrapeFailure:
    pages.routes.update(FETCHED[code])
    settings = FetchSettings(
        allowed_hosts=[pages.host], min_host_delay=0.0, max_retries=0, max_bytes=1024
    )
    return failure_of(lambda: asyncio.run(fetch_page(pages.url("/x"), settings=settings)))


@pytest.mark.parametrize("code", list(FETCHED))
def test_the_catalogue_says_what_the_fetcher_says(code, pages):
    _says_the_same(fetched(code, pages), code)


def test_a_robots_txt_that_fails_says_its_status_in_german(pages):
    failure = fetched("robots_unavailable", pages)

    with translation.override("de"):
        assert failure_text(**_stored(failure)) == (
            f"Die Website {pages.host.split(':')[0]} beantwortete ihre robots.txt mit HTTP 503 "
            "Service Unavailable; daher behandelt Omni-Stock die ganze Website vorerst als "
            "gesperrt."
        )


def test_a_phrase_in_a_failure_reads_in_german():
    failure = failure_of(EXTRACTED["several_prices"])

    with translation.override("de"):
        assert failure_text(**_stored(failure)).startswith(
            "Die Seite bei shop.example zeigt mehrere verschiedene Preise an diesem Selektor ("
        )


def test_without_a_known_code_german_reads_the_kinds_sentence_english_the_message():
    stored = {"kind": "no_price_found", "message": "A sentence of its own.", "code": "new"}

    with translation.override("de"):
        assert failure_text(**stored, params={}) == "Auf der Seite wurde kein Preis gefunden."
        assert failure_text(kind="", message="The tracker is paused.") == (
            "Der Tracker ist angehalten."
        )
    with translation.override("en"):
        assert failure_text(**stored, params={}) == "A sentence of its own."
    with translation.override("de"):  # a reason nobody knows stays as it was
        assert paused_text(reason="Because.", failures=0, **stored, params={}) == "Because."


def _stored(failure: ScrapeFailure) -> dict:
    return {
        "kind": failure.kind.value,
        "message": failure.message,
        "code": failure.code,
        "params": failure.params,
    }
