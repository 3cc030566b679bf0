"""``register_inflow``: the register's weekly inflow before a week, from each week's own import."""

from __future__ import annotations

from datetime import date

import pytest
from pytest_django import DjangoAssertNumQueries

from regietafel.core.periods import IsoWeek
from regietafel.imports.models import Status
from regietafel.opvang.selectors import register_inflow
from tests.opvang.factories import series_import

pytestmark = pytest.mark.django_db

BOTH = {"eerste_asielaanvragen": 600, "nareizigers": 160}


def test_each_week_counts_its_current_version_with_both_numbers() -> None:
    series_import("2021-W40", BOTH)
    series_import("2021-W41", BOTH)
    series_import("2021-W41", {"eerste_asielaanvragen": 700, "nareizigers": 200}, version=2)
    series_import("2021-W42", {"eerste_asielaanvragen": 900, "nareizigers": 300}, version=2,
                  status=Status.WITHDRAWN)  # fmt: skip
    series_import("2021-W42", BOTH)  # version 1 holds again after the withdrawal
    series_import("2021-W43", {"eerste_asielaanvragen": 650})  # half an inflow figure
    series_import("2021-W44", {"eerste_asielaanvragen": 610, "nareizigers": 170})
    series_import("2021-W45", {"eerste_asielaanvragen": 5_000, "nareizigers": 5_000})  # the week
    series_import("2021-W30", BOTH)  # older than the window
    got = register_inflow(IsoWeek.parse("2021-W45"), weeks=13)
    assert got == (
        (date(2021, 10, 4), 760),
        (date(2021, 10, 11), 900),
        (date(2021, 10, 18), 760),
        (date(2021, 11, 1), 780),
    )


def test_no_series_no_inflow() -> None:
    assert register_inflow(IsoWeek.parse("2021-W45"), weeks=26) == ()


def test_one_query_whatever_the_number_of_weeks(
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    """It is read for every week's data identity: the current-version rule runs inside the
    query (``imports.selectors.current_imports``), not as one query per week."""
    for number in range(30, 45):
        series_import(f"2021-W{number}", BOTH)
        series_import(f"2021-W{number}", {"eerste_asielaanvragen": 700, "nareizigers": 200},
                      version=2)  # fmt: skip
    with django_assert_num_queries(1):
        got = register_inflow(IsoWeek.parse("2021-W45"), weeks=13)
    assert [number for _monday, number in got] == [900] * 13
