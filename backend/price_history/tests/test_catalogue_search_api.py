"""`GET /api/v1/catalogue-search/` ("Find it"): the search runs as the `search_catalogue`
task, here executed in-process when it is published (as an eager Celery would; its answer
still travels through the real Redis reply list), against local servers speaking each
marketplace's shape (the scraper's saved answers) — never the internet. One test asks a
real worker on the `interactive` queue."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from celery import current_app
from conftest import client_for

from core import interactive
from inventory.factories import CollectibleFactory
from inventory.models import CardDetails
from price_history import gateway, tasks
from price_history.queue import CATALOGUE_SEARCH_TASK
from price_history.tests.conftest import SCRAPER_FIXTURES, PageServer, Reply, page
from price_history.tests.workers import Worker, broker_or_skip
from users.factories import UserFactory
from users.models import MarketplaceCredential
from vendors.selectors import personal_vendor_for_user

pytestmark = pytest.mark.django_db

URL = "/api/v1/catalogue-search/"
TOKEN = "SearchersDiscogsToken0123456789"
JSON = "application/json"
CATALOGUE = SCRAPER_FIXTURES / "catalogue"


@pytest.fixture
def eager(monkeypatch) -> list[tuple]:
    """Run a published task at once, in this process (the broker is not used)."""
    sent: list[tuple] = []

    def send_task(name, args=(), **options):
        sent.append((name, args))
        assert name == tasks.search_catalogue.name
        tasks.search_catalogue(*args)

    monkeypatch.setattr(interactive, "broker_available", lambda timeout=3: True)
    monkeypatch.setattr(current_app, "send_task", send_task)
    return sent


def discogs_path(query: str) -> str:
    return "/api/database/search?" + urlencode({"q": query, "type": "release", "per_page": 20})


@pytest.fixture
def discogs_search(scraper_settings, pages):
    def answer(headers):
        if headers.get("authorization") != f"Discogs token={TOKEN}":
            return Reply(401, '{"message": "You must authenticate."}', content_type=JSON)
        return Reply(body=page("discogs/search_never_gonna.json", CATALOGUE), content_type=JSON)

    pages.routes[discogs_path("Never Gonna Give You Up PB 41447")] = answer
    scraper_settings.DISCOGS_API_URL = pages.url("/api")
    return pages


def test_the_task_runs_on_the_interactive_queue(settings):
    assert settings.CELERY_TASK_ROUTES[CATALOGUE_SEARCH_TASK] == {"queue": "interactive"}


def test_an_items_name_and_number_are_searched_on_discogs_with_the_callers_token(
    eager, discogs_search, owner_client, owner, vendor
):
    MarketplaceCredential.objects.create(user=owner, provider="discogs", token=TOKEN)
    record = CollectibleFactory(
        vendor=vendor, created_by=owner, name="Never Gonna Give You Up", number="PB 41447"
    )

    response = owner_client.get(URL, {"source": "discogs", "collectible": record.pk})

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["query"] == "Never Gonna Give You Up PB 41447"
    assert body["results"][0] == {
        "title": "Rick Astley - Never Gonna Give You Up",
        "url": "https://www.discogs.com/release/249504",
        "subtitle": '1987 — Vinyl · 7" · 45 RPM · Single — RCA, PWL — PB 41447 — UK',
        "image": body["results"][0]["image"],
        "price": "",
    }
    assert len(body["results"]) == 3
    assert [name for name, _ in eager] == [CATALOGUE_SEARCH_TASK]
    assert TOKEN not in repr(eager)  # the broker carries the user's id, never the key


def test_discogs_without_a_saved_token_says_where_to_add_it(eager, discogs_search, owner_client):
    response = owner_client.get(URL, {"source": "discogs", "q": "Never Gonna Give You Up"})

    assert response.status_code == 400
    assert response.json()["code"] == "missing_credentials"
    assert "Settings → Marketplace keys" in response.json()["detail"]
    assert discogs_search.hits == []


def test_someone_elses_token_is_never_used(eager, discogs_search, owner, item):
    MarketplaceCredential.objects.create(user=owner, provider="discogs", token=TOKEN)
    response = client_for(UserFactory()).get(
        URL, {"source": "discogs", "q": "Never Gonna Give You Up PB 41447"}
    )

    assert response.json()["code"] == "missing_credentials"


def test_pricecharting_is_searched_on_the_configured_site(eager, scraper_settings, pages,
                                                           owner_client):  # fmt: skip
    scraper_settings.CATALOGUE_SITE_URLS = {"pricecharting": pages.url("")}
    results_page = page("pricecharting/search_zelda.html", CATALOGUE).replace(
        "https://www.pricecharting.com", pages.url("")
    )
    pages.routes["/search-products?" + urlencode({"q": "zelda", "type": "prices"})] = Reply(
        body=results_page
    )

    response = owner_client.get(URL, {"source": "pricecharting", "q": "  zelda "})

    assert response.status_code == 200, response.json()
    assert [r["url"] for r in response.json()["results"]] == [
        pages.url("/game/nes/legend-of-zelda"),
        pages.url("/game/super-nintendo/zelda-link-to-the-past"),
    ]


def test_cardmarket_is_searched_in_the_items_game(eager, scraper_settings, pages, owner_client,
                                                  item):  # fmt: skip
    scraper_settings.CATALOGUE_SITE_URLS = {"cardmarket": pages.url("")}
    item.number = "4/102"
    item.save()
    CardDetails.objects.create(collectible=item, game="Pokémon")
    path = "/en/Pokemon/Products/Search?" + urlencode({"searchString": "Charizard 4/102"})
    pages.routes[path] = Reply(body=page("cardmarket/search_goyf.html", CATALOGUE))

    response = owner_client.get(URL, {"source": "cardmarket", "collectible": item.pk})

    assert response.status_code == 200, response.json()
    assert response.json()["results"][0]["subtitle"] == "Future Sight"


def test_a_marketplace_failure_is_a_502_with_its_kind(eager, scraper_settings, pages,
                                                      owner_client):  # fmt: skip
    scraper_settings.CATALOGUE_SITE_URLS = {"pricecharting": pages.url("")}
    pages.routes["/search-products?" + urlencode({"q": "zelda", "type": "prices"})] = Reply(
        503, "busy"
    )

    response = owner_client.get(URL, {"source": "pricecharting", "q": "zelda"})

    assert response.status_code == 502
    assert response.json()["code"] == "http_error"
    assert response.json()["detail"]


def test_a_failed_search_reads_in_the_searchers_language(eager, scraper_settings, pages,
                                                          owner_client, discogs_search):  # fmt: skip
    scraper_settings.CATALOGUE_SITE_URLS = {"pricecharting": pages.url("")}
    pages.routes["/search-products?" + urlencode({"q": "zelda", "type": "prices"})] = Reply(503)
    german = {"HTTP_ACCEPT_LANGUAGE": "de"}
    phrase = "Service Unavailable"  # the status's own phrase, as every language reads it

    busy = owner_client.get(URL, {"source": "pricecharting", "q": "zelda"}, **german)
    no_token = owner_client.get(URL, {"source": "discogs", "q": "Never Gonna"}, **german)
    english = owner_client.get(URL, {"source": "pricecharting", "q": "zelda"})

    host = pages.host.split(":")[0]
    assert (busy.status_code, busy.json()["code"]) == (502, "http_error")
    assert busy.json()["detail"] == f"Die Seite bei {host} antwortete mit HTTP 503 {phrase}."
    assert english.json()["detail"] == f"The page at {host} returned HTTP 503 {phrase}."
    assert no_token.json()["detail"].startswith(
        "Discogs wird mit Ihrem persönlichen Discogs-Zugriffstoken durchsucht:"
    )


def test_an_unexpected_error_on_the_worker_reads_in_german(eager, owner_client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(gateway, "find_in_catalogue", broken)

    response = owner_client.get(
        URL, {"source": "pricecharting", "q": "zelda"}, HTTP_ACCEPT_LANGUAGE="de"
    )

    assert (response.status_code, response.json()["code"]) == (502, "internal_error")
    assert response.json()["detail"] == (
        "Beim Durchsuchen dieses Marktplatzes ist bei uns etwas schiefgegangen."
    )


def test_another_vendors_item_is_a_404(eager, owner_client):
    stranger = UserFactory()
    theirs = CollectibleFactory(vendor=personal_vendor_for_user(user=stranger), created_by=stranger)

    response = owner_client.get(URL, {"source": "discogs", "collectible": theirs.pk})

    assert response.status_code == 404
    assert eager == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"source": "structured", "q": "x"}, "source"),
        ({"q": "x"}, "source"),
        ({"source": "discogs"}, "q"),
        ({"source": "discogs", "q": "   "}, "q"),
        ({"source": "discogs", "q": "x" * 201}, "q"),
        ({"source": "discogs", "q": "x", "page": "2"}, "page"),
    ],
)
def test_bad_parameters_are_400(eager, owner_client, params, field):
    response = owner_client.get(URL, params)

    assert response.status_code == 400
    assert field in response.json()["fields"]
    assert eager == []


def test_no_worker_answering_in_time_is_503(owner_client, settings, monkeypatch):
    settings.SCRAPER_CHECK_DEADLINE_SECONDS = 1
    monkeypatch.setattr(interactive, "broker_available", lambda timeout=3: True)
    monkeypatch.setattr(current_app, "send_task", lambda name, args=(), **kw: None)

    response = owner_client.get(URL, {"source": "pricecharting", "q": "zelda"})

    assert response.status_code == 503
    assert response.json()["code"] == "check_unavailable"


def test_the_queue_being_down_is_503(owner_client, monkeypatch):
    monkeypatch.setattr(interactive, "broker_available", lambda timeout=3: False)

    response = owner_client.get(URL, {"source": "pricecharting", "q": "zelda"})

    assert response.status_code == 503
    assert response.json()["code"] == "queue_unavailable"


def test_anonymous_callers_are_401(client):
    assert client.get(URL, {"source": "pricecharting", "q": "zelda"}).status_code == 401


@pytest.fixture(scope="module")
def search_site() -> Iterator[PageServer]:
    site = PageServer()
    site.thread.start()
    site.routes["/search-products?" + urlencode({"q": "zelda", "type": "prices"})] = Reply(
        body=page("pricecharting/search_zelda.html", CATALOGUE).replace(
            "https://www.pricecharting.com", site.url("")
        )
    )
    try:
        yield site
    finally:
        site.httpd.shutdown()
        site.httpd.server_close()


@pytest.fixture(scope="module")
def search_worker(django_db_setup, tmp_path_factory, search_site) -> Iterator[Worker]:
    broker_or_skip()
    worker = Worker(
        tmp_path_factory.mktemp("catalogue") / "worker.log",
        allowed_hosts="127.0.0.1",
        queues="interactive",
        CATALOGUE_SITE_URLS=f"pricecharting={search_site.url('')}",
    )
    try:
        yield worker
    finally:
        worker.stop()


@pytest.mark.integration
def test_a_real_worker_on_the_interactive_queue_answers_the_search(
    search_worker, search_site, owner_client
):
    response = owner_client.get(URL, {"source": "pricecharting", "q": "zelda"})

    assert response.status_code == 200, response.json()
    assert response.json()["results"][0]["url"] == search_site.url("/game/nes/legend-of-zelda")
    assert "search_catalogue[" in search_worker.log.read_text()
