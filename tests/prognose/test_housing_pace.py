"""The forecast's housing pace from the register's realisation (``register_housing_pace``)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from regietafel.core.taakstelling import HousedSoFar
from regietafel.prognose.inputs import model_inputs, register_housing_pace

MONDAY = date(2021, 11, 22)
BUNDLE = model_inputs(MONDAY)
JULY = date(2021, 7, 1)


def test_a_mid_month_delivery_counts_from_the_first_of_its_month() -> None:
    """Delivered in the week of Monday 15 November: COA's count holds on 1 November, 123 days
    (17 4/7 weeks) after 1 July; 7,976 housed gives 7,976 × 7 / 123 = 453.9 a week, not the
    407.5 that dividing by the weeks to 15 November gave (found in review)."""
    housed = HousedSoFar.from_import(JULY, date(2021, 11, 15), 7_976)
    assert housed.as_of == date(2021, 11, 1)
    inputs = register_housing_pace(BUNDLE, MONDAY, housed)
    assert inputs.housing_pace == pytest.approx(7_976 * 7 / 123)
    assert round(inputs.housing_pace, 1) == 453.9


def test_too_little_of_the_period_or_a_stale_or_later_delivery_keeps_the_bundle() -> None:
    # Delivered in the week of 23 August: counts on 1 August, 31 days in: under 8 weeks.
    early = HousedSoFar.from_import(JULY, date(2021, 8, 23), 500)
    assert early.as_of == date(2021, 8, 1)
    assert early.weeks < 8
    assert register_housing_pace(BUNDLE, MONDAY, early) is BUNDLE
    # A realisation holds 9 weeks, the week of delivery included (as latest_import).
    holds = HousedSoFar.from_import(JULY, MONDAY - timedelta(weeks=8), 5_000)
    assert register_housing_pace(BUNDLE, MONDAY, holds) is not BUNDLE
    stale = HousedSoFar.from_import(JULY, MONDAY - timedelta(weeks=9), 5_000)
    assert register_housing_pace(BUNDLE, MONDAY, stale) is BUNDLE
    later = HousedSoFar.from_import(JULY, MONDAY + timedelta(weeks=1), 5_000)
    assert register_housing_pace(BUNDLE, MONDAY, later) is BUNDLE
    assert register_housing_pace(BUNDLE, MONDAY, None) is BUNDLE


def test_the_first_month_of_a_period_counts_from_its_first_day() -> None:
    # A delivery in the week of Monday 28 June for the period from 1 July cannot count before
    # the period began.
    housed = HousedSoFar.from_import(JULY, date(2021, 6, 28), 0)
    assert housed.as_of == JULY
    assert housed.weeks == 0


def test_a_delivery_in_the_week_holding_a_first_gives_that_first() -> None:
    """Week 52 of 2021 runs from 27 December to 2 January: its delivery is the state on
    1 January 2022, as the half-year cycle shows it; 10,425 housed over the 184 days from
    1 July is 396.6 a week, not the 477.0 that counting to 1 December gave (found in the
    browser check: the cycle and the forecast dated the same delivery a month apart)."""
    housed = HousedSoFar.from_import(JULY, date(2021, 12, 27), 10_425)
    assert housed.as_of == date(2022, 1, 1)
    assert round(10_425 / housed.weeks, 1) == 396.6


def test_the_cycle_and_the_forecast_date_a_delivery_alike() -> None:
    """The cycle takes the delivery of the week holding each first of a month as the state
    on that first; the forecast dates a delivery by :func:`realisation_day`. Every first of
    a month of 2019-2026 maps back to itself, and every week to the first the cycle would
    show it under (the last first up to its Sunday)."""
    from regietafel.core.periods import IsoWeek
    from regietafel.core.taakstelling import realisation_day

    for year in range(2019, 2027):
        for month in range(1, 13):
            first = date(year, month, 1)
            assert realisation_day(IsoWeek.containing(first).monday) == first
    monday = date(2019, 1, 7)
    while monday < date(2027, 1, 1):
        day = realisation_day(monday)
        assert day.day == 1
        assert (
            day
            <= monday + timedelta(days=6)
            < day.replace(month=day.month % 12 + 1, year=day.year + day.month // 12)
        )
        monday += timedelta(weeks=1)
