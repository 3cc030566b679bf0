"""The weekly figures of a week, read once from the database and computed by the core.

Every surface — pages, API, command line, shopping list, distribution and the report — asks
here for the figures of a week and a scope, so one figure is one number everywhere. This
module only reads inputs (the register, the occupancy history, the taakstelling and its
realisation, the targets, the national series) and applies who may see what:

- every role sees the national figures and every province's aggregates;
- a province's full figures (its closures by name) only for users who may see that province
  in detail (``access.can_view_province_detail``); other provinces' closures are named by
  their province, and a confidential (AMV) location is never named unless
  ``access.can_see_confidential``.

The figures of a week are cached by the identity of the data they come from (import
versions, stored period, targets, the week's need policy), so a new import, target or
choice of need policy is seen at once.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.text import capfirst

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.core.bounded_cache import BoundedCache
from regietafel.core.capacity import Closure
from regietafel.core.catalogue import (
    CATALOGUE,
    FigureChange,
    FigureHistory,
    HistoryPoint,
    Number,
    Surface,
    changes,
    definition,
)
from regietafel.core.catalogue import values as catalogue_values
from regietafel.core.confidentiality import SuppressionPlan, suppression_plan
from regietafel.core.figures import (
    NATIONAL,
    HousingInputs,
    ScopeFigures,
    WeekFigures,
    WeekInputs,
    compute_week_figures,
    suppressed,
    with_closure_names,
)
from regietafel.core.forecast import ForecastError
from regietafel.core.formatting import format_date_nl
from regietafel.core.need import ForecastGrowth
from regietafel.core.need_policy import NeedPolicy, policy_by_key, policy_on
from regietafel.core.periods import IsoWeek, Period
from regietafel.core.rules import Horizon, horizons_of
from regietafel.core.taakstelling import HousedSoFar
from regietafel.core.targets import TargetProgress
from regietafel.doelen.models import Target
from regietafel.doelen.selectors import core_targets
from regietafel.imports.models import Import, Kind, Status
from regietafel.imports.selectors import (
    latest_import,
    latest_week_with_data,
    no_data_reason,
    no_register_reason,
)
from regietafel.kerncijfers.models import WeekNeedPolicy
from regietafel.opvang.models import SeriesMetric, SeriesRecord
from regietafel.opvang.selectors import (
    ProvinceAggregate,
    core_location,
    masked_name,
    occupancy_history,
    register_inflow,
    register_rows,
)
from regietafel.prognose.cache import growth as forecast_growth
from regietafel.prognose.inputs import REGISTER_INFLOW_WEEKS, StartState
from regietafel.taakstelling.models import RealisationRecord, TaakstellingPeriod
from regietafel.taakstelling.selectors import (
    configured_somewhat_behind,
    no_taakstelling_reason,
    progress_inputs,
)


def configured_horizons() -> tuple[Horizon, ...]:
    """The horizons the settings select (``REGIETAFEL_HORIZONS``, weeks: "4,26,104")."""
    text = str(getattr(settings, "REGIETAFEL_HORIZONS", "4,26,104"))
    try:
        weeks = [int(part) for part in text.replace(" ", "").split(",")]
    except ValueError:
        raise ImproperlyConfigured(
            f"REGIETAFEL_HORIZONS '{text}' is geen lijst van weken"
        ) from None
    try:
        return horizons_of(weeks)
    except ValueError as error:
        raise ImproperlyConfigured(f"REGIETAFEL_HORIZONS '{text}': {error}") from None


def configured_need_policy() -> NeedPolicy | None:
    """The installation's override of the dated need policies (``REGIETAFEL_BUFFER``, a key
    of ``core.need_policy``; empty: none, the policy that applied on the week's Monday)."""
    key = str(getattr(settings, "REGIETAFEL_BUFFER", "") or "").strip()
    if not key:
        return None
    try:
        return policy_by_key("geen-buffer" if key == "geen" else key)
    except KeyError:
        raise ImproperlyConfigured(
            f"REGIETAFEL_BUFFER '{key}' is geen bekend behoeftebeleid"
        ) from None


