"""Trackers read through the eBay Browse API: a real check (the worker's path) against a
local server speaking eBay's OAuth and Browse shapes with the scraper's saved answers,
and whose application keys a check uses (docs/sources.md "Marketplace credentials")."""

import base64
import json
from decimal import Decimal
from types import SimpleNamespace
from urllib.parse import parse_qs
from uuid import uuid4

import pytest

from inventory.factories import CollectibleFactory
from price_history import gateway
from price_history.factories import TrackerFactory
from price_history.models import PriceHistory, RunStatus
from price_history.tests.conftest import SCRAPER_FIXTURES, Reply, page
from price_history.tests.test_services_runs import run_once
from users.factories import UserFactory
from users.models import MarketplaceCredential
from vendors.factories import MembershipFactory, VendorFactory
from vendors.models import Membership, Role
from vendors.services import membership_remove

pytestmark = pytest.mark.django_db

ITEM = "https://www.ebay.com/itm/395012345678"
TOKEN_PATH = "/identity/v1/oauth2/token"
ITEM_PATH = "/buy/browse/v1/item/v1%7C395012345678%7C0"
CLIENT_ID, SECRET = "OmniStock-Collecto-PRD-a1b2c3d4e", "PRD-0123456789abcdef-0123"
JSON = "application/json"


def _saved(name):
    return page(f"api/ebay_api/{name}", SCRAPER_FIXTURES)


def _ebay_key(user, client_id=CLIENT_ID, secret=SECRET):
    return MarketplaceCredential.objects.create(
        user=user, provider="ebay", client_id=client_id, client_secret=secret
    )


@pytest.fixture
def ebay(scraper_settings, pages):
    """eBay's token endpoint (accepting only CLIENT_ID and this test's own `secret` as
    Basic auth: a worker keeps tokens per key, so no test reuses another's) and the
    Browse API's item (only with the token it handed out, on the US marketplace)."""
    secret = f"PRD-{uuid4().hex}"
    basic = base64.b64encode(f"{CLIENT_ID}:{secret}".encode()).decode()
    token = json.loads(_saved("token.json"))["access_token"]

    def token_answer(headers):
        if headers.get("authorization") != f"Basic {basic}":
            return Reply(401, '{"error": "invalid_client"}', content_type=JSON)
        return Reply(body=_saved("token.json"), content_type=JSON)

    def item_answer(headers):
        if headers.get("authorization") != f"Bearer {token}":
            return Reply(401, '{"errors": [{"errorId": 1001}]}', content_type=JSON)
        if headers.get("x-ebay-c-marketplace-id") != "EBAY_US":
            return Reply(400, '{"errors": [{"errorId": 11006}]}', content_type=JSON)
        return Reply(body=_saved("item_graded_card.json"), content_type=JSON)

    pages.routes[TOKEN_PATH] = token_answer
    pages.routes[ITEM_PATH] = item_answer
    scraper_settings.EBAY_API_URL = pages.url("")
    return SimpleNamespace(server=pages, secret=secret)


def _recorded(tracker):
    return list(
        PriceHistory.objects.filter(tracker=tracker).values_list(
            "price", "currency", "condition", "seller", "shipping", "source"
        )
    )


PSA_10_ROW = (Decimal("489.99"), "USD", "psa_10", "cardvault_pdx", Decimal("8.45"), "ebay_api")


def test_a_check_records_the_items_price_grade_seller_and_shipping(ebay, item, owner):
    _ebay_key(owner, secret=ebay.secret)
    tracker = TrackerFactory(collectible=item, url=ITEM, source="ebay_api", created_by=owner)

    run = run_once(tracker)

    assert run.status == RunStatus.SUCCEEDED, run.error_message
    assert _recorded(tracker) == [PSA_10_ROW]
    (token_request,) = ebay.server.posted
    assert token_request[0] == TOKEN_PATH
    form = parse_qs(token_request[1])
    assert form == {
        "grant_type": ["client_credentials"],
        "scope": ["https://api.ebay.com/oauth/api_scope"],
    }
    assert [path for path, _ in ebay.server.hits] == [TOKEN_PATH, ITEM_PATH]


def test_keys_ebay_refuses_fail_the_check_as_missing_credentials(ebay, item, owner):
    _ebay_key(owner, secret="PRD-revoked")
    tracker = TrackerFactory(collectible=item, url=ITEM, source="ebay_api", created_by=owner)

    run = run_once(tracker)

    assert run.status != RunStatus.SUCCEEDED
    assert tracker.last_error_kind == "missing_credentials"
    assert "refused the key (HTTP 401)" in tracker.last_error_message
    assert "PRD-revoked" not in tracker.last_error_message
    assert "PRD-revoked" not in run.error_message
    assert ebay.server.count(ITEM_PATH) == 0


