"""Arrears that were never carried over become unknown (None) instead of 0."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

BEFORE = [("taakstelling", "0004_arrears_source")]
AFTER = [("taakstelling", "0005_unknown_arrears")]


def test_uncarried_arrears_become_unknown_carried_ones_stay() -> None:
    """2021-I: the note says nothing was carried. 2021-II: carried from 2021-I (stored), kept.
    2022-II: set before the note existed, 2022-I not stored: unknown. 2022-I missing, so
    2022-II is the only unnoted case; its arrears of 0 were never known."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    period_model = old.get_model("taakstelling", "TaakstellingPeriod")
    entry_model = old.get_model("taakstelling", "TaakstellingEntry")
    notes = {
        "2021-I": "geen achterstand meegenomen (2020-II is niet vastgesteld)",
        "2021-II": "achterstand uit 2021-I (realisatie 2021-W27 v1)",
        "2022-II": "",
    }
    for label, note in notes.items():
        year, half = label.split("-")
        start = date(int(year), 1 if half == "I" else 7, 1)
        period = period_model.objects.create(
            label=label, start=start, end=start, national_total=100,
            population_date=date(2021, 1, 1), method="hamilton", arrears_source=note,
        )  # fmt: skip
        entry_model.objects.create(
            period=period, municipality_code="GM0363", municipality_name="Amsterdam",
            province_code="PV27", inhabitants=1, quota=100.0, taakstelling=100,
            arrears=0 if label != "2021-II" else 7, corrected=100,
        )  # fmt: skip
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    arrears = dict(
        new.get_model("taakstelling", "TaakstellingEntry").objects.values_list(
            "period__label", "arrears"
        )
    )
    assert arrears == {"2021-I": None, "2021-II": 7, "2022-II": None}
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
