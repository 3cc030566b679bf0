"""A CSV row must have as many fields as the header, and every quote must be closed.

Otherwise csv drops the extra fields, reads missing ones as empty, or swallows the rest of
the file into one cell; the file is refused instead, naming the file and the row (header =
row 1), and nothing is stored.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from regietafel.cli.main import main
from regietafel.imports.models import Import, Status
from regietafel.imports.services import import_submit
from regietafel.opvang.models import SeriesRecord
from tests.imports.files import REEKSEN_HEADER, REEKSEN_ROWS, csv_bytes

WEEK = "2021-W45"
UNCLOSED = (
    'in deze rij opent een aanhalingsteken (") dat nergens wordt gesloten, waardoor de rest '
    "van het bestand als één cel wordt gelezen; sluit het aanhalingsteken of verwijder het"
)


def ragged(expected: int, found: int) -> str:
    return (
        f"verwacht {expected} kolommen (zoals de kopregel), gevonden {found}; controleer de "
        "scheidingstekens en aanhalingstekens in deze rij"
    )


def submit(content: bytes, name: str = "reeksen.csv") -> Import:
    return import_submit(actor=None, kind="reeksen", week=WEEK, file_name=name, content=content)


def located(record: Import) -> list[tuple[str, int | None, str | None, str]]:
    return [(e["file"], e["row"], e["column"], e["message"]) for e in record.errors]


@pytest.mark.django_db
def test_rows_with_a_field_too_many_or_too_few_are_refused_and_nothing_is_stored() -> None:
    # Row 2 is fine; row 3 has a fourth field (a note that would be dropped); row 4 lacks
    # the week (it would read as empty); row 5 is fine again.
    content = (
        b"reeks;waarde;week\n"
        b"eerste_asielaanvragen;780;2021-W45\n"
        b"nareizigers;210;2021-W45;na controle 215\n"
        b"vergunninghouders_in_opvang;11500\n"
        b"vergunninghouders_langer_dan_14_weken;7400;2021-W45\n"
    )
    record = submit(content)
    assert record.status == Status.REFUSED
    assert located(record) == [
        ("reeksen.csv", 3, None, ragged(3, 4)),
        ("reeksen.csv", 4, None, ragged(3, 2)),
    ]
    assert record.row_count == 0
    assert SeriesRecord.objects.count() == 0


@pytest.mark.django_db
def test_an_unclosed_quote_is_named_at_the_row_where_it_opens() -> None:
    # The quote in row 3 is never closed: csv would read rows 3 to 5 as one row with the
    # right number of fields, and the file would seem to have two rows.
    content = (
        b"reeks;waarde;week\n"
        b"eerste_asielaanvragen;780;2021-W45\n"
        b'nareizigers;210;"2021-W45\n'
        b"vergunninghouders_in_opvang;11500;2021-W45\n"
        b"vergunninghouders_langer_dan_14_weken;7400;2021-W45\n"
    )
    record = submit(content, name="met-quote.csv")
    assert record.status == Status.REFUSED
    assert located(record) == [("met-quote.csv", 3, "week", UNCLOSED)]
    assert SeriesRecord.objects.count() == 0


@pytest.mark.django_db
def test_an_unclosed_quote_in_a_long_file_is_still_named_in_dutch() -> None:
    # Past 131.072 characters csv stops with its own English "field larger than field limit".
    rows = [("nareizigers", "210", '"2021-W45'), *(("x", "1", "2021-W45"),) * 12000]
    record = submit(csv_bytes(REEKSEN_HEADER, rows), name="lang.csv")
    assert record.status == Status.REFUSED
    assert located(record) == [
        (
            "lang.csv",
            2,
            None,
            (
                "een cel is langer dan 131.072 tekens; waarschijnlijk opent in deze rij een "
                'aanhalingsteken (") dat nergens wordt gesloten'
            ),
        )
    ]


@pytest.mark.django_db
def test_quoted_fields_and_empty_lines_are_still_read() -> None:
    # A closed quote with the delimiter inside is one field; blank lines are skipped.
    content = csv_bytes(REEKSEN_HEADER, REEKSEN_ROWS).replace(b"780;", b'"780";') + b"\n;;\n"
    record = submit(content)
    assert record.status == Status.ACCEPTED, record.errors
    assert record.row_count == 2


@pytest.mark.django_db(transaction=True)
def test_cli_refuses_a_ragged_row_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "reeksen.csv"
    path.write_bytes(b"reeks;waarde;week\nnareizigers;210\n")
    assert main(["import", "reeksen", str(path), "--week", WEEK]) == 2
    err = capsys.readouterr().err.splitlines()
    assert f"reeksen.csv, rij 2: {ragged(3, 2)}" in err
    assert err[-1] == "Geweigerd: Landelijke reeksen 2021-W45; er is niets verwerkt."
    assert SeriesRecord.objects.count() == 0
