"""The reception picture pages: access per role, charts with tables, and bad input."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from regietafel.core.need import need_by_week
from regietafel.core.periods import Period
from regietafel.core.rules import LONG, MEDIUM, SHORT, schedule_arrears
from tests.opvangbeeld.factories import standard_register


@pytest.mark.django_db
def test_province_user_403_on_other_province_picture(
    client_as: Callable[[str | None], Any],
) -> None:
    standard_register()
    province = client_as("provincie")
    assert province.get("/opvangbeeld/PV20/?week=2021-W45").status_code == 403
    assert province.get("/api/v1/opvangbeeld/?week=2021-W45&provincie=PV20").status_code == 403
    own = province.get("/opvangbeeld/PV27/?week=2021-W45")
    assert own.status_code == 200
    assert "Aandeel in de landelijke verdeling" in own.content.decode()
    assert province.get("/opvangbeeld/?week=2021-W45").status_code == 200


@pytest.mark.django_db
def test_national_page_has_chart_and_tables(client_as: Callable[[str | None], Any]) -> None:
    standard_register()
    body = client_as("coa").get("/opvangbeeld/?week=2021-W45").content.decode()
    assert body.count('role="img"') == 2
    for name in ("tijdlijn", "capaciteit", "behoefte", "provincies", "sluitingen", "doelen"):
        assert f'id="tabel-{name}"' in body
    assert "1.347" in body


@pytest.mark.django_db
def test_bad_week_is_a_dutch_message(client_as: Callable[[str | None], Any]) -> None:
    page = client_as("landelijk").get("/opvangbeeld/?week=2021-W60")
    assert page.status_code == 400
    assert "week 60 bestaat niet in 2021" in page.content.decode()


@pytest.mark.django_db
def test_doelen_page_create_and_forbid(client_as: Callable[[str | None], Any]) -> None:
    data = {
        "title": "600 extra plaatsen",
        "category": "regulier",
        "unit": "places",
        "quantity": "600",
        "start": "2021-10-01",
        "deadline": "2021-11-30",
        "province_code": "",
        "note": "",
    }
    assert client_as("landelijk").post("/doelen/", data).status_code == 302
    assert client_as("provincie").post("/doelen/", data).status_code == 403
    page = client_as("provincie").get("/doelen/?week=2021-W45")
    body = page.content.decode()
    assert "600 extra plaatsen" in body
    # No register for that week or before: progress is unknown, never "0 of 600".
    assert "geen locatieregister aangeleverd" in body
    assert body.count("geen gegevens") >= 2
    # Nor a file of it: the download is refused with the reason (no file of empty progress).
    refused = client_as("provincie").get("/doelen/?week=2021-W45&formaat=csv")
    assert refused.status_code == 404
    assert "Er is nog geen locatieregister aangeleverd." in refused.content.decode()
    standard_register()
    measured = client_as("provincie").get("/doelen/?week=2021-W45").content.decode()
    assert "geen locatieregister aangeleverd" not in measured
    csv = client_as("provincie").get("/doelen/?week=2021-W45&formaat=csv").content.decode()
    row = next(line for line in csv.splitlines() if line.startswith("600 extra plaatsen"))
    assert "geen gegevens" not in row


def test_need_by_week_steps() -> None:
    from regietafel.core.need import need_and_gap

    rows = need_and_gap(
        occupancy={},
        capacity={h.name: {} for h in (SHORT, MEDIUM, LONG)},
        projected={"kort": {}, "middellang": {}, "lang": {}},
    )
    assert need_by_week(rows, 3) == [0, 0, 0]


def test_schedule_arrears_by_hand() -> None:
    assert Period(2021, 2).months_elapsed(date(2021, 11, 8)) == 4
    assert Period(2021, 2).months_elapsed(date(2022, 3, 1)) == 6
    assert schedule_arrears(100, 601, 4) == 301  # 601 x 4 / 6 = 400.67 -> 401
    assert schedule_arrears(500, 600, 4) == 0


@pytest.mark.django_db
def test_closures_table_lists_what_the_key_figure_counts(
    client_as: Callable[[str | None], Any],
) -> None:
    """Week 45 starts Monday 8 November 2021; the key figure counts closures without a
    successor within 26 weeks (before 9 May 2022). B (200 places, last day 27 February) is
    within, E (120 places, last day 1 August 2022) is later: card 1 / 200, table 1 row,
    the later table 1 row — the heading and the number agree."""
    from tests.opvangbeeld.factories import STANDARD, Loc, make_register

    later = Loc("E", "PV20", "GM0014", "noodopvang", 120, 100, date(2021, 3, 1), date(2022, 8, 1))
    make_register("2021-W45", [*STANDARD, later])
    client = client_as("landelijk")
    api = client.get("/api/v1/opvangbeeld/?week=2021-W45").json()
    assert [r["plaatsen"] for r in api["sluitingen"]] == [200]
    assert [r["plaatsen"] for r in api["sluitingen_later"]] == [120]
    figures = client.get("/api/v1/kerncijfers/?week=2021-W45").json()["kerncijfers"]
    by_code = {f["code"]: f["waarde"] for f in figures}
    assert (by_code["sluitingen_zonder_opvolger"], by_code["plaatsen_in_sluitingen"]) == (1, 200)
    body = client.get("/opvangbeeld/?week=2021-W45").content.decode()
    assert "Later: 1 sluiting zonder opvolger na het eerste half jaar" in body
    # The municipality by name (it read "GM0363"), as the location lists write it.
    assert [r["gemeente"] for r in api["sluitingen"]] == ["Amsterdam"]
    assert [r["gemeente"] for r in api["sluitingen_later"]] == ["Groningen"]


@pytest.mark.django_db
def test_choosing_the_need_policy_of_a_week_on_the_page(
    client_as: Callable[[str | None], Any],
) -> None:
    """The national picture names the week's need policy with its source; landelijk picks
    another one for the week and the picture's need follows (930 regular: 1.347 with the
    417, 969 at 96 %)."""
    standard_register()
    lrt = client_as("landelijk")
    before = lrt.get("/opvangbeeld/?week=2021-W45").content.decode()
    assert "Behoeftebeleid: vaste buffer van 417 plekken (LRT voorjaar 2021)" in before
    assert "LRT-notulen voorjaar 2021" in before  # the source
    assert "/opvangbeeld/behoeftebeleid/?week=2021-W45" in before
    # A PRT reads the policy but gets no link to choose one.
    prt = client_as("provincie").get("/opvangbeeld/?week=2021-W45").content.decode()
    assert "Behoeftebeleid: vaste buffer van 417" in prt
    assert "/opvangbeeld/behoeftebeleid/" not in prt

    form = lrt.get("/opvangbeeld/behoeftebeleid/?week=2021-W45").content.decode()
    assert "bezettingsgraad 96\u00a0% (COA november 2022) — bron: COA capaciteitsbesluit" in form
    empty = lrt.post("/opvangbeeld/behoeftebeleid/?week=2021-W45", {"policy": "coa-2022-11"})
    assert empty.status_code == 400
    assert "Dit veld is vereist." in empty.content.decode()  # the reason

    done = lrt.post(
        "/opvangbeeld/behoeftebeleid/?week=2021-W45",
        {"policy": "coa-2022-11", "reason": "LRT 10 november 2021"},
    )
    assert done.status_code == 302
    assert done["Location"] == "/opvangbeeld/?week=2021-W45"
    after = lrt.get("/opvangbeeld/?week=2021-W45").content.decode()
    assert "Behoeftebeleid: bezettingsgraad 96\u00a0% (COA november 2022)" in after
    assert "gekozen door landelijk op" in after
    assert "969" in after
    assert "1.347" not in after
    # The week after (the W45 register still holds) keeps the dated policy.
    w46 = lrt.get("/opvangbeeld/?week=2021-W46").content.decode()
    assert "Behoeftebeleid: vaste buffer van 417" in w46


@pytest.mark.django_db
def test_a_province_user_cannot_choose_the_need_policy(
    client_as: Callable[[str | None], Any],
) -> None:
    refused = client_as("provincie").post(
        "/opvangbeeld/behoeftebeleid/?week=2021-W45",
        {"policy": "coa-2022-11", "reason": "eigen keuze"},
    )
    assert refused.status_code == 403
    from regietafel.kerncijfers.models import WeekNeedPolicy

    assert not WeekNeedPolicy.objects.exists()


def test_a_province_picture_says_the_fixed_buffer_counts_only_nationally(
    client_as: Callable[[str | None], Any],
) -> None:
    """In week 2021-W45 the dated policy is the LRT's fixed +417 of spring 2021: nationally a
    buffer, in a province none (need = occupancy). The province's picture said "vaste buffer
    van 417 plekken" beside buffers of 0 (found in the browser check); now it says why."""
    import html

    standard_register("2021-W45")
    client = client_as("coa")
    national = html.unescape(client.get("/opvangbeeld/?week=2021-W45").content.decode())
    province = html.unescape(client.get("/opvangbeeld/PV27/?week=2021-W45").content.decode())
    assert "die telt alleen landelijk, in een provincie geen buffer" in province
    assert "die telt alleen landelijk" not in national


