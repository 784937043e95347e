from django.apps import AppConfig


class VendorsConfig(AppConfig):
    name = "vendors"
    verbose_name = "Vendors"

    def ready(self) -> None:
        from users.signals import user_created
        from vendors.receivers import create_personal_collection

        user_created.connect(create_personal_collection, dispatch_uid="personal-collection")