def test_without_keys_the_check_says_what_is_missing(ebay, item, owner):
    tracker = TrackerFactory(collectible=item, url=ITEM, source="ebay_api", created_by=owner)

    run = run_once(tracker)

    assert run.status != RunStatus.SUCCEEDED
    assert tracker.last_error_kind == "missing_credentials"
    assert tracker.last_error_message == (
        "The eBay Browse API is read with your eBay application keys (client id and "
        "secret from developer.ebay.com): add them in Settings → Marketplace keys."
    )
    assert ebay.server.hits == []
    assert not PriceHistory.objects.filter(tracker=tracker).exists()


def test_a_tracker_with_no_creator_is_checked_with_the_collection_owners_keys(ebay, item, owner):
    _ebay_key(owner, secret=ebay.secret)
    tracker = TrackerFactory(collectible=item, url=ITEM, source="ebay_api", created_by=None)

    run = run_once(tracker)

    assert run.status == RunStatus.SUCCEEDED, run.error_message
    assert _recorded(tracker) == [PSA_10_ROW]


# Whose keys: `gateway.keys_for`, seen through the options a check hands the scraper.


@pytest.fixture
def shared():
    """A shared collection with two owners (the first joined first) and an editor."""
    vendor = VendorFactory()
    first, second, editor = UserFactory(), UserFactory(), UserFactory()
    MembershipFactory(vendor=vendor, user=first, role=Role.OWNER)
    MembershipFactory(vendor=vendor, user=second, role=Role.OWNER)
    MembershipFactory(vendor=vendor, user=editor, role=Role.EDITOR)
    item = CollectibleFactory(vendor=vendor, created_by=editor)
    return SimpleNamespace(vendor=vendor, item=item, first=first, second=second, editor=editor)


def _client_id(tracker):
    return gateway.target_for(tracker).options.get("client_id")


def test_a_member_creators_own_keys_are_used_not_the_owners(shared):
    _ebay_key(shared.first, client_id="Owner-App")
    _ebay_key(shared.editor, client_id="Editor-App")
    tracker = TrackerFactory(
        collectible=shared.item, url=ITEM, source="ebay_api", created_by=shared.editor
    )

    assert _client_id(tracker) == "Editor-App"


def test_a_member_creator_without_keys_gets_none_of_the_owners(shared):
    _ebay_key(shared.first, client_id="Owner-App")
    tracker = TrackerFactory(
        collectible=shared.item, url=ITEM, source="ebay_api", created_by=shared.editor
    )

    assert _client_id(tracker) is None


def test_no_creator_uses_the_longest_standing_owner_who_saved_keys(shared):
    tracker = TrackerFactory(collectible=shared.item, url=ITEM, source="ebay_api", created_by=None)
    _ebay_key(shared.second, client_id="Second-Owner-App")
    assert _client_id(tracker) == "Second-Owner-App"  # the first owner saved none

    _ebay_key(shared.first, client_id="First-Owner-App")
    assert _client_id(tracker) == "First-Owner-App"


def test_when_the_creator_left_the_collection_the_owners_keys_are_used(shared):
    _ebay_key(shared.first, client_id="Owner-App")
    _ebay_key(shared.editor, client_id="Editor-App")
    tracker = TrackerFactory(
        collectible=shared.item, url=ITEM, source="ebay_api", created_by=shared.editor
    )

    membership_remove(membership=Membership.objects.get(vendor=shared.vendor, user=shared.editor))

    assert _client_id(tracker) == "Owner-App"


def test_never_the_keys_of_someone_outside_the_collection(shared, ebay):
    stranger = UserFactory()
    MembershipFactory(user=stranger, role=Role.OWNER)  # owner of another collection
    _ebay_key(stranger)
    _ebay_key(shared.editor)
    left = TrackerFactory(
        collectible=shared.item, url=ITEM, source="ebay_api", created_by=shared.editor
    )
    membership_remove(membership=Membership.objects.get(vendor=shared.vendor, user=shared.editor))
    outsider = TrackerFactory(
        collectible=shared.item, url=ITEM, source="ebay_api", created_by=stranger
    )
    orphan = TrackerFactory(collectible=shared.item, url=ITEM, source="ebay_api", created_by=None)

    for tracker in (left, outsider, orphan):
        assert "client_id" not in gateway.target_for(tracker).options
        run = run_once(tracker)
        assert tracker.last_error_kind == "missing_credentials", run.error_message
    assert ebay.server.hits == []
