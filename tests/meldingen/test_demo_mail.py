"""The e-mail of a published demo week, its figures counted by hand from the stored registers."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import override_settings

pytestmark = pytest.mark.slow


def _open(record: Any, monday: Any) -> bool:
    return bool(
        record.start_date <= monday and (record.end_date is None or record.end_date >= monday)
    )


def _totals(kind_week: str) -> tuple[int, int]:
    """(capacity, occupancy) of the locations open on the week's Monday, from the newest
    accepted register of that week: counted here from the rows, not by the figures code."""
    from regietafel.imports.models import Import, Kind, Status
    from regietafel.opvang.models import LocationRecord

    register = (
        Import.objects.filter(kind=Kind.LOCATIES, week=kind_week, status=Status.ACCEPTED)
        .order_by("-version")
        .first()
    )
    assert register is not None
    rows = [
        r for r in LocationRecord.objects.filter(batch=register) if _open(r, register.week_start)
    ]
    return sum(r.capacity for r in rows), sum(r.occupancy for r in rows)


def _nl(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _delta(value: int) -> str:
    if value == 0:
        return "gelijk aan vorige week"
    return f"{'+' if value > 0 else '−'}{_nl(abs(value))} t.o.v. vorige week"


@pytest.mark.django_db(transaction=False)
@override_settings(BASE_URL="https://regietafel.example.nl")
def test_demo_week_mail_to_the_demo_subscribers(django_capture_on_commit_callbacks: Any) -> None:
    from regietafel.demo.services import demo_load
    from regietafel.rapportage.services import report_publish

    demo_load(weeks=8)
    week, previous = "2021-W08", "2021-W07"
    capacity, occupancy = _totals(week)
    capacity_before, occupancy_before = _totals(previous)

    with django_capture_on_commit_callbacks(execute=True):
        report_publish(actor=None, week=week, scope="PV27")
    # Noord-Holland's report: only the demo's PRT Noord-Holland asked for it.
    assert [m.to for m in mail.outbox] == [["prt-noord-holland@demo.regietafel.invalid"]]
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        report_publish(actor=None, week=week, scope="NL")
    assert sorted(m.to[0] for m in mail.outbox) == [
        "lrt@demo.regietafel.invalid",
        "prt-noord-holland@demo.regietafel.invalid",
    ]
    body = mail.outbox[0].body
    assert "Het weekrapport van week 2021-W08 voor Nederland is gepubliceerd." in body
    assert "Let op: dit rapport bevat synthetische demodata." in body
    for name, now, before in (
        ("Bezetting nu", occupancy, occupancy_before),
        ("Capaciteit nu", capacity, capacity_before),
    ):
        line = f"- {name}: {_nl(now)}, {_delta(now - before)}"
        assert (line in body) is (now != before), (line, body)
    assert "Rapport: https://regietafel.example.nl/rapport/2021-W08/NL/?versie=1" in body
