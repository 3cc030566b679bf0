"""The report on the demo data: freezing across a corrected import, all three outputs."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.slow


@pytest.mark.django_db(transaction=False)
def test_demo_week_publish_correct_and_render(make_user: Any) -> None:
    demo = pytest.importorskip("regietafel.demo.services")
    from regietafel.imports.models import Import, Kind
    from regietafel.opvang.models import LocationRecord
    from regietafel.rapportage.render import render_report
    from regietafel.rapportage.services import report_publish

    demo.demo_load(weeks=8)
    register = Import.objects.filter(kind=Kind.LOCATIES).order_by("-week_start", "-version")[0]
    week = register.week
    first = report_publish(actor=make_user("landelijk"), week=week)
    data = first.report_data()
    assert data.synthetic
    occupancy = data.key_figure("bezetting_nu").value
    assert occupancy == sum(
        r.occupancy
        for r in LocationRecord.objects.filter(batch=register)
        if r.start_date <= register.week_start
        and (r.end_date is None or r.end_date >= register.week_start)
    )

    # A corrected register for the same week: a new import version with 100 more residents.
    rows = list(LocationRecord.objects.filter(batch=register))
    register.pk = None
    register.version = (register.version or 0) + 1
    register.save()
    bumped = False
    for row in rows:
        row.pk = None
        row.batch = register
        if (
            not bumped
            and row.capacity - row.occupancy >= 100
            and row.start_date <= register.week_start
            and (row.end_date is None or row.end_date >= register.week_start)
        ):
            row.occupancy += 100
            bumped = True
        row.save()
    assert bumped

    first.refresh_from_db()
    assert first.report_data().key_figure("bezetting_nu").value == occupancy
    second = report_publish(actor=make_user("landelijk"), week=week, note="correctie register")
    assert second.version == 2
    change = next(c for c in second.changes["kerncijfers"] if c["key"] == "bezetting_nu")
    assert (change["old"], change["new"]) == (occupancy, occupancy + 100)

    book = load_workbook(BytesIO(render_report(second, "xlsx").content))
    figures = {r[0]: r[3] for r in book["kerncijfers"].iter_rows(min_row=2, values_only=True)}
    assert figures["bezetting_nu"] == occupancy + 100
    assert render_report(second, "pdf").content.startswith(b"%PDF")
