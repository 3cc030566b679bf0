"""A download of a week without data is refused with the reason, never a file of nothing.

2020-W10 has no location register, no series and no taakstelling; 2021-W45 has all three.
Each download of 2020-W10 gave a file with only a header (or every value empty, or the page
in place of the file); now each is the 404 page "Geen gegevens voor deze week" with the
reason, while the same download of 2021-W45 is a CSV file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from regietafel.opvang.models import SeriesMetric
from regietafel.taakstelling.services import taakstelling_set
from tests.opvang.factories import series_import
from tests.opvangbeeld.factories import standard_register

pytestmark = pytest.mark.django_db

NO_REGISTER = (
    "Voor week 2020-W10 of eerder is geen locatieregister aangeleverd; het eerste is van week "
    "2021-W45."
)
NO_PERIOD = "De taakstelling voor 2020-I (het halfjaar van week 2020-W10) is niet vastgesteld."

PICTURE_TABLES = (
    "behoefte",
    "capaciteit",
    "tijdlijn",
    "sluitingen",
    "sluitingen_later",
    "provincies",
    "doelen",
)

DOWNLOADS: tuple[tuple[str, dict[str, str], str], ...] = (
    *(("/opvangbeeld/", {"tabel": t}, NO_REGISTER) for t in PICTURE_TABLES),
    ("/opvangbeeld/PV27/", {"tabel": "behoefte"}, NO_REGISTER),
    ("/opvang/locaties/", {}, NO_REGISTER),
    ("/opvang/locaties/", {"tabel": "provincies"}, NO_REGISTER),
    (
        "/opvang/reeksen/",
        {},
        "Voor week 2020-W10 of eerder is geen bestand met landelijke reeksen aangeleverd",
    ),
    ("/doelen/", {}, NO_REGISTER),
    ("/verdeling/", {}, "Voor week 2020-W10 is geen geldig locatieregister"),
    ("/boodschappenlijst/", {}, f"{NO_REGISTER} {NO_PERIOD}"),
    ("/provincies/PV27/", {"tabel": "taakstelling"}, NO_PERIOD),
    ("/gemeenten/GM0363/", {}, "Voor week 2020-W10 of eerder is geen taakstelling vastgesteld."),
)


@pytest.fixture
def week_45() -> None:
    standard_register("2021-W45")
    series_import("2021-W45", {SeriesMetric.NAREIZIGERS: 1395})
    taakstelling_set(actor=None, period="2021-II", national_total=11_000)


@pytest.mark.usefixtures("week_45")
@pytest.mark.parametrize(("path", "query", "reason"), DOWNLOADS)
def test_a_download_of_a_week_without_data_is_refused_with_the_reason(
    client_as: Callable[[str | None], Any], path: str, query: dict[str, str], reason: str
) -> None:
    client = client_as("landelijk")
    refused = client.get(path, {**query, "week": "2020-W10", "formaat": "csv"})
    assert refused.status_code == 404, path
    assert refused["Content-Type"].startswith("text/html")
    page = refused.content.decode()
    assert "<title>Geen gegevens voor deze week" in page
    assert "<h1>Geen gegevens voor deze week</h1>" in page
    assert reason in page
    assert "bestaat niet (meer)" not in page  # the address is right; the week is empty
    # The same download of a week with data is a file.
    given = client.get(path, {**query, "week": "2021-W45", "formaat": "csv"})
    assert given.status_code == 200, path
    assert given["Content-Type"] == "text/csv; charset=utf-8"


@pytest.mark.usefixtures("week_45")
def test_the_pages_of_a_week_without_data_offer_no_download_and_say_why(
    client_as: Callable[[str | None], Any],
) -> None:
    """A link to a download that is refused would only lead to the refusal."""
    client = client_as("landelijk")
    for path in ("/opvangbeeld/", "/doelen/"):
        page = client.get(path, {"week": "2020-W10"}).content.decode()
        assert "formaat=csv" not in page, path
        assert "formaat=csv" in client.get(path, {"week": "2021-W45"}).content.decode(), path
    province = client.get("/provincies/PV27/", {"week": "2020-W10"}).content.decode()
    assert NO_PERIOD in province  # was "Er is nog geen taakstelling vastgesteld." (there is one)
    municipality = client.get("/gemeenten/GM0363/", {"week": "2020-W10"}).content.decode()
    assert "Voor week 2020-W10 of eerder is geen taakstelling vastgesteld." in municipality
    assert "formaat=csv" not in municipality


def test_without_any_register_or_series_the_downloads_say_so(
    client_as: Callable[[str | None], Any],
) -> None:
    """No week at all: the pages said so, the downloads gave the page in place of a file."""
    client = client_as("landelijk")
    for path, reason in (
        ("/opvang/locaties/", "Er is nog geen locatieregister aangeleverd."),
        ("/opvang/reeksen/", "Er is nog geen bestand met landelijke reeksen aangeleverd."),
        ("/verdeling/", "Er is nog geen locatieregister geïmporteerd"),
    ):
        refused = client.get(path, {"formaat": "csv"})
        assert refused.status_code == 404, path
        page = refused.content.decode()
        assert "<h1>Geen gegevens voor deze week</h1>" in page
        assert reason in page, path
