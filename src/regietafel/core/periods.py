"""Half-year taakstelling periods and ISO weeks: the two clocks the tables work by."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from regietafel.core.formatting import format_date_nl

_PERIOD = re.compile(r"^\s*(\d{4})\s*-\s*(I{1,2}|1|2)\s*$", re.IGNORECASE)
_WEEK = re.compile(r"^\s*(\d{4})\s*-?\s*W\s*(\d{1,2})\s*$", re.IGNORECASE)


FIRST_YEAR = 2000
"""No table figures predate 2000; an earlier year is a typing error (0000-W01)."""
LAST_YEAR = 2100
"""The last year any computed week may fall in (a forecast horizon of a few years ahead)."""
FUTURE_YEARS = 2
"""How far ahead a typed week may lie: up to the end of the current year + 2."""


class PeriodError(ValueError):
    """A period or week that cannot be read; the message is Dutch, for end users."""


def parse_day(text: str) -> date:
    """A typed date (JJJJ-MM-DD) within the years regietafel holds; PeriodError (Dutch) else."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise PeriodError(f"onbekende datum '{text}': schrijf JJJJ-MM-DD") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise PeriodError(f"kies een datum in de jaren {FIRST_YEAR} t/m {LAST_YEAR}")
    iso = day.isocalendar()
    if not FIRST_YEAR <= iso.year <= LAST_YEAR:
        # 1 and 2 January 2000 lie in week 1999-W52: every figure of a date reads its week.
        raise PeriodError(
            f"{day.isoformat()} hoort bij week {iso.year}-W{iso.week:02d}; kies een datum "
            f"in de weken {FIRST_YEAR} t/m {LAST_YEAR}"
        )
    return day


def check_day(day: date) -> date:
    """``day`` if regietafel can hold it (the range of :func:`parse_day`); PeriodError (Dutch)
    else. For the services that take a date from a form, the API or the command line: a
    meeting on 9999-12-31 was stored, and every page that computes its next week broke."""
    return parse_day(day.isoformat())


def day_errors(days: Mapping[str, date | None]) -> dict[str, str]:
    """Per field, why its date cannot be held (:func:`check_day`); absent dates are fine. The
    services of every app collect their field errors this way."""
    errors: dict[str, str] = {}
    for field, day in days.items():
        if day is None:
            continue
        try:
            check_day(day)
        except PeriodError as error:
            errors[field] = str(error)
    return errors


def after_today_error(day: date, *, today: date, what: str) -> str | None:
    """Why ``day`` cannot be recorded, in Dutch, naming ``what`` it is ("de datum van
    vaststelling") and both dates: it lies after ``today``. None on or before today.

    The one rule of every service that records what has happened (a state of affairs, a
    review round, a decision, a judgement, a weekly delivery): each had its own check and
    its own sentence. Pure: the service passes its local date (the core reads no clock)."""
    if day <= today:
        return None
    return (
        f"{what} ({format_date_nl(day)}) ligt na vandaag ({format_date_nl(today)}); dat kan "
        "pas vanaf die dag"
    )


def check_not_after_today(day: date, *, today: date, what: str) -> date:
    """``day`` if it is ``today`` or earlier; PeriodError with :func:`after_today_error` else."""
    error = after_today_error(day, today=today, what=what)
    if error is not None:
        raise PeriodError(error)
    return day


