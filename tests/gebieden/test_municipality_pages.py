"""The municipality page, search, and sorting/filtering of the municipalities list."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from typing import Any

import pytest

from regietafel.taakstelling.services import taakstelling_set
from tests.factories import realisation
from tests.opvang.factories import locations_week45

pytestmark = pytest.mark.django_db

Client = Callable[[str | None], Any]


@pytest.fixture
def period() -> None:
    """2021-II with a realisation that reports on it (without one, progress is unknown and
    the pages show none); Amsterdam housed 1, everyone else 0."""
    taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    realisation("2021-W52", "2021-II", {"GM0363": ("PV27", 1)})


def _first_column(body: str, table_id: str) -> list[str]:
    table = body[body.index(f'id="{table_id}"') :]
    table = table[: table.index("</table>")]
    return re.findall(r'<th scope="row">(?:<a href="[^"]*">)?([^<]+)', table)


@pytest.mark.usefixtures("period")
def test_municipality_page_shows_its_half_years(client_as: Client) -> None:
    body = client_as("provincie").get("/gemeenten/GM0363/").content.decode()
    assert "Gemeente Amsterdam" in body
    assert "2021-II" in body
    assert "Provincie Noord-Holland" in body
    # Another province's municipality is detail: only for its own province user.
    assert client_as("provincie").get("/gemeenten/GM0014/").status_code == 403
    assert client_as("provincie_andere").get("/gemeenten/GM0014/").status_code == 200
    assert client_as("landelijk").get("/gemeenten/GM9999/").status_code == 404


def test_locations_on_the_municipality_page_are_masked_by_role(client_as: Client) -> None:
    locations_week45()
    for key in ("landelijk", "provincie"):
        body = client_as(key).get("/gemeenten/GM0363/?week=2021-W45").content.decode()
        assert "Azc Dijkweg" in body
        # A confidential location is not placed in its municipality: municipality and kind
        # together often give the name back (found in a browser check). It is counted with
        # its province, on the province's pages, as "vertrouwelijke locatie (Noord-Holland)".
        assert "vertrouwelijke locatie" not in body
        assert "Kleinschalig Noord" not in body
        assert "Geheimstraat" not in body
        listed = client_as(key).get("/opvang/locaties/?week=2021-W45").content.decode()
        assert "vertrouwelijke locatie (Noord-Holland)" in listed
        download = client_as(key).get("/opvang/locaties/?week=2021-W45&formaat=csv")
        rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
        (masked,) = [r for r in rows if r[1] == "vertrouwelijke locatie (Noord-Holland)"]
        assert (masked[2], masked[3]) == ("", "afgeschermd")  # no municipality code or name
        detail = client_as(key).get("/opvang/locaties/NH-AMV/?week=2021-W45").content.decode()
        assert "Amsterdam" not in detail  # municipality, nor its safety region
        assert "afgeschermd ()" not in detail
    coa = client_as("coa").get("/gemeenten/GM0363/?week=2021-W45").content.decode()
    assert "Kleinschalig Noord" in coa
    assert "Azc Zuiderweg" not in coa  # Groningen's location is not Amsterdam's
    assert client_as("coa").get("/gemeenten/GM0363/?week=2021-W99").status_code == 400


def test_search_by_exact_code_goes_to_the_page(client_as: Client) -> None:
    client = client_as("landelijk")
    for text in ("GM0363", "gm363", "0363"):
        response = client.get("/gemeenten/", {"zoek": text})
        assert response.status_code == 302
        assert response["Location"] == "/gemeenten/GM0363/"


@pytest.mark.usefixtures("period")
def test_search_by_name_filters_without_case_or_accents(client_as: Client) -> None:
    body = client_as("landelijk").get("/gemeenten/", {"zoek": "fryslan"}).content.decode()
    names = _first_column(body, "gemeenten")
    assert "Súdwest-Fryslân" in names
    assert all("Frysl" in n for n in names)


@pytest.mark.usefixtures("period")
def test_list_sorts_by_inhabitants_and_filters_by_province(client_as: Client) -> None:
    client = client_as("landelijk")
    body = client.get(
        "/gemeenten/", {"provincie": "PV27", "sorteer": "inwoners", "richting": "af"}
    ).content.decode()
    names = _first_column(body, "gemeenten")
    assert len(names) == 47
    assert names[:3] == ["Amsterdam", "Haarlem", "Haarlemmermeer"]  # CBS 1 January 2021
    ascending = client.get(
        "/gemeenten/", {"provincie": "PV27", "sorteer": "inwoners", "richting": "op"}
    ).content.decode()
    assert _first_column(ascending, "gemeenten")[::-1][:3] == names[:3]


@pytest.mark.usefixtures("period")
def test_province_user_starts_at_own_province_and_can_ask_for_all(client_as: Client) -> None:
    client = client_as("provincie")
    own = _first_column(client.get("/gemeenten/").content.decode(), "gemeenten")
    assert len(own) == 47
    every = client.get("/gemeenten/", {"provincie": ""}).content.decode()
    assert len(_first_column(every, "gemeenten")) > 300
    assert "alleen provinciecijfers" in every
    assert 'href="/gemeenten/GM0014/"' not in every  # Groningen: name only, no link


@pytest.mark.usefixtures("period")
def test_filter_by_class_shows_only_that_class_with_a_total(client_as: Client) -> None:
    client = client_as("landelijk")
    body = client.get(
        "/taakstelling/2021-II/", {"klasse": "ver-achter", "sorteer": "taakstelling"}
    ).content.decode()
    table = body[body.index('id="voortgang"') :]
    table = table[: table.index("</table>")]
    rows = table.split("<tfoot>")[0]
    assert rows.count("ver achter</span>") == 352  # nothing housed yet: all far behind
    assert "op schema</span>" not in rows
    assert "Totaal <span" in table.split("<tfoot>")[1]
    empty = client.get("/taakstelling/2021-II/", {"klasse": "op-schema"}).content.decode()
    assert "Geen gemeenten in deze klasse." in empty


@pytest.mark.usefixtures("period")
def test_map_areas_link_to_municipality_pages(client_as: Client) -> None:
    body = client_as("provincie").get("/provincies/PV27/").content.decode()
    links = re.findall(r'<a href="(/gemeenten/GM\d{4}/)" aria-label="([^"]+)"', body)
    assert len(links) == 47
    assert ("/gemeenten/GM0363/", "Amsterdam (GM0363): ver achter") in links or any(
        href == "/gemeenten/GM0363/" and label.startswith("Amsterdam (GM0363): ")
        for href, label in links
    )
    assert 'role="group"' in body


@pytest.mark.usefixtures("period")
def test_a_province_page_shows_only_that_province_under_its_name(client_as: Client) -> None:
    from datetime import date

    from regietafel import reference

    groningen = {
        m.code for m in reference.municipalities(date(2021, 1, 1)) if m.province_code == "PV20"
    }
    body = client_as("provincie_andere").get("/provincies/PV20/").content.decode()
    assert "<h1>Provincie Groningen</h1>" in body
    assert "per gemeente in Groningen" in body
    mapped = set(re.findall(r'<a href="/gemeenten/(GM\d{4})/" aria-label=', body))
    assert mapped == groningen
    table = body[
        body.index('id="voortgang"') : body.index("</table>", body.index('id="voortgang"'))
    ]
    assert set(re.findall(r"GM\d{4}", table)) == groningen