@pytest.mark.django_db
def test_the_provinces_csv_names_its_columns_by_the_catalogue_code(
    client_as: Callable[[str | None], Any],
) -> None:
    """The provinces table holds the regular shortfall: its CSV columns carry that figure's
    code, with the value the API gives under the same code for each province (they were
    called tekort_kort etc., the API's code for the shortfall over all kinds; found in the
    browser check)."""
    import csv
    import io

    standard_register()
    client = client_as("coa")
    page = client.get("/opvangbeeld/?week=2021-W45&formaat=csv&tabel=provincies")
    rows = {
        r["provincie"]: r for r in csv.DictReader(io.StringIO(page.content.decode("utf-8-sig")))
    }
    codes = ("tekort_regulier_kort", "tekort_regulier_middellang", "tekort_regulier_lang")
    assert not {"tekort_kort", "tekort_middellang", "tekort_lang"} & set(rows["Noord-Holland"])
    api = client.get("/api/v1/kerncijfers/", {"week": "2021-W45", "scope": "PV27"}).json()
    by_code = {k["code"]: k["waarde"] for k in api["kerncijfers"]}
    for code in codes:
        assert rows["Noord-Holland"][code] == str(by_code[code]), code


@pytest.mark.django_db
def test_a_week_without_a_register_says_why(client_as: Callable[[str | None], Any]) -> None:
    """A register holds for its week and the four after it. Before the first one, and after
    the last one has lapsed, the page says which it is (it said "no register for this week
    or earlier" while one of week 45 existed; found in the browser check)."""
    client = client_as("landelijk")
    none = client.get("/opvangbeeld/?week=2021-W45").content.decode()
    assert "Er is nog geen locatieregister aangeleverd." in none
    standard_register("2021-W45")
    early = html.unescape(client.get("/opvangbeeld/?week=2021-W40").content.decode())
    assert (
        "Voor week 2021-W40 of eerder is geen locatieregister aangeleverd; het eerste is van "
        "week 2021-W45." in early
    )
    holds = client.get("/opvangbeeld/?week=2021-W49").content.decode()
    assert "Gebaseerd op het locatieregister van week 2021-W45" in holds
    lapsed = html.unescape(client.get("/opvangbeeld/?week=2021-W50").content.decode())
    assert (
        "Het laatste locatieregister is van week 2021-W45 en geldt voor die week en de 4 weken "
        "erna, niet meer voor week 2021-W50: er zijn geen gegevens voor deze week."
    ) in lapsed
