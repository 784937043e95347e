"""Cursor (keyset) pages of the collectibles list, beside page numbers (docs/api.md, "Lists"):
the same rows in the same order for every ordering, stable while rows are added, signed
cursors, and only the caller's vendors."""

from datetime import date, timedelta
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import client_for
from django.utils import timezone

from inventory.factories import CollectibleFactory
from inventory.models import Collectible, CollectibleStatus
from users.factories import UserFactory
from vendors.selectors import personal_vendor_for_user

pytestmark = pytest.mark.django_db

URL = "/api/v1/collectibles/"

ORDERINGS = [
    None,  # newest first
    "name",
    "-name",
    "purchase_date",  # nullable: NULLs last ascending…
    "-purchase_date",  # …and first descending
    "-value",  # on the valuation, NULLs last both ways
    "value",
    "gain",
    "purchase_price",
    "name,-purchase_date",
]


@pytest.fixture
def items(personal):
    """Eleven items with ties on every sortable column and NULLs on some; three share a
    creation instant, so only the id tells them apart."""
    made = []
    for n in range(11):
        made.append(
            CollectibleFactory(
                vendor=personal,
                name=["Alakazam", "Blastoise", "Charizard"][n % 3],
                purchase_price=None if n % 4 == 0 else Decimal(10 * (n % 3)),
                purchase_currency="" if n % 4 == 0 else "USD",
                purchase_date=None if n % 4 == 0 else date(2024, 1, 1 + n % 2),
            )
        )
    instant = timezone.now() - timedelta(days=1)
    Collectible.objects.filter(pk__in=[made[2].pk, made[5].pk, made[7].pk]).update(
        created_at=instant
    )
    return made


def params(ordering: str | None, **more: str) -> dict[str, str]:
    return {**({"ordering": ordering} if ordering else {}), **more}


def walk_pages(client, ordering: str | None) -> list[int]:
    seen: list[int] = []
    page = 1
    while True:
        body = client.get(URL, params(ordering, page=str(page), page_size="3")).json()
        seen += [row["id"] for row in body["results"]]
        if not body["next"]:
            return seen
        page += 1


def follow(client, link: str) -> dict:
    query = {name: values[0] for name, values in parse_qs(urlsplit(link).query).items()}
    response = client.get(URL, query)
    assert response.status_code == 200, response.json()
    return response.json()


def walk_cursor(client, ordering: str | None, **more: str) -> tuple[list[int], dict]:
    """Every row by following `next` from `cursor=` (empty); the last page's body."""
    response = client.get(URL, params(ordering, cursor="", page_size="3", **more))
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["previous"] is None
    seen = [row["id"] for row in body["results"]]
    while body["next"]:
        assert "page=" not in body["next"]
        body = follow(client, body["next"])
        seen += [row["id"] for row in body["results"]]
    return seen, body


@pytest.mark.parametrize("ordering", ORDERINGS)
def test_a_cursor_walk_gives_the_rows_of_the_page_numbers_in_order(auth_client, items, ordering):
    by_page = walk_pages(auth_client, ordering)
    by_cursor, last = walk_cursor(auth_client, ordering)
    assert by_cursor == by_page
    assert sorted(by_cursor) == sorted(item.pk for item in items)
    assert last["count"] == len(items)
    # And back again through `previous`, from the last page to the first.
    back = [row["id"] for row in last["results"]]
    while last["previous"]:
        last = follow(auth_client, last["previous"])
        back = [row["id"] for row in last["results"]] + back
    assert back == by_page


