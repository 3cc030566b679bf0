"""An address's ``?week=``: absent or blank means "no choice", anything else must parse."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis.strategies import dates

from regietafel.core.periods import IsoWeek, PeriodError


@pytest.mark.parametrize("text", [None, "", "   "])
def test_no_week_chosen_is_none(text: str | None) -> None:
    assert IsoWeek.parse_optional(text) is None


def test_a_chosen_week_is_parsed_with_its_spaces_trimmed() -> None:
    assert IsoWeek.parse_optional(" 2021-W45 ") == IsoWeek(2021, 45)


@pytest.mark.parametrize("text", ["2021-W99", "week 45", "2021-45"])
def test_a_mistyped_week_is_refused_not_ignored(text: str) -> None:
    with pytest.raises(PeriodError):
        IsoWeek.parse_optional(text)


def test_typed_weeks_before_and_after_the_range_name_the_same_range() -> None:
    today = date(2026, 11, 28)
    with pytest.raises(PeriodError) as early:
        IsoWeek.parse("1999-W10", today=today)
    with pytest.raises(PeriodError) as late:
        IsoWeek.parse("2099-W01", today=today)
    assert str(early.value).endswith("regietafel neemt weken aan van 2000 t/m 2028")
    assert str(late.value).endswith("regietafel neemt weken aan van 2000 t/m 2028")
    assert "'1999-W10' valt buiten het bereik van regietafel" in str(early.value)


def test_day_errors_names_each_field_that_cannot_be_held() -> None:
    from datetime import date

    from regietafel.core.periods import day_errors

    assert day_errors(
        {"start": date(2021, 11, 1), "deadline": date(9999, 12, 31), "agreed_on": None}
    ) == {"deadline": "kies een datum in de jaren 2000 t/m 2100"}
    assert day_errors({"on": date(2000, 1, 1)}) == {
        "on": "2000-01-01 hoort bij week 1999-W52; kies een datum in de weken 2000 t/m 2100"
    }


def test_a_day_after_today_is_named_with_both_dates() -> None:
    from regietafel.core.periods import after_today_error, check_not_after_today

    today = date(2021, 11, 29)
    assert after_today_error(today, today=today, what="de datum van vaststelling") is None
    assert after_today_error(date(2000, 1, 3), today=today, what="x") is None
    assert after_today_error(date(2021, 11, 30), today=today, what="de datum van vaststelling") == (
        "de datum van vaststelling (30 november 2021) ligt na vandaag (29 november 2021); "
        "dat kan pas vanaf die dag"
    )
    assert check_not_after_today(today, today=today, what="x") == today
    with pytest.raises(PeriodError, match=r"^het begin van week 2021-W49 \(6 december 2021\)"):
        check_not_after_today(
            IsoWeek(2021, 49).monday, today=today, what="het begin van week 2021-W49"
        )


@given(
    day=dates(date(2000, 1, 1), date(2100, 12, 31)),
    today=dates(date(2000, 1, 1), date(2100, 12, 31)),
)
def test_only_a_day_after_today_is_refused_and_the_message_names_it(day: date, today: date) -> None:
    from regietafel.core.formatting import format_date_nl
    from regietafel.core.periods import after_today_error

    error = after_today_error(day, today=today, what="de dag van het overleg")
    assert (error is None) == (day <= today)
    if error is not None:
        assert error.startswith(f"de dag van het overleg ({format_date_nl(day)}) ligt na vandaag")
        assert f"({format_date_nl(today)})" in error
