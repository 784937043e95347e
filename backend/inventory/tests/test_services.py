"""The inventory services as other apps (imports, admin actions) call them."""

import pytest

from inventory import services
from inventory.factories import CardDetailsFactory
from inventory.models import Collectible

pytestmark = pytest.mark.django_db


def test_an_item_read_without_its_card_details_can_be_updated():
    item_id = CardDetailsFactory(rarity="Common").collectible_id
    fresh = Collectible.objects.get(pk=item_id)  # card details not loaded

    services.collectible_update(collectible=fresh, data={"notes": "re-sleeved"}, partial=True)

    stored = Collectible.objects.select_related("card_details").get(pk=item_id)
    assert stored.notes == "re-sleeved"
    assert stored.card_details.rarity == "Common"
