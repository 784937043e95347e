from django.apps import AppConfig


class ValuationConfig(AppConfig):
    name = "valuation"
    verbose_name = "Collection value"

    def ready(self) -> None:
        from inventory import extensions
        from valuation.best_offer import CollectibleBestOffer
        from valuation.collectibles import CollectibleValuation

        extensions.register(CollectibleValuation())
        extensions.register(CollectibleBestOffer())
