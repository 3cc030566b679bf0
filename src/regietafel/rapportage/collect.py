"""Mapping a week's figures onto the report: the report computes nothing of its own.

Every number in a ``ReportData`` is read from the weekly figures (``core.figures`` via
``kerncijfers.selectors``) and named by the catalogue (``core.catalogue``); this module only
copies them into the plain, frozen report structure. The report is read as a system-level
read with national rights (an unsaved landelijk user); who may *read* a published report is
decided when it is read (``access.can_read_report``).
"""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.models import User
from regietafel.afspraken.selectors import AgreementState, agreement_states
from regietafel.core.agreements import MeetingKind
from regietafel.core.catalogue import Surface, definition, round_half_up
from regietafel.core.confidentiality import hidden_items_note
from regietafel.core.figures import NATIONAL, HousingFigures, ScopeFigures
from regietafel.core.forecast import SCENARIOS, ForecastError
from regietafel.core.formatting import format_date_nl, format_int_nl
from regietafel.core.need import GapRow
from regietafel.core.periods import IsoWeek
from regietafel.core.rules import SHOPPING_CATEGORY_FOR_NEED, ScheduleClass
from regietafel.core.taakstelling import ProgressRow
from regietafel.core.targets import UNIT_LABELS
from regietafel.errors import NoDataError
from regietafel.imports.models import Import
from regietafel.kerncijfers.selectors import (
    WeekSources,
    figure_changes,
    figure_histories,
    figures_for,
    for_report_audience,
    week_figures,
)
from regietafel.opvangprognose.selectors import (
    ForecastSuppressedError,
    forecast_outlook,
    target_chances,
)
from regietafel.opvangprognose.tables import (
    outlook_buffer_table,
    outlook_dates_table,
    target_chances_table,
)
from regietafel.presentation.tables import ResultTable, cell_text, machine_value
from regietafel.prognose.cache import GROWTH_SCENARIO
from regietafel.rapportage.data import (
    AgreementLine,
    ForecastFan,
    GapLine,
    KeyFigure,
    MunicipalityProgress,
    NeedPolicyLine,
    ProvinceCapacity,
    ProvinceProgress,
    ReportData,
    ReportTable,
    ShoppingLine,
    Source,
    TaakstellingSection,
    TargetLine,
    Timeline,
)
from regietafel.taakstelling.selectors import no_taakstelling_reason, thresholds_text

__all__ = ["NoDataError", "report_data_collect"]


def system_reader() -> User:
    """An unsaved national user: the report is computed with national rights."""
    return access.system_reader("rapportage")


def _province_progress(housing: HousingFigures, code: str, name: str) -> ProvinceProgress:
    return ProvinceProgress(
        code=code,
        name=name,
        municipalities=len(housing.rows),
        taakstelling=housing.taakstelling,
        arrears=housing.arrears_carried,
        corrected=housing.corrected,
        housed=housing.housed,
        expected=float(housing.expected),
        percentage=housing.share_housed,
        on_schedule=housing.class_count(ScheduleClass.ON_SCHEDULE),
        somewhat_behind=housing.class_count(ScheduleClass.SOMEWHAT_BEHIND),
        far_behind=housing.class_count(ScheduleClass.FAR_BEHIND),
    )


def _municipality(row: ProgressRow) -> MunicipalityProgress:
    return MunicipalityProgress(
        code=row.code,
        name=row.name,
        province_code=row.province,
        taakstelling=row.taakstelling,
        arrears=row.arrears,
        corrected=row.corrected,
        housed=row.housed,
        expected=row.expected,
        percentage=row.percentage,
        schedule=None if row.schedule is None else row.schedule.value,
        schedule_label=None if row.schedule is None else row.schedule.label,
    )


def _taakstelling(figures: ScopeFigures, provinces: dict[str, ScopeFigures]) -> TaakstellingSection:
    housing = figures.housing
    if housing is None:
        return TaakstellingSection(None, 0, None, thresholds_text(), None, (), ())
    national = provinces.get(NATIONAL, figures).housing
    return TaakstellingSection(
        period=housing.period.label,
        months_elapsed=housing.months_elapsed,
        realisation_week=housing.realisation_week,
        thresholds=thresholds_text(),
        national=_province_progress(national, NATIONAL, "Nederland") if national else None,
        provinces=tuple(
            _province_progress(scope.housing, code, reference.province(code).name)
            for code, scope in provinces.items()
            if code != NATIONAL
            and scope.housing is not None
            and (figures.is_national or code == figures.scope)
        ),
        # Every PRT reads the national report, and a PRT sees only its own municipalities in
        # detail (access.can_view_province_detail): per municipality is the province reports'.
        municipalities=() if figures.is_national else tuple(_municipality(r) for r in housing.rows),
    )


