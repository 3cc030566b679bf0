"""Computing a week's report: the one place the report reads the other apps' selectors.

The report is computed as a system-level read with national rights (an unsaved landelijk
user); who may *read* a published report is decided when it is read
(``access.can_read_report``). Everything is converted here into the plain ``ReportData``,
so the renderers never touch the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.conf import settings
from django.http import Http404
from django.utils import timezone

from regietafel import reference
from regietafel.accounts.models import Role, User
from regietafel.boodschappenlijst.selectors import shopping_list_for
from regietafel.core.need import GapRow, need_by_week
from regietafel.core.periods import IsoWeek, Period
from regietafel.core.rules import (
    SOMEWHAT_BEHIND_SHARE,
    NeedCategory,
    ScheduleClass,
    schedule_arrears,
)
from regietafel.core.taakstelling import ProgressAggregate, ProgressRow
from regietafel.doelen.selectors import targets_progress
from regietafel.imports.models import Import
from regietafel.opvang.models import SeriesMetric
from regietafel.opvang.selectors import series_latest
from regietafel.opvangbeeld.selectors import ReceptionPicture, reception_picture
from regietafel.rapportage.data import (
    GapLine,
    KeyFigure,
    MunicipalityProgress,
    ProvinceCapacity,
    ProvinceProgress,
    ReportData,
    ShoppingLine,
    Source,
    TaakstellingSection,
    TargetLine,
    Timeline,
)
from regietafel.taakstelling.selectors import ProgressView, progress

NATIONAL = "NL"
TIMELINE_WEEKS = 104
TARGET_UNITS = {"places": "plaatsen", "locations": "locaties"}


def system_reader() -> User:
    """An unsaved national user: the report is computed with national rights."""
    return User(username="rapportage", role=Role.LANDELIJK, is_active=True)


def thresholds_text() -> str:
    numerator, denominator = SOMEWHAT_BEHIND_SHARE
    share = round(100 * numerator / denominator)
    return (
        f"Een gemeente is {ScheduleClass.ON_SCHEDULE.label} als zij ten minste (verstreken "
        "maanden ÷ 6) × de gecorrigeerde taakstelling heeft gehuisvest; "
        f"{ScheduleClass.SOMEWHAT_BEHIND.label} bij minder dan dat maar ten minste {share} % "
        f"ervan; {ScheduleClass.FAR_BEHIND.label} bij minder dan {share} % ervan."
    )


def _percentage(part: float, whole: float) -> float | None:
    return round(100 * part / whole, 4) if whole > 0 else None


def _progress(week: IsoWeek, scope: str) -> ProgressView | None:
    label = Period.containing(week.monday).label
    try:
        return progress(
            user=system_reader(),
            label=label,
            week=week.label,
            province=None if scope == NATIONAL else scope,
        )
    except Http404:
        return None


def _scope_rows(view: ProgressView, scope: str) -> tuple[ProgressRow, ...]:
    return tuple(r for r in view.municipalities if scope in (NATIONAL, r.province))


def _aggregate(total: ProgressAggregate, code: str, name: str) -> ProvinceProgress:
    row = total.row
    return ProvinceProgress(
        code=code,
        name=name,
        municipalities=total.municipalities,
        taakstelling=row.taakstelling,
        arrears=row.arrears,
        corrected=row.corrected,
        housed=row.housed,
        expected=round(row.expected, 4),
        percentage=_percentage(row.housed, row.corrected),
        on_schedule=total.on_schedule,
        somewhat_behind=total.somewhat_behind,
        far_behind=total.far_behind,
    )


def _taakstelling(view: ProgressView | None, scope: str) -> TaakstellingSection:
    if view is None:
        return TaakstellingSection(None, 0, None, thresholds_text(), None, (), ())
    rows = _scope_rows(view, scope)
    provinces = tuple(
        _aggregate(p.total, p.code, p.name) for p in view.provinces if scope in (NATIONAL, p.code)
    )
    return TaakstellingSection(
        period=view.period.label,
        months_elapsed=view.months_elapsed,
        realisation_week=view.realisation.week if view.realisation else None,
        thresholds=thresholds_text(),
        national=_aggregate(view.national, NATIONAL, "Nederland"),
        provinces=provinces,
        municipalities=tuple(
            MunicipalityProgress(
                code=r.code,
                name=r.name,
                province_code=r.province,
                taakstelling=r.taakstelling,
                arrears=r.arrears,
                corrected=r.corrected,
                housed=r.housed,
                expected=round(r.expected, 4),
                percentage=_percentage(r.housed, r.corrected),
                schedule=r.schedule.value,
                schedule_label=r.schedule.label,
            )
            for r in rows
        ),
    )


def _taakstelling_figures(view: ProgressView | None, scope: str) -> dict[str, float | None]:
    if view is None:
        return dict.fromkeys(("corrected", "housed", "percentage", "arrears", "behind"))
    rows = _scope_rows(view, scope)
    corrected = sum(r.corrected for r in rows)
    housed = sum(r.housed for r in rows)
    return {
        "corrected": corrected,
        "housed": housed,
        "percentage": _percentage(housed, corrected),
        "arrears": sum(schedule_arrears(r.housed, r.corrected, r.months_elapsed) for r in rows),
        "behind": sum(1 for r in rows if r.schedule is not ScheduleClass.ON_SCHEDULE),
    }


def _scope_code(scope: str) -> str | None:
    return None if scope == NATIONAL else scope


def _picture(week: IsoWeek, scope: str) -> ReceptionPicture:
    return reception_picture(user=system_reader(), week=week, province_code=_scope_code(scope))


def _reception_figures(picture: ReceptionPicture) -> dict[str, int | None]:
    if picture.register is None:
        return {}
    total, _, _ = picture.scope_series()
    gaps = picture.scope_gaps
    figures: dict[str, int | None] = {
        "occupancy": sum(picture.scope_occupancy().values()),
        "capacity": total[0] if total else 0,
    }
    for horizon in dict.fromkeys(g.horizon for g in gaps):
        rows = [g for g in gaps if g.horizon == horizon]
        figures[f"need_{horizon.name}"] = sum(g.need for g in rows)
        figures[f"gap_{horizon.name}"] = sum(max(0, g.gap) for g in rows)
    return figures


def _gap_line(row: GapRow) -> GapLine:
    return GapLine(
        horizon=row.horizon.name,
        horizon_label=row.horizon.label,
        weeks=row.horizon.weeks,
        category=row.category.value,
        category_label=row.category.label,
        occupancy_used=row.occupancy_used,
        buffer=row.buffer,
        need=row.need,
        capacity=row.capacity,
        gap=row.gap,
        gap_locations=row.gap_locations,
    )


def _timeline(picture: ReceptionPicture) -> Timeline | None:
    if picture.register is None:
        return None
    total, structural, temporary = picture.scope_series()
    weeks = min(TIMELINE_WEEKS, len(total))
    need = need_by_week(picture.scope_gaps, weeks) if picture.scope_gaps else None
    return Timeline(
        week_starts=tuple(d.isoformat() for d in picture.timeline.week_starts[:weeks]),
        structural=tuple(int(x) for x in structural[:weeks]),
        temporary=tuple(int(x) for x in temporary[:weeks]),
        need=tuple(int(x) for x in need) if need is not None else None,
    )


def _province_capacity(picture: ReceptionPicture, on: date) -> tuple[ProvinceCapacity, ...]:
    """Each province's capacity now against its share of the national capacity by inhabitants."""
    if picture.register is None:
        return ()
    inhabitants: dict[str, int] = {}
    for m in reference.municipalities(on):
        inhabitants[m.province_code] = inhabitants.get(m.province_code, 0) + m.inhabitants
    everyone = sum(inhabitants.values())
    by_province = picture.timeline.by_province
    national = int(picture.timeline.total[0]) if len(picture.timeline.total) else 0
    rows = []
    for province in reference.provinces():
        series = by_province.get(province.code)
        capacity = int(series[0]) if series is not None and len(series) else 0
        occupancy = sum(picture.occupancy.get(province.code, {}).values())
        fair = national * inhabitants.get(province.code, 0) / everyone if everyone else 0.0
        rows.append(
            ProvinceCapacity(
                code=province.code,
                name=province.name,
                capacity=capacity,
                occupancy=occupancy,
                fair_share=round(fair, 4),
                percentage=_percentage(capacity, fair),
            )
        )
    return tuple(rows)


