from django.apps import AppConfig


class PriceHistoryConfig(AppConfig):
    name = "price_history"
    verbose_name = "Price history"

    def ready(self) -> None:
        from core import metrics as core_metrics
        from inventory import extensions
        from price_history import metrics
        from price_history.deletion import PriceHistoryDeletionGuard

        # Deleting an item deletes its observations: only when the request confirms it.
        extensions.register_deletion_guard(PriceHistoryDeletionGuard())
        # GET /metrics: the runs, trackers and prices, counted when scraped.
        core_metrics.register_collector(metrics.collect)
