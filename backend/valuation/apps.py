from django.apps import AppConfig


class ValuationConfig(AppConfig):
    name = "valuation"
    verbose_name = "Collection value"

    def ready(self) -> None:
        from celery.signals import worker_ready

        from inventory import extensions
        from valuation.best_offer import CollectibleBestOffer
        from valuation.collectibles import CollectibleValuation

        extensions.register(CollectibleValuation())
        extensions.register(CollectibleBestOffer())

        from price_history import hooks
        from valuation import incremental

        # A new price re-values its item where it is recorded (valuation.incremental).
        hooks.register_after_prices("valuation", incremental.after_prices)

        from valuation.tasks import fetch_rates_if_stale

        worker_ready.connect(fetch_rates_if_stale, weak=False, dispatch_uid="valuation-rates")