def test_rows_added_during_a_walk_neither_repeat_nor_skip_a_row(auth_client, items, personal):
    first = auth_client.get(URL, {"cursor": "", "page_size": "4"}).json()
    seen = [row["id"] for row in first["results"]]
    # Newer than all (page numbers would now show the first page's last row again) and one
    # just after the position: it comes next, once.
    CollectibleFactory(vendor=personal, name="Brand new")
    middle = CollectibleFactory(vendor=personal, name="Slotted in")
    last_seen = Collectible.objects.get(pk=seen[-1])
    Collectible.objects.filter(pk=middle.pk).update(
        created_at=last_seen.created_at - timedelta(microseconds=1)
    )
    body = first
    while body["next"]:
        body = follow(auth_client, body["next"])
        seen += [row["id"] for row in body["results"]]
    assert len(seen) == len(set(seen)) == len(items) + 1
    assert set(seen) == {item.pk for item in items} | {middle.pk}


def test_other_users_rows_never_appear(auth_client, items):
    stranger = UserFactory()
    theirs = [
        CollectibleFactory(vendor=personal_vendor_for_user(user=stranger), name=f"Theirs {n}")
        for n in range(5)
    ]
    seen, _ = walk_cursor(auth_client, "name")
    assert seen
    assert not set(seen) & {item.pk for item in theirs}
    # Their own walk, with a cursor made for my list, shows only theirs.
    mine_first = auth_client.get(URL, {"cursor": "", "page_size": "2", "ordering": "name"}).json()
    other = client_for(stranger)
    query = parse_qs(urlsplit(mine_first["next"]).query)
    body = other.get(URL, {name: values[0] for name, values in query.items()}).json()
    assert {row["id"] for row in body["results"]} <= {item.pk for item in theirs}


def test_the_want_list_walks_by_cursor(auth_client, personal, items):
    wanted = [
        CollectibleFactory(
            vendor=personal,
            name=f"Wanted {n}",
            purchase_price=None,
            purchase_currency="",
            status=CollectibleStatus.WANTED,
            max_price=Decimal("5"),
            max_price_currency="USD",
        )
        for n in range(4)
    ]
    seen, _ = walk_cursor(auth_client, None, status="wanted")
    assert seen == [item.pk for item in reversed(wanted)]


def assert_cursor_error(response, text: str) -> None:
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert text in body["fields"]["cursor"][0]


@pytest.mark.parametrize("cursor", ["garbage", "e30:1", "x" * 40])
def test_a_cursor_not_made_by_the_server_is_a_400(auth_client, items, cursor):
    assert_cursor_error(auth_client.get(URL, {"cursor": cursor}), "Invalid cursor")


def test_a_tampered_cursor_is_a_400(auth_client, items):
    link = auth_client.get(URL, {"cursor": "", "page_size": "2"}).json()["next"]
    cursor = parse_qs(urlsplit(link).query)["cursor"][0]
    payload, _, signature = cursor.rpartition(":")
    forged = payload[:-2] + ("A" if payload[-2] != "A" else "B") + payload[-1] + ":" + signature
    assert_cursor_error(auth_client.get(URL, {"cursor": forged}), "Invalid cursor")
    assert auth_client.get(URL, {"cursor": cursor, "page_size": "2"}).status_code == 200


def test_a_cursor_of_another_ordering_is_a_400(auth_client, items):
    link = auth_client.get(URL, {"cursor": "", "page_size": "2", "ordering": "name"}).json()
    cursor = parse_qs(urlsplit(link["next"]).query)["cursor"][0]
    response = auth_client.get(URL, {"cursor": cursor, "ordering": "-name"})
    assert_cursor_error(response, "another ordering")


def test_cursor_and_page_together_are_a_400(auth_client, items):
    assert_cursor_error(auth_client.get(URL, {"cursor": "", "page": "2"}), "not both")


def test_search_relevance_cannot_be_paged_by_cursor_but_an_ordering_can(auth_client, items):
    response = auth_client.get(URL, {"cursor": "", "search": "charizard"})
    assert_cursor_error(response, "give `ordering`")
    seen, _ = walk_cursor(auth_client, "name", search="charizard")
    charizards = Collectible.objects.filter(name="Charizard").order_by("-created_at", "-id")
    assert seen == [item.pk for item in charizards]
