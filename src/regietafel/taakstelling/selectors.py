"""Reading stored taakstelling and its progress, scoped to what the user may see."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.core.formatting import format_date_nl, format_decimal_nl
from regietafel.core.periods import IsoWeek, Period
from regietafel.core.rules import PERIOD_MONTHS, SOMEWHAT_BEHIND_SHARE, ScheduleClass, parse_share
from regietafel.core.supervision import LadderStep, Verdict, ladder_step
from regietafel.core.taakstelling import (
    ProgressAggregate,
    ProgressInput,
    ProgressRow,
    behind_schedule,
    progress_rows,
    progress_total,
    schedule_day,
)
from regietafel.errors import NoDataError, NotFoundError
from regietafel.imports.models import Import, Kind, Status
from regietafel.imports.selectors import current_imports, latest_import
from regietafel.taakstelling.models import (
    Judgement,
    RealisationRecord,
    TaakstellingEntry,
    TaakstellingPeriod,
    TaakstellingVersion,
)


def configured_somewhat_behind() -> Fraction:
    """The share of the schedule below which a municipality is far behind (an assumption).

    ``REGIETAFEL_ENIGSZINS_ACHTER`` ("3/4", "0,75" or "75"); default 3/4 (see
    ``core.rules.SOMEWHAT_BEHIND_SHARE``: no published source).
    """
    text = str(getattr(settings, "REGIETAFEL_ENIGSZINS_ACHTER", "") or "").strip()
    if not text:
        return SOMEWHAT_BEHIND_SHARE
    try:
        return parse_share(text)
    except ValueError as error:
        raise ImproperlyConfigured(f"REGIETAFEL_ENIGSZINS_ACHTER: {error}") from None


def thresholds_text() -> str:
    """The schedule classes in words, with the configured share and that it is an assumption."""
    share = format_decimal_nl(float(configured_somewhat_behind() * 100), 1).removesuffix(",0")
    return (
        f"Een gemeente is {ScheduleClass.ON_SCHEDULE.label} als zij ten minste (verstreken "
        "maanden ÷ 6) × de gecorrigeerde taakstelling heeft gehuisvest; "
        f"{ScheduleClass.SOMEWHAT_BEHIND.label} bij minder dan dat maar ten minste {share} % "
        f"ervan; {ScheduleClass.FAR_BEHIND.label} bij minder dan {share} % ervan. De grens van "
        f"{share} % is een aanname zonder gepubliceerde bron (instelling "
        "REGIETAFEL_ENIGSZINS_ACHTER)."
    )


def _require_view(user: AnyUser) -> None:
    if not access.can_view(user):
        raise PermissionDenied


def periods_list(*, user: AnyUser) -> QuerySet[TaakstellingPeriod]:
    """Every set period, oldest first; the national figures are visible to all roles."""
    _require_view(user)
    return TaakstellingPeriod.objects.select_related("set_by").order_by("start")


def period_get(*, user: AnyUser, label: str) -> TaakstellingPeriod:
    _require_view(user)
    try:
        return TaakstellingPeriod.objects.select_related("set_by").get(label=label)
    except TaakstellingPeriod.DoesNotExist:
        raise NotFoundError(
            _("Taakstelling %(label)s is niet vastgesteld.") % {"label": label}
        ) from None


def latest_period(*, user: AnyUser) -> TaakstellingPeriod | None:
    _require_view(user)
    return TaakstellingPeriod.objects.order_by("-start").first()


def _accepted_realisations() -> QuerySet[Import]:
    return Import.objects.filter(kind=Kind.REALISATIE, status=Status.ACCEPTED)


def final_realisation(period_label: str) -> Import | None:
    """The last accepted realisation that reports on ``period_label``."""
    return (
        _accepted_realisations()
        .filter(realisation_rows__period_label=period_label)
        .distinct()
        .order_by("-week_start", "-version", "-id")
        .first()
    )


def realisation_for(period: TaakstellingPeriod, week: IsoWeek) -> Import | None:
    """The realisation that holds for ``period`` in ``week``: the delivery of that week (as
    every app reads it) when it reports on the period; after the period's end, the last
    delivery up to ``week`` that reported on it (its final count: a later delivery reports
    on the next period, and reading the period's rows from it gave 0 housed). None when
    nothing up to ``week`` reports on the period."""
    current = latest_import(kind=Kind.REALISATIE, on_or_before=week)
    if current is not None and current.realisation_rows.filter(period_label=period.label).exists():
        return current
    if week.monday <= period.end:
        return None
    return (
        current_imports(Kind.REALISATIE)
        .filter(realisation_rows__period_label=period.label, week_start__lte=week.monday)
        .distinct()
        .order_by("-week_start", "-version", "-id")
        .first()
    )


def housed_per_municipality(batch: Import, period_label: str) -> dict[str, int]:
    """What ``batch`` reports housed per municipality on the period (absent: housed none)."""
    return dict(
        RealisationRecord.objects.filter(batch=batch, period_label=period_label).values_list(
            "municipality_code", "housed"
        )
    )


def latest_realisation_week() -> str | None:
    """The week of the newest accepted realisation, if any was imported."""
    latest = _accepted_realisations().order_by("-week_start", "-version", "-id").first()
    return latest.week if latest is not None else None


@dataclass(frozen=True, slots=True)
class ProvinceProgress:
    code: str
    name: str
    total: ProgressAggregate
    detail_allowed: bool


@dataclass(frozen=True, slots=True)
class ProgressView:
    """Progress of one period as of one week; municipality rows only where permitted."""

    period: TaakstellingPeriod
    week: IsoWeek
    months_elapsed: int
    schedule_day: date
    """The first of the month housed and expected refer to (``core.taakstelling.schedule_day``
    of the realisation in use): ``months_elapsed`` is counted up to it."""
    realisation: Import | None
    national: ProgressAggregate
    provinces: tuple[ProvinceProgress, ...]
    municipalities: tuple[ProgressRow, ...]
    province_filter: str | None
    behind_only: bool = False

    @property
    def table_province_name(self) -> str | None:
        """The province the municipality table is limited to, by name: the one filtered on,
        or a province user's own (the cards above it are national, so the heading says the
        table is not). None when the table holds every province the reader may see."""
        if self.province_filter is not None:
            return reference.province_name(self.province_filter)
        allowed = [p.name for p in self.provinces if p.detail_allowed]
        return allowed[0] if len(allowed) == 1 else None

    def province_total(self, code: str) -> ProgressAggregate:
        """The sum over the province ``code`` (a public aggregate, for every role)."""
        return next(p.total for p in self.provinces if p.code == code)


def progress(
    *,
    user: AnyUser,
    label: str,
    week: str,
    province: str | None = None,
    behind_only: bool = False,
) -> ProgressView:
    """Progress per municipality, province and nation for ``label`` as of ``week``.

    A week whose Monday lies before the period has no progress of it (``NoDataError`` with
    the reason): the corrected task carries arrears delivered at the period's start, and
    nothing of a later delivery is shown for an earlier week.

    ``behind_only``: only the municipalities behind schedule, the largest arrears on
    schedule first (the meeting's question "who is behind?").

    Raises PeriodError for an unreadable week, PermissionDenied when ``province`` is a
    province the user may only see as an aggregate.
    """
    period = period_get(user=user, label=label)
    iso_week = IsoWeek.parse(week)
    if province is not None:
        province = reference.province(province).code
        access.require_province_detail(user, province)
    parsed = Period.parse(period.label)
    if iso_week.monday < parsed.start:
        raise NoDataError(not_begun_reason(parsed, iso_week))
    realisation = realisation_for(period, iso_week)
    day = schedule_day(
        week_monday=iso_week.monday,
        delivered=None if realisation is None else realisation.week_start,
    )
    months = parsed.months_elapsed(as_of=day)
    housed = None if realisation is None else housed_per_municipality(realisation, period.label)
    entries = progress_inputs(period)
    somewhat_behind = configured_somewhat_behind()
    rows = progress_rows(
        entries=entries, housed=housed, months_elapsed=months, somewhat_behind=somewhat_behind
    )
    provinces = tuple(
        ProvinceProgress(
            code=p.code,
            name=p.name,
            total=progress_total(
                [r for r in rows if r.province == p.code],
                code=p.code,
                name=p.name,
                months_elapsed=months,
                somewhat_behind=somewhat_behind,
            ),
            detail_allowed=access.can_view_province_detail(user, p.code),
        )
        for p in reference.provinces()
    )
    allowed = {p.code for p in provinces if p.detail_allowed}
    visible = tuple(
        r for r in rows if r.province in allowed and (province is None or r.province == province)
    )
    if behind_only:
        visible = behind_schedule(visible)
    return ProgressView(
        period=period,
        week=iso_week,
        months_elapsed=months,
        schedule_day=day,
        realisation=realisation,
        national=progress_total(
            rows,
            code="NL",
            name=_("Nederland"),
            months_elapsed=months,
            somewhat_behind=somewhat_behind,
        ),
        provinces=provinces,
        municipalities=visible,
        province_filter=province,
        behind_only=behind_only,
    )


def not_begun_reason(period: Period, week: IsoWeek) -> str:
    """Why a week before ``period`` has none of its progress, in Dutch (page and download)."""
    return (
        f"Week {week.label} ligt vóór taakstelling {period.label}, die loopt van "
        f"{format_date_nl(period.start)} tot en met {format_date_nl(period.end)}: voor die week "
        "zijn er geen gegevens van deze periode (geen gecorrigeerde taakstelling, geen "
        "realisatie en geen schema; de achterstand die zij meeneemt is pas bij het begin van "
        f"de periode bekend). De voortgang begint in week {period.first_week.label}."
    )


def progress_inputs(period: TaakstellingPeriod) -> tuple[ProgressInput, ...]:
    """The stored task of every municipality of a period, as the core's progress input."""
    return tuple(
        ProgressInput(
            code=e.municipality_code,
            name=e.municipality_name,
            province=e.province_code,
            taakstelling=e.taakstelling,
            arrears=e.arrears,
            corrected=e.corrected,
        )
        for e in period.entries.order_by("municipality_code")
    )


def default_week(period: TaakstellingPeriod) -> str:
    """The newest realisation week, or else the week of the period's end or of today; never a
    week before the period's first (a period set before any delivery about it shows its first
    week, without realisation, not the error of a week it has no figures for)."""
    first = Period.parse(period.label).first_week
    latest = latest_realisation_week()
    if latest is not None:
        return max(IsoWeek.parse(latest), first).label
    return max(IsoWeek.containing(min(timezone.localdate(), period.end)), first).label


def key_figures(*, user: AnyUser) -> ProgressView | None:
    """The start page's figures: the latest set period as of the latest realisation week."""
    period = latest_period(user=user)
    if period is None:
        return None
    return progress(user=user, label=period.label, week=default_week(period))


# The half-year cycle: versions of the national total, monthly realisation, judgements.


@dataclass(frozen=True)
class VersionChange:
    """One municipality's task under two versions of the national total."""

    code: str
    name: str
    province: str
    before: int | None
    after: int | None

    @property
    def difference(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def versions(*, user: AnyUser, period: TaakstellingPeriod) -> list[TaakstellingVersion]:
    """Every version of the national total, oldest first (public: national figures)."""
    _require_view(user)
    return list(period.versions.select_related("recorded_by").order_by("number"))


def version_changes(
    *,
    user: AnyUser,
    period: TaakstellingPeriod,
    before: TaakstellingVersion,
    after: TaakstellingVersion,
    province_code: str | None = None,
) -> tuple[VersionChange, ...]:
    """The task per municipality under ``before`` and ``after``, for the provinces the user
    may see in detail (only ``province_code``'s when given)."""
    _require_view(user)
    entries = period.entries.order_by("municipality_code")
    if province_code is not None:
        entries = entries.filter(province_code=province_code)
    return tuple(
        VersionChange(
            code=e.municipality_code,
            name=e.municipality_name,
            province=reference.province_name(e.province_code),
            before=before.tasks.get(e.municipality_code),
            after=after.tasks.get(e.municipality_code),
        )
        for e in entries
        if access.can_view_province_detail(user, e.province_code)
    )


@dataclass(frozen=True)
class MonthRealisation:
    """Housed so far in the period as COA reported it on the first of a month, beside the
    municipality's own count (None: no count given, never 0)."""

    first_day: date
    week: str | None
    housed: int | None
    own_count: int | None

    @property
    def difference(self) -> int | None:
        if self.housed is None or self.own_count is None:
            return None
        return self.own_count - self.housed


def month_starts(period: Period, today: date) -> list[date]:
    """The first day of each month of the period that has begun by ``today``."""
    firsts = [date(period.start.year, period.start.month + i, 1) for i in range(PERIOD_MONTHS)]
    return [d for d in firsts if d <= today]


def monthly_realisation(
    *, user: AnyUser, period: TaakstellingPeriod, municipality_codes: Sequence[str]
) -> dict[str, list[MonthRealisation]]:
    """Per municipality, per month: the realisation import of the week holding the first of
    the month (or the latest before it) and the counts it gives for this period.

    A month after the first of the next period holds the final state of this period.
    PermissionDenied when a municipality lies in a province this user may not see in detail.
    """
    _require_view(user)
    for model in (TaakstellingEntry, RealisationRecord):
        located = model.objects.filter(municipality_code__in=municipality_codes)
        for province in located.values_list("province_code", flat=True).distinct():
            access.require_province_detail(user, province)
    parsed = Period.parse(period.label)
    firsts = [*month_starts(parsed, timezone.localdate())]
    following = parsed.next.start
    if following <= timezone.localdate():
        firsts.append(following)
    result: dict[str, list[MonthRealisation]] = {code: [] for code in municipality_codes}
    for first in firsts:
        batch = latest_import(kind=Kind.REALISATIE, on_or_before=IsoWeek.containing(first))
        rows: dict[str, RealisationRecord] = {}
        if batch is not None:
            rows = {
                r.municipality_code: r
                for r in RealisationRecord.objects.filter(
                    batch=batch, period_label=period.label, municipality_code__in=municipality_codes
                )
            }
        for code in municipality_codes:
            row = rows.get(code)
            result[code].append(
                MonthRealisation(
                    first_day=first,
                    week=batch.week if batch is not None else None,
                    housed=row.housed if row is not None else None,
                    own_count=row.own_count if row is not None else None,
                )
            )
    return result


@dataclass(frozen=True)
class JudgementHistory:
    """A municipality's judgements, one per half year (the newest of each), oldest first,
    with the intervention step they imply and every recorded row for the audit view."""

    code: str
    name: str
    province: str
    by_period: tuple[Judgement, ...]
    step: LadderStep

    def for_period(self, label: str) -> Judgement | None:
        return next((j for j in self.by_period if j.period_label == label), None)


def judgement_histories(*, user: AnyUser, province_code: str) -> tuple[JudgementHistory, ...]:
    """Every municipality of a province with a stored taakstelling and its judgements over
    the years (403 for another province's user)."""
    _require_view(user)
    code = reference.province(province_code).code
    access.require_province_detail(user, code)
    latest: dict[tuple[str, str], Judgement] = {}
    for judgement in Judgement.objects.filter(province_code=code).order_by("recorded_at", "id"):
        latest[judgement.municipality_code, judgement.period_label] = judgement
    names = dict(
        TaakstellingEntry.objects.filter(province_code=code).values_list(
            "municipality_code", "municipality_name"
        )
    )
    histories = []
    for municipality, name in sorted(names.items()):
        own = sorted(
            (j for (m, _), j in latest.items() if m == municipality),
            key=lambda j: Period.parse(j.period_label).start,
        )
        histories.append(
            JudgementHistory(
                code=municipality,
                name=name,
                province=code,
                by_period=tuple(own),
                step=ladder_step([Verdict(j.verdict) for j in own]),
            )
        )
    return tuple(histories)


def no_taakstelling_reason(week: IsoWeek) -> str:
    """Why ``week`` has no taakstelling figures, naming its half year: none is stored for it
    (a realisation of the week may well exist; without the task it measures nothing)."""
    period = Period.containing(week.monday)
    return (
        f"De taakstelling voor {period.label} (het halfjaar van week {week.label}) is niet "
        "vastgesteld."
    )
