"""import_submit: accepted files become versions, refused files leave only a record."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from regietafel.audit.models import Action, AuditEntry
from regietafel.imports.models import Import, Status
from regietafel.imports.selectors import current_import, import_versions, latest_import
from regietafel.imports.services import import_submit
from regietafel.opvang.models import LocationRecord, SeriesRecord
from regietafel.taakstelling.models import RealisationRecord
from tests.imports.files import (
    LOCATIES_HEADER,
    LOCATIES_ROWS,
    REALISATIE_HEADER,
    REALISATIE_ROWS,
    REEKSEN_HEADER,
    REEKSEN_ROWS,
    csv_bytes,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db

WEEK = "2021-W45"


def submit(
    kind: str, content: bytes, *, week: str = WEEK, name: str = "bestand.csv", actor: Any = None
) -> Import:
    return import_submit(actor=actor, kind=kind, week=week, file_name=name, content=content)


@pytest.mark.parametrize("build", [csv_bytes, xlsx_bytes], ids=["csv", "xlsx"])
def test_locations_file_is_stored_as_version_1(build: Callable[..., bytes]) -> None:
    content = build(LOCATIES_HEADER, LOCATIES_ROWS)
    record = submit("locaties", content, name="locaties.xlsx")
    assert record.status == Status.ACCEPTED, record.errors
    assert record.version == 1
    assert record.row_count == 3
    assert record.checksum == hashlib.sha256(content).hexdigest()
    assert record.original.read() == content
    rows = {r.code: r for r in LocationRecord.objects.filter(batch=record)}
    assert set(rows) == {"AZC-ASD", "AMV-HLM", "NOOD-GRO"}
    amv = rows["AMV-HLM"]
    assert (amv.type, amv.province_code, amv.confidential) == ("amv", "PV27", True)
    nood = rows["NOOD-GRO"]
    assert (nood.municipality_code, nood.province_code, nood.capacity) == ("GM0014", "PV20", 1200)
    assert (nood.start_date, nood.end_date, nood.confidential) == (
        date(2021, 10, 1),
        date(2022, 3, 31),
        False,
    )
    assert rows["AZC-ASD"].end_date is None
    audit = AuditEntry.objects.get(object_id=str(record.pk))
    assert audit.action == Action.IMPORTED
    assert audit.summary == "Opvanglocaties 2021-W45 versie 1: 3 rijen"
    assert audit.actor_name == "systeem"


@pytest.mark.parametrize("build", [csv_bytes, xlsx_bytes], ids=["csv", "xlsx"])
def test_realisation_and_series_files(build: Callable[..., bytes]) -> None:
    realisation = submit("realisatie", build(REALISATIE_HEADER, REALISATIE_ROWS))
    assert realisation.status == Status.ACCEPTED, realisation.errors
    stored = {
        (r.municipality_code, r.province_code, r.period_label, r.housed)
        for r in RealisationRecord.objects.exclude(housed=0)
    }
    assert stored == {("GM0363", "PV27", "2021-II", 412), ("GM0014", "PV20", "2021-II", 97)}
    assert RealisationRecord.objects.count() == 352  # every municipality of 8 November 2021
    series = submit("reeksen", build(REEKSEN_HEADER, REEKSEN_ROWS))
    assert series.status == Status.ACCEPTED, series.errors
    assert dict(SeriesRecord.objects.values_list("metric", "value")) == {
        "eerste_asielaanvragen": 780,
        "nareizigers": 210,
    }


def test_reimport_is_a_new_version_and_keeps_the_old_one(make_user: Callable[[str], Any]) -> None:
    coa = make_user("coa")
    first = submit("locaties", csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS), actor=coa)
    corrected = [list(r) for r in LOCATIES_ROWS[:2]]
    corrected[0][5] = "580"
    second = submit("locaties", csv_bytes(LOCATIES_HEADER, corrected), actor=coa)
    assert (first.version, second.version) == (1, 2)
    assert second.uploaded_by == coa
    assert LocationRecord.objects.filter(batch=first).count() == 3
    assert LocationRecord.objects.get(batch=first, code="AZC-ASD").occupancy == 571
    assert LocationRecord.objects.get(batch=second, code="AZC-ASD").occupancy == 580
    assert current_import(kind="locaties", week=WEEK) == second
    assert list(import_versions(kind="locaties", week=WEEK)) == [first, second]
    assert latest_import(kind="locaties", on_or_before="2021-W44") is None
    # A register holds for its own week and the four after (core.rules.DATA_VALID_WEEKS).
    assert latest_import(kind="locaties", on_or_before="2021-W49") == second
    assert latest_import(kind="locaties", on_or_before="2021-W50") is None
    # A refused file for the same week does not take a version number.
    refused = submit("locaties", csv_bytes(LOCATIES_HEADER, [("X",) * 10]), actor=coa)
    assert refused.status == Status.REFUSED
    assert refused.version is None
    assert current_import(kind="locaties", week=WEEK) == second
    summaries = list(AuditEntry.objects.order_by("id").values_list("summary", flat=True))
    assert summaries[1] == "Opvanglocaties 2021-W45 versie 2: 2 rijen"
    assert summaries[2].startswith("Opvanglocaties 2021-W45 geweigerd:")


def row_errors(record: Import) -> set[tuple[int | None, str | None]]:
    return {(e["row"], e["column"]) for e in record.errors}


def test_every_error_of_a_bad_file_is_reported_and_nothing_stored() -> None:
    # Week 2022-W30: Weesp (GM0457) joined Amsterdam on 24 March 2022. The column 'naam' is missing.
    header = (
        "locatiecode",
        "gemeentecode",
        "soort",
        "capaciteit",
        "bezetting",
        "startdatum",
        "einddatum",
        "week",
    )
    rows = [
        ("A1", "GM0363", "regulier", "100", "50", "2020-01-01", "", "2022-W30"),  # row 2: fine
        ("A2", "GM9999", "regulier", "100", "50", "2020-01-01", "", "2022-W30"),  # row 3
        ("A3", "GM0457", "regulier", "100", "50", "2020-01-01", "", "2022-W30"),  # row 4
        ("A4", "GM0363", "regulier", "-5", "0", "2020-01-01", "", "2022-W30"),  # row 5
        ("A5", "GM0363", "regulier", "10", "11", "2020-01-01", "", "2022-W30"),  # row 6
        ("A6", "GM0363", "regulier", "10", "5", "2022-05-01", "2022-04-30", "2022-W30"),  # row 7
        ("A1", "GM0363", "regulier", "10", "5", "2020-01-01", "", "2022-W30"),  # row 8
        ("A8", "GM0363", "regulier", "10", "5", "2020-01-01", "", "2022-W29"),  # row 9
        ("A9", "GM0363", "regulier", "tien", "5", "2020-01-01", "", "2022-W30"),  # row 10
        ("A10", "GM0363", "kasteel", "10", "5", "2020-01-01", "", "2022-W30"),  # row 11
    ]
    record = submit("locaties", csv_bytes(header, rows), week="2022-W30", name="weesp.csv")
    assert record.status == Status.REFUSED
    assert row_errors(record) == {
        (1, None),
        (3, "gemeentecode"),
        (4, "gemeentecode"),
        (5, "capaciteit"),
        (6, "bezetting"),
        (7, "einddatum"),
        (8, "locatiecode"),
        (9, "week"),
        (10, "capaciteit"),
        (11, "soort"),
    }
    messages = {e["row"]: e["message"] for e in record.errors}
    assert messages[1] == "verplichte kolom 'naam' ontbreekt"
    assert "GM0363 (Amsterdam)" in messages[4]
    assert "onbekende gemeentecode GM9999" in messages[3]
    assert messages[5] == "-5 is negatief; dat kan hier niet"
    assert messages[6] == "bezetting 11 is groter dan de capaciteit 10"
    assert messages[7] == "einddatum 30 april 2022 ligt voor de startdatum 1 mei 2022"
    assert messages[8] == "'A1' staat ook al in rij 2"
    assert "2022-W29" in messages[9]
    assert messages[10] == "'tien' is geen geheel getal"
    assert all(e["file"] == "weesp.csv" for e in record.errors)
    assert record.row_count == 0
    assert record.original.read().startswith(b"locatiecode")
    assert LocationRecord.objects.count() == 0
    audit = AuditEntry.objects.get()
    assert (audit.action, audit.object_id) == (Action.REFUSED, str(record.pk))
    assert audit.summary == "Opvanglocaties 2022-W30 geweigerd: 10 fouten"


def test_realisation_in_the_wrong_period_and_duplicates() -> None:
    rows = [("GM0363", "2021-I", "5"), ("363", "2021-II", "7"), ("GM0014", "2021-II", "")]
    record = submit("realisatie", csv_bytes(REALISATIE_HEADER, rows))
    assert row_errors(record) == {(2, "periode"), (3, "gemeentecode"), (4, "gehuisvest")}
    messages = {e["row"]: e["message"] for e in record.errors}
    assert messages[2] == "verkeerde periode: week 2021-W45 valt in periode 2021-II, niet in 2021-I"
    assert messages[3] == "'GM0363' staat ook al in rij 2"
    assert RealisationRecord.objects.count() == 0


def test_series_duplicates_and_missing_columns() -> None:
    record = submit(
        "reeksen",
        csv_bytes(("reeks", "week"), [("nareizigers", "2021-W45"), ("Nareizigers", "2021-W45")]),
    )
    assert row_errors(record) == {(1, None), (3, "reeks")}
    assert record.errors[0]["message"] == "verplichte kolom 'waarde' ontbreekt"


def test_series_part_may_not_exceed_its_whole() -> None:
    rows = [
        ("vergunninghouders_in_opvang", "11500", "2021-W45"),
        ("vergunninghouders_langer_dan_14_weken", "11501", "2021-W45"),
    ]
    record = submit("reeksen", csv_bytes(REEKSEN_HEADER, rows), name="reeksen-w45.csv")
    assert record.status == Status.REFUSED
    assert row_errors(record) == {(3, "waarde")}
    assert record.errors[0]["file"] == "reeksen-w45.csv"
    assert record.errors[0]["message"] == (
        "vergunninghouders_langer_dan_14_weken (11.501) is meer dan vergunninghouders_in_opvang "
        "(11.500) van dezelfde week: het is een deel daarvan"
    )
    assert SeriesRecord.objects.count() == 0
    rows[1] = ("vergunninghouders_langer_dan_14_weken", "7400", "2021-W45")
    accepted = submit("reeksen", csv_bytes(REEKSEN_HEADER, rows))
    assert accepted.status == Status.ACCEPTED, accepted.errors
    assert SeriesRecord.objects.filter(batch=accepted).count() == 2


def test_errors_are_capped() -> None:
    rows = [(f"L{i}", "naam", "GM0363", "regulier", "x", "y", "z", "", "", "") for i in range(300)]
    record = submit("locaties", csv_bytes(LOCATIES_HEADER, rows))
    assert len(record.errors) == 501
    assert record.errors[-1]["message"] == "en nog 400 fouten; alleen de eerste 500 zijn bewaard"


def test_failure_while_applying_leaves_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(LocationRecord._default_manager, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        submit("locaties", csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS))
    assert Import.objects.count() == 0
    assert LocationRecord.objects.count() == 0
    assert AuditEntry.objects.count() == 0


@pytest.mark.parametrize("key", ["landelijk", "provincie", "beheerder"])
def test_only_coa_may_import(make_user: Callable[[str], Any], key: str) -> None:
    with pytest.raises(PermissionDenied):
        submit("locaties", csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS), actor=make_user(key))
    assert Import.objects.count() == 0


def test_older_file_without_the_contract_columns_gets_the_documented_defaults() -> None:
    """No looptijd is unknown (not temporary); the quality follows the type; the safety
    region follows the municipality (GM0014 Groningen: VR01; GM0363 Amsterdam: VR13)."""
    record = submit("locaties", csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS))
    assert record.status == Status.ACCEPTED, record.errors
    rows = {r.code: r for r in LocationRecord.objects.filter(batch=record)}
    azc, nood = rows["AZC-ASD"], rows["NOOD-GRO"]
    assert (azc.durability, azc.extension_option, azc.max_occupancy) == ("", None, None)
    assert (nood.durability, nood.extension_option) == ("", None)
    assert (azc.quality, nood.quality) == ("regulier", "noodopvang")
    assert (azc.safety_region_code, nood.safety_region_code) == ("VR13", "VR01")


CONTRACT_HEADER = (
    "locatiecode",
    "naam",
    "gemeentecode",
    "soort",
    "capaciteit",
    "bezetting",
    "startdatum",
    "einddatum",
    "looptijd",
    "verlengingsoptie",
    "maximale_bezetting",
    "kwaliteit",
    "veiligheidsregio",
)


def test_contract_columns_are_stored() -> None:
    rows = [
        (
            "A1",
            "azc",
            "GM0363",
            "regulier",
            "600",
            "500",
            "2016-01-01",
            "",
            "structureel",
            "",
            "650",
            "",
            "VR13",
        ),
        (
            "A2",
            "nood",
            "GM0014",
            "regulier",
            "300",
            "250",
            "2021-10-01",
            "2022-06-30",
            "tijdelijk",
            "ja",
            "",
            "noodopvang",
            "groningen",
        ),
        (
            "A3",
            "hotel",
            "GM0014",
            "hotel",
            "80",
            "50",
            "2021-10-01",
            "2022-03-31",
            "tijdelijk",
            "nee",
            "",
            "",
            "",
        ),
    ]
    record = submit("locaties", csv_bytes(CONTRACT_HEADER, rows))
    assert record.status == Status.ACCEPTED, record.errors
    got = {r.code: r for r in LocationRecord.objects.filter(batch=record)}
    assert (got["A1"].durability, got["A1"].max_occupancy, got["A1"].quality) == (
        "structureel",
        650,
        "regulier",
    )
    assert (got["A2"].durability, got["A2"].extension_option, got["A2"].quality) == (
        "tijdelijk",
        True,
        "noodopvang",
    )
    assert got["A2"].safety_region_code == "VR01"
    assert (got["A3"].extension_option, got["A3"].quality) == (False, "")  # hotel: unknown


def test_contract_column_errors_name_row_and_column_and_store_nothing() -> None:
    rows = [
        (
            "A1",
            "azc",
            "GM0363",
            "regulier",
            "600",
            "500",
            "2016-01-01",
            "",
            "structureel",
            "",
            "",
            "",
            "VR01",
        ),  # row 2: Amsterdam is not in VR01 Groningen
        (
            "A2",
            "nood",
            "GM0014",
            "regulier",
            "300",
            "250",
            "2021-10-01",
            "",
            "tijdelijk",
            "",
            "",
            "",
            "",
        ),  # row 3: temporary without an end
        (
            "A3",
            "nood",
            "GM0014",
            "regulier",
            "300",
            "250",
            "2021-10-01",
            "",
            "",
            "ja",
            "",
            "",
            "",
        ),  # row 4: an option without an end to extend
        (
            "A4",
            "x",
            "GM0014",
            "regulier",
            "3",
            "2",
            "2021-10-01",
            "",
            "soms",
            "misschien",
            "veel",
            "luxe",
            "VR99",
        ),  # row 5: four unreadable cells
    ]
    record = submit("locaties", csv_bytes(CONTRACT_HEADER, rows), name="contract.csv")
    assert record.status == Status.REFUSED
    assert row_errors(record) == {
        (2, "veiligheidsregio"),
        (3, "einddatum"),
        (4, "verlengingsoptie"),
        (5, "looptijd"),
        (5, "verlengingsoptie"),
        (5, "maximale_bezetting"),
        (5, "kwaliteit"),
        (5, "veiligheidsregio"),
    }
    messages = {(e["row"], e["column"]): e["message"] for e in record.errors}
    assert messages[2, "veiligheidsregio"] == (
        "veiligheidsregio VR01 (Groningen) past niet bij gemeente GM0363: die hoort bij "
        "VR13 (Amsterdam-Amstelland)"
    )
    assert "tijdelijke locatie heeft een einddatum" in messages[3, "einddatum"]
    assert "onbekende waarde 'soms'" in messages[5, "looptijd"]
    assert "onbekende veiligheidsregio 'VR99'" in messages[5, "veiligheidsregio"]
    assert all(e["file"] == "contract.csv" for e in record.errors)
    assert LocationRecord.objects.count() == 0


def test_a_realisation_missing_municipalities_is_refused_and_names_them() -> None:
    """A file without Eemsdelta and Het Hogeland counted them as housing nobody: Groningen
    fell from 238 to 179 housed and behind schedule on two missing rows. Now the file is
    refused, naming what is missing, and nothing is stored."""
    rows = [r for r in REALISATIE_ROWS if r[0] not in {"GM1979", "GM1966"}]
    record = submit("realisatie", csv_bytes(REALISATIE_HEADER, rows))
    assert record.status == Status.REFUSED
    assert [(e["row"], e["column"]) for e in record.errors] == [(None, "gemeentecode")]
    assert record.errors[0]["message"] == (
        "2 van de 352 gemeenten van 8 november 2021 ontbreken: GM1966 Het Hogeland, "
        "GM1979 Eemsdelta; geef één rij per gemeente, met gehuisvest 0 voor een gemeente die "
        "niemand huisvestte"
    )
    assert RealisationRecord.objects.count() == 0
