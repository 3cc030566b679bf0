"""Reading meetings and agreements, scoped to the user's role, with their state on a day.

A province user reads the national tables (LRT, HLRT, working groups) and the own PRT; every
other role reads everything (``accounts.access``). The state of an agreement on a day is the
last history row dated on or before it; measured progress comes from the LRT targets of the
week containing that day (``kerncijfers.selectors.targets_for``), never from stored numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, QuerySet

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.afspraken.models import Agreement, AgreementUpdate, Meeting
from regietafel.core.agreements import (
    CADENCE,
    ActionRow,
    AgreementStatus,
    DeadlineChance,
    Health,
    Measurement,
    MeetingKind,
    Party,
    action_list_order,
    agreement_health,
    figure_measurement,
    is_overdue,
    previous_meeting,
    proposed_meetings,
)
from regietafel.core.catalogue import BY_CODE
from regietafel.core.forecast import ForecastError
from regietafel.core.periods import IsoWeek
from regietafel.core.targets import UNIT_LABELS, TargetProgress
from regietafel.doelen.selectors import core_target
from regietafel.errors import NoDataError, NotFoundError, UserError
from regietafel.kerncijfers.selectors import (
    aggregates_of,
    figures_for,
    targets_for,
    week_figures,
)
from regietafel.opvangprognose.selectors import agreement_chance


def _require_view(user: AnyUser) -> None:
    if not access.can_view(user):
        raise PermissionDenied


def meetings_visible(user: AnyUser) -> QuerySet[Meeting]:
    _require_view(user)
    every_prt, own = access.agreement_tables_readable(user)
    meetings = Meeting.objects.all()
    if not every_prt:
        meetings = meetings.filter(~Q(kind=MeetingKind.PRT.value) | Q(province_code=own or "-"))
    return meetings


def agreements_visible(user: AnyUser) -> QuerySet[Agreement]:
    _require_view(user)
    every_prt, own = access.agreement_tables_readable(user)
    agreements = Agreement.objects.select_related("meeting", "agenda_item", "target")
    if not every_prt:
        agreements = agreements.filter(
            ~Q(meeting__kind=MeetingKind.PRT.value) | Q(meeting__province_code=own or "-")
        )
    return agreements.prefetch_related(
        Prefetch("updates", queryset=AgreementUpdate.objects.select_related("by", "reviewed_at"))
    )


def table_name(kind: str, province_code: str = "") -> str:
    """ "LRT", "PRT Noord-Holland", "werkgroep"."""
    if kind == MeetingKind.PRT.value and province_code:
        return f"PRT {reference.province(province_code).name}"
    if kind == MeetingKind.WERKGROEP.value:
        return "werkgroep"
    return kind


class TableChoiceError(UserError):
    """An unknown table, or a PRT without a known province: a wrong choice of the caller (a
    page and the API answer 400), not a missing page. ``parameter`` names what was wrong:
    "overleg" or "provincie"."""

    def __init__(self, message: str, parameter: str) -> None:
        super().__init__(message)
        self.parameter = parameter


def check_table(user: AnyUser, kind: str, province_code: str = "") -> tuple[MeetingKind, str]:
    """A readable table: (kind, province code); ``TableChoiceError`` for an unknown one,
    PermissionDenied with the reason when not readable.

    ``province_code`` may be a province name; it is required for a PRT and ignored otherwise.
    """
    _require_view(user)
    try:
        meeting_kind = MeetingKind(kind.strip().upper())
    except ValueError:
        raise TableChoiceError(f"onbekend overleg '{kind}'", "overleg") from None
    code = ""
    if meeting_kind is MeetingKind.PRT:
        if not province_code.strip():
            raise TableChoiceError("bij een PRT hoort een provincie", "provincie")
        try:
            code = reference.province(province_code).code
        except reference.ReferenceDataError as error:
            raise TableChoiceError(str(error), "provincie") from None
    if not access.can_read_agreements(user, meeting_kind.value, code):
        raise PermissionDenied(access.province_refusal(code))
    return meeting_kind, code


def meeting_get(*, user: AnyUser, pk: int) -> Meeting:
    meeting = meetings_visible(user).prefetch_related("agenda_items").filter(pk=pk).first()
    if meeting is None:
        hidden = Meeting.objects.filter(pk=pk).first()
        if hidden is not None:
            raise PermissionDenied(access.province_refusal(hidden.province_code))
        raise NotFoundError("dit overleg bestaat niet")
    return meeting


def meeting_dates(kind: MeetingKind, province_code: str = "") -> list[date]:
    """Dates of every recorded meeting of one table (dates are not confidential)."""
    return list(
        Meeting.objects.filter(kind=kind.value, province_code=province_code)
        .order_by("date")
        .values_list("date", flat=True)
        .distinct()
    )


@dataclass(frozen=True)
class TableSchedule:
    kind: MeetingKind
    province_code: str
    name: str
    cadence: str
    last: date | None
    proposed: tuple[date, ...]
    can_manage: bool


def schedules(*, user: AnyUser, on: date) -> list[TableSchedule]:
    """Per readable table with meetings: the last meeting up to ``on`` and the next three.

    Known future meetings come first, the rest are proposed from the table's cadence.
    """
    tables = sorted(
        set(meetings_visible(user).values_list("kind", "province_code")),
        key=lambda t: (list(MeetingKind).index(MeetingKind(t[0])), t[1]),
    )
    result = []
    for kind_value, province in tables:
        kind = MeetingKind(kind_value)
        dates = meeting_dates(kind, province)
        earlier = [d for d in dates if d <= on]
        result.append(
            TableSchedule(
                kind=kind,
                province_code=province,
                name=table_name(kind.value, province),
                cadence=CADENCE[kind].description,
                last=earlier[-1] if earlier else None,
                proposed=tuple(proposed_meetings(kind=kind, known=dates, after=on)),
                can_manage=access.can_manage_agreements(user, kind.value, province),
            )
        )
    return result


@dataclass(frozen=True)
class HistoryRow:
    day: date
    status: AgreementStatus
    note: str
    deadline: date | None
    reviewed_at: str
    by: str


@dataclass(frozen=True)
class AgreementState:
    """An agreement as it stood on ``on``: status, latest state of affairs, health."""

    agreement: Agreement
    on: date
    status: AgreementStatus
    note: str
    note_date: date | None
    deadline: date | None
    measurement: Measurement | None
    health: Health | None
    overdue: bool
    new: bool
    history: tuple[HistoryRow, ...]
    can_update: bool
    can_manage: bool
    chance: DeadlineChance | None = None
    """The chance, from the forecast, that it is met by its deadline (measured ones only)."""

    @property
    def number(self) -> str:
        return self.agreement.number

    @property
    def owner(self) -> str:
        label = Party(self.agreement.owner_party).label
        if self.agreement.meeting.kind == MeetingKind.PRT.value and label == "provincie":
            label = f"provincie {reference.province(self.agreement.meeting.province_code).name}"
        role = self.agreement.owner_role
        return f"{label} ({role})" if role else label

    @property
    def agenda(self) -> str:
        item = self.agreement.agenda_item
        return f"{item.number}. {item.title}" if item else ""

    @property
    def table(self) -> str:
        return table_name(self.agreement.meeting.kind, self.agreement.meeting.province_code)

    @property
    def progress_text(self) -> str:
        if self.measurement is not None:
            return self.measurement.text
        if self.agreement.figure_code:
            return f"kerncijfer {self.agreement.figure_code} (niet gemeten: geen gegevens)"
        return ""


def measurements(
    *, user: AnyUser, on: date, agreements: Iterable[Agreement]
) -> dict[int, Measurement]:
    """Measured progress per agreement id on ``on``, from the week containing that day.

    An agreement linked to an LRT target follows that target; one linked to a key figure of
    the catalogue (``figure_code`` with a threshold) follows that figure of its table's scope
    in the weekly figures, on a straight line from its value in the week of the meeting to the
    threshold at the figure's date (or the deadline). Figures where lower is better are shown,
    not measured against a rising line.
    """
    agreements = list(agreements)
    week = IsoWeek.containing(on)
    result = _figure_measurements(user=user, week=week, on=on, agreements=agreements)
    linked = [a for a in agreements if a.target_id is not None]
    if not linked:
        return result
    by_target: dict[str, TargetProgress] = {
        p.target.id: p for p in targets_for(user=user, week=week) or ()
    }
    for agreement in linked:
        progress = by_target.get(str(agreement.target_id))
        if progress is None:
            continue
        result[agreement.pk] = Measurement(
            achieved=progress.achieved,
            quantity=progress.target.quantity,
            expected_by_now=progress.expected_by_now,
            unit=UNIT_LABELS[progress.target.unit],
        )
    return result


def _figure_measurements(
    *, user: AnyUser, week: IsoWeek, on: date, agreements: Sequence[Agreement]
) -> dict[int, Measurement]:
    result: dict[int, Measurement] = {}
    for agreement in agreements:
        code = agreement.figure_code
        if not code or code not in BY_CODE or agreement.figure_threshold is None:
            continue
        figure = BY_CODE[code]
        if figure.higher_is_better is False:
            continue
        scope = agreement.meeting.province_code or "NL"
        now = figure.value(figures_for(user=user, week=week, scope=scope))
        if now is None:
            continue
        start_week = IsoWeek.containing(agreement.meeting.date)
        start = figure.value(figures_for(user=user, week=start_week, scope=scope)) or 0
        result[agreement.pk] = figure_measurement(
            start_value=start,
            now_value=now,
            threshold=agreement.figure_threshold,
            made=agreement.meeting.date,
            until=agreement.figure_date or agreement.deadline or on,
            on=on,
            unit=figure.unit,
        )
    return result


def _state(
    user: AnyUser,
    agreement: Agreement,
    on: date,
    measurement: Measurement | None,
    *,
    new_since: date | None = None,
) -> AgreementState | None:
    updates = [u for u in agreement.updates.all() if u.date <= on]
    if not updates:
        return None
    status = AgreementStatus(updates[-1].status)
    deadline = agreement.deadline
    note, note_date = "", None
    for update in updates:
        if update.deadline is not None:
            deadline = update.deadline
        if update.note:
            note, note_date = update.note, update.date
    meeting = agreement.meeting
    history = tuple(
        HistoryRow(
            day=u.date,
            status=AgreementStatus(u.status),
            note=u.note,
            deadline=u.deadline,
            reviewed_at=str(u.reviewed_at) if u.reviewed_at else "",
            by=u.by.get_username() if u.by else "systeem",
        )
        for u in updates
    )
    return AgreementState(
        agreement=agreement,
        on=on,
        status=status,
        note=note,
        note_date=note_date,
        deadline=deadline,
        measurement=measurement,
        health=agreement_health(status=status, deadline=deadline, on=on, measurement=measurement),
        overdue=is_overdue(status=status, deadline=deadline, on=on),
        new=new_since is not None and meeting.date >= new_since,
        history=history,
        can_update=access.can_update_agreement_state(
            user, meeting.kind, meeting.province_code, agreement.owner_party
        ),
        can_manage=access.can_manage_agreements(user, meeting.kind, meeting.province_code),
    )


def agreement_states(
    *,
    user: AnyUser,
    on: date,
    kind: MeetingKind | None = None,
    province_code: str = "",
    active_only: bool = False,
) -> list[AgreementState]:
    """Every readable agreement that existed on ``on``, ordered by meeting date and number."""
    agreements = agreements_visible(user).filter(meeting__date__lte=on)
    if kind is not None:
        agreements = agreements.filter(meeting__kind=kind.value)
        if kind is MeetingKind.PRT and province_code:
            agreements = agreements.filter(meeting__province_code=province_code)
    rows = list(agreements)
    measured = measurements(user=user, on=on, agreements=rows)
    states = [_state(user, a, on, measured.get(a.pk)) for a in rows]
    return [s for s in states if s is not None and (s.status.active or not active_only)]


def agreement_get(*, user: AnyUser, number: str, on: date) -> AgreementState:
    """One agreement by its number as it stood on ``on`` (its whole history when later)."""
    agreement = agreements_visible(user).filter(number=number.strip().upper()).first()
    if agreement is None:
        hidden = (
            Agreement.objects.filter(number=number.strip().upper())
            .select_related("meeting")
            .first()
        )
        if hidden is not None:
            raise PermissionDenied(access.province_refusal(hidden.meeting.province_code))
        raise NotFoundError(f"afspraak {number} bestaat niet")
    on = max(on, agreement.meeting.date)
    measured = measurements(user=user, on=on, agreements=[agreement])
    state = _state(user, agreement, on, measured.get(agreement.pk))
    assert state is not None  # the first update is dated on the meeting's date
    return with_chance(user, state)


def with_chance(user: AnyUser, state: AgreementState) -> AgreementState:
    """The state with the forecast's chance that it is met by its deadline, when measured.

    A forecast that cannot start (no published series before that day) leaves it out.
    """
    agreement = state.agreement
    if state.measurement is None or not state.status.active:
        return state
    target = core_target(agreement.target) if agreement.target is not None else None
    try:
        chance = agreement_chance(
            user=user, on=state.on, province_code=agreement.meeting.province_code or None,
            deadline=agreement.figure_date or state.deadline, target=target,
            figure_code=agreement.figure_code, threshold=agreement.figure_threshold,
        )  # fmt: skip
    except ForecastError:
        return state
    return replace(state, chance=chance) if chance is not None else state


@dataclass(frozen=True)
class ActionList:
    """The action list of a table for its meeting on ``on``."""

    kind: MeetingKind
    province_code: str
    name: str
    on: date
    previous: date | None
    rows: tuple[AgreementState, ...]

    @property
    def title(self) -> str:
        return f"Actielijst {self.name}, {self.on.day}-{self.on.month}-{self.on.year}"


def action_list(*, user: AnyUser, kind: str, on: date, province_code: str = "") -> ActionList:
    """Active agreements made before ``on`` at the table, overdue first, then by deadline.

    "Nieuw" marks agreements made at or after the table's previous meeting before ``on``
    (new since the last action list).
    """
    meeting_kind, code = check_table(user, kind, province_code)
    previous = previous_meeting(meeting_dates(meeting_kind, code), before=on)
    agreements = list(
        agreements_visible(user).filter(
            meeting__kind=meeting_kind.value, meeting__province_code=code, meeting__date__lt=on
        )
    )
    measured = measurements(user=user, on=on, agreements=agreements)
    states = [
        with_chance(user, s)
        for s in (_state(user, a, on, measured.get(a.pk), new_since=previous) for a in agreements)
        if s is not None and s.status.active
    ]
    order = action_list_order(
        [ActionRow(s.number, s.deadline, s.overdue, s.agreement.sequence) for s in states]
    )
    by_number = {s.number: s for s in states}
    return ActionList(
        kind=meeting_kind,
        province_code=code,
        name=table_name(meeting_kind.value, code),
        on=on,
        previous=previous,
        rows=tuple(by_number[r.number] for r in order),
    )


def shopping_links(*, user: AnyUser, scope: str) -> dict[str, Agreement]:
    """The agreement behind each item of a boodschappenlijst, by item key (readable ones).

    An item made into an agreement keeps its key; an item of an LRT target ("doel-12") also
    belongs to the agreement of that list's table that is measured by the same target.
    """
    kind = MeetingKind.LRT if scope == "NL" else MeetingKind.PRT
    code = "" if scope == "NL" else scope
    table = agreements_visible(user).filter(meeting__kind=kind.value, meeting__province_code=code)
    links = {
        f"doel-{a.target_id}": a for a in table.filter(target__isnull=False).order_by("-sequence")
    }
    links.update(
        {
            a.shopping_key: a
            for a in agreements_visible(user).filter(shopping_scope=scope).exclude(shopping_key="")
        }
    )
    return links


def shopping_link_states(*, user: AnyUser, scope: str, on: date) -> dict[str, AgreementState]:
    """The agreement behind each item of a boodschappenlijst as it stands on ``on``: number,
    status, measured progress and health, shown beside the item."""
    links = shopping_links(user=user, scope=scope)
    agreements = list({a.pk: a for a in links.values()}.values())
    measured = measurements(user=user, on=on, agreements=agreements)
    states = {a.pk: _state(user, a, on, measured.get(a.pk)) for a in agreements}
    return {key: state for key, a in links.items() if (state := states[a.pk]) is not None}


def readable_tables(user: AnyUser) -> list[tuple[str, str]]:
    """(kind, province code) choices for filters: national tables, then readable PRT's."""
    _require_view(user)
    tables = [(k.value, "") for k in MeetingKind if k.national]
    every_prt, own = access.agreement_tables_readable(user)
    tables += [
        (MeetingKind.PRT.value, p.code) for p in reference.provinces() if every_prt or p.code == own
    ]
    return tables


