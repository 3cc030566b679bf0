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
from regietafel.taakstelling.models import RealisationRecord

KINDS = sorted(FORMATS)
EXAMPLE_KINDS = sorted(k for k, f in FORMATS.items() if f.template_rows is None)
"""Kinds whose template has marked example rows (a realisation lists every municipality)."""


def week_of(kind: str) -> IsoWeek:
    """The week the template's examples belong to (the example MPP was published in 2023)."""
    return IsoWeek.parse(MPP_EXAMPLE_WEEK if kind == "mpp" else "2021-W45")


@pytest.mark.parametrize("kind", EXAMPLE_KINDS)
@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_unchanged_template_is_refused_on_the_example_row_only(kind: str, extension: str) -> None:
    fmt = FORMATS[kind]
    week = week_of(kind)
    content = blank_xlsx(fmt, week=week) if extension == "xlsx" else blank_csv(fmt, week=week)
    result = validate_file(
        fmt, week=week_of(kind), file_name=f"sjabloon.{extension}", content=content
    )
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (row, "voorbeeldrij", EXAMPLE_ROW_MESSAGE) for row in range(2, 2 + len(fmt.examples))
    ]
    assert result.rows == []


@pytest.mark.parametrize("kind", EXAMPLE_KINDS)
def test_template_filled_in_is_accepted(kind: str) -> None:
    """The examples' values kept (they are realistic) and the marks emptied: real rows."""
    fmt = FORMATS[kind]
    book = load_workbook(io.BytesIO(blank_xlsx(fmt, week=week_of(kind))))
    sheet = book.worksheets[0]
    for row in range(2, 2 + len(fmt.examples)):
        sheet.cell(row=row, column=len(fmt.columns) + 1).value = None
    buffer = io.BytesIO()
    book.save(buffer)
    result = validate_file(
        fmt, week=week_of(kind), file_name="ingevuld.xlsx", content=buffer.getvalue()
    )
    assert result.errors == []
    assert len(result.rows) == len(fmt.examples)


@pytest.mark.parametrize("kind", KINDS)
def test_explanation_names_every_column_with_allowed_values(kind: str) -> None:
    fmt = FORMATS[kind]
    sheet = load_workbook(io.BytesIO(blank_xlsx(fmt, week=week_of(kind))))["toelichting"]
    rows = [
        [c.value for c in row] for row in sheet.iter_rows(min_row=2, max_row=len(fmt.columns) + 1)
    ]
    assert [r[0] for r in rows] == list(fmt.column_names)
    assert all(r[3] for r in rows), "elke kolom noemt zijn toegestane waarden"


def test_allowed_values_of_the_choice_columns() -> None:
    locaties = load_workbook(io.BytesIO(blank_xlsx(FORMATS["locaties"], week=week_of("locaties"))))[
        "toelichting"
    ]
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


@pytest.mark.parametrize("kind", EXAMPLE_KINDS)
def test_a_filled_in_row_still_marked_is_refused(kind: str) -> None:
    """Only the marked row is the example; an unmarked row with the same values is not."""
    fmt = FORMATS[kind]
    lines = blank_csv(fmt, week=week_of(kind)).decode("utf-8-sig").splitlines()
    lines.append(lines[1].rsplit(";", 1)[0] + ";")  # one more row: an example without mark
    result = validate_file(
        fmt, week=week_of(kind), file_name="ingevuld.csv", content="\n".join(lines).encode()
    )
    marked = [(e.row, e.column) for e in result.errors if e.column == "voorbeeldrij"]
    # Only the marked example rows; the last (mark emptied) is not an example.
    assert marked == [(row, "voorbeeldrij") for row in range(2, 2 + len(fmt.examples))]


# The realisation template: a file must hold every municipality of the week's Monday, so the
# template lists them all, counts empty. Counted by hand in reference/data/municipalities.csv:
# 355 on 1 January 2020; on 1 January 2021 Haaren was split up (-1) and Appingedam, Delfzijl
# and Loppersum became Eemsdelta (-2): 352, still so in week 2021-W45 (Monday 8 November).
REALISATIE_WEEK = IsoWeek.parse("2021-W45")


