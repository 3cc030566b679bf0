"""The import pages: upload, result with every error, permissions, originals and templates."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from regietafel.audit.models import Action, AuditEntry
from regietafel.imports.formats import FORMATS
from regietafel.imports.models import Import, Status
from regietafel.imports.services import import_submit
from regietafel.opvang.models import LocationRecord
from tests.imports.files import LOCATIES_HEADER, LOCATIES_ROWS, csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

Client = Callable[[str | None], Any]


def post(client: Any, content: bytes, *, name: str = "locaties.csv", week: str = "2021-W45") -> Any:
    return client.post(
        reverse("import-new"),
        {"kind": "locaties", "week": week, "file": SimpleUploadedFile(name, content)},
    )


def test_coa_uploads_a_file_and_sees_the_result(client_as: Client) -> None:
    client = client_as("coa")
    assert client.get(reverse("import-new")).status_code == 200
    response = post(client, xlsx_bytes(LOCATIES_HEADER, LOCATIES_ROWS), name="week45.xlsx")
    record = Import.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("import-detail", args=[record.pk])
    assert record.status == Status.ACCEPTED
    assert record.file_name == "week45.xlsx"
    assert record.uploaded_by is not None
    assert record.uploaded_by.username == "coa"
    page = client.get(response["Location"]).content.decode()
    assert record.checksum in page
    assert "versie 1" in page
    assert "vorige versie" not in page
    second = post(client, csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS))
    page = client.get(second["Location"]).content.decode()
    assert f'href="{reverse("import-detail", args=[record.pk])}"' in page


def test_a_week_that_has_not_begun_is_refused_and_nothing_stored(client_as: Client) -> None:
    """A register for 2027-W10 (a typo for 2022) was accepted and became the default week of
    every page; a delivery is the state on the Monday of a week that has begun."""
    from datetime import timedelta

    from django.utils import timezone

    from regietafel.core.formatting import format_date_nl
    from regietafel.core.periods import IsoWeek
    from regietafel.imports.services import import_submit

    now = IsoWeek.containing(timezone.localdate())
    ahead = IsoWeek.containing(now.monday + timedelta(weeks=1))
    client = client_as("coa")
    response = post(client, csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS), week=ahead.label)
    assert response.status_code == 400
    assert (
        f"het begin van week {ahead.label} ({format_date_nl(ahead.monday)}) ligt na vandaag "
        f"({format_date_nl(timezone.localdate())}); dat kan pas vanaf die dag"
        in response.content.decode()
    )
    assert not Import.objects.exists()
    with pytest.raises(ValueError, match=f"het begin van week {ahead.label} .* ligt na vandaag"):
        import_submit(
            actor=None, kind="locaties", week=ahead.label, file_name="x.csv",
            content=csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS),
        )  # fmt: skip
    assert not Import.objects.exists()


def test_the_errors_of_a_refused_register_are_for_who_may_read_the_file(
    client_as: Client,
) -> None:
    """The messages of a refused locations file ("rij 3, gemeentecode: GM0786 (Grave) …",
    "'AMV-GRV-01' staat ook al in rij 3") tied a confidential location to its municipality
    for every role; they are for COA, who may read the file. Others see how many there are."""
    bad = [list(LOCATIES_ROWS[0]), list(LOCATIES_ROWS[0])]  # the same code twice
    response = post(client_as("coa"), csv_bytes(LOCATIES_HEADER, bad))
    record = Import.objects.get()
    assert record.status == Status.REFUSED
    coa_page = client_as("coa").get(response["Location"]).content.decode()
    assert "staat ook al in rij" in coa_page
    for role in ("landelijk", "beheerder"):
        client = client_as(role)
        page = client.get(response["Location"]).content.decode()
        assert "staat ook al in rij" not in page
        assert "die ziet alleen wie het bestand mag inzien" in page
        assert "Geweigerd: het bestand bevat" in page
        assert client.get(response["Location"] + "?formaat=csv").status_code == 403


def test_the_count_of_errors_includes_those_not_stored(client_as: Client) -> None:
    """Only the first 500 messages are stored, with one row "en nog 908 fouten": the page and
    the list counted 501 where the audit trail said 1.408."""
    from regietafel.imports.services import MAX_STORED_ERRORS

    rows = [list(LOCATIES_ROWS[0]) for _ in range(MAX_STORED_ERRORS + 10)]  # 509 duplicates
    response = post(client_as("coa"), csv_bytes(LOCATIES_HEADER, rows))
    record = Import.objects.get()
    assert len(record.errors) == MAX_STORED_ERRORS + 1
    audit = AuditEntry.objects.get(action=Action.REFUSED)
    stated = int(audit.summary.split(": ")[-1].split()[0].replace(".", ""))
    assert stated > MAX_STORED_ERRORS + 1
    assert record.error_count == stated
    page = client_as("coa").get(response["Location"]).content.decode()
    assert f"Geweigerd: het bestand bevat {stated} fouten" in page


def test_the_message_counts_one_row_as_one_rij(client_as: Client) -> None:
    client = client_as("coa")
    response = post(client, csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS[:1]))
    page = client.get(response["Location"]).content.decode()
    assert "Opvanglocaties 2021-W45 versie 1, 1 rij." in page
    response = post(client, csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS[:2]))
    page = client.get(response["Location"]).content.decode()
    assert "Opvanglocaties 2021-W45 versie 2, 2 rijen." in page


def test_refused_upload_shows_every_error(client_as: Client) -> None:
    rows = [list(r) for r in LOCATIES_ROWS]
    rows[0][5] = "700"  # occupancy above capacity 600
    rows[1][2] = "GM9999"
    client = client_as("coa")
    response = post(client, csv_bytes(LOCATIES_HEADER, rows), name="fout.csv")
    record = Import.objects.get()
    # POST/redirect/GET: the result is the import's own page, reloading it sends nothing.
    assert response.status_code == 302
    assert response["Location"] == reverse("import-detail", args=[record.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Geweigerd: Opvanglocaties 2021-W45; er is niets verwerkt." in page
    assert "Geweigerd: het bestand bevat 2 fouten" in page
    assert "bezetting 700 is groter dan de capaciteit 600" in page
    assert "onbekende gemeentecode GM9999" in page
    assert '<th scope="col">Kolom</th>' in page
    assert LocationRecord.objects.count() == 0
    assert client.get(response["Location"]).status_code == 200
    assert Import.objects.count() == 1
    assert record.status == Status.REFUSED
    assert AuditEntry.objects.get().action == Action.REFUSED
    errors = client_as("coa").get(reverse("import-detail", args=[record.pk]) + "?formaat=csv")
    lines = list(csv.reader(io.StringIO(errors.content.decode("utf-8-sig"))))
    assert lines == [
        ["bestand", "rij", "kolom", "fout"],
        ["fout.csv", "2", "bezetting", "bezetting 700 is groter dan de capaciteit 600"],
        ["fout.csv", "3", "gemeentecode", "onbekende gemeentecode GM9999"],
    ]


def test_bad_week_is_a_form_error(client_as: Client) -> None:
    response = post(client_as("coa"), csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS), week="week 45")
    assert response.status_code == 200
    assert "onbekende week" in response.content.decode()
    assert Import.objects.count() == 0


@pytest.mark.parametrize("key", ["provincie", "landelijk", "beheerder"])
def test_only_coa_may_upload(client_as: Client, key: str) -> None:
    client = client_as(key)
    assert client.get(reverse("import-new")).status_code == 403
    assert post(client, csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS)).status_code == 403
    assert Import.objects.count() == 0


def test_anonymous_is_sent_to_login(client_as: Client) -> None:
    response = post(client_as(None), csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


@pytest.mark.parametrize(
    ("key", "list_status", "original_status"),
    [
        ("coa", 200, 200),
        ("landelijk", 200, 403),
        ("beheerder", 200, 403),
        ("provincie", 403, 403),
        ("provincie_andere", 403, 403),
    ],
)
def test_who_sees_what(client_as: Client, key: str, list_status: int, original_status: int) -> None:
    content = csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS)
    record = import_submit(
        actor=None, kind="locaties", week="2021-W45", file_name="l.csv", content=content
    )
    client = client_as(key)
    assert client.get(reverse("imports")).status_code == list_status
    assert client.get(reverse("import-detail", args=[record.pk])).status_code == list_status
    original = client.get(reverse("import-original", args=[record.pk]))
    assert original.status_code == original_status
    if original_status == 200:
        assert original.content == content


def test_list_offers_csv(client_as: Client) -> None:
    import_submit(
        actor=None,
        kind="locaties",
        week="2021-W45",
        file_name="l.csv",
        content=csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS),
    )
    response = client_as("landelijk").get(reverse("imports") + "?formaat=csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1
    assert (rows[0]["soort"], rows[0]["versie"], rows[0]["rijen"], rows[0]["aangeleverd_door"]) == (
        "locaties",
        "1",
        "3",
        "systeem",
    )


@pytest.mark.parametrize("kind", ["locaties", "realisatie", "reeksen"])
def test_templates_have_exactly_the_format_columns(client_as: Client, kind: str) -> None:
    client = client_as("provincie")
    expected = [*FORMATS[kind].column_names, "voorbeeldrij"]
    # The examples' own week: a template for another week carries that week in the example.
    as_csv = client.get(reverse("import-template", args=[kind, "csv"]), {"week": "2021-W45"})
    assert as_csv.status_code == 200
    assert (
        next(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig")), delimiter=";")) == expected
    )
    as_xlsx = client.get(reverse("import-template", args=[kind, "xlsx"]), {"week": "2021-W45"})
    book = load_workbook(io.BytesIO(as_xlsx.content))
    rows = [[c.value for c in row] for row in book.worksheets[0].iter_rows()]
    assert rows[0] == expected
    if kind == "realisatie":  # a row per municipality, unmarked (test_templates.py)
        assert rows[1][-1] is None
        assert len(rows) > 300
    else:
        assert rows[1][:-1] == [c.example for c in FORMATS[kind].columns]
        assert rows[1][-1].startswith("ja")
        assert len(rows) == 2
    assert book.sheetnames == [kind, "toelichting"]
    assert client.get(reverse("import-template", args=[kind, "pdf"])).status_code == 404


def test_formats_page_lists_every_column(client_as: Client) -> None:
    page = client_as("provincie").get(reverse("import-formats")).content.decode()
    for fmt in FORMATS.values():
        for column in fmt.columns:
            assert f"<code>{column.name}</code>" in page


def test_a_series_import_shows_its_stored_values(client_as: Client) -> None:
    from tests.opvang.factories import series_import

    record = series_import("2021-W45", {"eerste_asielaanvragen": 1_234, "nareizigers": 210})
    text = client_as("landelijk").get(f"/imports/{record.pk}/").content.decode()
    assert "Opgeslagen reekswaarden" in text
    assert "Eerste asielaanvragen" in text  # as on the page Landelijke reeksen
    assert "1.234" in text