def _targets(week: IsoWeek, picture: ReceptionPicture, scope: str) -> tuple[TargetLine, ...]:
    lines = []
    for p in targets_progress(user=system_reader(), week=week, locations=picture.locations):
        target = p.target
        if scope != NATIONAL and target.province_code not in (None, scope):
            continue
        lines.append(
            TargetLine(
                title=target.title,
                category_label=NeedCategory(target.category).label,
                unit=TARGET_UNITS.get(target.unit, target.unit),
                quantity=target.quantity,
                quantity_max=target.quantity_max,
                start=target.start.isoformat(),
                deadline=target.deadline.isoformat(),
                achieved=p.achieved,
                remaining=p.remaining,
                expected_by_now=p.expected_by_now,
                status=p.status.value,
                status_label=p.status.label,
            )
        )
    return tuple(lines)


def _shopping(week: IsoWeek, scope: str) -> tuple[ShoppingLine, ...]:
    scoped = shopping_list_for(user=system_reader(), week=week, scope=scope)
    return tuple(
        ShoppingLine(
            key=m.item.key,
            category_label=m.item.category.label,
            description=m.item.description,
            quantity=m.item.quantity,
            unit=m.item.unit,
            deadline=m.item.deadline.isoformat(),
            party_label=m.item.party.label,
            partners=", ".join(p.label for p in m.item.partners),
            status=m.item.status.label,
        )
        for m in scoped.items
    )


