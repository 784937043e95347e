from django.apps import AppConfig


class InventoryConfig(AppConfig):
    name = "inventory"
    verbose_name = "Inventory"

    def ready(self) -> None:
        # Connects the receiver that deletes the files of deleted photos.
        from inventory import photos  # noqa: F401
