"""Selectors raise the domain's ``NotFoundError``; only the edges make it HTTP (or a line)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from regietafel.errors import NoDataError, NotFoundError, UserError
from tests.opvangbeeld.factories import standard_register

pytestmark = pytest.mark.django_db


def test_selectors_raise_the_domain_error_not_http(make_user: Callable[[str], Any]) -> None:
    from regietafel.afspraken import selectors as afspraken
    from regietafel.api import selectors as api
    from regietafel.gebieden import selectors as gebieden
    from regietafel.rapportage import selectors as rapportage
    from regietafel.taakstelling import selectors as taakstelling

    user = make_user("landelijk")
    standard_register("2021-W45")  # a week with data whose report is not published
    cases: list[tuple[Callable[[], Any], str]] = [
        (lambda: afspraken.meeting_get(user=user, pk=999), "dit overleg bestaat niet"),
        (
            lambda: afspraken.agreement_get(user=user, number="A-999", on=date(2021, 11, 15)),
            "afspraak A-999 bestaat niet",
        ),
        (
            lambda: rapportage.report_get(user=user, week="2021-W45", scope="NL"),
            "Het rapport van week 2021-W45 voor Nederland is (nog) niet gepubliceerd.",
        ),
        (
            lambda: api.taakstelling_detail(user=user, label="2030-I"),
            "Er is geen taakstelling voor periode 2030-I.",
        ),
        (
            lambda: taakstelling.period_get(user=user, label="2030-I"),
            "Taakstelling 2030-I is niet vastgesteld.",
        ),
        (lambda: gebieden.province_get(user=user, code="PV99"), "Provincie PV99 bestaat niet."),
    ]
    for call, message in cases:
        with pytest.raises(NotFoundError) as caught:
            call()
        assert str(caught.value) == message


def test_the_command_line_prints_it_as_one_dutch_line() -> None:
    """``cli.main`` prints every ``UserError`` as "fout: …" with exit status 2."""
    assert issubclass(NotFoundError, UserError)


def test_a_page_shows_the_dutch_404(client_as: Callable[[str | None], Any]) -> None:
    response = client_as("landelijk").get("/afspraken/A-999/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


UNKNOWN_PAGES = (
    ("/provincies/PV99/", "Provincie PV99 bestaat niet."),
    ("/gemeenten/GM9999/", "GM9999"),
    ("/taakstelling/2030-I/", "Taakstelling 2030-I is niet vastgesteld."),
    ("/taakstelling/2030-I/cyclus/", "2030-I"),
    ("/opvang/locaties/NOPE/?week=2021-W45", "Locatie NOPE staat niet in de gegevens"),
    ("/afspraken/XYZ/", "XYZ"),
    ("/afspraken/overleggen/9999/", "dit overleg bestaat niet"),
    ("/rapport/2021-W45/XX/", "Dit rapport is (nog) niet gepubliceerd."),
    ("/rapport/2021-W45/NL/", "Het rapport van week 2021-W45 voor Nederland is (nog) niet"),
)


@pytest.mark.page_cache
@pytest.mark.parametrize(("path", "message"), UNKNOWN_PAGES)
def test_an_unknown_code_is_the_404_page_with_the_page_cache_on(
    client_as: Callable[[str | None], Any], path: str, message: str
) -> None:
    """As served in production: the page cache calls the view itself, in ``process_view``,
    where an exception skips the exception middleware; a domain error there was a 500."""
    standard_register("2021-W45")
    response = client_as("landelijk").get(path)
    assert response.status_code == 404, path
    page = response.content.decode()
    assert "Pagina niet gevonden" in page
    assert message in page


NO_DATA_PAGES = (
    "/rapport/2020-W10/NL/",
    "/rapport/2020-W10/PV27/pdf/",
    "/rapport/2020-W10/NL/excel/",
    "/boodschappenlijst/?week=2020-W10&formaat=csv",
)
NO_DATA_REASON = (
    "Voor week 2020-W10 of eerder is geen locatieregister aangeleverd; het eerste is van week "
    "2021-W45. De taakstelling voor 2020-I (het halfjaar van week 2020-W10) is niet vastgesteld."
)


@pytest.mark.page_cache
@pytest.mark.parametrize("path", NO_DATA_PAGES)
def test_a_week_without_data_is_its_own_404_page_not_an_unknown_address(
    client_as: Callable[[str | None], Any], path: str
) -> None:
    """The boodschappenlijst CSV of 2020-W10 was titled "Deze pagina bestaat niet (meer)" and
    the report of that week said "(nog) niet gepubliceerd", as if it could still come."""
    standard_register("2021-W45")
    response = client_as("landelijk").get(path)
    assert response.status_code == 404, path
    page = response.content.decode()
    assert "<title>Geen gegevens voor deze week" in page
    assert "<h1>Geen gegevens voor deze week</h1>" in page
    assert NO_DATA_REASON in page
    assert "bestaat niet (meer)" not in page
    assert "Pagina niet gevonden" not in page
    if path.startswith("/rapport/"):
        name = "Noord-Holland" if "PV27" in path else "Nederland"
        assert (
            f"Het rapport van week 2020-W10 voor {name} is niet gepubliceerd en kan ook niet "
            "worden gepubliceerd: die week heeft geen gegevens." in page
        )


def test_a_report_of_a_week_without_data_is_no_data_not_unpublished(
    make_user: Callable[[str], Any],
) -> None:
    from regietafel.rapportage import selectors as rapportage

    with pytest.raises(NoDataError) as caught:
        rapportage.report_get(user=make_user("landelijk"), week="2020-W10", scope="PV27")
    assert str(caught.value).startswith(
        "Het rapport van week 2020-W10 voor Noord-Holland is niet gepubliceerd en kan ook niet "
        "worden gepubliceerd: die week heeft geen gegevens. "
    )


def test_the_api_keeps_its_json_404_with_the_message(
    client_as: Callable[[str | None], Any],
) -> None:
    response = client_as("landelijk").get("/api/v1/taakstelling/2030-I/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Er is geen taakstelling voor periode 2030-I."}
    agreement = client_as("landelijk").get("/api/v1/afspraken/A-999/")
    assert agreement.status_code == 404
    assert agreement.json() == {"detail": "afspraak A-999 bestaat niet"}
