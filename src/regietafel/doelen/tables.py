"""The targets table (doelen), shared by the doelen page, the reception picture, API and CLI."""

from __future__ import annotations

from collections.abc import Sequence

from regietafel import reference
from regietafel.core.formatting import NOT_APPLICABLE_TEXT
from regietafel.core.targets import UNIT_LABELS, Target, TargetProgress
from regietafel.presentation.tables import Column, ResultTable, Value


def _province_name(code: str | None) -> str:
    return "landelijk" if code is None else reference.province_name(code)


def _unmeasured(target: Target) -> dict[str, Value]:
    """A target in a week without a register: its progress is unknown (empty), never 0."""
    return {
        "doel": target.title,
        "gebied": _province_name(target.province_code),
        "soort": target.category.label,
        "eenheid": UNIT_LABELS[target.unit],
        "aantal": target.quantity,
        "maximaal": target.quantity_max,
        "gerealiseerd": None,
        "resterend": None,
        "verwacht": None,
        "deadline": target.deadline.isoformat(),
        "status": "geen gegevens",
    }


def targets_table(
    progress: Sequence[TargetProgress], *, unmeasured: Sequence[Target] = ()
) -> ResultTable:
    measured: tuple[dict[str, Value], ...] = tuple(
        {
            "doel": p.target.title,
            "gebied": _province_name(p.target.province_code),
            "soort": p.target.category.label,
            "eenheid": UNIT_LABELS[p.target.unit],
            "aantal": p.target.quantity,
            "maximaal": p.target.quantity_max,
            "gerealiseerd": p.achieved,
            "resterend": p.remaining,
            "verwacht": p.expected_by_now,
            "deadline": p.target.deadline.isoformat(),
            "status": p.status.label,
        }
        for p in progress
    )
    rows = measured + tuple(_unmeasured(t) for t in unmeasured)
    return ResultTable(
        "doelen",
        "Doelen van de LRT en de voortgang volgens het locatieregister",
        (
            Column("doel", "Doel"),
            Column("gebied", "Gebied"),
            Column("soort", "Soort opvang"),
            Column("eenheid", "Eenheid"),
            Column("aantal", "Doel", "int"),
            # Most targets have no upper bound: nothing is missing there.
            Column("maximaal", "Doel, bovengrens", "int", none_text=NOT_APPLICABLE_TEXT),
            Column("gerealiseerd", "Gerealiseerd", "int"),
            Column("resterend", "Nog nodig", "int"),
            Column("verwacht", "Verwacht op dit moment", "int"),
            Column("deadline", "Deadline", "date"),
            Column("status", "Status"),
        ),
        rows,
    )