def _gap_line(row: GapRow, *, hidden: bool = False, charted: bool = True) -> GapLine:
    return GapLine(
        horizon=row.horizon.name,
        horizon_label=row.horizon.label,
        weeks=row.horizon.weeks,
        category=row.category.value,
        category_label=row.category.label,
        occupancy_used=None if hidden else row.occupancy_used,
        buffer=None if hidden else row.buffer,
        need=None if hidden else row.need,
        capacity=row.capacity,
        gap=None if hidden else row.gap,
        gap_locations=None if hidden else row.gap_locations,
        suppressed=hidden,
        charted=charted,
    )


def _timeline(figures: ScopeFigures) -> Timeline | None:
    reception = figures.reception
    if reception is None:
        return None
    return Timeline(
        week_starts=tuple(d.isoformat() for d in reception.week_starts),
        structural=reception.capacity_structural,
        temporary=reception.capacity_temporary,
        need=None if reception.totals_suppressed else reception.need_by_week,
        total=reception.capacity_total,
    )


def _province_capacity(provinces: dict[str, ScopeFigures]) -> tuple[ProvinceCapacity, ...]:
    """Each province's capacity now against its even share of the national capacity now."""
    fair = definition("evenredig_deel_capaciteit")
    rows = []
    for province in reference.provinces():
        reception = provinces[province.code].reception
        if reception is None:
            continue
        share = fair.value(provinces[province.code])
        rows.append(
            ProvinceCapacity(
                code=province.code,
                name=province.name,
                capacity=reception.capacity_now,
                occupancy=None if reception.totals_suppressed else reception.occupancy_now,
                occupancy_suppressed=reception.totals_suppressed,
                fair_share=None if share is None else float(share),
                percentage=reception.capacity_of_fair_share,
            )
        )
    return tuple(rows)


def _targets(figures: ScopeFigures) -> tuple[TargetLine, ...]:
    return tuple(
        TargetLine(
            title=p.target.title,
            category_label=p.target.category.label,
            unit=UNIT_LABELS[p.target.unit],
            quantity=p.target.quantity,
            quantity_max=p.target.quantity_max,
            start=p.target.start.isoformat(),
            deadline=p.target.deadline.isoformat(),
            achieved=p.achieved,
            remaining=p.remaining,
            expected_by_now=p.expected_by_now,
            status=p.status.value,
            status_label=p.status.label,
        )
        for p in figures.targets
    )


def _shopping(figures: ScopeFigures) -> tuple[ShoppingLine, ...]:
    return tuple(
        ShoppingLine(
            key=item.key,
            category_label=item.category.label,
            description=item.description,
            quantity=item.quantity,
            unit=item.unit_label,
            deadline=item.deadline.isoformat(),
            party_label=item.party.label,
            partners=", ".join(p.label for p in item.partners),
            status=item.status.label,
        )
        for item in figures.shopping
    )


def _agreement_line(state: AgreementState) -> AgreementLine:
    return AgreementLine(
        number=state.number,
        text=state.agreement.text,
        table=state.table,
        owner=state.owner,
        deadline=state.deadline.isoformat() if state.deadline else "",
        status_label=state.status.label,
        note=state.note,
        progress=state.progress_text,
        health=state.health.value if state.health else "",
        health_label=state.health.label if state.health else "",
        overdue=state.overdue,
    )


def _agreements(reader: User, week: IsoWeek, scope: str) -> tuple[AgreementLine, ...]:
    """The active agreements of the scope's tables on the week's Sunday, with their measured
    progress that week: LRT and HLRT nationally, the province's PRT in its report."""
    if scope == NATIONAL:
        kinds = [MeetingKind.LRT, MeetingKind.HLRT]
        states = [
            s
            for kind in kinds
            for s in agreement_states(user=reader, on=week.sunday, kind=kind, active_only=True)
        ]
    else:
        states = agreement_states(
            user=reader, on=week.sunday, kind=MeetingKind.PRT, province_code=scope, active_only=True
        )
    return tuple(_agreement_line(s) for s in states)