@dataclass(frozen=True)
class NeedPolicyChoice:
    """The need policy a week's figures use, and why: the LRT's choice for the week, else
    the installation's default (``REGIETAFEL_BUFFER``), else the dated policy of its Monday."""

    policy: NeedPolicy
    chosen_by: str = ""
    chosen_at: datetime | None = None
    reason: str = ""
    origin: str = "gedateerd"
    """"gekozen" (by the LRT for this week), "instelling" or "gedateerd"."""

    @property
    def chosen(self) -> bool:
        return self.origin == "gekozen"

    @property
    def explanation(self) -> str:
        """How the policy came to be the week's, in Dutch (shown beside it and in the report)."""
        if self.chosen and self.chosen_at is not None:
            day = format_date_nl(timezone.localtime(self.chosen_at).date())  # "29 november 2026"
            return f"voor deze week gekozen door {self.chosen_by} op {day}: {self.reason}"
        if self.origin == "instelling":
            return "standaard van deze installatie (instelling REGIETAFEL_BUFFER)"
        return "het beleid dat op de maandag van de week gold (gedateerde lijst)"


def need_policy_choice(week: IsoWeek) -> NeedPolicyChoice:
    """The need policy of ``week`` (one query): chosen, configured or dated."""
    stored = WeekNeedPolicy.objects.filter(week_label=week.label).select_related("chosen_by")
    return _choice_of(week, stored.first())


def _choice_of(week: IsoWeek, stored: WeekNeedPolicy | None) -> NeedPolicyChoice:
    if stored is not None:
        try:
            policy = policy_by_key(stored.policy_key)
        except KeyError:  # a policy no longer known: the dated one holds
            stored = None
        else:
            by = stored.chosen_by.get_username() if stored.chosen_by is not None else "onbekend"
            return NeedPolicyChoice(policy, by, stored.chosen_at, stored.reason, "gekozen")
    configured = configured_need_policy()
    if configured is not None:
        return NeedPolicyChoice(configured, origin="instelling")
    return NeedPolicyChoice(policy_on(week.monday))


def configured_growth(
    week: IsoWeek, horizons: tuple[Horizon, ...], start: StartState | None = None
) -> ForecastGrowth | None:
    """The forecast's growth per horizon (``REGIETAFEL_PROJECTIE`` "prognose"), or None for the
    damped trend: when the setting says "trend" or no forecast can start in that week.

    With the register's national ``start`` (occupancy, the week's status holders, the
    register's weekly inflow and the national housed so far) the central path starts there,
    as the Prognose page's run does."""
    method = str(getattr(settings, "REGIETAFEL_PROJECTIE", "prognose")).strip().lower()
    if method == "trend":
        return None
    if method != "prognose":
        raise ImproperlyConfigured(f"REGIETAFEL_PROJECTIE '{method}': kies 'prognose' of 'trend'")
    try:
        return forecast_growth(week.monday, horizons, start)
    except ForecastError:
        return None


def default_week() -> IsoWeek | None:
    """The newest week with data (None when nothing has been imported yet)."""
    return latest_week_with_data()


def week_or_default(text: str | None) -> IsoWeek:
    """The week a page asks for (``?week=2021-W45``), else the newest week with data, else
    the current calendar week (whose pages then say there is no data). PeriodError (Dutch)
    for an unreadable week."""
    return (
        IsoWeek.parse_optional(text) or default_week() or IsoWeek.containing(timezone.localdate())
    )


@dataclass(frozen=True)
class WeekSources:
    """The stored data a week's figures come from (shown as the sources of a figure)."""

    register: Import | None
    realisation: Import | None
    series: Import | None
    period: TaakstellingPeriod | None
    confidential: frozenset[str]
    suppression: SuppressionPlan = field(default_factory=SuppressionPlan)
    """The cells afgeschermd for readers who may not see confidential locations."""
    need_policy: NeedPolicyChoice | None = None
    """The need policy the week's need used, and why (chosen, configured or dated)."""
    inflow: tuple[tuple[date, int], ...] = ()
    """The register's weekly inflow before the week (Monday, persons): the forecast's level."""


def _province_inhabitants(on: date) -> dict[str, int]:
    try:
        municipalities = reference.municipalities(on)
    except reference.ReferenceDataError:
        municipalities = reference.municipalities(reference.population_dates()[0])
    totals = {p.code: 0 for p in reference.provinces()}
    for m in municipalities:
        totals[m.province_code] += m.inhabitants
    return totals


