"""Marketplace API keys: a user's own only, secrets write-only (masked on read) and
encrypted at rest, one per provider, each provider's fields required and no others."""

import pytest
from conftest import client_for
from django.db import connection

from users.credentials import credential_for
from users.factories import UserFactory
from users.models import MarketplaceCredential

URL = "/api/v1/marketplace-credentials/"
TOKEN = "DiscogsTokenAbCdEf0123456789wxyz"
pytestmark = pytest.mark.django_db


def test_a_discogs_token_comes_back_masked_and_is_stored_encrypted(auth_client, user):
    response = auth_client.post(URL, {"provider": "discogs", "token": TOKEN}, format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["provider"] == "discogs"
    assert body["token_masked"] == "•••wxyz"
    assert "token" not in body
    assert TOKEN not in str(auth_client.get(URL).json())
    assert TOKEN not in str(auth_client.get(f"{URL}{body['id']}/").json())
    with connection.cursor() as cursor:
        cursor.execute("SELECT token FROM users_marketplacecredential WHERE id = %s", [body["id"]])
        (stored,) = cursor.fetchone()
    assert TOKEN not in stored
    assert credential_for(user_id=user.pk, provider="discogs").token == TOKEN


def test_an_ebay_key_needs_its_client_id_and_secret(auth_client):
    missing = auth_client.post(URL, {"provider": "ebay", "client_id": "App-1"}, format="json")
    assert missing.status_code == 400
    assert "client_secret" in missing.json()["fields"]

    response = auth_client.post(
        URL,
        {"provider": "ebay", "client_id": "Omni-App-PRD-123456", "client_secret": "PRD-s3cr3t"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["client_secret_masked"] == "•••"
    assert response.json()["token_masked"] == ""


@pytest.mark.parametrize(
    "payload",
    [
        {"provider": "discogs"},
        {"provider": "discogs", "token": "   "},
        {"provider": "discogs", "token": "two words"},
        {"provider": "discogs", "token": TOKEN, "client_secret": "x"},
        {"provider": "amazon", "token": TOKEN},
        {"token": TOKEN},
    ],
)
def test_a_bad_key_is_a_400(auth_client, payload):
    response = auth_client.post(URL, payload, format="json")

    assert response.status_code == 400, response.json()
    assert MarketplaceCredential.objects.count() == 0


def test_one_key_per_provider(auth_client):
    assert auth_client.post(URL, {"provider": "discogs", "token": TOKEN}).status_code == 201

    again = auth_client.post(URL, {"provider": "discogs", "token": TOKEN + "2"})

    assert again.status_code == 400
    assert "already" in str(again.json())


def test_a_key_is_replaced_and_removed_but_its_provider_never_changes(auth_client, user):
    created = auth_client.post(URL, {"provider": "discogs", "token": TOKEN}).json()
    detail = f"{URL}{created['id']}/"

    assert auth_client.patch(detail, {"provider": "ebay"}, format="json").status_code == 400
    changed = auth_client.patch(detail, {"token": "NewTokenNewToken9999"}, format="json")
    assert changed.status_code == 200
    assert changed.json()["token_masked"] == "•••9999"
    assert credential_for(user_id=user.pk, provider="discogs").token == "NewTokenNewToken9999"

    assert auth_client.delete(detail).status_code == 204
    assert credential_for(user_id=user.pk, provider="discogs") is None


def test_someone_elses_key_is_a_404(auth_client):
    other = UserFactory()
    theirs = MarketplaceCredential.objects.create(user=other, provider="discogs", token=TOKEN)

    assert auth_client.get(URL).json() == []
    assert auth_client.get(f"{URL}{theirs.pk}/").status_code == 404
    assert auth_client.patch(f"{URL}{theirs.pk}/", {"token": "x" * 20}).status_code == 404
    assert auth_client.delete(f"{URL}{theirs.pk}/").status_code == 404
    assert client_for(other).get(URL).json()[0]["token_masked"] == "•••" + TOKEN[-4:]


def test_the_secrets_never_show_in_a_repr(user):
    MarketplaceCredential.objects.create(user=user, provider="discogs", token=TOKEN)

    assert TOKEN not in repr(credential_for(user_id=user.pk, provider="discogs"))
