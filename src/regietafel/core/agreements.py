"""Agreements of the tables (LRT, HLRT, PRT's, working groups): cadence, numbering and health.

Rules as data, in the style of ``core.rules``: the meeting types and their cadence, the
statuses of an agreement and the thresholds of the health signal are declared here once.
Everything is a pure function over dates and integers; the Django app ``afspraken`` stores
meetings, agreements and their history and asks this module what they mean.

The health signal ("op koers", "aandacht nodig", "risico") of an active agreement on a day:

1. past its deadline and not done (when measured: not met): **risico**;
2. measured (linked to a target or figure): compared with the straight line from the day it
   was agreed to the deadline: achieved >= expected by now (or the target met) is **op koers**,
   achieved >= half of expected is **aandacht nodig**, less is **risico**;
3. not measured: status "uitgesteld", or still "open" within ``ATTENTION_DAYS`` of the
   deadline, is **aandacht nodig**; otherwise **op koers**.

Closed agreements (afgerond, vervallen) have no health.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType

from regietafel.core.formatting import format_percent_nl


class MeetingKind(StrEnum):
    """The kinds of table; values are stable keys, also the prefix of agreement numbers."""

    LRT = "LRT"
    HLRT = "HLRT"
    PRT = "PRT"
    WERKGROEP = "WG"

    @property
    def label(self) -> str:
        return _MEETING_LABELS[self]

    @property
    def national(self) -> bool:
        """LRT, HLRT and working groups are national tables; a PRT belongs to a province."""
        return self is not MeetingKind.PRT


_MEETING_LABELS = {
    MeetingKind.LRT: "LRT (Landelijke Regietafel)",
    MeetingKind.HLRT: "HLRT (hoogambtelijk)",
    MeetingKind.PRT: "PRT (Provinciale Regietafel)",
    MeetingKind.WERKGROEP: "werkgroep",
}


@dataclass(frozen=True)
class Cadence:
    """How often a table meets: at most ``interval_days`` between two meetings."""

    interval_days: int
    description: str


CADENCE: MappingProxyType[MeetingKind, Cadence] = MappingProxyType(
    {
        # "een op z'n minst maandelijkse bijeenkomst van de LRT": every four weeks keeps
        # every calendar month covered.
        MeetingKind.LRT: Cadence(28, "minstens maandelijks (elke vier weken)"),
        # "HLRT wordt geïntensiveerd naar elke twee weken".
        MeetingKind.HLRT: Cadence(14, "elke twee weken"),
        MeetingKind.PRT: Cadence(28, "elke vier weken"),
        MeetingKind.WERKGROEP: Cadence(28, "elke vier weken"),
    }
)
"""The cadence per table, as agreed at the LRT of autumn 2021 (minutes, "Afspraken")."""


class Party(StrEnum):
    """The parties at the tables; an agreement's owner is one of them, never a person."""

    JENV = "jenv"
    BZK = "bzk"
    VNG = "vng"
    IPO = "ipo"
    COA = "coa"
    IND = "ind"
    AEDES = "aedes"
    PROVINCIE = "provincie"
    GEMEENTEN = "gemeenten"

    @property
    def label(self) -> str:
        return _PARTY_LABELS[self]


_PARTY_LABELS = {
    Party.JENV: "JenV",
    Party.BZK: "BZK",
    Party.VNG: "VNG",
    Party.IPO: "IPO",
    Party.COA: "COA",
    Party.IND: "IND",
    Party.AEDES: "Aedes",
    Party.PROVINCIE: "provincie",
    Party.GEMEENTEN: "gemeenten",
}


class AgreementStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in-uitvoering"
    DONE = "afgerond"
    POSTPONED = "uitgesteld"
    DROPPED = "vervallen"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def active(self) -> bool:
        """Still on the action list: open, in progress or postponed."""
        return self not in {AgreementStatus.DONE, AgreementStatus.DROPPED}


_STATUS_LABELS = {
    AgreementStatus.OPEN: "open",
    AgreementStatus.IN_PROGRESS: "in uitvoering",
    AgreementStatus.DONE: "afgerond",
    AgreementStatus.POSTPONED: "uitgesteld",
    AgreementStatus.DROPPED: "vervallen",
}


class Health(StrEnum):
    ON_TRACK = "op-koers"
    ATTENTION = "aandacht"
    AT_RISK = "risico"

    @property
    def label(self) -> str:
        return _HEALTH_LABELS[self]