def _housing(
    week: IsoWeek, stored: TaakstellingPeriod | None, realisation: Import | None
) -> HousingInputs | None:
    period = Period.containing(week.monday)
    if stored is None:
        return None
    entries = progress_inputs(stored)
    housed: dict[str, int] | None = None
    if realisation is not None:
        rows = dict(
            RealisationRecord.objects.filter(
                batch=realisation, period_label=period.label
            ).values_list("municipality_code", "housed")
        )
        housed = rows or None
    return HousingInputs(
        period=period,
        national_total=stored.national_total,
        entries=entries,
        housed=housed,
        realisation_week=realisation.week if housed is not None and realisation else None,
        arrears_source=stored.arrears_source,
    )


def _series_value(series: Import | None, metric: SeriesMetric) -> int | None:
    if series is None:
        return None
    return (
        SeriesRecord.objects.filter(batch=series, metric=metric.value)
        .values_list("value", flat=True)
        .first()
    )


@dataclass(frozen=True)
class _Stored:
    """The stored records a week's figures come from, fetched once per request."""

    register: Import | None
    realisation: Import | None
    series: Import | None
    period: TaakstellingPeriod | None
    targets: tuple[int, int | None, Any]
    need_policy: NeedPolicyChoice
    inflow: tuple[tuple[date, int], ...]
    """The register's weekly inflow before the week: the forecast's inflow level."""

    def identity(self, week: IsoWeek) -> tuple[Hashable, ...]:
        """What the figures of ``week`` depend on; equal identity means equal figures."""
        return (
            week.label,
            *(
                None if b is None else (b.pk, b.checksum, b.uploaded_at)
                for b in (self.register, self.realisation, self.series)
            ),
            None if self.period is None else (self.period.pk, self.period.set_at),
            self.targets,
            (self.need_policy.policy.key, self.need_policy.origin, self.need_policy.chosen_at),
            self.inflow,
            str(getattr(settings, "REGIETAFEL_HORIZONS", "")),
            str(getattr(settings, "REGIETAFEL_BUFFER", "")),
            str(getattr(settings, "REGIETAFEL_ENIGSZINS_ACHTER", "")),
        )


def _stored(week: IsoWeek) -> _Stored:
    targets = Target.objects.aggregate(n=Count("id"), last=Max("id"), at=Max("created_at"))
    return _Stored(
        register=latest_import(kind=Kind.LOCATIES, on_or_before=week),
        realisation=latest_import(kind=Kind.REALISATIE, on_or_before=week),
        series=latest_import(kind=Kind.REEKSEN, on_or_before=week),
        period=TaakstellingPeriod.objects.filter(
            label=Period.containing(week.monday).label
        ).first(),
        targets=(targets["n"], targets["last"], targets["at"]),
        need_policy=need_policy_choice(week),
        inflow=register_inflow(week, REGISTER_INFLOW_WEEKS),
    )


_CACHE: BoundedCache[tuple[WeekFigures, WeekSources]] = BoundedCache.by_count(64)


def week_data(week: IsoWeek) -> tuple[WeekFigures, WeekSources]:
    """The figures of ``week`` (every scope, unmasked) and the stored data they come from.

    Computed once per data identity; a new import, period or target changes the identity.
    Requests for other weeks go on while one week is computed (no global lock).
    """
    stored = _stored(week)
    return _CACHE.value(stored.identity(week), lambda: _compute(week, stored))


def cache_clear() -> None:
    _CACHE.clear()
    _HISTORY.clear()
    _WEEK_IDS.clear()


def _compute(week: IsoWeek, stored: _Stored) -> tuple[WeekFigures, WeekSources]:
    register = stored.register
    rows = register_rows(register)
    housing = _housing(week, stored.period, stored.realisation)
    horizons = configured_horizons()
    waiting = _series_value(stored.series, SeriesMetric.WACHTEND)

    def growth_from(occupancy_now: int, housed: HousedSoFar | None) -> ForecastGrowth | None:
        start = StartState(
            monday=week.monday, occupancy=occupancy_now, provinces=(),
            status_holders=waiting, inflow=stored.inflow, housed=housed,
        )  # fmt: skip
        return configured_growth(week, horizons, start)

    inputs = WeekInputs(
        week=week,
        register_week=register.week if register is not None else None,
        locations=tuple(core_location(row) for row in rows),
        history=occupancy_history(register) if register is not None else {},
        horizons=horizons,
        need_policy=stored.need_policy.policy,
        province_inhabitants=_province_inhabitants(week.monday),
        targets=core_targets() if stored.targets[0] else (),
        housing=housing,
        waiting_in_reception=waiting,
        waiting_long=_series_value(stored.series, SeriesMetric.LANG_WACHTEND),
        somewhat_behind=configured_somewhat_behind(),
        growth_from=growth_from if register is not None else None,
    )
    confidential = frozenset(row.code for row in rows if row.confidential)
    sources = WeekSources(
        register=register,
        realisation=stored.realisation,
        series=stored.series,
        period=stored.period,
        confidential=confidential,
        suppression=suppression_plan(inputs.locations, confidential, on=week.monday),
        need_policy=stored.need_policy,
        inflow=stored.inflow,
    )
    return compute_week_figures(inputs), sources


