import factory

from users.factories import UserFactory
from vendors.models import Membership, Role, Vendor


class VendorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vendor

    name = factory.Sequence(lambda n: f"Card Shop {n}")
    slug = factory.Sequence(lambda n: f"card-shop-{n}")
    default_currency = "USD"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    vendor = factory.SubFactory(VendorFactory)
    role = Role.OWNER