def _import_source(label: str, batch: Import | None) -> Source:
    if batch is None:
        return Source(label, "niet aangeleverd")
    synthetic = ", synthetische demodata" if batch.synthetic else ""
    return Source(
        label,
        f"week {batch.week}, versie {batch.version}, bestand {batch.file_name} "
        f"(import {batch.pk}, SHA-256 {batch.checksum[:12]}…){synthetic}",
    )


def _sources(figures: ScopeFigures, sources: WeekSources) -> list[Source]:
    result = [
        _import_source("COA-locatieregister", sources.register),
        _import_source("realisatie taakstelling (COA)", sources.realisation),
    ]
    if sources.period is not None:
        period = sources.period
        result.append(
            Source(
                f"taakstelling {period.label}",
                f"landelijk {format_int_nl(period.national_total)} personen, inwoners per "
                f"{format_date_nl(period.population_date)}"
                + (f", {period.source}" if period.source else ""),
            )
        )
    if figures.is_national:
        result.append(
            Source(
                "landelijke reeksen",
                f"week {sources.series.week}" if sources.series else "niet aangeleverd",
            )
        )
    result.append(Source("inwoners en grenzen", "CBS (CC BY 4.0)"))
    return result


def _need_policy(sources: WeekSources, scope: str) -> NeedPolicyLine | None:
    """The need policy the week's need used, frozen with the report, named as it applies to
    the report's scope (``NeedPolicy.label_for``)."""
    choice = sources.need_policy
    if choice is None:
        return None
    return NeedPolicyLine(
        key=choice.policy.key,
        label=choice.policy.label_for(national=scope == NATIONAL),
        source=choice.policy.source,
        explanation=choice.explanation,
    )


def _key_figures(
    now: ScopeFigures, before: ScopeFigures, *, reader: User, week: IsoWeek
) -> tuple[KeyFigure, ...]:
    shown = figure_changes(now, before, Surface.RAPPORT)
    histories = figure_histories(
        user=reader, scope=now.scope, codes=[c.definition.code for c in shown], until_week=week
    )
    figures = []
    for c in shown:
        history = histories[c.definition.code]
        figures.append(
            KeyFigure(
                key=c.definition.code,
                label=c.definition.name,
                unit=c.definition.unit,
                value=c.value,
                previous=c.earlier,
                decimals=c.definition.decimals,
                higher_is_better=c.definition.higher_is_better,
                definition=c.definition.definition,
                suppressed=c.suppressed,
                new_period=c.new_period,
                # The week before is the trend's last but one point (the same week data).
                previous_suppressed=len(history.points) > 1 and history.points[-2].suppressed,
                trend_weeks=tuple(p.week for p in history.points),
                trend=tuple(p.value for p in history.points),
                trend_suppressed=tuple(p.suppressed for p in history.points),
                projection_weeks=tuple(p.week for p in history.projection),
                projection=tuple(p.value for p in history.projection),
                reason=c.reason,
            )
        )
    return tuple(figures)


def _forecast(
    reader: User, week: IsoWeek, scope: str, projection: str
) -> tuple[ForecastFan | None, str]:
    """The middle scenario's fan from the week's Monday, as the Prognose page shows it.

    Without one, None and the page's reason: no forecast can start on that day (nothing
    published yet), or the start is afgeschermd for the report's readers.
    """
    try:
        view = forecast_outlook(
            user=reader, week=week, scenario=SCENARIOS[GROWTH_SCENARIO],
            province=None if scope == NATIONAL else scope,
        )  # fmt: skip
    except ForecastSuppressedError as error:
        return None, error.for_every_reader  # the page's reason speaks to one role
    except ForecastError as error:
        return None, str(error)
    key = view.run.key
    chances = target_chances(user=reader, week=week, view=view)
    page_tables = [outlook_dates_table(view)] if view.dates else []
    page_tables += [target_chances_table(chances), outlook_buffer_table(view)]
    fan = ForecastFan(
        scenario=f"{key.scenario.label} — {key.scenario.description}",
        origin=key.origin.isoformat(),
        paths=key.paths,
        seed=key.seed,
        data=key.data,
        policy=f"{view.policy_text} — bron: {view.policy.source}",
        projection=projection,
        levels=tuple(view.levels),
        week_starts=tuple(d.isoformat() for d in view.week_starts),
        occupancy=tuple(tuple(round_half_up(float(v)) for v in row) for row in view.occupancy),
        need=tuple(tuple(round_half_up(float(v)) for v in row) for row in view.need),
        start=f"bezetting bij de start {format_int_nl(view.start_occupancy)}: {view.start_note}",
        tables=tuple(frozen_table(t) for t in page_tables),
    )
    return fan, ""