_HEALTH_LABELS = {
    Health.ON_TRACK: "op koers",
    Health.ATTENTION: "aandacht nodig",
    Health.AT_RISK: "risico",
}

ATTENTION_DAYS = 14
"""An unmeasured agreement still "open" this many days (or fewer) before its deadline needs
attention: two weeks is one HLRT cycle, the last chance to act before the deadline."""

RISK_SHARE = (1, 2)
"""A measured agreement below this share (numerator, denominator) of the progress expected by
now is at risk; between it and the expected progress it needs attention."""


class DeadlineRule(StrEnum):
    """How a deadline was agreed: a date, "volgende LRT" (resolved to a date), or none."""

    DATE = "datum"
    NEXT_LRT = "volgende-lrt"
    ONGOING = "doorlopend"

    @property
    def label(self) -> str:
        return {"datum": "datum", "volgende-lrt": "volgende LRT", "doorlopend": "doorlopend"}[
            self.value
        ]


@dataclass(frozen=True)
class Measurement:
    """Measured progress of an agreement on a day: achieved against ``quantity``."""

    achieved: int
    quantity: int
    expected_by_now: int
    unit: str

    @property
    def met(self) -> bool:
        return self.achieved >= self.quantity

    @property
    def text(self) -> str:
        """ "412 van 600 plaatsen", "1.630 van 600 plaatsen (gehaald)"."""
        text = f"{_int_nl(self.achieved)} van {_int_nl(self.quantity)} {self.unit}"
        return text + " (gehaald)" if self.met else text


@dataclass(frozen=True)
class DeadlineChance:
    """The chance, over the forecast's paths, that a measured agreement is met by its deadline.

    ``kind`` "gehaald": the measured figure reaches its threshold; "genoeg": the places agreed
    (on top of today's capacity, or as a capacity) cover the places needed then.
    """

    chance: float
    kind: str
    scenario: str

    @property
    def text(self) -> str:
        """ "kans 42 % dat het gehaald wordt (prognose, scenario midden)"."""
        percent = format_percent_nl(round(self.chance * 100), 0)
        what = "het gehaald wordt" if self.kind == "gehaald" else "het genoeg is"
        return f"kans {percent} dat {what} (prognose, scenario {self.scenario})"