def _closure_name(closure: Closure, *, hidden: bool, province_visible: bool) -> str:
    """The one masking rule for closures: one in a province the reader sees only as totals is
    "locatie in provincie", confidential or not (saying "vertrouwelijke locatie" there would
    tell which of another province's closing locations are confidential); a confidential
    location in a province the reader sees, that the reader may not see, is "vertrouwelijke
    locatie (provincie)"; otherwise its name."""
    if not province_visible:
        return f"locatie in {reference.province_name(closure.province_code)}"
    if hidden:
        return masked_name(reference.province_name(closure.province_code))
    return closure.name


def _closure_municipality(closure: Closure, *, hidden: bool, province_visible: bool) -> str:
    """A closure's municipality code, empty wherever :func:`_closure_name` masks its name (a
    location's municipality and kind together often give the name back)."""
    return closure.municipality_code if province_visible and not hidden else ""


def _reader_sees(
    closure: Closure, *, user: AnyUser, confidential: frozenset[str]
) -> tuple[bool, bool]:
    """(hidden, province_visible) of a closure for this user: the inputs of the rule."""
    hidden = closure.location_id in confidential and not access.can_see_confidential(user)
    return hidden, access.can_view_province_detail(user, closure.province_code)


def closure_name(closure: Closure, *, user: AnyUser, confidential: frozenset[str]) -> str:
    """A closure's name as this user may see it (:func:`_closure_name`)."""
    hidden, visible = _reader_sees(closure, user=user, confidential=confidential)
    return _closure_name(closure, hidden=hidden, province_visible=visible)


def closure_municipality(closure: Closure, *, user: AnyUser, confidential: frozenset[str]) -> str:
    """A closure's municipality code as this user may see it: empty where its name is masked
    (a confidential location, or one of a province the user sees only as totals)."""
    hidden, visible = _reader_sees(closure, user=user, confidential=confidential)
    return _closure_municipality(closure, hidden=hidden, province_visible=visible)


def for_report_audience(figures: ScopeFigures, sources: WeekSources) -> ScopeFigures:
    """A scope's figures with closure names as every reader of its report may see them.

    A published report is one frozen document for every role that may read it: the national
    report is read by every PRT too, who sees another province's locations only as totals,
    so it names no location ("locatie in Fryslân"); a province's report names that province's
    locations (its PRT, the LRT and COA read it). A confidential location is masked in both
    (only COA may see it). The numbers do not change. Apply to figures read with national
    rights (``figures_for`` of the report's reader).
    """

    def hidden(closure: Closure) -> bool:
        return closure.location_id in sources.confidential

    def visible(closure: Closure) -> bool:
        return not figures.is_national and closure.province_code == figures.scope

    def name(closure: Closure) -> str:
        return _closure_name(closure, hidden=hidden(closure), province_visible=visible(closure))

    def municipality(closure: Closure) -> str:
        return _closure_municipality(
            closure, hidden=hidden(closure), province_visible=visible(closure)
        )

    return with_closure_names(figures, name, municipality)


def audience_figures(*, week: IsoWeek, scope: str) -> ScopeFigures:
    """A scope's figures as every reader of that scope may see them: read with national rights
    (``access.system_reader``) and narrowed by :func:`for_report_audience`, as the weekly
    report is. For text written once and read by every role: an agreement made from a
    boodschappenlijst item kept the names its maker saw (confidential and other provinces'
    locations), which every PRT then read on the agreement's page."""
    reader = access.system_reader()
    figures = figures_for(user=reader, week=week, scope=scope)
    _whole, sources = week_figures(user=reader, week=week)
    return for_report_audience(figures, sources)


def check_province(user: AnyUser, province_code: str) -> str:
    """The normalised province code, or PermissionDenied / LookupError for a bad one."""
    code = reference.province(province_code).code
    access.require_province_detail(user, code)
    return code


