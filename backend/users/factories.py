import factory

from users.models import User
from users.signals import user_created

DEFAULT_PASSWORD = "correct-horse-battery-staple"  # noqa: S105 - test data


class UserFactory(factory.django.DjangoModelFactory):
    """A user with a personal collection, as sign-up creates them."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"collector{n}@example.com")
    display_name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def personal_vendor(self, create: bool, extracted: bool | None, **kwargs: object) -> None:
        if create:
            self.save()
            if extracted is not False:
                user_created.send(sender=User, user=self)
