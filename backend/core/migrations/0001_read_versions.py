from django.db import migrations

from core.read_versions import CREATE_SQL, DROP_SQL


class Migration(migrations.Migration):
    """The read versions' table, sequence and trigger function (core.read_versions); the
    apps' migrations put the triggers on their tables."""

    initial = True
    dependencies: list[tuple[str, str]] = []
    operations = [migrations.RunSQL(CREATE_SQL, DROP_SQL)]
