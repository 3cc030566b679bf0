"""Which kinds a need chart draws is one rule of the core, read by the page and the report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from regietafel.core.periods import IsoWeek
from regietafel.core.rules import NeedCategory
from regietafel.kerncijfers.selectors import figures_for
from regietafel.rapportage.collect import report_data_collect
from tests.opvangbeeld.factories import standard_register

pytestmark = pytest.mark.django_db

W45 = IsoWeek.parse("2021-W45")


def _kinds(rows: Any) -> list[str]:
    return sorted({row.category.value for row in rows})


def test_a_kind_without_places_or_need_and_an_afgeschermd_kind_are_left_out(
    make_user: Callable[[str], Any],
) -> None:
    standard_register()
    # Nationally: regular places and need; AMV 50 places in one confidential location (D),
    # afgeschermd except for COA; no sober reception anywhere (0 places, 0 need).
    national = figures_for(user=make_user("landelijk"), week=W45, scope="NL").reception
    assert national is not None
    assert _kinds(national.charted_gaps) == ["regulier"]
    assert national.chart_hidden_kinds == (NeedCategory.AMV,)
    coa = figures_for(user=make_user("coa"), week=W45, scope="NL").reception
    assert coa is not None
    assert _kinds(coa.charted_gaps) == ["amv", "regulier"]
    assert coa.chart_hidden_kinds == ()
    # Noord-Holland: no AMV and no sober places or need: only the regular panel.
    noord_holland = figures_for(user=make_user("landelijk"), week=W45, scope="PV27").reception
    assert noord_holland is not None
    assert len(noord_holland.charted_gaps) == 3  # three horizons
    assert noord_holland.chart_hidden_kinds == ()


def test_page_and_report_draw_the_same_kinds(
    client_as: Callable[[str | None], Any], make_user: Callable[[str], Any]
) -> None:
    standard_register()
    page = client_as("landelijk").get("/opvangbeeld/", {"week": "2021-W45"})
    assert page.status_code == 200
    report = report_data_collect(week=W45, scope="NL")
    drawn = [(g.horizon, g.category) for g in report.gaps if g.charted]
    # The report drew the sober lines (0 places, 0 need) as a panel of zeros; AMV is
    # afgeschermd nationally, which the page's caption names.
    assert drawn == [("kort", "regulier"), ("middellang", "regulier"), ("lang", "regulier")]
    assert page.context["need_chart_hidden"] == ["AMV-opvang"]
