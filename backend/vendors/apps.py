from django.apps import AppConfig


class VendorsConfig(AppConfig):
    name = "vendors"
    verbose_name = "Vendors"

    def ready(self) -> None:
        from users.signals import user_created, user_deleting
        from vendors.receivers import create_personal_collection, delete_solely_owned_collections

        user_created.connect(create_personal_collection, dispatch_uid="personal-collection")
        user_deleting.connect(delete_solely_owned_collections, dispatch_uid="sole-collections")
