from django.apps import AppConfig


class PriceHistoryConfig(AppConfig):
    name = "price_history"
    verbose_name = "Price history"

    def ready(self) -> None:
        from inventory import extensions
        from price_history.deletion import PriceHistoryDeletionGuard

        # Deleting an item deletes its observations: only when the request confirms it.
        extensions.register_deletion_guard(PriceHistoryDeletionGuard())
