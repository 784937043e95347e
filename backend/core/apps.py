from django.apps import AppConfig
from django.db.backends.signals import connection_created


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from core.timestamps import use_fast_timestamps

        connection_created.connect(use_fast_timestamps, dispatch_uid="core.fast_timestamps")