def normalise_scope(scope: str | None) -> str:
    """ "NL" (also empty, "landelijk") or a province code; LookupError (Dutch) otherwise."""
    text = (scope or "").strip()
    if text.upper() in {"", NATIONAL, "LANDELIJK", "NEDERLAND"}:
        return NATIONAL
    return reference.province(text).code


def no_figures_reason(figures: ScopeFigures) -> str | None:
    """Why a week has no figures at all (no register and no taakstelling), in Dutch; None if
    it has. The one sentence of the API's ``reden`` and the pages that list figures."""
    if figures.has_data:
        return None
    return f"{no_register_reason(figures.week)} {no_taakstelling_reason(figures.week)}"


def figure_reasons(figures: ScopeFigures) -> dict[str, str]:
    """Why a figure of this scope has no value, by code, where the week's data says why (in
    Dutch): the taakstelling of the half year is not set (every figure read from it), the
    carried arrears are unknown because the period before was not set here (the stored
    period's note), or no realisation was delivered in or before the week (every figure of
    the half year that counts the housed). Not for a figure with a value, an afgeschermd one
    or one that does not apply. The one source of the per-figure reason on the start page,
    the API, the command line and the weekly report; "geen gegevens" without an entry here
    has no known cause."""
    housing = figures.housing
    reasons: dict[str, str] = {}
    for figure in CATALOGUE:
        if not figure.applies_to(figures) or figure.suppressed(figures):
            continue
        if figure.value(figures) is not None:
            continue
        if figure.per_period and housing is None:
            reasons[figure.code] = no_taakstelling_reason(figures.week)
        elif (
            figure.code == "achterstand_meegenomen"
            and housing is not None
            and housing.arrears_source
        ):
            reasons[figure.code] = f"{capfirst(housing.arrears_source)}."
        elif figure.per_period and housing is not None:
            missing = no_data_reason(Kind.REALISATIE, figures.week)
            if missing is not None:
                reasons[figure.code] = missing
    return reasons


def figure_changes(
    now: ScopeFigures,
    earlier: ScopeFigures | None,
    surface: Surface | None = None,
    *,
    meeting: ScopeFigures | None = None,
) -> tuple[FigureChange, ...]:
    """The catalogue's figures of a surface (or all) with their changes, as every surface
    lists them: ``core.catalogue.changes`` with the reason of each figure without a value
    (:func:`figure_reasons`), so no surface shows a bare "geen gegevens" the week explains."""
    return changes(now, earlier, surface, meeting=meeting, reasons=figure_reasons(now))


def figures_for(*, user: AnyUser, week: IsoWeek, scope: str | None = None) -> ScopeFigures:
    """The figures of ``week`` for a scope as this user may see them.

    Raises PermissionDenied for a province the user may only see as an aggregate, and
    ``reference.ReferenceDataError`` (a LookupError) for an unknown province.
    """
    if not access.can_view(user):
        raise PermissionDenied
    code = normalise_scope(scope)
    if code != NATIONAL:
        access.require_province_detail(user, code)
    figures, sources = week_data(week)
    return masked(figures, sources, user=user, scope=code)


def for_reader(figures: WeekFigures, sources: WeekSources, *, user: AnyUser) -> WeekFigures:
    """The week as this user may see its aggregates: for everyone but COA, every cell over one
    or two confidential locations is afgeschermd (``core.confidentiality``, the one rule), and
    the register the week carries names no confidential location (:func:`_masked_register`)."""
    if access.can_see_confidential(user):
        return figures
    return _masked_register(suppressed(figures, sources.suppression), sources.confidential)


def _masked_register(figures: WeekFigures, confidential: frozenset[str]) -> WeekFigures:
    """The week with each confidential location of its register (``WeekFigures.locations``)
    as the location lists show it to a user who may not see it (``opvang.selectors._row``):
    no name, and no municipality, which with the kind often gives the name back. Its places
    then count for its province and for no municipality: the distribution over
    municipalities counted them where the location is, and that count minus the listed
    locations gave the municipality back. Capacity and dates stay (they are public)."""
    if not confidential or not any(loc.id in confidential for loc in figures.locations):
        return figures
    names = {p.code: p.name for p in reference.provinces()}
    return replace(
        figures,
        locations=tuple(
            replace(
                loc,
                name=masked_name(names.get(loc.province_code, loc.province_code)),
                municipality_code="",
            )
            if loc.id in confidential
            else loc
            for loc in figures.locations
        ),
    )


