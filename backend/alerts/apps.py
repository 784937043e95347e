from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = "Alerts"

    def ready(self) -> None:
        from alerts import services
        from price_history import hooks

        # Rules are evaluated in the transaction that records the prices (docs/alerts.md).
        hooks.register_after_prices("alerts", services.alerts_evaluate_prices)
        hooks.register_after_pause("alerts", services.alerts_evaluate_pause)