def by_province(states: Sequence[AgreementState]) -> dict[str, list[AgreementState]]:
    """PRT agreements grouped by their province code."""
    groups: dict[str, list[AgreementState]] = {}
    for state in states:
        meeting = state.agreement.meeting
        if meeting.kind == MeetingKind.PRT.value:
            groups.setdefault(meeting.province_code, []).append(state)
    return groups


@dataclass(frozen=True)
class AnnexProvince:
    """One province in the annex: the updated task beside the PRT's agreements."""

    code: str
    name: str
    locations: int | None
    capacity: int | None
    occupancy: int | None
    corrected: int | None
    housed: int | None
    expected: float | None
    agreements: tuple[AgreementState, ...]
    agreements_readable: bool
    occupancy_suppressed: bool = False
    """The occupancy is afgeschermd (one or two confidential locations), not unknown."""

    @property
    def running_agreements(self) -> int | None:
        """How many PRT agreements run; None when this reader may not read them."""
        return len(self.agreements) if self.agreements_readable else None


@dataclass(frozen=True)
class Annex:
    """The annex to the letter to parliament for ``week``: reception and housing per province
    and the agreements made at the tables, national and per province."""

    week: IsoWeek
    period: str | None
    months_elapsed: int | None
    provinces: tuple[AnnexProvince, ...]
    national: tuple[AgreementState, ...]
    synthetic: bool

    @property
    def title(self) -> str:
        return f"Bijlage: opgave en afspraken per provincie, week {self.week.label}"


