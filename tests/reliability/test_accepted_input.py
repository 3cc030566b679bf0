"""Input that used to be accepted and then broke pages for everyone, or crashed a command."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.db import OperationalError
from hypothesis import given
from hypothesis import strategies as st

from regietafel.cli.main import edge_error_message, main
from regietafel.core.periods import IsoWeek, Period, PeriodError, parse_day
from regietafel.imports.forms import ImportForm
from regietafel.imports.models import Import, Status
from regietafel.imports.services import import_submit
from tests.imports.files import LOCATIES_HEADER, LOCATIES_ROWS, csv_bytes

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize("text", ["9999-W52", "0000-W01", "1999-W52", "2029-W01", "2101-W01"])
def test_weeks_out_of_range_are_refused(text: str) -> None:
    with pytest.raises(PeriodError) as caught:
        IsoWeek.parse(text, today=TODAY)
    assert "bereik" in str(caught.value) or "toekomst" in str(caught.value)


def test_weeks_in_range() -> None:
    assert IsoWeek.parse("2000-W01", today=TODAY).label == "2000-W01"
    assert IsoWeek.parse("2028-W52", today=TODAY).label == "2028-W52"
    with pytest.raises(PeriodError):
        Period.parse("0000-I")
    with pytest.raises(PeriodError):
        Period.parse("9999-II")


@given(st.integers(0, 9999), st.integers(0, 99))
def test_any_typed_week_is_a_week_or_a_dutch_error(year: int, week: int) -> None:
    try:
        parsed = IsoWeek.parse(f"{year:04d}-W{week:02d}", today=TODAY)
    except PeriodError:
        return
    assert 2000 <= parsed.year <= TODAY.year + 2
    assert parsed.monday.isocalendar().week == week


@pytest.mark.django_db
def test_far_weeks_are_refused_by_form_api_page_and_cli(
    client_as: Callable[[str | None], Any], capsys: pytest.CaptureFixture[str]
) -> None:
    form = ImportForm(data={"kind": "locaties", "week": "9999-W52"})
    assert "week" in form.errors
    client = client_as("landelijk")
    assert client.get("/api/v1/locaties/?week=9999-W52").status_code == 400
    assert client.get("/api/v1/opvangbeeld/?week=0000-W01").status_code == 400
    assert client.get("/opvangbeeld/?week=0000-W01").status_code == 400
    assert main(["opvang", "--week", "0000-W01"]) == 2
    err = capsys.readouterr().err
    assert "buiten het bereik" in err
    assert "Traceback" not in err


def _submit(content: bytes, name: str = "locaties.csv") -> Import:
    return import_submit(
        actor=None, kind="locaties", week="2021-W45", file_name=name, content=content
    )


def _row(**changes: str) -> tuple[str, ...]:
    names = list(LOCATIES_HEADER)
    row = list(LOCATIES_ROWS[0])
    for key, value in changes.items():
        row[names.index(key)] = value
    return tuple(row)


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "bestanden"
    return Path(settings.MEDIA_ROOT)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("row", "column", "fragment"),
    [
        (_row(locatiecode="AZC/ASD"), "locatiecode", "geen spatie of /"),
        (_row(locatiecode="A" * 41), "locatiecode", "hoogstens 40"),
        (_row(naam="n" * 201), "naam", "hoogstens 200"),
        (_row(capaciteit=str(2**31)), "capaciteit", "te groot"),
        (_row(capaciteit=str(2**63), bezetting="1"), "capaciteit", "te groot"),
        (_row(adres="Straat\x001"), "adres", "NUL"),
    ],
)
def test_values_the_database_cannot_hold_are_row_and_column_errors(
    media: Path, row: tuple[str, ...], column: str, fragment: str
) -> None:
    record = _submit(csv_bytes(LOCATIES_HEADER, [row]))
    assert record.status == Status.REFUSED
    errors = [e for e in record.errors if e["column"] == column]
    assert errors, record.errors
    assert errors[0]["row"] == 2
    assert fragment in errors[0]["message"]


@pytest.mark.django_db
def test_long_upload_name_is_shortened_not_a_500(media: Path) -> None:
    name = "x" * 300 + ".csv"
    record = _submit(csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS), name=name)
    assert record.status == Status.ACCEPTED, record.errors
    record.refresh_from_db()
    assert len(record.file_name) == 255
    assert record.original.name.endswith(".csv")
    assert len(record.original.name) <= 300
    assert Path(record.original.path).read_bytes() == csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS)


@pytest.mark.django_db
def test_every_stored_original_belongs_to_an_import(media: Path) -> None:
    _submit(csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS))
    _submit(csv_bytes(LOCATIES_HEADER, [_row(capaciteit="x")]))
    stored = sorted(p.relative_to(media).as_posix() for p in media.rglob("*") if p.is_file())
    assert stored == sorted(r.original.name for r in Import.objects.all())


@pytest.mark.django_db
def test_missing_original_is_410_not_500(
    media: Path, client_as: Callable[[str | None], Any]
) -> None:
    record = _submit(csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS))
    Path(record.original.path).unlink()
    response = client_as("coa").get(f"/imports/{record.pk}/origineel/")
    assert response.status_code == 410
    assert "niet meer aanwezig" in response.content.decode()


def test_machine_faults_become_one_dutch_line() -> None:
    lost = OperationalError("server closed the connection unexpectedly")
    assert "database is niet bereikbaar" in (edge_error_message(lost) or "")
    full = OSError(28, "No space left on device", "/data/bestanden/x.csv")
    assert "schijfruimte" in (edge_error_message(full) or "")
    assert edge_error_message(ValueError("x")) is None


@given(st.dates(date(1990, 1, 1), date(2110, 12, 31)))
def test_any_typed_date_is_a_date_whose_week_exists_or_a_dutch_error(day: date) -> None:
    """Found by the API fuzzer: 2000-01-01 was accepted but lies in week 1999-W52, so every
    figure of that date failed (500 on /api/v1/afspraken/?datum=2000-01-01)."""
    try:
        parsed = parse_day(day.isoformat())
    except PeriodError:
        return
    assert IsoWeek.containing(parsed).monday <= parsed


@pytest.mark.django_db
def test_a_date_in_week_1999_w52_is_a_400_not_a_500(
    client_as: Callable[[str | None], Any],
) -> None:
    with pytest.raises(PeriodError, match="1999-W52"):
        parse_day("2000-01-01")
    assert parse_day("2000-01-03") == date(2000, 1, 3)
    client = client_as("landelijk")
    for url in ("/api/v1/afspraken/", "/api/v1/afspraken/actielijst/"):
        response = client.get(url, {"datum": "2000-01-01", "overleg": "LRT"})
        assert response.status_code == 400, url
        assert "1999-W52" in str(response.json())
    assert client.get("/afspraken/actielijst/", {"datum": "2000-01-01"}).status_code == 400