def masked(
    figures: WeekFigures, sources: WeekSources, *, user: AnyUser, scope: str
) -> ScopeFigures:
    """One scope of a computed week as this user may see it: closure names masked and small
    cells of confidential locations afgeschermd."""
    return with_closure_names(
        for_reader(figures, sources, user=user).scope(scope),
        lambda c: closure_name(c, user=user, confidential=sources.confidential),
        lambda c: closure_municipality(c, user=user, confidential=sources.confidential),
    )


def week_figures(*, user: AnyUser, week: IsoWeek) -> tuple[WeekFigures, WeekSources]:
    """The whole week (every province's aggregates) for a user who may log in, with the
    small cells of confidential locations afgeschermd unless the user may see them."""
    if not access.can_view(user):
        raise PermissionDenied
    figures, sources = week_data(week)
    return for_reader(figures, sources, user=user), sources


def targets_for(*, user: AnyUser, week: IsoWeek) -> tuple[TargetProgress, ...] | None:
    """The progress on the week's Monday of every national target and of the targets of each
    province the user may see in detail (a province user: the own province; the others:
    every province), as the weekly figures measure them, by deadline.

    The national scope holds only the targets without a province, so a province target
    agreed by the LRT was on no list of targets at all. None when the week has no location
    register: progress is then unknown, not 0.
    """
    figures, _sources = week_figures(user=user, week=week)
    if figures.national.reception is None:
        return None
    shown = list(figures.national.targets)
    for code, scoped in figures.provinces.items():
        if access.can_view_province_detail(user, code):
            shown.extend(p for p in scoped.targets if p.target.province_code == code)
    return tuple(sorted(shown, key=lambda p: p.target.deadline))


def province_aggregates(*, user: AnyUser, week: IsoWeek) -> list[ProvinceAggregate]:
    """Per province with a register: open locations, capacity and occupancy now (public sums).

    Read from the weekly figures, so the API's province totals are the catalogue's
    ``capaciteit_nu`` and ``bezetting_nu`` of each province.
    """
    figures, _sources = week_figures(user=user, week=week)
    return aggregates_of(figures)


def aggregates_of(figures: WeekFigures) -> list[ProvinceAggregate]:
    """``province_aggregates`` of a week already read for the user (no second read)."""
    rows = []
    for province in reference.provinces():
        reception = figures.scope(province.code).reception
        if reception is None or reception.locations_open == 0:
            continue
        rows.append(
            ProvinceAggregate(
                province_code=province.code,
                province_name=province.name,
                locations=reception.locations_open,
                capacity=reception.capacity_now,
                occupancy=None if reception.totals_suppressed else reception.occupancy_now,
                structural_capacity=reception.structural_now,
                temporary_capacity=reception.temporary_now,
            )
        )
    return rows


HISTORY_WEEKS = 52
"""How far back a trend looks by default (and at most): one year of weekly figures."""

_HISTORY: BoundedCache[dict[bool, dict[str, dict[str, Number | None]]]] = BoundedCache.by_count(
    1024
)
_WEEK_IDS: BoundedCache[tuple[Hashable, ...]] = BoundedCache.by_count(1024)


def _data_identity() -> tuple[Hashable, ...]:
    """What any week's figures depend on, in four queries: every import (a new version, a
    withdrawal), every stored period, every target and every week's chosen need policy, and
    the settings of the figures.

    Coarse (a new import changes it for every week) but cheap enough to ask on every
    request; while it stays equal, each week's own identity is known without a query.
    """
    imports = Import.objects.aggregate(
        n=Count("id"),
        accepted=Count("id", filter=Q(status=Status.ACCEPTED)),
        last=Max("id"),
        at=Max("uploaded_at"),
    )
    periods = TaakstellingPeriod.objects.aggregate(n=Count("id"), last=Max("id"), at=Max("set_at"))
    targets = Target.objects.aggregate(n=Count("id"), last=Max("id"), at=Max("created_at"))
    chosen = WeekNeedPolicy.objects.aggregate(n=Count("id"), last=Max("id"), at=Max("chosen_at"))
    return (
        tuple(imports.values()),
        tuple(periods.values()),
        tuple(targets.values()),
        tuple(chosen.values()),
        str(getattr(settings, "REGIETAFEL_HORIZONS", "")),
        str(getattr(settings, "REGIETAFEL_BUFFER", "")),
    )


