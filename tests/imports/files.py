"""Building test files: CSV text and XLSX workbooks from rows of cells."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date

from openpyxl import Workbook

from regietafel import reference

LOCATIES_HEADER = (
    "locatiecode",
    "naam",
    "gemeentecode",
    "soort",
    "capaciteit",
    "bezetting",
    "startdatum",
    "einddatum",
    "adres",
    "vertrouwelijk",
)
LOCATIES_ROWS = (
    (
        "AZC-ASD",
        "azc Amsterdam",
        "GM0363",
        "regulier",
        "600",
        "571",
        "2016-03-01",
        "",
        "Straat 1",
        "",
    ),
    (
        "AMV-HLM",
        "AMV Haarlem",
        "GM0392",
        "AMV kleinschalig",
        "24",
        "20",
        "2020-01-01",
        "",
        "Geheim 2",
        "",
    ),
    (
        "NOOD-GRO",
        "noodopvang Groningen",
        "0014",
        "noodopvang",
        "1.200",
        "900",
        "01-10-2021",
        "2022-03-31",
        "",
        "nee",
    ),
)
REALISATIE_HEADER = ("gemeentecode", "periode", "gehuisvest")


def full_realisation(
    housed: Mapping[str, int], *, period: str = "2021-II", on: date = date(2021, 11, 8)
) -> tuple[tuple[str, str, str], ...]:
    """A realisation file's rows: every municipality of ``on`` (a file holds them all), 0
    housed where ``housed`` does not say otherwise."""
    return tuple((m.code, period, str(housed.get(m.code, 0))) for m in reference.municipalities(on))


REALISATIE_ROWS = full_realisation({"GM0363": 412, "GM0014": 97})
REEKSEN_HEADER = ("reeks", "waarde", "week")
REEKSEN_ROWS = (("eerste_asielaanvragen", "780", "2021-W45"), ("nareizigers", "210", "2021-W45"))


def csv_bytes(header: Sequence[str], rows: Sequence[Sequence[str]], delimiter: str = ";") -> bytes:
    lines = [delimiter.join(header), *(delimiter.join(row) for row in rows)]
    return ("\n".join(lines) + "\n").encode()


def xlsx_bytes(header: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
