"""Template files for each format: the header, example rows and what each column allows.

Everything comes from the format declarations (``formats.py``): a column added there shows
up here with its example and description, without touching this module. The example row is
marked in an extra column ``voorbeeldrij``; a row with that cell filled in is refused on
import (``validation.EXAMPLE_COLUMN``), so a template uploaded as it was downloaded never
stores the example location or figure, while a real file that happens to hold the same
values (the examples are realistic) is never refused.
"""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from regietafel.core.periods import IsoWeek
from regietafel.core.rules import LocationType
from regietafel.imports.formats import Column, ColumnType, FileFormat
from regietafel.imports.validation import EXAMPLE_COLUMN
from regietafel.opvang.models import SeriesMetric

BLANK_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

EXAMPLE_MARK = "ja: vervang deze rij en maak deze cel leeg"
EXAMPLE_NOTE = (
    "De rij (of rijen) onder de kop is een voorbeeld en staat gemarkeerd in de kolom "
    "voorbeeldrij. Vervang hem door echte gegevens en maak die cel leeg, of verwijder de rij: "
    "een rij met iets in de kolom voorbeeldrij wordt bij het importeren geweigerd. De kolom "
    "zelf mag blijven staan."
)
ROWS_NOTE = (
    "Het sjabloon heeft een rij per gemeente van de maandag van de week waarvoor het gemaakt "
    "is, met gemeentecode, gemeentenaam, periode en week al ingevuld. Vul in elke rij "
    "gehuisvest in (0 voor een gemeente die niemand huisvestte) en eigen_telling als die er "
    "is; verwijder geen rijen: het bestand moet elke gemeente bevatten."
)
"""The note of a template whose rows are given (``FileFormat.template_rows``), not examples."""

_ALLOWED: dict[ColumnType, str] = {
    ColumnType.TEXT: "tekst",
    ColumnType.INTEGER: "geheel getal, 0 of meer (1200 of 1.200)",
    ColumnType.DATE: "datum: JJJJ-MM-DD of DD-MM-JJJJ",
    ColumnType.MUNICIPALITY: "CBS-gemeentecode: GM0363, 0363 of 363",
    ColumnType.LOCATION_TYPE: ", ".join(t.value for t in LocationType),
    ColumnType.METRIC: ", ".join(m.value for m in SeriesMetric),
    ColumnType.YES_NO: "ja, nee",
    ColumnType.PERIOD: "JJJJ-I (januari–juni) of JJJJ-II (juli–december)",
    ColumnType.WEEK: "ISO-week: JJJJ-Wnn, de week van de import",
    ColumnType.SCENARIO: "min, midden, max",
}


def allowed_values(column: Column) -> str:
    """What a cell of this column may hold, in Dutch ("" for a type without a rule here)."""
    allowed = _ALLOWED.get(column.type, "")
    return allowed if column.required else f"{allowed}; mag leeg".lstrip("; ")


HELP_HEADER = ("kolom", "type", "verplicht", "toegestane waarden", "omschrijving", "voorbeeld")


def help_rows(fmt: FileFormat) -> list[list[str]]:
    """One row per column: the explanation sheet of the Excel template and the CSV help file."""
    return [
        [
            c.name,
            c.type.label,
            "ja" if c.required else "nee",
            allowed_values(c),
            c.description,
            c.example,
        ]
        for c in fmt.columns
    ]


def template_header(fmt: FileFormat) -> list[str]:
    return [*fmt.column_names, EXAMPLE_COLUMN]


def example_rows(fmt: FileFormat, week: IsoWeek | None = None) -> list[list[str]]:
    """The template's example rows, each marked (one row; several where a file needs them,
    as the three scenarios of an MPP), with ``week`` in a week column: a user who kept that
    cell got "verkeerde week: 2021-W45" for the week the template was made for."""
    weekly = {i for i, c in enumerate(fmt.columns) if c.type is ColumnType.WEEK}
    return [
        [
            *(week.label if week is not None and i in weekly else value
              for i, value in enumerate(row)),
            EXAMPLE_MARK,
        ]
        for row in fmt.examples
    ]  # fmt: skip


def template_rows(fmt: FileFormat, week: IsoWeek) -> list[list[str]]:
    """The rows under the header: the format's own rows for ``week`` (unmarked, to be filled
    in), or the marked example rows."""
    if fmt.template_rows is None:
        return example_rows(fmt, week)
    return [[*row, ""] for row in fmt.template_rows(week)]


def template_note(fmt: FileFormat) -> str:
    return EXAMPLE_NOTE if fmt.template_rows is None else ROWS_NOTE


def _csv(rows: list[list[str]]) -> bytes:
    """Semicolon-separated with a byte-order mark: what Excel on a Dutch Windows opens right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def blank_csv(fmt: FileFormat, *, week: IsoWeek) -> bytes:
    """Header and the template's rows; the explanation is a second file (``help_csv``)."""
    return _csv([template_header(fmt), *template_rows(fmt, week)])


def help_csv(fmt: FileFormat) -> bytes:
    """The explanation of a CSV template: CSV has no second sheet and no comments."""
    return _csv([list(HELP_HEADER), *help_rows(fmt), [], [template_note(fmt)]])


def blank_xlsx(fmt: FileFormat, *, week: IsoWeek) -> bytes:
    """First sheet: header and the template's rows (only that sheet is imported); second
    sheet: what every column allows."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = fmt.kind.value
    sheet.append(template_header(fmt))
    for row in template_rows(fmt, week):
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, column in enumerate(fmt.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(
            12, len(column.name) + 4, len(column.example) + 2
        )
    sheet.column_dimensions[get_column_letter(len(fmt.columns) + 1)].width = len(EXAMPLE_MARK) + 2
    explanation = workbook.create_sheet("toelichting")
    explanation.append(list(HELP_HEADER))
    for cell in explanation[1]:
        cell.font = Font(bold=True)
    for row in help_rows(fmt):
        explanation.append(row)
    explanation.append([])
    explanation.append([template_note(fmt)])
    for letter, width in zip("ABCDEF", (16, 14, 10, 40, 60, 24), strict=True):
        explanation.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def blank_file(fmt: FileFormat, extension: str, *, week: IsoWeek) -> bytes:
    return blank_xlsx(fmt, week=week) if extension == "xlsx" else blank_csv(fmt, week=week)
