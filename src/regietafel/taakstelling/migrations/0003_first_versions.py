"""Every period set before versions existed gets its version 1, from its stored entries."""

from __future__ import annotations

from typing import Any

from django.db import migrations


def first_versions(apps: Any, schema_editor: Any) -> None:
    period_model = apps.get_model("taakstelling", "TaakstellingPeriod")
    version_model = apps.get_model("taakstelling", "TaakstellingVersion")
    for period in period_model.objects.all():
        if version_model.objects.filter(period=period).exists():
            continue
        version_model.objects.create(
            period=period,
            number=1,
            national_total=period.national_total,
            decided_on=period.set_at.date(),
            source=period.source,
            tasks={e.municipality_code: e.taakstelling for e in period.entries.all()},
            recorded_by=period.set_by,
        )


class Migration(migrations.Migration):
    dependencies = [("taakstelling", "0002_versions_judgements_own_count")]

    operations = [migrations.RunPython(first_versions, migrations.RunPython.noop)]
