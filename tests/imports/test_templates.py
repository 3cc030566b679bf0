"""Templates carry example rows and the allowed values; an example is never imported."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from regietafel.core.periods import IsoWeek
from regietafel.imports.blanks import blank_csv, blank_xlsx
from regietafel.imports.formats import FORMATS, MPP_EXAMPLE_WEEK
from regietafel.imports.models import Import, Status
from regietafel.imports.validation import EXAMPLE_ROW_MESSAGE, validate_file

KINDS = sorted(FORMATS)


def week_of(kind: str) -> IsoWeek:
    """The week the template's examples belong to (the example MPP was published in 2023)."""
    return IsoWeek.parse(MPP_EXAMPLE_WEEK if kind == "mpp" else "2021-W45")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_unchanged_template_is_refused_on_the_example_row_only(kind: str, extension: str) -> None:
    fmt = FORMATS[kind]
    content = blank_xlsx(fmt) if extension == "xlsx" else blank_csv(fmt)
    result = validate_file(
        fmt, week=week_of(kind), file_name=f"sjabloon.{extension}", content=content
    )
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (row, "voorbeeldrij", EXAMPLE_ROW_MESSAGE) for row in range(2, 2 + len(fmt.examples))
    ]
    assert result.rows == []


@pytest.mark.parametrize("kind", KINDS)
def test_template_filled_in_is_accepted(kind: str) -> None:
    """The examples' values kept (they are realistic) and the marks emptied: real rows."""
    fmt = FORMATS[kind]
    book = load_workbook(io.BytesIO(blank_xlsx(fmt)))
    sheet = book.worksheets[0]
    for row in range(2, 2 + len(fmt.examples)):
        sheet.cell(row=row, column=len(fmt.columns) + 1).value = None
    buffer = io.BytesIO()
    book.save(buffer)
    result = validate_file(
        fmt, week=week_of(kind), file_name="ingevuld.xlsx", content=buffer.getvalue()
    )
    if kind == "realisatie":  # the row reads; the file must still hold every municipality
        assert [(e.row, e.column) for e in result.errors] == [(None, "gemeentecode")]
        assert "351 van de" in result.errors[0].message
        return
    assert result.errors == []
    assert len(result.rows) == len(fmt.examples)


@pytest.mark.parametrize("kind", KINDS)
def test_explanation_names_every_column_with_allowed_values(kind: str) -> None:
    fmt = FORMATS[kind]
    sheet = load_workbook(io.BytesIO(blank_xlsx(fmt)))["toelichting"]
    rows = [
        [c.value for c in row] for row in sheet.iter_rows(min_row=2, max_row=len(fmt.columns) + 1)
    ]
    assert [r[0] for r in rows] == list(fmt.column_names)
    assert all(r[3] for r in rows), "elke kolom noemt zijn toegestane waarden"


def test_allowed_values_of_the_choice_columns() -> None:
    locaties = load_workbook(io.BytesIO(blank_xlsx(FORMATS["locaties"])))["toelichting"]
    allowed = {row[0]: row[3] for row in locaties.iter_rows(min_row=2, values_only=True) if row[0]}
    assert allowed["soort"] == "regulier, proces, amv, sober, noodopvang, crisisnoodopvang, hotel"
    assert allowed["vertrouwelijk"] == "ja, nee; mag leeg"
    assert allowed["capaciteit"] == "geheel getal, 0 of meer (1200 of 1.200)"


@pytest.mark.django_db
def test_csv_explanation_is_a_download_of_its_own(client_as: Callable[[str | None], Any]) -> None:
    response = client_as("provincie").get(reverse("import-template-help", args=["reeksen"]))
    assert response.status_code == 200
    assert "sjabloon-reeksen-toelichting.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "kolom",
        "type",
        "verplicht",
        "toegestane waarden",
        "omschrijving",
        "voorbeeld",
    ]
    assert rows[1][:3] == ["reeks", "reeks", "ja"]
    assert "nareizigers" in rows[1][3]
    assert rows[-1][0].startswith("De rij (of rijen) onder de kop is een voorbeeld")
    missing = client_as("provincie").get(reverse("import-template-help", args=["onbekend"]))
    assert missing.status_code == 404


@pytest.mark.django_db
def test_uploading_the_unchanged_template_stores_nothing(
    client_as: Callable[[str | None], Any], settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    client = client_as("coa")
    template = client.get(reverse("import-template", args=["reeksen", "csv"])).content
    response = client.post(
        reverse("import-new"),
        {
            "kind": "reeksen",
            "week": "2021-W45",
            "file": SimpleUploadedFile("sjabloon-reeksen.csv", template),
        },
    )
    record = Import.objects.get()
    assert record.status == Status.REFUSED
    page = client.get(response["Location"]).content.decode()
    assert "dit is de voorbeeldrij uit het sjabloon" in page


@pytest.mark.parametrize("kind", KINDS)
def test_a_filled_in_row_still_marked_is_refused(kind: str) -> None:
    """Only the marked row is the example; an unmarked row with the same values is not."""
    fmt = FORMATS[kind]
    lines = blank_csv(fmt).decode("utf-8-sig").splitlines()
    lines.append(lines[1].rsplit(";", 1)[0] + ";")  # one more row: an example without mark
    result = validate_file(
        fmt, week=week_of(kind), file_name="ingevuld.csv", content="\n".join(lines).encode()
    )
    marked = [(e.row, e.column) for e in result.errors if e.column == "voorbeeldrij"]
    # Only the marked example rows; the last (mark emptied) is not an example.
    assert marked == [(row, "voorbeeldrij") for row in range(2, 2 + len(fmt.examples))]
