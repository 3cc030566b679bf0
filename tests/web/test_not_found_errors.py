"""Selectors raise the domain's ``NotFoundError``; only the edges make it HTTP (or a line)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from regietafel.errors import NotFoundError, UserError

pytestmark = pytest.mark.django_db


def test_selectors_raise_the_domain_error_not_http(make_user: Callable[[str], Any]) -> None:
    from regietafel.afspraken import selectors as afspraken
    from regietafel.api import selectors as api
    from regietafel.gebieden import selectors as gebieden
    from regietafel.rapportage import selectors as rapportage
    from regietafel.taakstelling import selectors as taakstelling

    user = make_user("landelijk")
    cases: list[tuple[Callable[[], Any], str]] = [
        (lambda: afspraken.meeting_get(user=user, pk=999), "dit overleg bestaat niet"),
        (
            lambda: afspraken.agreement_get(user=user, number="A-999", on=date(2021, 11, 15)),
            "afspraak A-999 bestaat niet",
        ),
        (
            lambda: rapportage.report_get(user=user, week="2021-W45", scope="NL"),
            "Dit rapport is (nog) niet gepubliceerd.",
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
    ("/rapport/2021-W45/XX/", "Pagina niet gevonden"),
    ("/rapport/2021-W45/NL/", "Dit rapport is (nog) niet gepubliceerd."),
)


@pytest.mark.page_cache
@pytest.mark.parametrize(("path", "message"), UNKNOWN_PAGES)
def test_an_unknown_code_is_the_404_page_with_the_page_cache_on(
    client_as: Callable[[str | None], Any], path: str, message: str
) -> None:
    """As served in production: the page cache calls the view itself, in ``process_view``,
    where an exception skips the exception middleware; a domain error there was a 500."""
    response = client_as("landelijk").get(path)
    assert response.status_code == 404, path
    page = response.content.decode()
    assert "Pagina niet gevonden" in page
    assert message in page


def test_the_api_keeps_its_json_404_with_the_message(
    client_as: Callable[[str | None], Any],
) -> None:
    response = client_as("landelijk").get("/api/v1/taakstelling/2030-I/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Er is geen taakstelling voor periode 2030-I."}
    agreement = client_as("landelijk").get("/api/v1/afspraken/A-999/")
    assert agreement.status_code == 404
    assert agreement.json() == {"detail": "afspraak A-999 bestaat niet"}
