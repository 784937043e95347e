from decimal import Decimal

import factory

from inventory.models import CardDetails, Category, Collectible, Condition


class CollectibleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collectible

    vendor = factory.SubFactory("vendors.factories.VendorFactory")
    name = factory.Sequence(lambda n: f"Charizard #{n}")
    category = Category.TRADING_CARD
    condition = Condition.NEAR_MINT
    quantity = 1
    purchase_price = Decimal("120.00")
    purchase_currency = "USD"


class CardDetailsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CardDetails

    collectible = factory.SubFactory(CollectibleFactory)
    game = "Pokémon"
    language = "en"
    market_region = "north_america"
    rarity = "Holo Rare"
    finish = "holo"
    set_code = "BS"
