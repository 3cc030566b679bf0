"""Pages and CSV downloads: the same scoping and masking as the selectors, per role."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from regietafel.opvang.models import SeriesMetric
from tests.opvang.factories import locations_week45, series_import

pytestmark = pytest.mark.django_db

Client = Callable[[str | None], Any]
LIST = reverse("locaties")


def _csv(response: Any) -> list[dict[str, str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "Excel needs the byte order mark"
    return list(csv.DictReader(io.StringIO(text[1:])))


def _detail(code: str) -> str:
    return reverse("locatie-detail", args=[code]) + "?week=2021-W45"


def test_anonymous_is_sent_to_login(client_as: Client) -> None:
    for url in (LIST, reverse("reeksen"), _detail("NH-AZC")):
        response = client_as(None).get(url)
        assert response.status_code == 302
        assert reverse("login") in response["Location"]


@pytest.mark.parametrize("key", ["landelijk", "provincie"])
def test_confidential_location_masked_on_page_and_csv(client_as: Client, key: str) -> None:
    locations_week45()
    client = client_as(key)
    page = client.get(LIST, {"week": "2021-W45"})
    assert page.status_code == 200
    rows = {row.code: row for row in page.context["rows"]}
    assert rows["NH-AMV"].occupancy is None
    html = page.content.decode()
    assert "vertrouwelijk" in html
    assert "Geheimstraat" not in html

    detail = client.get(_detail("NH-AMV"))
    assert detail.status_code == 200
    body = detail.content.decode()
    assert "Geheimstraat" not in body
    assert detail.context["row"].occupancy is None

    by_code = {r["code"]: r for r in _csv(client.get(LIST, {"week": "2021-W45", "formaat": "csv"}))}
    assert by_code["NH-AMV"]["bezetting"] == "vertrouwelijk"
    assert by_code["NH-AMV"]["vertrouwelijk"] == "ja"
    assert by_code["NH-AMV"]["einde"] == "2022-06-30"
    assert by_code["NH-AZC"]["bezetting"] == "550"
    assert by_code["NH-AZC"]["einde"] == "structureel"
    assert by_code["NH-AZC"]["soort"] == "regulier azc"


def test_coa_sees_confidential_details_on_page_and_csv(client_as: Client) -> None:
    locations_week45()
    client = client_as("coa")
    detail = client.get(_detail("NH-AMV"))
    assert "Geheimstraat 7" in detail.content.decode()
    by_code = {r["code"]: r for r in _csv(client.get(LIST, {"week": "2021-W45", "formaat": "csv"}))}
    assert by_code["NH-AMV"]["bezetting"] == "37"


def test_province_user_sees_own_locations_and_every_province_total(client_as: Client) -> None:
    locations_week45()
    client = client_as("provincie")
    page = client.get(LIST, {"week": "2021-W45"})
    assert [row.code for row in page.context["rows"]] == ["NH-AMV", "NH-AZC"]
    html = page.content.decode()
    assert "GR-AZC" not in html
    assert "Azc Zuiderweg" not in html
    assert [a.province_code for a in page.context["aggregates"]] == ["PV20", "PV27"]
    assert "Groningen" in html

    listed = _csv(client.get(LIST, {"week": "2021-W45", "formaat": "csv"}))
    assert [r["code"] for r in listed] == ["NH-AMV", "NH-AZC"]
    totals = _csv(client.get(LIST, {"week": "2021-W45", "formaat": "csv", "tabel": "provincies"}))
    assert [(r["provinciecode"], r["capaciteit"], r["bezetting"]) for r in totals] == [
        ("PV20", "448", "afgeschermd"),  # one confidential location each: afgeschermd
        ("PV27", "650", "afgeschermd"),
        # The national row: 448 + 650 places; its occupancy would reveal the nation's only
        # two confidential locations, so it is afgeschermd too.
        ("NL", "1098", "afgeschermd"),
    ]

    assert client.get(_detail("GR-AZC")).status_code == 403
    assert client.get(_detail("NH-AZC")).status_code == 200


def test_default_week_is_latest_accepted_locaties_import(client_as: Client) -> None:
    locations_week45()
    page = client_as("landelijk").get(LIST)
    assert page.context["week"].label == "2021-W47"
    assert [row.code for row in page.context["rows"]] == ["NH-NIEUW"]


def test_filters_and_dutch_numbers(client_as: Client) -> None:
    locations_week45()
    page = client_as("landelijk").get(LIST, {"week": "2021-W45", "soort": "amv"})
    assert [row.code for row in page.context["rows"]] == ["GR-AMV", "NH-AMV"]
    page = client_as("coa").get(LIST, {"week": "2021-W45"})
    # Total capacity 650 + 448 = 1.098 in Dutch notation.
    assert "1.098" in page.content.decode()


def test_bad_week_gives_dutch_message_not_traceback(client_as: Client) -> None:
    response = client_as("landelijk").get(LIST, {"week": "2021-W60"})
    assert response.status_code == 400
    assert "week 60 bestaat niet in 2021" in response.content.decode()
    response = client_as("landelijk").get(reverse("reeksen"), {"week": "gisteren"})
    assert response.status_code == 400
    assert "onbekende week" in response.content.decode()


def test_unknown_location_is_404(client_as: Client) -> None:
    locations_week45()
    assert client_as("coa").get(_detail("BESTAAT-NIET")).status_code == 404


def test_series_page_and_csv_show_change(client_as: Client) -> None:
    series_import("2021-W44", {SeriesMetric.NAREIZIGERS: 410})
    series_import("2021-W45", {SeriesMetric.NAREIZIGERS: 1395})
    client = client_as("provincie")
    page = client.get(reverse("reeksen"))
    assert page.context["week"].label == "2021-W45"
    html = page.content.decode()
    assert "+985" in html
    assert "1.395" in html
    rows = {r["reeks"]: r for r in _csv(client.get(reverse("reeksen"), {"formaat": "csv"}))}
    assert rows["nareizigers"] == {
        "reeks": "nareizigers",
        "waarde": "1395",
        "vorige week": "410",
        "verandering": "985",
    }
    assert rows["eerste asielaanvragen"]["waarde"] == ""


def test_pages_without_data_say_so(client_as: Client) -> None:
    client = client_as("landelijk")
    assert "nog geen opvanglocaties" in client.get(LIST).content.decode()
    assert "nog geen landelijke reeksen" in client.get(reverse("reeksen")).content.decode()


@pytest.mark.django_db
def test_location_detail_shows_contract_data_and_unknown(client_as: Any) -> None:
    """The register's contract data on the detail page; what it does not say is "onbekend",
    and a location without end date is not called structural unless the register says so."""
    from datetime import date

    from tests.opvangbeeld.factories import Loc, make_register

    make_register(
        "2021-W45",
        [
            Loc(
                "T1",
                "PV27",
                "GM0363",
                "noodopvang",
                200,
                180,
                date(2021, 6, 1),
                date(2022, 2, 27),
                durability="tijdelijk",
                extension_option=True,
            ),
            Loc("U1", "PV27", "GM0363", "regulier", 300, 200, date(2019, 1, 1)),
        ],
    )
    client = client_as("landelijk")
    t1 = client.get("/opvang/locaties/T1/?week=2021-W45").content.decode()
    assert "tijdelijk" in t1
    assert "27 februari 2022" in t1
    assert "VR13 Amsterdam-Amstelland" in t1  # derived from GM0363
    u1 = client.get("/opvang/locaties/U1/?week=2021-W45").content.decode()
    assert "geen einddatum" in u1
    assert u1.count("onbekend") >= 4  # looptijd, optie, maximale bezetting, kwaliteit


@pytest.mark.parametrize("key", ["provincie", "coa"])
def test_national_row_is_the_same_on_page_and_csv(client_as: Client, key: str) -> None:
    locations_week45()
    client = client_as(key)
    page = client.get(LIST, {"week": "2021-W45"})
    national = page.context["totals"]
    # 600 + 50 + 400 + 48 = 1.098 places in 4 locations; 587 + 409 = 996 residents (COA
    # only: two confidential locations nationally); structural 600 (NH-AZC) + 48 (GR-AMV)
    # = 648, temporary 50 + 400 = 450.
    occupancy = 996 if key == "coa" else None
    figures = (
        national.locations,
        national.capacity,
        national.occupancy,
        national.structural_capacity,
        national.temporary_capacity,
    )
    assert figures == (4, 1098, occupancy, 648, 450)
    rows = _csv(client.get(LIST, {"week": "2021-W45", "formaat": "csv", "tabel": "provincies"}))
    last = rows[-1]
    assert last["provincie"] == "Nederland"
    assert (
        last["locaties"],
        last["capaciteit"],
        last["bezetting"],
        last["structurele capaciteit"],
        last["tijdelijke capaciteit"],
    ) == ("4", "1098", "996" if key == "coa" else "afgeschermd", "648", "450")


def test_a_week_without_a_register_says_why_not_zero_or_afgeschermd(client_as: Client) -> None:
    """2020-W10, before the first register: the page showed "0 locaties" and a Nederland row
    "afgeschermd" (also to COA), the CSVs only a header; now the API's reason, and 404."""
    locations_week45()
    for role in ("coa", "landelijk"):
        client = client_as(role)
        api = client.get("/api/v1/locaties/", {"week": "2020-W10"}).json()
        assert api["gegevens"] is False
        page = client.get(LIST, {"week": "2020-W10"}).content.decode()
        assert f"Geen gegevens: {api['reden']}" in page
        assert "0 locaties" not in page
        assert "afgeschermd" not in page
        for table in ("", "provincies"):
            download = client.get(LIST, {"week": "2020-W10", "formaat": "csv", "tabel": table})
            assert download.status_code == 404
            assert api["reden"] in download.content.decode()
