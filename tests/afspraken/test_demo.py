"""The demo holds the agreements of both sets of minutes; the LRT secretary's action list of
15 November 2021 has every measured agreement's progress filled in from the demo data."""

from __future__ import annotations

import io
from datetime import date

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

NOVEMBER = date(2021, 11, 15)


def test_demo_agreements_and_the_action_list_of_15_november() -> None:
    from docx import Document

    from regietafel.accounts.models import User
    from regietafel.afspraken import documents
    from regietafel.afspraken.models import Agreement, Meeting
    from regietafel.afspraken.selectors import action_list, agreement_states
    from regietafel.demo.services import demo_load

    demo_load()

    assert Agreement.objects.filter(meeting__kind="LRT").count() == 20
    assert set(Meeting.objects.filter(kind="LRT").values_list("date", flat=True)) == {
        date(2021, 3, 22),
        date(2021, 6, 14),
        date(2021, 10, 25),
        date(2021, 11, 15),
    }
    measured = Agreement.objects.filter(target__isnull=False)
    assert sorted(measured.values_list("number", flat=True)) == [
        "LRT-2021-11",
        "LRT-2021-12",
        "LRT-2021-13",
        "LRT-2021-14",
    ]
    # "aan de volgende LRT weer bespreken" (March) resolved to the LRT of June.
    assert Agreement.objects.get(number="LRT-2021-04").deadline == date(2021, 6, 14)
    assert not any(" Kriens" in a.owner_role for a in Agreement.objects.all())

    lrt = User.objects.get(username="lrt")
    listed = action_list(user=lrt, kind="LRT", on=NOVEMBER)
    numbers = [s.number for s in listed.rows]
    assert numbers[0] == "LRT-2021-19"  # the only overdue one (5 November)
    assert listed.rows[0].overdue
    assert "LRT-2021-04" not in numbers  # done in June
    assert "LRT-2021-06" in numbers  # regional taakstelling, postponed to 15 November
    for state in listed.rows:
        assert bool(state.progress_text) is (state.agreement.target_id is not None)
        assert state.health is not None
    assert all(s.new for s in listed.rows if s.agreement.meeting.date == date(2021, 10, 25))

    rows = [
        [c.text for c in row.cells]
        for row in Document(io.BytesIO(documents.action_list_docx(listed))).tables[0].rows
    ]
    assert len(rows) == 1 + len(listed.rows)
    measured_cells = [r[5] for r in rows[1:] if r[0].split("\n")[0] in {"LRT-2021-11"}]
    assert measured_cells
    assert (
        measured_cells[0].split("\n")[0].endswith("plaatsen (gehaald)")
        or " van 600 " in (measured_cells[0])
    )

    nh = User.objects.get(username="prt-noord-holland")
    tables = {s.table for s in agreement_states(user=nh, on=NOVEMBER)}
    assert tables == {"LRT", "HLRT", "PRT Noord-Holland"}
    everything = {s.table for s in agreement_states(user=lrt, on=NOVEMBER)}
    assert "PRT Groningen" in everything
