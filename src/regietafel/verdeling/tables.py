"""The distribution tables for the page, its CSV, the API and tests."""

from __future__ import annotations

from collections.abc import Sequence

from regietafel.core.distribution import Rule
from regietafel.presentation.tables import Column, ResultTable, Value
from regietafel.verdeling.selectors import KeyedDistribution

_RULE_HEADINGS = {
    Rule.AANDEEL: "Aandeel in het geheel: nieuw",
    Rule.AANVULLEN: "Aanvullen tot één niveau",
    Rule.EXTRA: "Alleen het extra aantal naar rato",
}


def _corrected_columns(d: KeyedDistribution) -> tuple[Column, ...]:
    if d.corrected is None:
        return ()
    return (
        Column("extra_gecorrigeerd", "Extra met correctie", "int"),
        Column("verschil_sleutels", "Wint (+) of verliest (−)", "int"),
    )


def _corrected_values(d: KeyedDistribution, index: int) -> dict[str, Value]:
    if d.corrected is None:
        return {}
    comparison = d.comparison[index]
    return {
        "extra_gecorrigeerd": comparison.allocation_b,
        "verschil_sleutels": comparison.difference,
    }


def distribution_table(d: KeyedDistribution, *, name: str, title: str) -> ResultTable:
    columns = [
        Column("code", "Code"),
        Column("naam", "Naam"),
        Column("inwoners", "Inwoners", "int"),
        Column("aandeel", "Inwoners-aandeel (%)", "decimal", 2),
    ]
    if d.rule is Rule.AANDEEL:
        columns += [
            Column("eerlijk_aandeel", "Aandeel in het geheel (exact)", "decimal", 1),
            Column("aandeel_afgerond", "Aandeel in het geheel", "int"),
        ]
    elif d.rule is Rule.AANVULLEN:
        columns.append(
            Column("eerlijk_aandeel", "Evenredig deel van de reguliere behoefte", "decimal", 1)
        )
    if d.rule is not Rule.EXTRA:
        columns += [
            Column("capaciteit", "Meegetelde reguliere plaatsen", "int"),
            Column("verschil", "Verschil met het evenredige deel", "decimal", 1),
        ]
    columns.append(Column("extra", "Voorgestelde extra plaatsen", "int"))
    if d.amv:
        columns += [Column("amv", "Waarvan AMV", "int"), Column("overig", "Overig", "int")]
    columns += _corrected_columns(d)
    rows: list[dict[str, Value]] = []
    for index, row in enumerate(d.plain.rows):
        values: dict[str, Value] = {
            "code": row.code,
            "naam": row.name,
            "inwoners": int(row.weight),
            "aandeel": row.weight_percentage,
            "eerlijk_aandeel": row.fair_share,
            "aandeel_afgerond": row.share,
            "capaciteit": row.existing,
            "verschil": row.above_fair_share,
            "extra": row.allocation,
        }
        if d.amv:
            values["amv"], values["overig"] = d.amv[index]
        values.update(_corrected_values(d, index))
        rows.append(values)
    totals: dict[str, Value] = {
        "code": "Totaal",
        "naam": f"{len(rows)} eenheden",
        "inwoners": int(d.plain.weight_total),
        # None (an empty cell) under "extra", which counts no places: never 0.
        "capaciteit": d.plain.existing_total,
        "extra": d.plain.allocated,
    }
    if d.rule is Rule.AANDEEL:
        totals["aandeel_afgerond"] = d.plain.share_total
    if d.amv:
        totals["amv"] = d.amv_total
        totals["overig"] = d.other_total
    if d.corrected is not None:
        totals["extra_gecorrigeerd"] = d.corrected.allocated
    return ResultTable(name, title, tuple(columns), tuple(rows), totals)


def side_by_side_table(
    results: Sequence[KeyedDistribution], *, name: str, title: str
) -> ResultTable:
    """The new places per unit under each rule, next to the counted existing places."""
    first = results[0].plain
    columns = [
        Column("code", "Code"),
        Column("naam", "Naam"),
        Column("bestaand", "Meegetelde reguliere plaatsen", "int"),
        *(Column(r.rule.value, _RULE_HEADINGS[r.rule], "int") for r in results),
    ]
    rows: list[dict[str, Value]] = []
    for index, unit in enumerate(first.rows):
        values: dict[str, Value] = {
            "code": unit.code,
            "naam": unit.name,
            "bestaand": unit.existing,
        }
        for r in results:
            values[r.rule.value] = r.plain.rows[index].allocation
        rows.append(values)
    totals: dict[str, Value] = {
        "code": "Totaal",
        "naam": f"{len(rows)} eenheden",
        "bestaand": first.existing_total,
    }
    for r in results:
        totals[r.rule.value] = r.plain.allocated
    return ResultTable(name, title, tuple(columns), tuple(rows), totals)
