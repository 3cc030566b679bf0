"""The tables of the reception picture, built once for the page, the CSV, the API and the CLI.

Only presentation: every number is read from the ``ReceptionPicture`` or a ``TargetProgress``
computed by the core.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from regietafel import reference
from regietafel.core.capacity import Closure
from regietafel.core.catalogue import definition
from regietafel.core.confidentiality import SUPPRESSED_TEXT
from regietafel.core.formatting import NOT_APPLICABLE_TEXT
from regietafel.core.rules import HorizonRole, NeedCategory
from regietafel.opvangbeeld.selectors import ReceptionPicture
from regietafel.presentation.tables import Column, ResultTable, Value


def _province_name(code: str | None) -> str:
    return "landelijk" if code is None else reference.province_name(code)


def _hidden(value: Value, hidden: bool) -> Value:
    """A cell as this reader may see it: "afgeschermd" over one or two confidential locations."""
    return SUPPRESSED_TEXT if hidden else value


def need_table(picture: ReceptionPicture) -> ResultTable:
    reception = picture.reception
    rows: list[dict[str, Value]] = []
    for row in picture.scope_gaps:
        hidden = reception is not None and reception.row_suppressed(row)
        rows.append(
            {
                "horizon": row.horizon.label,
                "weken": row.horizon.weeks,
                "categorie": row.category.label,
                "bezetting": _hidden(row.occupancy_used, hidden),
                "buffer": _hidden(row.buffer, hidden),
                "behoefte": _hidden(row.need, hidden),
                "capaciteit": row.capacity,
                "tekort": _hidden(row.gap, hidden),
                "tekort_locaties": _hidden(row.gap_locations, hidden),
            }
        )
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
            # Only kinds with a standard location size (AMV, sober) count locations.
            Column("tekort_locaties", "Tekort in locaties", "int", none_text=NOT_APPLICABLE_TEXT),
        ),
        tuple(rows),
        masked=True,
    )


def capacity_table(picture: ReceptionPicture) -> ResultTable:
    rows: list[dict[str, Value]] = []
    reception = picture.reception
    for horizon in picture.horizons if reception is not None else ():
        assert reception is not None
        counts = {r.category: r.capacity for r in reception.gaps if r.horizon == horizon}
        rows.append(
            {
                "horizon": horizon.label,
                "peildatum": horizon.reference_day(reception.week_starts[0]).isoformat(),
                "regulier": counts.get(NeedCategory.REGULAR, 0),
                "amv": counts.get(NeedCategory.AMV, 0),
                "sober": counts.get(NeedCategory.SOBER, 0),
                "totaal": reception.capacity_total[horizon.weeks_ahead],
            }
        )
    return ResultTable(
        "capaciteit",
        "Capaciteit per horizon (plaatsen op de maandag van de laatste week)",
        (
            Column("horizon", "Horizon"),
            Column("peildatum", "Peildatum", "date"),
            Column("regulier", "Regulier", "int"),
            Column("amv", "AMV", "int"),
            Column("sober", "Sober", "int"),
            Column("totaal", "Totaal", "int"),
        ),
        tuple(rows),
        masked=True,
    )


def timeline_table(picture: ReceptionPicture) -> ResultTable:
    reception = picture.reception
    by_type = picture.scope_series_by_type()
    rows: tuple[dict[str, Value], ...] = ()
    if reception is not None:
        rows = tuple(
            {
                "week": day.isoformat(),
                "structureel": reception.capacity_structural[i],
                "tijdelijk": reception.capacity_temporary[i],
                "totaal": reception.capacity_total[i],
                "behoefte": _hidden(reception.need_by_week[i], reception.totals_suppressed),
                **{f"soort_{t.value}": series[i] for t, series in by_type.items()},
            }
            for i, day in enumerate(reception.week_starts)
        )
    return ResultTable(
        "tijdlijn",
        "Capaciteit per week (structureel, tijdelijk en per soort) en behoefte",
        (
            Column("week", "Week vanaf", "date"),
            Column("structureel", "Structureel", "int"),
            Column("tijdelijk", "Tijdelijk", "int"),
            Column("totaal", "Totaal", "int"),
            Column("behoefte", "Behoefte", "int"),
            *(Column(f"soort_{t.value}", t.label, "int") for t in by_type),
        ),
        rows,
        masked=True,
    )


_CLOSURE_COLUMNS = (
    Column("locatie", "Locatie"),
    Column("gemeente", "Gemeente"),
    Column("provincie", "Provincie"),
    Column("soort", "Soort"),
    Column("plaatsen", "Plaatsen", "int"),
    Column("einddatum", "Laatste dag", "date"),
)


def _closure_rows(closures: Sequence[Closure], on: date) -> tuple[dict[str, Value], ...]:
    """A closure's municipality by name; masked with the name, "afgeschermd" (an empty cell
    read as a fault, and the code as a number)."""
    names = reference.municipality_names(on)
    return tuple(
        {
            "locatie": c.name,
            "gemeente": names.get(c.municipality_code, c.municipality_code)
            if c.municipality_code
            else SUPPRESSED_TEXT,
            "provincie": _province_name(c.province_code),
            "soort": c.type.label,
            "plaatsen": c.capacity,
            "einddatum": c.end.isoformat(),
        }
        for c in closures
    )


def closures_table(picture: ReceptionPicture) -> ResultTable:
    """The closures the key figure counts: without successor within half a year."""
    return ResultTable(
        "sluitingen",
        "Tijdelijke locaties die binnen een half jaar sluiten zonder opvolger",
        _CLOSURE_COLUMNS,
        _closure_rows(picture.closures_soon, picture.week.monday),
        masked=True,
    )


def closures_later_table(picture: ReceptionPicture) -> ResultTable:
    """Closures without successor after the half year, up to the end of the timeline."""
    return ResultTable(
        "sluitingen_later",
        "Tijdelijke locaties die later sluiten zonder opvolger (na een half jaar, tot twee "
        "jaar vooruit)",
        _CLOSURE_COLUMNS,
        _closure_rows(picture.closures_later, picture.week.monday),
        masked=True,
    )


def provinces_table(picture: ReceptionPicture) -> ResultTable:
    """Aggregates per province (public figures): capacity now, occupancy, regular shortfall.

    Column keys are the catalogue's codes, so the CSV's ``tekort_regulier_kort`` is the API's
    (a column ``tekort_kort`` holding the regular shortfall read as the total's code there)."""
    rows: list[dict[str, Value]] = []
    for province in reference.provinces():
        reception = picture.province(province.code).reception
        rows.append(
            {
                "provincie": province.name,
                "capaciteit": None if reception is None else reception.capacity_now,
                "bezetting": None
                if reception is None
                else _hidden(reception.occupancy_now, reception.totals_suppressed),
                **{
                    f"tekort_regulier_{role.value}": None
                    if reception is None
                    else _hidden(
                        reception.regular_shortfall(role),
                        NeedCategory.REGULAR in reception.suppressed,
                    )
                    for role in HorizonRole
                },
            }
        )
    return ResultTable(
        "provincies",
        "Per provincie: capaciteit en bezetting nu, tekort reguliere opvang per horizon",
        (
            Column("provincie", "Provincie"),
            Column("capaciteit", definition("capaciteit_nu").name, "int"),
            Column("bezetting", definition("bezetting_nu").name, "int"),
            *(
                Column(code, definition(code).name, "int")
                for code in (f"tekort_regulier_{role.value}" for role in HorizonRole)
            ),
        ),
        tuple(rows),
        masked=True,
    )
