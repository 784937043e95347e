"""Fixtures of the inventory tests: the caller's personal collection and a few items."""

import pytest

from inventory.factories import CardDetailsFactory, CollectibleFactory
from inventory.search import corrections
from vendors.selectors import personal_vendor_for_user


@pytest.fixture
def personal(user):
    return personal_vendor_for_user(user=user)


@pytest.fixture
def mine(personal):
    return personal


@pytest.fixture
def item(personal, user):
    return CollectibleFactory(vendor=personal, created_by=user, name="Blastoise")


@pytest.fixture
def charizard(mine):
    item = CollectibleFactory(
        vendor=mine, name="Charizard", set_name="Base Set", number="4/102", tags=["holo"]
    )
    CardDetailsFactory(collectible=item, game="Pokémon", set_code="BS")
    return item


@pytest.fixture
def no_trigrams(monkeypatch):
    monkeypatch.setattr(corrections, "trigram_available", lambda using="default": False)
