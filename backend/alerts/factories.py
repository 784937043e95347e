import factory

from alerts.models import AlertKind, AlertRule
from alerts.rules import STARTS_DISARMED


class AlertRuleFactory(factory.django.DjangoModelFactory):
    """An enabled `all_time_low` rule on an item of the owner's (give `collectible`)."""

    class Meta:
        model = AlertRule

    owner = factory.SubFactory("users.factories.UserFactory")
    collectible = factory.SubFactory("inventory.factories.CollectibleFactory")
    vendor = factory.LazyAttribute(
        lambda rule: rule.collectible.vendor if rule.collectible else None
    )
    kind = AlertKind.ALL_TIME_LOW
    # As `alert_rule_create` starts it.
    armed = factory.LazyAttribute(lambda rule: rule.kind not in STARTS_DISARMED)
