from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from alerts.models import AlertRule
from inventory.models import Collectible
from notifications.models import Notification
from price_history.models import ScrapeJob
from users.models import User
from valuation.models import ExchangeRate


@pytest.mark.django_db
def test_the_benchmark_runs_both_scenarios_and_leaves_nothing_behind():
    out = StringIO()
    call_command("bench_alerts", rules=100, runs=4, repeats=2, stdout=out)
    text = out.getvalue()
    assert "100 rules" in text
    quiet, firing = text.split("quiet: ")[1].split("firing: ")
    assert "2 × 4 interleaved pairs of scrape runs, 0 events fired" in quiet
    assert "events fired" in firing
    assert ", 0 events fired" not in firing
    for part in (quiet, firing):
        assert "without alerts: median" in part
        assert "p95" in part
        assert "added: " in part
        assert "the evaluation itself: median" in part
    assert "Removed what the benchmark created." in text
    assert not AlertRule.objects.exists()
    assert not Notification.objects.exists()
    assert not Collectible.objects.exists()
    assert not User.objects.filter(email__startswith="bench-alerts-").exists()
    assert not ScrapeJob.objects.exists()
    assert not ExchangeRate.objects.exists()  # the rate it needed, added and removed


@pytest.mark.django_db
def test_the_benchmark_uses_the_databases_own_rate_and_leaves_it_as_it_was():
    yesterday = timezone.now().date() - timedelta(days=1)
    own = ExchangeRate.objects.create(currency="USD", date=yesterday, rate=Decimal("1.1234"))

    call_command("bench_alerts", rules=20, runs=2, repeats=1, stdout=StringIO())

    assert list(ExchangeRate.objects.values_list("pk", "currency", "date", "rate")) == [
        (own.pk, "USD", yesterday, Decimal("1.1234"))
    ]
