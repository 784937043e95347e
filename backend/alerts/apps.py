from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = "Alerts"

    def ready(self) -> None:
        from alerts import services, texts
        from inventory import hooks as inventory_hooks
        from price_history import hooks

        # Rules are evaluated in the transaction that records the prices (docs/alerts.md).
        hooks.register_after_prices("alerts", services.alerts_evaluate_prices)
        hooks.register_after_pause("alerts", services.alerts_evaluate_pause)
        # A wanted item bought: its "price at or below" rules are switched off.
        inventory_hooks.register_after_acquire("alerts", services.alert_rules_after_acquire)
        # Notifications write an alert's words again in their reader's language.
        texts.register()
