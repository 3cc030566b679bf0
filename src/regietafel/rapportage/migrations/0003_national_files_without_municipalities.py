"""Downloads of national reports before format 11 listed every municipality; every PRT reads
the national report but may see only its own municipalities in detail. Their stored PDF and
Excel are dropped, so the next download is made again from the report read as format 11
(the same figures, without the municipality rows)."""

from typing import Any

from django.db import migrations


def drop_national_files_with_municipalities(apps: Any, schema_editor: Any) -> None:
    report_file = apps.get_model("rapportage", "ReportFile")
    stale = [
        f.pk
        for f in report_file.objects.filter(report__scope="NL").select_related("report").only(
            "pk", "report__data"
        )
        if int(f.report.data.get("format_version", 1)) < 11
    ]
    report_file.objects.filter(pk__in=stale).delete()


class Migration(migrations.Migration):
    dependencies = [("rapportage", "0002_report_file")]

    operations = [
        migrations.RunPython(drop_national_files_with_municipalities, migrations.RunPython.noop)
    ]