def _check_year(year: int, text: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PeriodError(
            f"'{text}' valt buiten het bereik van regietafel: jaar {FIRST_YEAR} t/m {LAST_YEAR}"
        )


def _check_not_too_far(year: int, text: str, today: date | None) -> None:
    """Typed weeks: from ``FIRST_YEAR`` to at most ``FUTURE_YEARS`` years after today's year;
    both refusals name that one range (not the computed weeks' ``LAST_YEAR``).

    ``today`` None reads the clock; callers that need a fixed answer pass a date.
    """
    latest = (today or datetime.now(UTC).date()).year + FUTURE_YEARS
    if year < FIRST_YEAR:
        raise PeriodError(
            f"'{text}' valt buiten het bereik van regietafel: regietafel neemt weken aan "
            f"van {FIRST_YEAR} t/m {latest}"
        )
    if year > latest:
        raise PeriodError(
            f"'{text}' ligt te ver in de toekomst: regietafel neemt weken aan "
            f"van {FIRST_YEAR} t/m {latest}"
        )


@dataclass(frozen=True, order=True, slots=True)
class Period:
    """A taakstelling half year: period I is January-June, period II July-December."""

    year: int
    half: Literal[1, 2]

    def __post_init__(self) -> None:
        _check_year(self.year, f"{self.year}-{'I' if self.half == 1 else 'II'}")

    @classmethod
    def parse(cls, text: str) -> Period:
        """``2021-II``; a year outside 2000-2100 is refused (the commands say which periods
        they have figures for)."""
        match = _PERIOD.match(text)
        if not match:
            raise PeriodError(
                f"onbekende periode '{text}': schrijf jaar en halfjaar, "
                "bijvoorbeeld 2021-I of 2021-II"
            )
        year = int(match.group(1))
        half: Literal[1, 2] = 1 if match.group(2).upper() in {"I", "1"} else 2
        return cls(year, half)

    @property
    def label(self) -> str:
        return f"{self.year}-{'I' if self.half == 1 else 'II'}"

    @property
    def start(self) -> date:
        return date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> date:
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    @property
    def default_population_date(self) -> date:
        """1 January of the period's year.

        That is the municipal division in force during the whole period (mergers take effect
        on 1 January) and the most recent CBS figure when the task is set (by 1 April for
        period II, by 1 October of the year before for period I, provisional figures).
        """
        return date(self.year, 1, 1)

    @property
    def previous(self) -> Period:
        return Period(self.year, 1) if self.half == 2 else Period(self.year - 1, 2)

    @property
    def next(self) -> Period:
        return Period(self.year, 2) if self.half == 1 else Period(self.year + 1, 1)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def first_week(self) -> IsoWeek:
        """The first week whose Monday lies in the period: every page reads a week's figures as
        of its Monday, so the week holding 1 July 2021 (a Thursday; Monday 28 June) still
        belongs to 2021-I, and 2021-II begins with week 2021-W27."""
        week = IsoWeek.containing(self.start)
        return week if week.monday >= self.start else week.shifted(1)

    def months_elapsed(self, as_of: date) -> int:
        """Whole months of the period that lie before ``as_of`` (0 to 6).

        COA reports realisation as the state on the first day of a month, so on 1 October
        three months of period II (July, August, September) have elapsed.
        """
        if as_of <= self.start:
            return 0
        if as_of > self.end:
            return 6
        return (as_of.year - self.start.year) * 12 + as_of.month - self.start.month

    @classmethod
    def containing(cls, day: date) -> Period:
        return cls(day.year, 1 if day.month <= 6 else 2)

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True, order=True, slots=True)
class IsoWeek:
    """An ISO 8601 week; the tables' weekly figures are stated per week, as of its Monday."""

    year: int
    week: int

    def __post_init__(self) -> None:
        _check_year(self.year, f"{self.year}-W{self.week:02d}")
        last = date(self.year, 12, 28).isocalendar().week
        if not 1 <= self.week <= last:
            raise PeriodError(f"week {self.week} bestaat niet in {self.year} (1 t/m {last})")

    @classmethod
    def parse(cls, text: str, *, today: date | None = None) -> IsoWeek:
        """``2021-W45``; weeks before 2000-W01 or after the current year + 2 are refused."""
        match = _WEEK.match(text)
        if not match:
            raise PeriodError(f"onbekende week '{text}': schrijf bijvoorbeeld 2021-W45")
        year, number = int(match.group(1)), int(match.group(2))
        _check_not_too_far(year, f"{year:04d}-W{number:02d}", today)
        return cls(year, number)

    @classmethod
    def parse_optional(cls, text: str | None) -> IsoWeek | None:
        """An address's ``?week=``: absent or blank is no choice (None), anything else must
        parse, so a mistyped week is refused instead of silently showing the newest one."""
        text = (text or "").strip()
        return cls.parse(text) if text else None

    @classmethod
    def containing(cls, day: date) -> IsoWeek:
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 7)

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    def shifted(self, weeks: int) -> IsoWeek:
        return IsoWeek.containing(self.monday + timedelta(weeks=weeks))

    @property
    def previous(self) -> IsoWeek:
        return self.shifted(-1)

    def __str__(self) -> str:
        return self.label