def annex(*, user: AnyUser, week: IsoWeek) -> Annex:
    """Reception (capacity, occupancy of the week's register), housing (corrected task and
    housed of the week's taakstelling period) and the active agreements on the week's Sunday:
    LRT agreements nationally, PRT agreements per province (a province user reads only the
    own PRT's). The figures are the weekly figures every other surface shows."""
    figures, _sources = week_figures(user=user, week=week)
    if not figures.national.has_data:
        raise NoDataError(
            f"voor week {week.label} is geen locatieregister en geen taakstelling vastgelegd: "
            "er is geen opgave om in de bijlage te zetten"
        )
    reception = {a.province_code: a for a in aggregates_of(figures)}
    housing = {
        p.code: task
        for p in reference.provinces()
        if (task := figures.scope(p.code).housing) is not None
    }
    national = figures.national.housing
    label = national.period.label if national is not None else None
    months = national.months_elapsed if national is not None else None
    states = agreement_states(user=user, on=week.sunday, active_only=True)
    grouped = by_province(states)
    rows = []
    for province in reference.provinces():
        got = reception.get(province.code)
        task = housing.get(province.code)
        rows.append(
            AnnexProvince(
                code=province.code,
                name=province.name,
                locations=got.locations if got else None,
                capacity=got.capacity if got else None,
                occupancy=got.occupancy if got else None,
                corrected=task.corrected if task else None,
                housed=task.housed if task else None,
                expected=float(task.expected) if task else None,
                agreements=tuple(grouped.get(province.code, [])),
                agreements_readable=access.can_read_agreements(user, "PRT", province.code),
                occupancy_suppressed=got is not None and got.occupancy is None,
            )
        )
    return Annex(
        week=week,
        period=label,
        months_elapsed=months,
        provinces=tuple(rows),
        national=tuple(s for s in states if s.agreement.meeting.kind == MeetingKind.LRT.value),
        synthetic=is_synthetic(),
    )


def is_synthetic() -> bool:
    """Demo mode or any synthetic import: printed documents then say "synthetische demodata"."""
    from django.conf import settings

    from regietafel.imports.models import Import

    return (
        bool(getattr(settings, "DEMO_MODE", False))
        or Import.objects.filter(synthetic=True).exists()
    )
