from io import StringIO

import pytest
from django.core.management import call_command

from alerts.models import AlertRule


@pytest.mark.django_db
def test_the_benchmark_runs_both_scenarios_and_leaves_nothing_behind():
    out = StringIO()
    call_command("bench_alerts", rules=100, runs=2, stdout=out)
    text = out.getvalue()
    assert "100 rules" in text
    assert "quiet: median scrape run" in text
    assert "firing: median scrape run" in text
    assert "Rolled back" in text
    assert not AlertRule.objects.exists()