def _import_source(label: str, batch: Import | None) -> Source:
    if batch is None:
        return Source(label, "niet aangeleverd")
    synthetic = ", synthetische demodata" if batch.synthetic else ""
    return Source(
        label,
        f"week {batch.week}, versie {batch.version}, bestand {batch.file_name} "
        f"(import {batch.pk}, SHA-256 {batch.checksum[:12]}…){synthetic}",
    )


def _waiting(week: IsoWeek) -> tuple[int | None, int | None, str | None]:
    overview = series_latest(user=system_reader(), week=week)
    for value in overview.values:
        if value.metric == SeriesMetric.WACHTEND.value:
            return value.value, value.previous, overview.source_week
    return None, None, overview.source_week


def _key_figures(
    *,
    reception: dict[str, int | None],
    reception_before: dict[str, int | None],
    task: dict[str, float | None],
    task_before: dict[str, float | None],
    gaps: Sequence[GapRow],
    waiting: tuple[int | None, int | None] | None,
) -> tuple[KeyFigure, ...]:
    figures = [
        KeyFigure(
            "bezetting",
            "mensen in de opvang",
            "personen",
            reception.get("occupancy"),
            reception_before.get("occupancy"),
            0,
            None,
        ),
        KeyFigure(
            "capaciteit",
            "opvangcapaciteit",
            "plaatsen",
            reception.get("capacity"),
            reception_before.get("capacity"),
            0,
            True,
        ),
    ]
    for horizon in dict.fromkeys(g.horizon for g in gaps):
        figures.append(
            KeyFigure(
                f"benodigd_{horizon.name}",
                f"benodigde plaatsen, {horizon.label}",
                "plaatsen",
                reception.get(f"need_{horizon.name}"),
                reception_before.get(f"need_{horizon.name}"),
                0,
                None,
            )
        )
    for horizon in dict.fromkeys(g.horizon for g in gaps):
        figures.append(
            KeyFigure(
                f"tekort_{horizon.name}",
                f"tekort, {horizon.label}",
                "plaatsen",
                reception.get(f"gap_{horizon.name}"),
                reception_before.get(f"gap_{horizon.name}"),
                0,
                False,
            )
        )
    if waiting is not None:
        figures.append(
            KeyFigure(
                "vergunninghouders_in_opvang",
                "vergunninghouders in de opvang",
                "personen",
                waiting[0],
                waiting[1],
                0,
                False,
            )
        )
    figures += [
        KeyFigure(
            "gecorrigeerde_taakstelling",
            "gecorrigeerde taakstelling (periode)",
            "personen",
            task["corrected"],
            task_before["corrected"],
            0,
            None,
        ),
        KeyFigure(
            "gehuisvest",
            "gehuisvest in de periode",
            "personen",
            task["housed"],
            task_before["housed"],
            0,
            True,
        ),
        KeyFigure(
            "gehuisvest_procent",
            "gehuisvest als deel van de gecorrigeerde taakstelling",
            "%",
            None if task["percentage"] is None else round(task["percentage"], 1),
            None if task_before["percentage"] is None else round(task_before["percentage"], 1),
            1,
            True,
        ),
        KeyFigure(
            "achterstand",
            "achterstand op schema",
            "personen",
            task["arrears"],
            task_before["arrears"],
            0,
            False,
        ),
        KeyFigure(
            "gemeenten_achter",
            "gemeenten achter op schema",
            "gemeenten",
            task["behind"],
            task_before["behind"],
            0,
            False,
        ),
    ]
    return tuple(figures)