def frozen_table(table: ResultTable) -> ReportTable:
    """``table`` as the report keeps it: each cell as the page writes it and as Excel stores
    it (``cell_text`` and ``machine_value`` of the one table builder)."""
    return ReportTable(
        name=table.name,
        title=table.title,
        headers=tuple(c.header for c in table.columns),
        numeric=tuple(c.numeric for c in table.columns),
        texts=tuple(
            tuple(cell_text(row.get(c.key), c) for c in table.columns) for row in table.rows
        ),
        values=tuple(
            tuple(machine_value(row.get(c.key), c) for c in table.columns) for row in table.rows
        ),
        empty=table.empty,
        dates=tuple(c.kind == "date" for c in table.columns),
    )


def report_data_collect(*, week: IsoWeek, scope: str) -> ReportData:
    """The report of ``week`` for ``scope`` ("NL" or a province code), read from the figures.

    Raises ``NoDataError`` when the week has neither a location register nor a taakstelling:
    an empty week is never published as if it were a week of zeros.
    """
    reader = system_reader()
    scope_name = "Nederland" if scope == NATIONAL else reference.province(scope).name
    figures = figures_for(user=reader, week=week, scope=scope)
    if not figures.has_data:
        raise NoDataError(
            f"voor week {week.label} ({scope_name}) is geen locatieregister en geen "
            "taakstelling vastgelegd: er is niets om te rapporteren"
        )
    before = figures_for(user=reader, week=week.previous, scope=scope)
    whole, sources = week_figures(user=reader, week=week)
    figures = for_report_audience(figures, sources)  # one document for every reader
    provinces = {NATIONAL: whole.national, **dict(whole.provinces)}
    notes: list[str] = []
    if not figures.is_national:
        notes.append(
            "Het aantal vergunninghouders in de opvang is alleen landelijk bekend en staat "
            "daarom in het landelijke rapport."
        )
    if figures.reception is None:
        notes.append("Er is geen locatieregister aangeleverd voor deze week of een week ervoor.")
    if figures.housing is None:
        notes.append(no_taakstelling_reason(week))
    elif figures.housing.housed is None:
        notes.append("Over dit halfjaar is nog geen realisatie gemeld: gehuisvest is onbekend.")
    if whole.projection:
        notes.append(f"Bezetting op middellange en lange termijn: {whole.projection}.")
    forecast, forecast_note = _forecast(reader, week, scope, whole.projection)
    # Kinds whose items the list leaves out for this report's readers: it says so.
    hidden = figures.reception.suppressed_kinds if figures.reception is not None else ()
    synthetic = bool(getattr(settings, "DEMO_MODE", False)) or any(
        batch.synthetic for batch in (sources.register, sources.realisation) if batch is not None
    )
    return ReportData(
        scope=scope,
        scope_name=scope_name,
        week=week.label,
        week_start=week.monday.isoformat(),
        synthetic=synthetic,
        computed_at=timezone.localtime().isoformat(timespec="seconds"),
        key_figures=_key_figures(figures, before, reader=reader, week=week),
        taakstelling=_taakstelling(figures, provinces),
        gaps=tuple(
            _gap_line(
                row,
                hidden=figures.reception.row_suppressed(row),
                charted=row in figures.reception.charted_gaps,
            )
            for row in figures.reception.gaps
        )
        if figures.reception is not None
        else (),
        province_capacity=_province_capacity(provinces),
        timeline=_timeline(figures),
        targets=_targets(figures),
        shopping=_shopping(figures),
        sources=tuple(_sources(figures, sources)),
        notes=tuple(notes),
        agreements=_agreements(reader, week, scope),
        forecast_available=forecast is not None,
        forecast=forecast,
        forecast_note=forecast_note,
        need_policy=_need_policy(sources, scope),
        shopping_note=hidden_items_note([kind.label for kind in hidden]),
        shopping_hidden=tuple(SHOPPING_CATEGORY_FOR_NEED[kind].label for kind in hidden),
    )
