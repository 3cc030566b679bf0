"""Importing an official MPP: one file is one MPP, refused whole with Dutch errors, and the
forecast offers its figures from the week it was delivered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from regietafel.core.periods import IsoWeek
from regietafel.imports.models import Import, Status
from regietafel.imports.services import import_submit, import_withdraw
from regietafel.opvang.models import ScenarioRecord
from regietafel.opvang.selectors import official_figures
from regietafel.opvangprognose.selectors import scenarios_in, unavailable
from tests.imports.files import csv_bytes

pytestmark = pytest.mark.django_db

HEADER = ("scenario", "jaar", "instroom", "gepubliceerd", "bron")
MPP_2022 = (
    ("min", "2022", "30.000", "2021-11-08", "MPP 2022-I"),
    ("midden", "2022", "38000", "2021-11-08", "MPP 2022-I"),
    ("max", "2022", "48000", "2021-11-08", "MPP 2022-I"),
)


def submit(rows: tuple[tuple[str, ...], ...], week: str = "2021-W45") -> Import:
    return import_submit(actor=None, kind="mpp", week=week, file_name="mpp.csv",
                         content=csv_bytes(HEADER, rows))  # fmt: skip


def test_an_mpp_is_stored_whole() -> None:
    record = submit(MPP_2022)
    assert record.status == Status.ACCEPTED, record.errors
    stored = {r.scenario: (r.year, r.inflow, r.published, r.source)
              for r in ScenarioRecord.objects.filter(batch=record)}  # fmt: skip
    assert stored == {
        "min": (2022, 30_000, date(2021, 11, 8), "MPP 2022-I"),
        "midden": (2022, 38_000, date(2021, 11, 8), "MPP 2022-I"),
        "max": (2022, 48_000, date(2021, 11, 8), "MPP 2022-I"),
    }


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (MPP_2022[:2], (None, "scenario", "het bestand mist de rij met scenario max")),
        ((MPP_2022[0], ("max", "2023", "48000", "2021-11-08", "MPP 2022-I")),
         (None, "jaar", "verschillende waarden in kolom jaar")),
        ((MPP_2022[0], ("midden", "2022", "29000", "2021-11-08", "MPP 2022-I"), MPP_2022[2]),
         (3, "instroom", "scenario midden (29.000) is lager dan min (30.000)")),
        ((("min", "2022", "30000", "2021-11-15", "MPP 2022-I"),
          ("max", "2022", "48000", "2021-11-15", "MPP 2022-I")),
         (2, "gepubliceerd", "2021-11-15 ligt na week 2021-W45")),
        ((*MPP_2022, ("hoog", "2022", "60000", "2021-11-08", "MPP 2022-I")),
         (5, "scenario", "onbekende waarde 'hoog': kies uit min, midden, max")),
        ((*MPP_2022, MPP_2022[0]), (5, "scenario", None)),
        ((("min", "1999", "30000", "2021-11-08", "x"), ("max", "1999", "48000", "2021-11-08", "x")),
         (2, "jaar", "jaar 1999 ligt niet tussen 2000 en 2100")),
    ],
    ids=["no-max", "two-years", "min-above-middle", "from-the-future", "unknown", "twice",
         "year-range"],
)  # fmt: skip
def test_a_broken_mpp_is_refused_whole_naming_row_and_column(
    rows: tuple[tuple[str, ...], ...], expected: tuple[int | None, str, str | None]
) -> None:
    record = submit(rows)
    assert record.status == Status.REFUSED
    assert not ScenarioRecord.objects.exists()
    row, column, start = expected
    found = [(e["row"], e["column"], e["message"]) for e in record.errors]
    assert any(
        r == row and c == column and (start is None or m.startswith(start)) for r, c, m in found
    ), found
    assert all(e["file"] == "mpp.csv" for e in record.errors)


def test_the_forecast_offers_an_imported_mpp_from_the_day_after_publication() -> None:
    """Published Monday 8 November 2021: a forecast starting that Monday (week 45) did not
    know it yet, one starting in week 46 does (the vintage rule of every bundled value)."""
    week45, week46 = IsoWeek.parse("2021-W45"), IsoWeek.parse("2021-W46")
    # Without a middle row: the midpoint (30,000 + 48,000) / 2 = 39,000, and it says so.
    record = submit((MPP_2022[0], MPP_2022[2]), week="2021-W46")
    assert record.status == Status.ACCEPTED, record.errors
    assert official_figures(week45.monday) == ()
    assert not {"mpp-min", "mpp-midden", "mpp-max"} & set(scenarios_in(week45))
    offered = scenarios_in(week46)
    assert [offered[n].inflow_per_year for n in ("mpp-min", "mpp-midden", "mpp-max")] == [
        30_000, 39_000, 48_000,
    ]  # fmt: skip
    assert offered["mpp-max"].label == "officieel max (MPP 2022-I)"
    assert "gepubliceerd 8 november 2021 (import 2021-W46 versie 1)" in offered[
        "mpp-max"].description  # fmt: skip
    assert "midden van min en max, niet gepubliceerd" in offered["mpp-midden"].description
    assert "mpp-max" in scenarios_in(IsoWeek.parse("2022-W10"))  # it holds until replaced
    # Too early: the refusal names the day the first MPP was published.
    assert unavailable("mpp-max", week45).endswith("(de eerste verscheen op 8 november 2021)")
    import_withdraw(actor=None, pk=record.pk, note="verkeerd bestand")
    assert "mpp-max" not in scenarios_in(week46)


def test_a_later_imported_mpp_replaces_the_bundled_one() -> None:
    """From 2024 the bundle offers the MPP 2023-II; an MPP 2024-II imported later wins."""
    week = IsoWeek.parse("2024-W46")
    assert scenarios_in(week)["mpp-min"].inflow_per_year == 49_000  # bundled MPP 2023-II
    rows = (("min", "2025", "41000", "2024-11-08", "MPP 2024-II"),
            ("max", "2025", "59000", "2024-11-08", "MPP 2024-II"))  # fmt: skip
    assert submit(rows, week="2024-W46").status == Status.ACCEPTED
    offered = scenarios_in(week)
    assert offered["mpp-min"].inflow_per_year == 41_000
    assert offered["mpp-min"].label == "officieel min (MPP 2024-II)"
    assert scenarios_in(IsoWeek.parse("2024-W45"))["mpp-min"].label.endswith("(MPP 2023-II)")
    # After the bundle ends (March 2025) the forecast's origin stays there, but an MPP
    # imported later is still offered in the weeks after its publication.
    later = (("min", "2026", "35000", "2025-11-10", "MPP 2025-II"),
             ("max", "2026", "52000", "2025-11-10", "MPP 2025-II"))  # fmt: skip
    assert submit(later, week="2025-W46").status == Status.ACCEPTED
    assert scenarios_in(IsoWeek.parse("2025-W47"))["mpp-max"].inflow_per_year == 52_000


def test_the_prognose_page_and_the_api_offer_the_imported_mpp(
    client_as: Callable[[str | None], Any],
) -> None:
    submit((MPP_2022[0], MPP_2022[2]), week="2021-W46")
    client = client_as("landelijk")
    page = client.get("/prognose/", {"week": "2021-W47", "scenario": "mpp-max"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "officieel max (MPP 2022-I)" in text
    assert "instroom 48.000 per jaar: MPP 2022-I voor 2022" in text
    api = client.get("/api/v1/prognose/", {"week": "2021-W47", "scenario": "mpp-max"})
    assert api.status_code == 200, api.content
    assert "MPP 2022-I" in api.content.decode()
    early = client.get("/prognose/", {"week": "2021-W45", "scenario": "mpp-max"})
    assert "de eerste verscheen op 8 november 2021" in early.content.decode()


def test_the_import_command_knows_every_kind() -> None:
    from regietafel.cli.webcommands import IMPORT_KINDS
    from regietafel.imports.formats import FORMATS

    assert tuple(FORMATS) == IMPORT_KINDS


def test_the_detail_page_shows_the_stored_figures_and_offers_them_as_csv(
    client_as: Callable[[str | None], Any],
) -> None:
    record = submit(MPP_2022)
    client = client_as("coa")
    text = client.get(f"/imports/{record.pk}/").content.decode()
    assert "Opgeslagen MPP-cijfers" in text
    # min, midden, max in that order, with Dutch thousands and the publication day.
    assert text.index("30.000") < text.index("38.000") < text.index("48.000")
    assert "8 november 2021" in text
    download = client.get(f"/imports/{record.pk}/", {"formaat": "csv", "tabel": "cijfers"})
    lines = download.content.decode("utf-8-sig").splitlines()
    assert lines == [
        "scenario,jaar,instroom,gepubliceerd,bron",
        "min,2022,30000,2021-11-08,MPP 2022-I",
        "midden,2022,38000,2021-11-08,MPP 2022-I",
        "max,2022,48000,2021-11-08,MPP 2022-I",
    ]
    # The errors download keeps working (an accepted import has none).
    errors = client.get(f"/imports/{record.pk}/", {"formaat": "csv"})
    assert errors.content.decode("utf-8-sig").splitlines() == ["bestand,rij,kolom,fout"]
    unknown = client.get(f"/imports/{record.pk}/", {"formaat": "csv", "tabel": "iets"})
    assert unknown.status_code == 404


def test_a_refused_mpp_shows_no_figures(client_as: Callable[[str | None], Any]) -> None:
    record = submit(MPP_2022[:2])
    assert record.status == Status.REFUSED
    client = client_as("coa")
    text = client.get(f"/imports/{record.pk}/").content.decode()
    assert "Opgeslagen MPP-cijfers" not in text
    assert client.get(f"/imports/{record.pk}/?formaat=csv&tabel=cijfers").status_code == 404
