"""Setting a period: sums, refusal to overwrite, carry-over over mergers, audit, access."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from regietafel.audit.models import AuditEntry
from regietafel.core.taakstelling import TaakstellingError
from regietafel.taakstelling.models import TaakstellingEntry, TaakstellingPeriod
from regietafel.taakstelling.services import TaakstellingAlreadySetError, taakstelling_set
from tests.factories import realisation

pytestmark = pytest.mark.django_db


def test_entries_sum_to_national_total_and_audit_row(make_user: Callable[[str], Any]) -> None:
    user = make_user("landelijk")
    stored = taakstelling_set(actor=user, period="2021-II", national_total=11_000, source="Stcrt.")
    entries = TaakstellingEntry.objects.filter(period=stored)
    assert sum(e.taakstelling for e in entries) == 11_000
    assert sum(e.corrected for e in entries) == 11_000  # 2021-I not stored: no arrears
    # ... and so the carried arrears are unknown, not 0 for every municipality.
    assert set(entries.values_list("arrears", flat=True)) == {None}
    assert stored.arrears_source == "geen achterstand meegenomen (2021-I is niet vastgesteld)"
    assert audit_changes_arrears(stored) is None
    assert stored.population_date == date(2021, 1, 1)
    assert stored.set_by == user
    assert entries.count() == 352  # municipalities on 1 January 2021
    audit = AuditEntry.objects.get(object_id=str(stored.pk))
    assert audit.actor == user
    assert "2021-II" in audit.summary
    assert audit.changes["landelijke_taakstelling"] == 11_000


def test_second_set_is_refused() -> None:
    taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    with pytest.raises(TaakstellingAlreadySetError, match="niet overschreven"):
        taakstelling_set(actor=None, period="2021-ii", national_total=12_000)
    assert TaakstellingPeriod.objects.get().national_total == 11_000
    assert AuditEntry.objects.count() == 1


def test_province_user_may_not_set(make_user: Callable[[str], Any]) -> None:
    with pytest.raises(PermissionDenied):
        taakstelling_set(actor=make_user("provincie"), period="2021-II", national_total=10)
    assert not TaakstellingPeriod.objects.exists()


def test_carry_over_hand_computed_with_merger_into_eemsdelta() -> None:
    previous = taakstelling_set(actor=None, period="2020-II", national_total=10_000)
    task = dict(previous.entries.values_list("municipality_code", "corrected"))
    codes = ["GM0363", "GM0003", "GM0010", "GM0024"]  # Amsterdam, Appingedam, Delfzijl, Loppersum
    # An earlier realisation of the previous period, the final one, and a later one that
    # reports on 2021-I already (must be ignored for the carry-over).
    realisation("2020-W40", "2020-II", dict.fromkeys(codes, ("PV20", 1)))
    realisation(
        "2020-W53",
        "2020-II",
        {
            "GM0363": ("PV27", 500),
            "GM0003": ("PV20", 3),
            "GM0010": ("PV20", 20),
            "GM0024": ("PV20", 0),
        },
    )
    realisation("2021-W05", "2021-I", dict.fromkeys(codes, ("PV20", 99)))

    current = taakstelling_set(actor=None, period="2021-I", national_total=13_500)
    arrears = dict(current.entries.values_list("municipality_code", "arrears"))
    assert arrears["GM0363"] == task["GM0363"] - 500
    assert arrears["GM1979"] == (task["GM0003"] - 3) + (task["GM0010"] - 20) + task["GM0024"]
    assert not {"GM0003", "GM0010", "GM0024"} & set(arrears)
    # A municipality without a row in the final realisation housed nobody.
    assert arrears["GM0014"] == task["GM0014"]
    # Arrears are conserved over the merger; corrected = net task + arrears.
    assert sum(arrears.values()) == sum(task.values()) - 523
    amsterdam = current.entries.get(municipality_code="GM0363")
    assert amsterdam.corrected == amsterdam.taakstelling + amsterdam.arrears
    assert sum(e.taakstelling for e in current.entries.all()) == 13_500


def test_without_realisation_of_previous_period_setting_is_refused() -> None:
    """No realisation at all would turn every whole task into arrears; refuse, store nothing."""
    taakstelling_set(actor=None, period="2021-I", national_total=100)
    with pytest.raises(TaakstellingError, match="nog geen realisatie over 2021-I"):
        taakstelling_set(actor=None, period="2021-II", national_total=100)
    assert not TaakstellingPeriod.objects.filter(label="2021-II").exists()


def audit_changes_arrears(stored: TaakstellingPeriod) -> object:
    return AuditEntry.objects.get(object_id=str(stored.pk)).changes["achterstand_totaal"]


def test_unknown_arrears_stay_unknown_through_a_revision() -> None:
    """A revision recomputes the tasks with the stored arrears: unknown ones stay unknown
    (a revision once turned them into 0 for every municipality)."""
    from regietafel.taakstelling.services import taakstelling_revise

    taakstelling_set(
        actor=None, period="2021-II", national_total=11_000, decided_on=date(2021, 6, 1)
    )
    taakstelling_revise(
        actor=None, period="2021-II", national_total=12_000, decided_on=date(2021, 9, 1),
        source="Kamerbrief",
    )  # fmt: skip
    entries = TaakstellingEntry.objects.filter(period__label="2021-II")
    assert set(entries.values_list("arrears", flat=True)) == {None}
    assert sum(e.corrected for e in entries) == 12_000
