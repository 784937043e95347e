from django.db import migrations

from core.read_versions import triggers_sql


class Migration(migrations.Migration):
    """Every write to these tables changes the read version of the vendors it touches,
    an exchange rate the global one (core.read_versions): the cached answers that show
    them are not served again."""

    dependencies = [("core", "0001_read_versions"), ("valuation", "0007_exchange_rate_newest_index")]
    operations = [
        migrations.RunSQL(*triggers_sql("valuation_itemvaluation", "vendor_id")),
        migrations.RunSQL(*triggers_sql("valuation_exchangerate", "global")),
    ]
