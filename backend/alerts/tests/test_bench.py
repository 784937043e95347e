from io import StringIO

import pytest
from django.core.management import call_command

from alerts.models import AlertRule
from notifications.models import Notification


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
    assert "Rolled back" in text
    assert not AlertRule.objects.exists()
    assert not Notification.objects.exists()
