"""Arrears that were never carried over are unknown, not zero.

A period set while its predecessor was not set here stored 0 for every municipality; the
key figure "achterstand uit vorige periode" then read 0 where nobody knows. Those entries
become empty. A period counts as such when its note says so, or (set before the note
existed) when the previous half year is not stored.
"""

from django.db import migrations, models


def _previous_label(label: str) -> str:
    year, half = label.split("-")
    return f"{int(year) - 1}-II" if half == "I" else f"{year}-I"


def forget_uncarried_arrears(apps, schema_editor):  # type: ignore[no-untyped-def]
    period_model = apps.get_model("taakstelling", "TaakstellingPeriod")
    entry_model = apps.get_model("taakstelling", "TaakstellingEntry")
    labels = set(period_model.objects.values_list("label", flat=True))
    for period in period_model.objects.all():
        note = period.arrears_source
        uncarried = note.startswith("geen achterstand meegenomen") or (
            not note and _previous_label(period.label) not in labels
        )
        if uncarried:
            entry_model.objects.filter(period=period).update(arrears=None)


def restore_zero_arrears(apps, schema_editor):  # type: ignore[no-untyped-def]
    entry_model = apps.get_model("taakstelling", "TaakstellingEntry")
    entry_model.objects.filter(arrears__isnull=True).update(arrears=0)


class Migration(migrations.Migration):
    dependencies = [
        ("taakstelling", "0004_arrears_source"),
    ]

    operations = [
        migrations.AlterField(
            model_name="taakstellingentry",
            name="arrears",
            field=models.IntegerField(
                blank=True,
                help_text="Leeg: geen achterstand meegenomen, omdat de vorige periode niet is vastgesteld.",
                null=True,
                verbose_name="achterstand",
            ),
        ),
        migrations.RunPython(forget_uncarried_arrears, restore_zero_arrears),
    ]
