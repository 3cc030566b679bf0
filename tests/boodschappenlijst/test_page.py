"""The boodschappenlijst page names its scope as a reader says it: "Noord-Holland", not "PV27"."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from tests.opvangbeeld.factories import standard_register


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("scope", "name"), [("NL", "Nederland"), ("PV27", "Noord-Holland"), ("PV20", "Groningen")]
)
def test_the_heading_names_the_scope(
    client_as: Callable[[str | None], Any], scope: str, name: str
) -> None:
    standard_register("2021-W45")
    response = client_as("landelijk").get(
        "/boodschappenlijst/", {"week": "2021-W45", "scope": scope}
    )
    assert response.status_code == 200
    page = response.content.decode()
    heading = re.search(r"<h1>(.*?)</h1>", page, re.S)
    assert heading is not None
    assert heading.group(1) == f"Boodschappenlijst {name}, week 2021-W45"
    assert f"<title>Boodschappenlijst {name}, week 2021-W45" in page


@pytest.mark.django_db
def test_a_week_without_data_says_why_and_gives_no_empty_file(
    client_as: Callable[[str | None], Any],
) -> None:
    """2020-W10 has no register and no taakstelling: the page said "Er staat niets op de
    lijst." (nothing to do) and the CSV was only a header; the API gives the reason."""
    standard_register("2021-W45")
    client = client_as("landelijk")
    reason = client.get("/api/v1/boodschappenlijst/", {"week": "2020-W10"}).json()["reden"]
    assert reason.startswith("Voor week 2020-W10 of eerder is geen locatieregister aangeleverd")
    page = client.get("/boodschappenlijst/", {"week": "2020-W10"}).content.decode()
    assert f"Geen gegevens: {reason}" in page
    assert "Er staat niets op de lijst." not in page
    assert "formaat=csv" not in page
    download = client.get("/boodschappenlijst/", {"week": "2020-W10", "formaat": "csv"})
    assert download.status_code == 404
    assert reason in download.content.decode()
    # A week with data still lists and downloads.
    assert (
        client.get("/boodschappenlijst/", {"week": "2021-W45", "formaat": "csv"}).status_code == 200
    )


@pytest.mark.django_db
def test_an_afgeschermd_need_is_said_not_silently_left_out(
    client_as: Callable[[str | None], Any],
) -> None:
    """Groningen's only AMV location is confidential: its AMV items are not on the LRT's list
    of Groningen, which read as "no AMV need" while the figures said afgeschermd."""
    standard_register("2021-W45")
    note = (
        "De behoefte aan AMV-opvang is afgeschermd (ter bescherming van één of twee "
        "vertrouwelijke locaties): wat daarvoor nodig is, staat niet op deze lijst."
    )
    query = {"week": "2021-W45", "scope": "PV20"}
    page = client_as("landelijk").get("/boodschappenlijst/", query).content.decode()
    assert note in page
    api = client_as("landelijk").get("/api/v1/boodschappenlijst/", query).json()
    assert (api["afgeschermd"], api["afgeschermd_toelichting"]) == (["AMV-opvang"], note)
    coa = client_as("coa").get("/api/v1/boodschappenlijst/", query).json()
    assert (coa["afgeschermd"], coa["afgeschermd_toelichting"]) == ([], None)
    assert note not in client_as("coa").get("/boodschappenlijst/", query).content.decode()
