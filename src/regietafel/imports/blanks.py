"""Empty template files (header row only) for each format, as CSV and as XLSX."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from regietafel.imports.formats import FileFormat

BLANK_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def blank_csv(fmt: FileFormat) -> bytes:
    """Semicolon-separated with a byte-order mark: what Excel on a Dutch Windows opens right."""
    return (";".join(fmt.column_names) + "\r\n").encode("utf-8-sig")


def blank_xlsx(fmt: FileFormat) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = fmt.kind.value
    sheet.append(list(fmt.column_names))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, column in enumerate(fmt.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(
            12, len(column.name) + 4, len(column.example) + 2
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def blank_file(fmt: FileFormat, extension: str) -> bytes:
    return blank_xlsx(fmt) if extension == "xlsx" else blank_csv(fmt)
