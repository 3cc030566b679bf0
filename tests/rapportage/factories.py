"""Small hand-built reports: a few real municipalities, round numbers that are easy to check."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from regietafel import reference
from regietafel.core.periods import IsoWeek
from regietafel.rapportage.data import (
    GapLine,
    KeyFigure,
    MunicipalityProgress,
    NeedPolicyLine,
    ProvinceCapacity,
    ProvinceProgress,
    ReportData,
    ShoppingLine,
    Source,
    TaakstellingSection,
    TargetLine,
    Timeline,
)

MUNICIPALITIES = (
    # code, name, province, corrected, housed, class
    ("GM0363", "Amsterdam", "PV27", 600, 300, "ver-achter"),
    ("GM0392", "Haarlem", "PV27", 120, 100, "op-schema"),
    ("GM0014", "Groningen", "PV20", 160, 110, "enigszins-achter"),
)
LABELS = {
    "op-schema": "op schema",
    "enigszins-achter": "enigszins achter",
    "ver-achter": "ver achter",
}


def _municipality(row: tuple[str, str, str, int, int, str]) -> MunicipalityProgress:
    code, name, province, corrected, housed, klass = row
    return MunicipalityProgress(
        code=code,
        name=name,
        province_code=province,
        taakstelling=corrected - 10,
        arrears=10,
        corrected=corrected,
        housed=housed,
        expected=corrected * 4 / 6,
        percentage=100 * housed / corrected,
        schedule=klass,
        schedule_label=LABELS[klass],
    )


def _province(code: str, name: str, rows: list[MunicipalityProgress]) -> ProvinceProgress:
    corrected = sum(r.corrected for r in rows)
    housed = sum(r.housed for r in rows)
    return ProvinceProgress(
        code=code,
        name=name,
        municipalities=len(rows),
        taakstelling=sum(r.taakstelling for r in rows),
        arrears=sum(r.arrears for r in rows),
        corrected=corrected,
        housed=housed,
        expected=corrected * 4 / 6,
        percentage=100 * housed / corrected if corrected else None,
        on_schedule=sum(r.schedule == "op-schema" for r in rows),
        somewhat_behind=sum(r.schedule == "enigszins-achter" for r in rows),
        far_behind=sum(r.schedule == "ver-achter" for r in rows),
    )


def report_data(
    *, scope: str = "NL", week: str = "2021-W45", synthetic: bool = True, occupancy: int = 31_250
) -> ReportData:
    iso = IsoWeek.parse(week)
    all_rows = [_municipality(r) for r in MUNICIPALITIES]
    in_scope = [r for r in all_rows if scope in ("NL", r.province_code)]
    names = {p.code: p.name for p in reference.provinces()}
    provinces = tuple(
        _province(code, names[code], [r for r in in_scope if r.province_code == code])
        for code in ("PV20", "PV27")
        if any(r.province_code == code for r in in_scope)
    )
    national = _province("NL", "Nederland", in_scope)
    # Every PRT reads the national report: its municipality rows are the province reports'.
    rows = [] if scope == "NL" else in_scope
    weeks = 12
    timeline = Timeline(
        week_starts=tuple((iso.monday + timedelta(weeks=i)).isoformat() for i in range(weeks)),
        structural=tuple([30_000] * weeks),
        temporary=tuple([2_000] * 6 + [500] * 6),
        need=tuple([33_000] * weeks),
        total=tuple([32_000] * 6 + [30_500] * 6),  # structural + temporary, by hand
    )
    return ReportData(
        scope=scope,
        scope_name="Nederland" if scope == "NL" else names[scope],
        week=iso.label,
        week_start=iso.monday.isoformat(),
        synthetic=synthetic,
        computed_at="2021-11-08T09:00:00+01:00",
        key_figures=(
            KeyFigure("bezetting", "mensen in de opvang", "personen", occupancy, 30_900),
            KeyFigure("capaciteit", "opvangcapaciteit", "plaatsen", 32_000, 31_800),
            KeyFigure("tekort_kort", "tekort, korte termijn", "plaatsen", 1_200, 1_500),
            KeyFigure("gehuisvest_procent", "gehuisvest (%)", "%", 58.2, 55.0, 1),
        ),
        taakstelling=TaakstellingSection(
            period="2021-II",
            months_elapsed=4,
            realisation_week=iso.label,
            thresholds="op schema bij ten minste (maanden ÷ 6) × gecorrigeerde taakstelling",
            national=national,
            provinces=provinces,
            municipalities=tuple(rows),
        ),
        gaps=(
            GapLine(
                "kort",
                "korte termijn",
                4,
                "regulier",
                "reguliere opvang",
                occupancy,
                417,
                occupancy + 417,
                30_467,
                1_200,
                None,
            ),
            GapLine("kort", "korte termijn", 4, "amv", "AMV-opvang", 1_000, 0, 1_000, 900, 100, 2),
        ),
        province_capacity=(
            ProvinceCapacity("PV20", "Groningen", 4_000, 3_900, 1_800.5, 222.15),
            ProvinceCapacity("PV27", "Noord-Holland", 4_500, 4_400, 5_900.25, 76.27),
        ),
        timeline=timeline,
        targets=(
            TargetLine(
                "600 extra plaatsen",
                "reguliere opvang",
                "plaatsen",
                600,
                None,
                "2021-10-01",
                "2021-12-01",
                450,
                150,
                400,
                "op-koers",
                "op koers",
            ),
        ),
        shopping=(
            ShoppingLine(
                "regulier-kort",
                "reguliere opvangplekken",
                "Vind 1.200 plaatsen",
                1_200,
                "plaatsen",
                "2021-12-06",
                "provincie/PRT",
                "",
                "open",
            ),
        ),
        sources=(Source("COA-locatieregister", f"week {iso.label}, versie 1"),),
        notes=("Er is nog geen prognosemodel.",),
        need_policy=NeedPolicyLine(
            "lrt-voorjaar-2021",
            "vaste buffer van 417 plekken (LRT voorjaar 2021)",
            "LRT-notulen voorjaar 2021",
            "het beleid dat op de maandag van de week gold (gedateerde lijst)",
        ),
    )


def with_changes(data: ReportData, **figures: Any) -> ReportData:
    """A copy with some key figures' values replaced (key=value)."""
    return replace(
        data,
        key_figures=tuple(
            replace(f, value=figures[f.key]) if f.key in figures else f for f in data.key_figures
        ),
    )
