"""A refusal says why, once: another province's detail names the province and who may see it,
on pages and in the API (found in the browser check: two contradicting lines, and the API's
informal default text without a reason)."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import pytest

pytestmark = pytest.mark.django_db

REASON = "De details van Groningen zijn voor de provinciale regietafel van Groningen"


@pytest.mark.parametrize(
    "url", ["/opvangbeeld/PV20/?week=2021-W45", "/prognose/?week=2021-W45&provincie=PV20"]
)
def test_another_provinces_page_names_the_reason_once(
    client_as: Callable[[str | None], Any], url: str
) -> None:
    response = client_as("provincie")  # PRT Noord-Holland
    page = response.get(url)
    assert page.status_code == 403
    body = html.unescape(page.content.decode())
    assert REASON in body
    assert "U heeft met uw rol geen toegang tot deze pagina" not in body
    assert "neem dan contact op met de beheerder" in body


def test_the_api_gives_the_same_reason(client_as: Callable[[str | None], Any]) -> None:
    response = client_as("provincie").get(
        "/api/v1/prognose/", {"week": "2021-W45", "provincie": "PV20"}
    )
    assert response.status_code == 403
    assert REASON in response.json()["detail"]


def test_a_refusal_without_reason_says_the_role_has_no_access(
    client_as: Callable[[str | None], Any],
) -> None:
    page = client_as("provincie").get("/audit/")
    assert page.status_code == 403
    assert "U heeft met uw rol geen toegang tot deze pagina." in page.content.decode()


def test_the_beheerder_is_not_told_to_ask_the_beheerder(
    client_as: Callable[[str | None], Any],
) -> None:
    """Found in the browser check: a refusal shown to the beheerder ended "neem dan contact op
    met de beheerder". Groningen's occupancy in this register is afgeschermd for him."""
    from tests.opvang.factories import locations_week45

    locations_week45()
    page = client_as("beheerder").get("/prognose/?week=2021-W45&provincie=PV20")
    assert page.status_code == 403
    assert "contact op met de beheerder" not in html.unescape(page.content.decode())


def test_another_provinces_report_names_the_reason(
    client_as: Callable[[str | None], Any],
) -> None:
    """Found in the browser check: the report of another province gave only the generic
    "U heeft met uw rol geen toegang", where its other pages say why. An unknown scope stays
    a plain refusal (no 500)."""
    client = client_as("provincie")  # PRT Noord-Holland
    page = client.get("/rapport/2021-W45/PV20/")
    assert page.status_code == 403
    body = html.unescape(page.content.decode())
    assert REASON in body
    assert "U heeft met uw rol geen toegang tot deze pagina" not in body
    assert client.get("/rapport/2021-W45/XX/").status_code in {403, 404}


@pytest.mark.parametrize("url", ["/rapport/publiceren/", "/afspraken/van-boodschap/"])
def test_opening_an_action_in_the_address_bar_is_a_dutch_page(
    client_as: Callable[[str | None], Any], url: str
) -> None:
    """A POST-only address opened with GET (Enter in the address bar after publishing) was an
    empty 405, which Chromium shows as its own English error page (found in the browser
    check). Now a Dutch page that says nothing changed; the Allow header stays."""
    page = client_as("landelijk").get(url)
    assert page.status_code == 405
    assert page.headers["Allow"] == "POST"
    body = html.unescape(page.content.decode())
    assert "Deze actie kunt u niet rechtstreeks openen" in body
    assert "Er is niets gewijzigd." in body


def test_the_apis_405_stays_json(client_as: Callable[[str | None], Any]) -> None:
    answer = client_as("landelijk").post("/api/v1/prognose/")
    assert answer.status_code == 405
    assert "detail" in answer.json()


@pytest.mark.parametrize("path", ["/api/v1/bestaatniet/", "/api/bestaatniet", "/api/v2/"])
def test_an_unknown_api_path_is_a_json_404(
    client_as: Callable[[str | None], Any], path: str
) -> None:
    """Regression: an unknown path under /api/ gave the HTML 404 page."""
    response = client_as("landelijk").get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Niet gevonden."}
    page = client_as("landelijk").get("/bestaatniet/")
    assert page.status_code == 404
    assert "Pagina niet gevonden" in page.content.decode()


def test_a_form_without_its_security_token_is_a_dutch_page() -> None:
    """Regression: Django's English CSRF page ("403 Forbidden", "DEBUG=True")."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/inloggen/", {"username": "landelijk", "password": "x"})
    assert response.status_code == 403
    body = html.unescape(response.content.decode())
    assert '<html lang="nl"' in body
    assert "Het formulier is niet verwerkt" in body
    assert "Forbidden" not in body
    assert "DEBUG" not in body