def report_data_collect(*, week: IsoWeek, scope: str) -> ReportData:
    """Compute the report of ``week`` for ``scope`` ("NL" or a province code)."""
    scope_name = "Nederland" if scope == NATIONAL else reference.province(scope).name
    picture = _picture(week, scope)
    picture_before = _picture(week.previous, scope)
    view = _progress(week, scope)
    view_before = _progress_same_period(week, scope, view)
    waiting: tuple[int | None, int | None] | None = None
    notes: list[str] = []
    series_week: str | None = None
    if scope == NATIONAL:
        value, previous, series_week = _waiting(week)
        waiting = (value, previous)
    else:
        notes.append(
            "Het aantal vergunninghouders in de opvang is alleen landelijk bekend en staat "
            "daarom in het landelijke rapport."
        )
    if picture.register is None:
        notes.append("Er is geen locatieregister aangeleverd voor deze week of een week ervoor.")
    notes.append(
        "Er is nog geen prognosemodel: de middellange en lange termijn volgen een rechte trend "
        "door de bezetting van de laatste weken, hoogstens een kwartaal vooruit, daarna vlak."
    )
    notes.append("Er is nog geen register van afspraken; aflopende afspraken ontbreken daarom.")
    imports = [picture.register, view.realisation if view else None]
    synthetic = bool(getattr(settings, "DEMO_MODE", False)) or any(
        batch.synthetic for batch in imports if batch is not None
    )
    sources = [
        _import_source("COA-locatieregister", picture.register),
        _import_source("realisatie taakstelling (COA)", view.realisation if view else None),
    ]
    if view is not None:
        period = view.period
        sources.append(
            Source(
                f"taakstelling {period.label}",
                f"landelijk {period.national_total} personen, inwoners per "
                f"{period.population_date.isoformat()}"
                + (f", {period.source}" if period.source else ""),
            )
        )
    if scope == NATIONAL:
        sources.append(
            Source(
                "landelijke reeksen", f"week {series_week}" if series_week else "niet aangeleverd"
            )
        )
    sources.append(Source("inwoners en grenzen", "CBS (CC BY 4.0)"))
    return ReportData(
        scope=scope,
        scope_name=scope_name,
        week=week.label,
        week_start=week.monday.isoformat(),
        synthetic=synthetic,
        computed_at=timezone.localtime().isoformat(timespec="seconds"),
        key_figures=_key_figures(
            reception=_reception_figures(picture),
            reception_before=_reception_figures(picture_before),
            task=_taakstelling_figures(view, scope),
            task_before=_taakstelling_figures(view_before, scope),
            gaps=picture.scope_gaps,
            waiting=waiting,
        ),
        taakstelling=_taakstelling(view, scope),
        gaps=tuple(_gap_line(row) for row in picture.scope_gaps),
        province_capacity=_province_capacity(picture, week.monday),
        timeline=_timeline(picture),
        targets=_targets(week, picture, scope),
        shopping=_shopping(week, scope),
        sources=tuple(sources),
        notes=tuple(notes),
    )


def _progress_same_period(
    week: IsoWeek, scope: str, view: ProgressView | None
) -> ProgressView | None:
    """Last week's progress of the same period (the change since last week)."""
    if view is None:
        return None
    try:
        return progress(
            user=system_reader(),
            label=view.period.label,
            week=week.previous.label,
            province=_scope_code(scope),
        )
    except Http404:
        return None
