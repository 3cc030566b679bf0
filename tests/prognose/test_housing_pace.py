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
    # Delivered 30 August: counts on 1 August, 31 days in: under 8 weeks.
    early = HousedSoFar.from_import(JULY, date(2021, 8, 30), 500)
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
