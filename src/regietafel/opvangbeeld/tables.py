"""The tables of the reception picture, built once for the page, the CSV, the API and the CLI.

Only presentation: every number is read from the ``ReceptionPicture`` or a ``TargetProgress``
computed by the core.
"""

from __future__ import annotations

from collections.abc import Sequence

from regietafel import reference
from regietafel.core.need import capacity_at_horizons, need_by_week
from regietafel.core.rules import NeedCategory
from regietafel.core.targets import TargetProgress
from regietafel.opvangbeeld.selectors import ReceptionPicture
from regietafel.presentation.tables import Column, ResultTable, Value

_UNIT_LABELS = {"places": "plaatsen", "locations": "locaties"}


def _province_name(code: str | None) -> str:
    if code is None:
        return "landelijk"
    try:
        return reference.province(code).name
    except reference.ReferenceDataError:
        return code


def need_table(picture: ReceptionPicture) -> ResultTable:
    rows: list[dict[str, Value]] = [
        {
            "horizon": row.horizon.label,
            "weken": row.horizon.weeks,
            "categorie": row.category.label,
            "bezetting": row.occupancy_used,
            "buffer": row.buffer,
            "behoefte": row.need,
            "capaciteit": row.capacity,
            "tekort": row.gap,
            "tekort_locaties": row.gap_locations,
        }
        for row in picture.scope_gaps
    ]
    return ResultTable(
        "behoefte",
        "Behoefte tegenover capaciteit per horizon en soort opvang (tekort positief)",
        (
            Column("horizon", "Horizon"),
            Column("weken", "Weken vooruit", "int"),
            Column("categorie", "Soort opvang"),
            Column("bezetting", "Bezetting (gebruikt)", "int"),
            Column("buffer", "Buffer", "int"),
            Column("behoefte", "Behoefte", "int"),
            Column("capaciteit", "Capaciteit", "int"),
            Column("tekort", "Tekort", "int"),
            Column("tekort_locaties", "Tekort in locaties", "int"),
        ),
        tuple(rows),
    )


def capacity_table(picture: ReceptionPicture) -> ResultTable:
    per_horizon = capacity_at_horizons(
        picture.timeline, picture.horizons, province_code=picture.province_code
    )
    rows: list[dict[str, Value]] = []
    for horizon in picture.horizons:
        counts = per_horizon[horizon.name]
        rows.append(
            {
                "horizon": horizon.label,
                "peildatum": picture.timeline.week_starts[horizon.weeks - 1].isoformat(),
                "regulier": counts[NeedCategory.REGULAR],
                "amv": counts[NeedCategory.AMV],
                "sober": counts[NeedCategory.SOBER],
                "totaal": sum(counts.values()),
            }
        )
    return ResultTable(
        "capaciteit",
        "Capaciteit per horizon (plaatsen op de maandag van de laatste week)",
        (
            Column("horizon", "Horizon"),
            Column("peildatum", "Peildatum"),
            Column("regulier", "Regulier", "int"),
            Column("amv", "AMV", "int"),
            Column("sober", "Sober", "int"),
            Column("totaal", "Totaal", "int"),
        ),
        tuple(rows),
    )


def timeline_table(picture: ReceptionPicture) -> ResultTable:
    total, structural, temporary = picture.scope_series()
    need = need_by_week(picture.scope_gaps, len(total))
    by_type = picture.scope_series_by_type()
    rows: tuple[dict[str, Value], ...] = tuple(
        {
            "week": day.isoformat(),
            "structureel": structural[i],
            "tijdelijk": temporary[i],
            "totaal": total[i],
            "behoefte": need[i],
            **{f"soort_{t.value}": series[i] for t, series in by_type.items()},
        }
        for i, day in enumerate(picture.timeline.week_starts)
    )
    return ResultTable(
        "tijdlijn",
        "Capaciteit per week (structureel, tijdelijk en per soort) en behoefte",
        (
            Column("week", "Week vanaf"),
            Column("structureel", "Structureel", "int"),
            Column("tijdelijk", "Tijdelijk", "int"),
            Column("totaal", "Totaal", "int"),
            Column("behoefte", "Behoefte", "int"),
            *(Column(f"soort_{t.value}", t.label, "int") for t in by_type),
        ),
        rows,
    )


def closures_table(picture: ReceptionPicture) -> ResultTable:
    rows: tuple[dict[str, Value], ...] = tuple(
        {
            "locatie": c.name,
            "gemeente": c.municipality_code,
            "provincie": _province_name(c.province_code),
            "soort": c.type.label,
            "plaatsen": c.capacity,
            "einddatum": c.end.isoformat(),
        }
        for c in picture.closures
    )
    return ResultTable(
        "sluitingen",
        "Tijdelijke locaties die sluiten zonder opvolger",
        (
            Column("locatie", "Locatie"),
            Column("gemeente", "Gemeente"),
            Column("provincie", "Provincie"),
            Column("soort", "Soort"),
            Column("plaatsen", "Plaatsen", "int"),
            Column("einddatum", "Laatste dag"),
        ),
        rows,
    )


def provinces_table(picture: ReceptionPicture) -> ResultTable:
    """Aggregates per province (public figures): capacity now, occupancy, regular gap."""
    rows: list[dict[str, Value]] = []
    for province in reference.provinces():
        gaps = picture.gaps.get(province.code, ())
        regular = {r.horizon.name: r.gap for r in gaps if r.category is NeedCategory.REGULAR}
        occupancy = picture.occupancy.get(province.code, {})
        series = picture.timeline.by_province.get(province.code)
        rows.append(
            {
                "provincie": province.name,
                "capaciteit": int(series[0]) if series is not None else 0,
                "bezetting": sum(occupancy.values()),
                "tekort_kort": regular.get("kort", 0),
                "tekort_middellang": regular.get("middellang", 0),
                "tekort_lang": regular.get("lang", 0),
            }
        )
    return ResultTable(
        "provincies",
        "Per provincie: capaciteit en bezetting nu, tekort reguliere opvang per horizon",
        (
            Column("provincie", "Provincie"),
            Column("capaciteit", "Capaciteit nu", "int"),
            Column("bezetting", "Bezetting nu", "int"),
            Column("tekort_kort", "Tekort kort", "int"),
            Column("tekort_middellang", "Tekort middellang", "int"),
            Column("tekort_lang", "Tekort lang", "int"),
        ),
        tuple(rows),
    )


def targets_table(progress: Sequence[TargetProgress]) -> ResultTable:
    rows: tuple[dict[str, Value], ...] = tuple(
        {
            "doel": p.target.title,
            "gebied": _province_name(p.target.province_code),
            "soort": p.target.category.label,
            "eenheid": _UNIT_LABELS[p.target.unit],
            "aantal": p.target.quantity,
            "gerealiseerd": p.achieved,
            "resterend": p.remaining,
            "verwacht": p.expected_by_now,
            "deadline": p.target.deadline.isoformat(),
            "status": p.status.label,
        }
        for p in progress
    )
    return ResultTable(
        "doelen",
        "Doelen van de LRT en de voortgang volgens het locatieregister",
        (
            Column("doel", "Doel"),
            Column("gebied", "Gebied"),
            Column("soort", "Soort opvang"),
            Column("eenheid", "Eenheid"),
            Column("aantal", "Doel", "int"),
            Column("gerealiseerd", "Gerealiseerd", "int"),
            Column("resterend", "Nog nodig", "int"),
            Column("verwacht", "Verwacht op dit moment", "int"),
            Column("deadline", "Deadline"),
            Column("status", "Status"),
        ),
        rows,
    )
