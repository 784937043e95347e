import factory

from notifications.models import Channel, ChannelKind, Notification
from users.factories import UserFactory


class ChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Channel

    user = factory.SubFactory(UserFactory)
    kind = ChannelKind.EMAIL
    name = factory.Sequence(lambda n: f"Channel {n}")


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    user = factory.SubFactory(UserFactory)
    kind = "test"
    title = factory.Sequence(lambda n: f"Notification {n}")
    body = "Something happened."