def realisation_rows(extension: str) -> list[list[str]]:
    fmt = FORMATS["realisatie"]
    if extension == "xlsx":
        sheet = load_workbook(io.BytesIO(blank_xlsx(fmt, week=REALISATIE_WEEK))).worksheets[0]
        return [["" if c is None else str(c) for c in row] for row in sheet.values]
    text = blank_csv(fmt, week=REALISATIE_WEEK).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_realisation_template_has_a_row_per_municipality_with_empty_counts(
    extension: str,
) -> None:
    header, *rows = realisation_rows(extension)
    assert header == [
        "gemeentecode",
        "gemeentenaam",
        "periode",
        "gehuisvest",
        "eigen_telling",
        "week",
        "voorbeeldrij",
    ]
    assert len(rows) == 352
    by_code = {row[0]: row for row in rows}
    assert len(by_code) == 352
    assert by_code["GM0363"] == ["GM0363", "Amsterdam", "2021-II", "", "", "2021-W45", ""]
    assert by_code["GM1979"][1] == "Eemsdelta"
    assert "GM0788" not in by_code  # Haaren, split up on 1 January 2021
    assert all(row[3:5] == ["", ""] and row[6] == "" for row in rows)


def test_unchanged_realisation_template_is_refused_on_every_empty_count() -> None:
    fmt = FORMATS["realisatie"]
    result = validate_file(
        fmt,
        week=REALISATIE_WEEK,
        file_name="sjabloon.csv",
        content=blank_csv(fmt, week=REALISATIE_WEEK),
    )
    assert {(e.column, e.message) for e in result.errors} == {
        ("gehuisvest", "deze cel is leeg; verwacht een geheel getal")
    }
    assert len(result.errors) == 352


@pytest.mark.django_db
def test_realisation_template_filled_in_imports_cleanly(
    client_as: Callable[[str | None], Any], settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    client = client_as("coa")
    response = client.get(
        reverse("import-template", args=["realisatie", "xlsx"]), {"week": "2021-W45"}
    )
    assert response.status_code == 200
    assert 'filename="sjabloon-realisatie-2021-W45.xlsx"' in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row=row, column=4).value = (
            412 if sheet.cell(row=row, column=1).value == ("GM0363") else 0
        )
    buffer = io.BytesIO()
    book.save(buffer)
    client.post(
        reverse("import-new"),
        {
            "kind": "realisatie",
            "week": "2021-W45",
            "file": SimpleUploadedFile("realisatie.xlsx", buffer.getvalue()),
        },
    )
    record = Import.objects.get()
    assert record.status == Status.ACCEPTED, record.errors
    assert record.row_count == 352
    housed = RealisationRecord.objects.filter(batch=record)
    assert housed.get(municipality_code="GM0363").housed == 412
    assert housed.get(municipality_code="GM0363").own_count is None


@pytest.mark.django_db
def test_realisation_template_for_an_unreadable_week_is_refused_in_dutch(
    client_as: Callable[[str | None], Any],
) -> None:
    response = client_as("coa").get(
        reverse("import-template", args=["realisatie", "csv"]), {"week": "week 45"}
    )
    assert response.status_code == 400
    assert "week 45" in response.content.decode()
    before = client_as("coa").get(
        reverse("import-template", args=["realisatie", "csv"]), {"week": "2005-W01"}
    )
    assert before.status_code == 400
    assert "de gegevens beginnen op 1 januari 2020" in before.content.decode()


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_the_example_row_carries_the_week_of_the_template(extension: str) -> None:
    """The example row always said 2021-W45: a user who kept that cell in a template for
    2022-W01 got "verkeerde week" besides the example-row refusal."""
    fmt = FORMATS["locaties"]
    week = IsoWeek.parse("2022-W01")
    content = blank_xlsx(fmt, week=week) if extension == "xlsx" else blank_csv(fmt, week=week)
    result = validate_file(fmt, week=week, file_name=f"sjabloon.{extension}", content=content)
    assert [e.message for e in result.errors] == [EXAMPLE_ROW_MESSAGE]


@pytest.mark.django_db
def test_the_formats_page_offers_templates_for_the_chosen_week(
    client_as: Callable[[str | None], Any],
) -> None:
    """Its template links had no week, so the realisation template was for the calendar
    week whatever week the user worked in."""
    client = client_as("coa")
    page = client.get("/imports/bestandsformaten/", {"week": "2022-W01"}).content.decode()
    assert "Sjablonen voor week 2022-W01" in page
    link = reverse("import-template", args=["realisatie", "csv"]) + "?week=2022-W01"
    assert f'href="{link}"' in page
    rows = list(
        csv.reader(io.StringIO(client.get(link).content.decode("utf-8-sig")), delimiter=";")
    )
    assert {row[2] for row in rows[1:]} == {"2022-I"}
    assert client.get("/imports/bestandsformaten/", {"week": "2022-W99"}).status_code == 400
