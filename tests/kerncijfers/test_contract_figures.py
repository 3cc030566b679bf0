"""Capacity if nothing is extended, and the ending places with and without an extension
option, from the register's contract data (week 2021-W45, Monday 8 November 2021)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from regietafel.core.catalogue import definition
from regietafel.core.periods import IsoWeek
from regietafel.kerncijfers.selectors import figures_for
from tests.opvangbeeld.factories import Loc, make_register

pytestmark = pytest.mark.django_db

W45 = IsoWeek.parse("2021-W45")


def _value(code: str, figures: Any) -> Any:
    return definition(code).value(figures)


def test_ending_places_by_option_and_capacity_if_not_extended(
    make_user: Callable[[str], Any],
) -> None:
    # 26 weeks after 8 November 2021 is 9 May 2022: B (until 27 February) and E (until
    # 31 March) are gone, F (until 31 December 2022) still open: 500 + 300 + 120 = 920.
    make_register(
        "2021-W45",
        [
            Loc("A", "PV27", "GM0363", "regulier", 500, 450, date(2020, 1, 1)),
            Loc(
                "B",
                "PV27",
                "GM0363",
                "noodopvang",
                200,
                180,
                date(2021, 6, 1),
                date(2022, 2, 27),
                extension_option=True,
            ),
            Loc("C", "PV20", "GM0014", "regulier", 300, 300, date(2019, 1, 1)),
            Loc(
                "E",
                "PV20",
                "GM0014",
                "regulier",
                80,
                60,
                date(2021, 1, 1),
                date(2022, 3, 31),
                extension_option=False,
            ),
            Loc("F", "PV20", "GM0014", "regulier", 120, 60, date(2021, 1, 1), date(2022, 12, 31)),
        ],
    )
    figures = figures_for(user=make_user("landelijk"), week=W45, scope=None)
    assert _value("capaciteit_nu", figures) == 1_200
    assert _value("capaciteit_zonder_verlenging", figures) == 920
    assert _value("aflopend_met_verlengingsoptie", figures) == 200
    assert _value("aflopend_zonder_verlengingsoptie", figures) == 80
    groningen = figures_for(user=make_user("landelijk"), week=W45, scope="PV20")
    assert _value("aflopend_met_verlengingsoptie", groningen) == 0  # known: none
    assert _value("aflopend_zonder_verlengingsoptie", groningen) == 80


def test_unknown_option_is_no_data_not_zero(make_user: Callable[[str], Any]) -> None:
    make_register(
        "2021-W45",
        [Loc("B", "PV27", "GM0363", "noodopvang", 200, 180, date(2021, 6, 1), date(2022, 2, 27))],
    )
    figures = figures_for(user=make_user("landelijk"), week=W45, scope=None)
    assert _value("aflopend_met_verlengingsoptie", figures) is None
    assert _value("aflopend_zonder_verlengingsoptie", figures) is None
    assert definition("aflopend_zonder_verlengingsoptie").text(None) == "geen gegevens"