def _int_nl(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def expected_by(*, quantity: int, start: date, deadline: date, on: date) -> int:
    """The straight-line path from ``start`` (0) to ``deadline`` (quantity), rounded down.

    The same line as ``core.targets.target_progress``; before the start 0, after the
    deadline the full quantity.
    """
    total = (deadline - start).days
    if total <= 0:
        return quantity
    elapsed = min(max((on - start).days, 0), total)
    return quantity * elapsed // total


def figure_measurement(
    *,
    start_value: float,
    now_value: float,
    threshold: int,
    made: date,
    until: date,
    on: date,
    unit: str,
) -> Measurement:
    """Progress of an agreement on a key figure: its value now against a straight line from
    its value when the agreement was made (``start_value`` on ``made``) to ``threshold`` on
    ``until``. A figure already above the threshold expects no rise."""
    start = round(start_value)
    rise = max(0, threshold - start)
    return Measurement(
        achieved=round(now_value),
        quantity=threshold,
        expected_by_now=start + expected_by(quantity=rise, start=made, deadline=until, on=on),
        unit=unit,
    )


def agreement_health(  # noqa: PLR0911 - the rule reads best as its list of cases
    *,
    status: AgreementStatus,
    deadline: date | None,
    on: date,
    measurement: Measurement | None = None,
) -> Health | None:
    """The health signal of an agreement on ``on`` (rules in the module docstring)."""
    if not status.active:
        return None
    if measurement is not None and measurement.met:
        return Health.ON_TRACK
    if deadline is not None and on > deadline:
        return Health.AT_RISK
    if measurement is not None:
        expected = measurement.expected_by_now
        if measurement.achieved >= expected:
            return Health.ON_TRACK
        numerator, denominator = RISK_SHARE
        if measurement.achieved * denominator >= expected * numerator:
            return Health.ATTENTION
        return Health.AT_RISK
    if status is AgreementStatus.POSTPONED:
        return Health.ATTENTION
    if (
        status is AgreementStatus.OPEN
        and deadline is not None
        and (deadline - on).days <= ATTENTION_DAYS
    ):
        return Health.ATTENTION
    return Health.ON_TRACK


def is_overdue(*, status: AgreementStatus, deadline: date | None, on: date) -> bool:
    """Active and past its deadline on ``on`` (a deadline on ``on`` itself is not overdue)."""
    return status.active and deadline is not None and on > deadline


def next_meeting(
    *, kind: MeetingKind, known: Iterable[date], after: date, cadence: Cadence | None = None
) -> date | None:
    """The first meeting of a table strictly after ``after``.

    A known (held or planned) meeting after ``after`` wins; otherwise the date is proposed
    from the last known meeting on or before ``after`` by the table's cadence, the first
    step that lies after ``after``. Without any known meeting: ``after`` plus one interval.

    None when the calendar ends before that date (a meeting stored on 9999-12-31 made every
    page that proposes the next one fail with an OverflowError).
    """
    step = (cadence or CADENCE[kind]).interval_days
    dates = sorted(set(known))
    later = [d for d in dates if d > after]
    if later:
        return later[0]
    earlier = [d for d in dates if d <= after]
    start = earlier[-1] if earlier else after
    steps = (after - start).days // step + 1  # the fewest steps that pass ``after``
    if (date.max - start).days < steps * step:
        return None
    return start + timedelta(days=steps * step)


def proposed_meetings(
    *, kind: MeetingKind, known: Iterable[date], after: date, count: int = 3
) -> list[date]:
    """The next ``count`` meetings after ``after``: known ones first, then by the cadence.

    A proposed date never lies more than one interval after the previous meeting, so the
    LRT's "at least monthly" holds for every proposal. Fewer than ``count`` where the
    calendar ends (``next_meeting`` None).
    """
    dates = sorted(set(known))
    result: list[date] = []
    last = after
    for _ in range(count):
        following = next_meeting(kind=kind, known=dates, after=last)
        if following is None:
            break
        result.append(following)
        dates.append(following)
        last = following
    return result


def previous_meeting(known: Iterable[date], *, before: date) -> date | None:
    """The last meeting strictly before ``before`` (for "nieuw sinds de vorige keer")."""
    earlier = [d for d in known if d < before]
    return max(earlier) if earlier else None


def agreement_number(*, prefix: str, year: int, sequence: int) -> str:
    """The stable number of an agreement: ``LRT-2021-07``; a PRT's prefix names its province."""
    if sequence <= 0:
        raise ValueError("volgnummers beginnen bij 1")
    return f"{prefix}-{year}-{sequence:02d}"


PROVINCE_ABBREVIATIONS: MappingProxyType[str, str] = MappingProxyType(
    {
        "PV20": "GR",
        "PV21": "FR",
        "PV22": "DR",
        "PV23": "OV",
        "PV24": "FL",
        "PV25": "GD",
        "PV26": "UT",
        "PV27": "NH",
        "PV28": "ZH",
        "PV29": "ZE",
        "PV30": "NB",
        "PV31": "LB",
    }
)
"""The usual two-letter abbreviations of the provinces, by CBS code, for PRT numbers."""


def number_prefix(kind: MeetingKind, province_code: str | None = None) -> str:
    """ "LRT", "HLRT", "WG", or "PRT-NH" for the PRT of Noord-Holland (PV27)."""
    if kind is MeetingKind.PRT:
        abbreviation = PROVINCE_ABBREVIATIONS.get(province_code or "")
        if abbreviation is None:
            raise ValueError("een PRT-afspraak hoort bij een provincie")
        return f"PRT-{abbreviation}"
    return kind.value


@dataclass(frozen=True)
class ActionRow:
    """What the action list needs to order an agreement."""

    number: str
    deadline: date | None
    overdue: bool
    sequence: int


def action_list_order(rows: Sequence[ActionRow]) -> list[ActionRow]:
    """Overdue first (oldest deadline first), then by deadline, undated last, then number."""
    return sorted(
        rows,
        key=lambda r: (
            not r.overdue,
            r.deadline is None,
            r.deadline or date.max,
            r.sequence,
            r.number,
        ),
    )


def status_on(history: Sequence[tuple[date, AgreementStatus]], on: date) -> AgreementStatus | None:
    """The status that stood on ``on``: the last history entry dated on or before it.

    ``history`` is in the order it was written (append-only); entries with the same date keep
    that order. None when the agreement did not yet exist on ``on``.
    """
    current: AgreementStatus | None = None
    for day, status in history:
        if day <= on:
            current = status
    return current
