"""Periods set before versions existed get their version 1 from the stored entries."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

BEFORE = [("taakstelling", "0002_versions_judgements_own_count")]
AFTER = [("taakstelling", "0003_first_versions")]


def test_existing_period_gets_version_one() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    period = old.get_model("taakstelling", "TaakstellingPeriod").objects.create(
        label="2021-I",
        start=date(2021, 1, 1),
        end=date(2021, 6, 30),
        national_total=13_500,
        population_date=date(2021, 1, 1),
        method="hamilton",
        source="Staatscourant",
    )
    entry = old.get_model("taakstelling", "TaakstellingEntry")
    for code, task in {"GM0363": 676, "GM0014": 78}.items():
        entry.objects.create(
            period=period,
            municipality_code=code,
            municipality_name=code,
            province_code="PV27",
            inhabitants=1,
            quota=float(task),
            taakstelling=task,
            corrected=task,
        )
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    version = new.get_model("taakstelling", "TaakstellingVersion").objects.get()
    assert (version.number, version.national_total, version.source) == (1, 13_500, "Staatscourant")
    assert version.tasks == {"GM0363": 676, "GM0014": 78}
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
