"""The pure rules of the agreements register, with hand-computed expectations."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regietafel.core.agreements import (
    CADENCE,
    ActionRow,
    AgreementStatus,
    Health,
    Measurement,
    MeetingKind,
    action_list_order,
    agreement_health,
    agreement_number,
    expected_by,
    is_overdue,
    next_meeting,
    number_prefix,
    previous_meeting,
    proposed_meetings,
    status_on,
)

OPEN = AgreementStatus.OPEN
DEADLINE = date(2021, 11, 30)


@pytest.mark.parametrize("status", [AgreementStatus.DONE, AgreementStatus.DROPPED])
def test_closed_agreements_have_no_health(status: AgreementStatus) -> None:
    assert agreement_health(status=status, deadline=DEADLINE, on=date(2022, 1, 1)) is None


@pytest.mark.parametrize(
    ("status", "on", "expected"),
    [
        (OPEN, date(2021, 12, 1), Health.AT_RISK),  # a day past the deadline
        (OPEN, date(2021, 11, 30), Health.ATTENTION),  # on the deadline: 0 days left
        (OPEN, date(2021, 11, 16), Health.ATTENTION),  # 14 days left
        (OPEN, date(2021, 11, 15), Health.ON_TRACK),  # 15 days left
        (AgreementStatus.IN_PROGRESS, date(2021, 11, 29), Health.ON_TRACK),
        (AgreementStatus.IN_PROGRESS, date(2021, 12, 1), Health.AT_RISK),
        (AgreementStatus.POSTPONED, date(2021, 6, 1), Health.ATTENTION),
    ],
)
def test_unmeasured_health_follows_deadline_and_status(
    status: AgreementStatus, on: date, expected: Health
) -> None:
    assert agreement_health(status=status, deadline=DEADLINE, on=on) is expected


def test_ongoing_agreement_without_deadline_is_on_track() -> None:
    assert agreement_health(status=OPEN, deadline=None, on=date(2030, 1, 1)) is Health.ON_TRACK


def test_expected_by_is_the_straight_line_rounded_down() -> None:
    # 600 places from 25 October to 30 November (36 days); 15 November is day 21:
    # 600 × 21 / 36 = 350 exactly.
    start = date(2021, 10, 25)
    assert expected_by(quantity=600, start=start, deadline=DEADLINE, on=date(2021, 11, 15)) == 350
    # day 20: 600 × 20 / 36 = 333,3 -> 333
    assert expected_by(quantity=600, start=start, deadline=DEADLINE, on=date(2021, 11, 14)) == 333
    assert expected_by(quantity=600, start=start, deadline=DEADLINE, on=date(2021, 10, 1)) == 0
    assert expected_by(quantity=600, start=start, deadline=DEADLINE, on=date(2022, 1, 1)) == 600


@pytest.mark.parametrize(
    ("achieved", "expected"),
    [
        (350, Health.ON_TRACK),  # exactly on the line
        (349, Health.ATTENTION),
        (175, Health.ATTENTION),  # exactly half of 350
        (174, Health.AT_RISK),
        (600, Health.ON_TRACK),
    ],
)
def test_measured_health_against_the_line(achieved: int, expected: Health) -> None:
    measured = Measurement(achieved=achieved, quantity=600, expected_by_now=350, unit="plaatsen")
    health = agreement_health(
        status=OPEN, deadline=DEADLINE, on=date(2021, 11, 15), measurement=measured
    )
    assert health is expected


def test_measured_after_the_deadline_met_or_at_risk() -> None:
    late = date(2021, 12, 6)
    met = Measurement(achieved=612, quantity=600, expected_by_now=600, unit="plaatsen")
    short = Measurement(achieved=599, quantity=600, expected_by_now=600, unit="plaatsen")
    assert agreement_health(status=OPEN, deadline=DEADLINE, on=late, measurement=met) is (
        Health.ON_TRACK
    )
    assert agreement_health(status=OPEN, deadline=DEADLINE, on=late, measurement=short) is (
        Health.AT_RISK
    )


def test_measurement_text_in_dutch() -> None:
    assert Measurement(412, 1200, 0, "plaatsen").text == "412 van 1.200 plaatsen"
    assert Measurement(1630, 600, 0, "plaatsen").text == "1.630 van 600 plaatsen (gehaald)"


def test_overdue_only_after_the_deadline_and_while_active() -> None:
    assert not is_overdue(status=OPEN, deadline=DEADLINE, on=DEADLINE)
    assert is_overdue(status=OPEN, deadline=DEADLINE, on=date(2021, 12, 1))
    assert not is_overdue(status=AgreementStatus.DONE, deadline=DEADLINE, on=date(2021, 12, 1))
    assert not is_overdue(status=OPEN, deadline=None, on=date(2030, 1, 1))


def test_next_meeting_prefers_a_known_one() -> None:
    known = [date(2021, 10, 25), date(2021, 11, 15)]
    after = date(2021, 10, 25)
    assert next_meeting(kind=MeetingKind.LRT, known=known, after=after) == date(2021, 11, 15)


def test_next_meeting_proposed_by_cadence() -> None:
    lrt = MeetingKind.LRT
    one = [date(2021, 10, 25)]
    # LRT: every 28 days from 25 October: 22 November, 20 December, 17 January 2022.
    assert next_meeting(kind=lrt, known=one, after=date(2021, 10, 25)) == date(2021, 11, 22)
    assert next_meeting(kind=lrt, known=one, after=date(2021, 12, 31)) == date(2022, 1, 17)
    # HLRT every two weeks; no known meeting: one interval after the day.
    hlrt = MeetingKind.HLRT
    assert next_meeting(kind=hlrt, known=[date(2021, 11, 1)], after=date(2021, 11, 1)) == date(
        2021, 11, 15
    )
    assert next_meeting(kind=lrt, known=[], after=date(2021, 11, 1)) == date(2021, 11, 29)


def test_proposed_meetings_known_first_then_cadence() -> None:
    known = [date(2021, 10, 25), date(2021, 11, 15)]
    assert proposed_meetings(kind=MeetingKind.LRT, known=known, after=date(2021, 10, 25)) == [
        date(2021, 11, 15),
        date(2021, 12, 13),
        date(2022, 1, 10),
    ]


def test_next_meetings_stop_where_the_calendar_ends() -> None:
    """A meeting stored on 9999-12-31 made the Overleggen page a 500 for every role
    (OverflowError in the cadence arithmetic): after the last day there is no next meeting,
    and the proposals stop there instead of failing."""
    lrt = MeetingKind.LRT
    last_day = date(9999, 12, 31)
    known = [date(2021, 11, 15), last_day]
    assert proposed_meetings(kind=lrt, known=known, after=date(2021, 11, 15)) == [last_day]
    assert next_meeting(kind=lrt, known=known, after=last_day) is None
    # 28 days before the end still fits exactly; one day later no longer does.
    assert next_meeting(kind=lrt, known=[], after=date(9999, 12, 3)) == last_day
    assert next_meeting(kind=lrt, known=[], after=date(9999, 12, 4)) is None
    # A proposal from a meeting long ago counts the steps instead of looping: 25 October
    # 2021 to 31 October 2101 is 80 years (19 leap days) + 6 days = 29.225 days, 1.043 whole
    # steps of 28; the 1.044th (29.232 days) lands 13 days after 25 October 2101.
    far = next_meeting(kind=lrt, known=[date(2021, 10, 25)], after=date(2101, 10, 31))
    assert far == date(2101, 11, 7)


@settings(deadline=None)
@given(
    kind=st.sampled_from(list(MeetingKind)),
    known=st.lists(st.dates(date(2020, 1, 1), date(2023, 1, 1)), max_size=6),
    after=st.dates(date(2020, 1, 1), date(2023, 1, 1)),
    count=st.integers(1, 6),
)
def test_proposals_keep_the_cadence(
    kind: MeetingKind, known: list[date], after: date, count: int
) -> None:
    """Every proposal lies after the day, in order, and no gap exceeds the table's interval
    unless a known meeting lies further away (then the known one is used)."""
    proposed = proposed_meetings(kind=kind, known=known, after=after, count=count)
    assert len(proposed) == count
    assert proposed[0] > after
    assert proposed == sorted(set(proposed))
    step = timedelta(days=CADENCE[kind].interval_days)
    for earlier, later in itertools.pairwise(proposed):
        assert later - earlier <= step or later in known


def test_previous_meeting() -> None:
    known = [date(2021, 3, 22), date(2021, 10, 25), date(2021, 11, 15)]
    assert previous_meeting(known, before=date(2021, 11, 15)) == date(2021, 10, 25)
    assert previous_meeting(known, before=date(2021, 3, 22)) is None


def test_action_list_order_overdue_first_then_deadline() -> None:
    rows = [
        ActionRow("LRT-2021-04", date(2021, 11, 15), overdue=False, sequence=4),
        ActionRow("LRT-2021-02", date(2021, 11, 5), overdue=True, sequence=2),
        ActionRow("LRT-2021-01", None, overdue=False, sequence=1),
        ActionRow("LRT-2021-05", date(2021, 11, 1), overdue=True, sequence=5),
        ActionRow("LRT-2021-03", date(2021, 11, 15), overdue=False, sequence=3),
    ]
    assert [r.number for r in action_list_order(rows)] == [
        "LRT-2021-05",
        "LRT-2021-02",
        "LRT-2021-03",
        "LRT-2021-04",
        "LRT-2021-01",
    ]


def test_status_on_a_day_from_the_history() -> None:
    history = [(date(2021, 3, 22), OPEN), (date(2021, 6, 14), AgreementStatus.DONE)]
    assert status_on(history, date(2021, 3, 21)) is None
    assert status_on(history, date(2021, 6, 13)) is OPEN
    assert status_on(history, date(2021, 6, 14)) is AgreementStatus.DONE
    same_day = [(date(2021, 6, 14), OPEN), (date(2021, 6, 14), AgreementStatus.IN_PROGRESS)]
    assert status_on(same_day, date(2021, 6, 14)) is AgreementStatus.IN_PROGRESS


def test_numbers() -> None:
    assert agreement_number(prefix="LRT", year=2021, sequence=7) == "LRT-2021-07"
    assert agreement_number(prefix="LRT", year=2021, sequence=123) == "LRT-2021-123"
    assert number_prefix(MeetingKind.PRT, "PV27") == "PRT-NH"
    assert number_prefix(MeetingKind.HLRT) == "HLRT"
    assert number_prefix(MeetingKind.WERKGROEP) == "WG"
    with pytest.raises(ValueError, match="provincie"):
        number_prefix(MeetingKind.PRT)
    with pytest.raises(ValueError, match="1"):
        agreement_number(prefix="LRT", year=2021, sequence=0)


def test_figure_measurement_follows_a_line_from_the_value_when_agreed() -> None:
    """Capacity 500 when agreed on 25 October, at least 1.000 by 30 November (36 days):
    on 8 November (day 14) the line expects 500 + 500 x 14 // 36 = 694; 700 is achieved."""
    from regietafel.core.agreements import figure_measurement

    measured = figure_measurement(
        start_value=500,
        now_value=700.4,
        threshold=1_000,
        made=date(2021, 10, 25),
        until=date(2021, 11, 30),
        on=date(2021, 11, 8),
        unit="plaatsen",
    )
    assert (measured.achieved, measured.quantity, measured.expected_by_now) == (700, 1_000, 694)
    assert not measured.met
    above = figure_measurement(
        start_value=1_200,
        now_value=1_100,
        threshold=1_000,
        made=date(2021, 10, 25),
        until=date(2021, 11, 30),
        on=date(2021, 11, 8),
        unit="plaatsen",
    )
    assert (above.expected_by_now, above.met) == (1_200, True)
