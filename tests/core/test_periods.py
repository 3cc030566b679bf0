"""An address's ``?week=``: absent or blank means "no choice", anything else must parse."""

from datetime import date

import pytest

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
