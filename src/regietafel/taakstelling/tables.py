"""The columns of the progress table (352 municipalities): sorting keys, filter and totals.

Sorting and filtering are the shared ones of ``presentation.tables``; this module only says
which value each column sorts on, so the period page, the province page and the
municipalities list sort the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from regietafel.core.rules import ScheduleClass
from regietafel.core.taakstelling import ProgressAggregate, ProgressRow, progress_total
from regietafel.presentation.tables import Column, Sorting, filter_rows, parse_sorting, sort_rows

PROGRESS_COLUMNS: tuple[Column, ...] = (
    Column("gemeente", "Gemeente"),
    Column("taakstelling", "Taakstelling", "int"),
    Column("achterstand", "Achterstand", "int"),
    Column("gecorrigeerd", "Gecorrigeerd", "int"),
    Column("gehuisvest", "Gehuisvest", "int"),
    Column("resterend", "Resterend", "int"),
    Column("verwacht", "Verwacht", "decimal", 1),
    Column("achter_op_schema", "Achter op schema", "int"),
    Column("gerealiseerd", "Gerealiseerd", "decimal", 1),
    Column("schema", "Schema"),
)
DEFAULT_SORTING = Sorting("gemeente")
BEHIND_SORTING = Sorting("achter_op_schema", descending=True)
""""Who is behind": the largest arrears on schedule first (the column says so)."""
SCHEDULE_ORDER = {cls: index for index, cls in enumerate(ScheduleClass)}


def schedule_order(schedule: ScheduleClass | None) -> int | None:
    """The sort key of a class, best first; None (unknown) sorts after every class."""
    return None if schedule is None else SCHEDULE_ORDER[schedule]


def schedule_value(schedule: ScheduleClass | None) -> str:
    """The class as ``?klasse=`` names it; "" when unknown (no filter picks it)."""
    return "" if schedule is None else schedule.value


PROGRESS_VALUES: Mapping[str, Callable[[ProgressRow], object]] = {
    "gemeente": lambda r: r.name,
    "taakstelling": lambda r: r.taakstelling,
    "achterstand": lambda r: r.arrears,
    "gecorrigeerd": lambda r: r.corrected,
    "gehuisvest": lambda r: r.housed,
    "resterend": lambda r: r.remaining,
    "verwacht": lambda r: r.expected,
    "achter_op_schema": lambda r: r.schedule_arrears,
    "gerealiseerd": lambda r: r.percentage,
    "schema": lambda r: schedule_order(r.schedule),
}


def progress_sorting(params: Mapping[str, str]) -> Sorting:
    return parse_sorting(params, PROGRESS_VALUES, DEFAULT_SORTING)


def schedule_filter(params: Mapping[str, str]) -> ScheduleClass | None:
    """The class asked for with ``?klasse=ver-achter``; anything else means all classes."""
    try:
        return ScheduleClass(params.get("klasse", ""))
    except ValueError:
        return None


def progress_table(
    rows: Iterable[ProgressRow], sorting: Sorting, schedule: ScheduleClass | None
) -> list[ProgressRow]:
    """The rows of one class (or all), in the asked order."""
    chosen = filter_rows(
        rows, lambda r: schedule_value(r.schedule), schedule.value if schedule else None
    )
    return sort_rows(chosen, PROGRESS_VALUES[sorting.key], descending=sorting.descending)


def progress_sum(rows: list[ProgressRow], *, months_elapsed: int) -> ProgressAggregate | None:
    """The totals row of the rows shown (computed by the core); None for an empty table."""
    if not rows:
        return None
    return progress_total(rows, code="", name="Totaal", months_elapsed=months_elapsed)