def _week_values(
    week: IsoWeek, everything: tuple[Hashable, ...]
) -> dict[bool, dict[str, dict[str, Number | None]]]:
    """Every catalogue value of every scope in ``week``, for a reader who may see confidential
    locations (``True``) and for every other reader (``False``: the small cells afgeschermd,
    as ``for_reader`` does for this week's figures, so a trend never gives them back).

    Kept by the week's own data identity (as the figures cache), so a new import of week 45
    computes weeks 45 and later again and leaves the weeks before it; while nothing at all
    changed (``everything``) that identity is remembered without asking the database. Apart
    from the figures cache, so a year of history does not push out the weeks people read;
    computed by the same ``_compute`` as every other surface.
    """
    key = _WEEK_IDS.get((everything, week.label))
    stored = None
    if key is None:
        stored = _stored(week)
        key = stored.identity(week)
        _WEEK_IDS.put((everything, week.label), key)

    def compute() -> dict[bool, dict[str, dict[str, Number | None]]]:
        figures, sources = _compute(week, stored or _stored(week))
        shielded = suppressed(figures, sources.suppression)
        return {
            see_all: {
                scope.scope: catalogue_values(scope)
                for scope in (shown.national, *shown.provinces.values())
            }
            for see_all, shown in ((True, figures), (False, shielded))
        }

    return _HISTORY.value(key, compute)


def history_warm_up(weeks: int = 52) -> None:
    """Compute the history behind the overview of the newest week once, in the background
    of a server process, so the first visitor after a start does not wait for a year of
    figures. Errors are not raised: a cold cache only costs time."""
    from django.db import connection

    try:
        week = default_week()
        if week is not None:
            everything = _data_identity()
            for back in range(min(weeks, HISTORY_WEEKS)):
                _week_values(week.shifted(-back), everything)
    except Exception:  # warming is an optimisation, never a failure
        return
    finally:
        connection.close()


def figure_histories(
    *,
    user: AnyUser,
    scope: str | None,
    codes: Sequence[str],
    until_week: IsoWeek,
    weeks: int = HISTORY_WEEKS,
) -> dict[str, FigureHistory]:
    """The history of several figures of one scope at once (one identity check for all);
    see ``figure_history``."""
    figures = [definition(code) for code in codes]
    if not access.can_view(user):
        raise PermissionDenied
    scope_code = normalise_scope(scope)
    if scope_code != NATIONAL:
        access.require_province_detail(user, scope_code)
    count = max(1, min(weeks, HISTORY_WEEKS))
    identity = _data_identity()
    see_all = access.can_see_confidential(user)
    shown_weeks = [until_week.shifted(-back) for back in range(count - 1, -1, -1)]
    per_week = [
        (
            week.label,
            values[see_all].get(scope_code, {}),
            values[True].get(scope_code, {}),  # what COA sees: known but afgeschermd
        )
        for week, values in ((w, _week_values(w, identity)) for w in shown_weeks)
    ]
    # The projection ahead is the chosen week's own (masked for this reader, like its value).
    now = figures_for(user=user, week=until_week, scope=scope_code)
    return {
        figure.code: FigureHistory(
            definition=figure,
            scope=scope_code,
            points=tuple(
                HistoryPoint(
                    label,
                    values.get(figure.code),
                    suppressed=values.get(figure.code) is None
                    and every.get(figure.code) is not None,
                )
                for label, values, every in per_week
            ),
            projection=tuple(
                HistoryPoint(until_week.shifted(ahead).label, value)
                for ahead, value in enumerate(figure.projection(now), start=1)
            ),
        )
        for figure in figures
    }


def figure_history(
    *,
    user: AnyUser,
    scope: str | None,
    code: str,
    until_week: IsoWeek,
    weeks: int = HISTORY_WEEKS,
) -> FigureHistory:
    """Figure ``code`` of ``scope`` in the ``weeks`` weeks (at most 52) up to and including
    ``until_week``, oldest first.

    Each point is the value the overview shows for that week (the data that held then); a
    week without data is a point without a value, never 0. ``projection`` holds the figure in
    the weeks after ``until_week`` where the figures model projects it (the contracted
    capacity, the forecast's occupancy: ``FigureDefinition.ahead``), drawn dashed. Access as
    ``figures_for``; KeyError for an unknown code.
    """
    return figure_histories(
        user=user, scope=scope, codes=[code], until_week=until_week, weeks=weeks
    )[code]
