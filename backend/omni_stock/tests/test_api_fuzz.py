"""The API against its own schema: schemathesis generates requests for every operation
(valid and invalid, authenticated as a collector with data) and every answer must be a
documented status in the documented shape, never a 5xx.

Checked: no 5xx, every status documented, every body in its documented schema and content
type, documented headers, and undeclared methods refused. Not checked: whether each
schema-valid request is accepted and each invalid one refused (positive/negative data):
many refusals are business rules no schema states (a vendor you are not a member of, a
currency that is not ISO 4217), and DRF's fields accept harmless coercions (`0` as "0").

Bounded for CI: a fixed number of examples per operation, derandomized so a failure
reproduces. Operations that fetch outside pages or queue scrapes are left out (they would
reach the network or a worker; their validation has its own tests)."""

from pathlib import Path

import pytest
import schemathesis
from django.conf import settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from rest_framework_simplejwt.tokens import RefreshToken
from schemathesis import checks

from omni_stock.wsgi import application

EXAMPLES_PER_OPERATION = 25
NOT_FUZZED = (
    r"/trackers/test/$",  # check a page now: outbound HTTP
    r"/trackers/\{id\}/test/$",
    r"/refresh-prices/$",  # queue scrapes for a worker
    r"/imports/\{id\}/commit$",  # queues an import for a worker (tests: imports/tests)
    r"/trackers/\{id\}/photo/$",  # fetch a page's image now: a worker, outbound HTTP
    r"/notification-channels/\{id\}/test/$",  # a worker sends a message: outbound mail/HTTP
    r"/catalogue-search/$",  # a worker searches a marketplace now: outbound HTTP
)

schema = schemathesis.openapi.from_path(Path(settings.PROJECT_DIR) / "api_schema.json")
schema.app = application
for pattern in NOT_FUZZED:
    schema = schema.exclude(path_regex=pattern)


@pytest.fixture
def collector(db, django_user_model):
    from inventory.factories import CollectibleFactory
    from price_history.factories import PriceHistoryFactory, TrackerFactory
    from users.factories import UserFactory
    from vendors.selectors import personal_vendor_for_user

    user = UserFactory()
    item = CollectibleFactory(vendor=personal_vendor_for_user(user=user))
    TrackerFactory(collectible=item)
    PriceHistoryFactory(collectible=item)
    return user


@pytest.fixture
def bearer(collector, keep_the_test_connection) -> dict[str, str]:
    return {"Authorization": f"Bearer {RefreshToken.for_user(collector).access_token}"}


@schema.parametrize()
@hypothesis_settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_answer_is_documented_and_never_a_server_error(case, bearer):
    case.call_and_validate(
        headers=bearer,
        excluded_checks=[checks.positive_data_acceptance, checks.negative_data_rejection],
    )
