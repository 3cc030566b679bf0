"""Logging in to the API: a machine without (valid) credentials gets 401 with a Basic
challenge, an account that may not read gets 403 with the reason, the log-in throttle 429.

Before, the session was the first authentication class, so DRF answered a missing or wrong
Basic log-in with 403 and no ``WWW-Authenticate``: a client could not tell "log in" from
"you may not".
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from rest_framework.throttling import UserRateThrottle

from regietafel.accounts.services import LOGIN_THROTTLED, WRONG_CREDENTIALS
from regietafel.api.messages import BAD_BASIC_HEADER, LOGIN_NEEDED, NO_ACCESS, NO_ROLE
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

CHALLENGE = 'Basic realm="regietafel API", charset="UTF-8"'
URLS = [
    "/api/v1/",  # the index
    "/api/v1/provincies/",  # a list
    "/api/v1/kerncijfers/",  # a figure endpoint (a function view)
    "/api/v1/prognose/",  # a function view with its own permission classes
    "/api/v1/afspraken/",  # the agreements' own module
    "/api/schema/",  # drf-spectacular's view
]


@pytest.fixture(autouse=True)
def _small_forecast(monkeypatch: pytest.MonkeyPatch) -> None:
    """``prognose/`` runs the forecast: 500 paths, as its own API tests do."""
    from regietafel.opvangprognose import selectors
    from regietafel.prognose import cache as runs

    monkeypatch.setattr(runs, "WEB_PATHS", 500)
    selectors.cache_clear()


def _basic(username: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


def _detail(response: Any) -> str:
    """``detail`` of a JSON answer; the schema answers YAML unless asked for JSON."""
    assert "json" in response["Content-Type"], response["Content-Type"]
    return str(response.json()["detail"])


def _json(url: str) -> str:
    return f"{url}?format=json" if url.startswith("/api/schema/") else url


@pytest.mark.parametrize("url", URLS)
def test_no_credentials_is_a_401_with_a_basic_challenge(url: str) -> None:
    response = Client().get(_json(url))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == CHALLENGE
    assert _detail(response) == str(LOGIN_NEEDED)


@pytest.mark.parametrize("url", URLS)
def test_wrong_credentials_are_a_401_with_a_basic_challenge(
    url: str, make_user: Callable[[str], Any]
) -> None:
    make_user("landelijk")
    response = Client().get(_json(url), **_basic("landelijk", "fout"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == CHALLENGE
    assert _detail(response) == str(WRONG_CREDENTIALS)
    unknown = Client().get(_json(url), **_basic("niemand", PASSWORD))
    assert (unknown.status_code, _detail(unknown)) == (401, str(WRONG_CREDENTIALS))


@pytest.mark.parametrize("header", ["Basic", "Basic a b", "Basic !!!", "Basic " + "x" * 7])
def test_an_unreadable_basic_header_is_a_401_in_dutch(header: str) -> None:
    """DRF's own texts were half-translated ("Ongeldige basic header. logingegevens …")."""
    response = Client().get("/api/v1/provincies/", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == CHALLENGE
    assert _detail(response) == str(BAD_BASIC_HEADER)


@pytest.mark.parametrize("url", URLS)
def test_the_right_credentials_read(url: str, make_user: Callable[[str], Any]) -> None:
    make_user("landelijk")
    response = Client().get(_json(url), **_basic("landelijk", PASSWORD))
    assert response.status_code == 200, response.content
    assert "WWW-Authenticate" not in response


@pytest.mark.parametrize("url", URLS)
def test_a_session_from_the_browser_reads(url: str, client_as: Callable[[str | None], Any]) -> None:
    response = client_as("provincie").get(url)
    assert response.status_code == 200, response.content


def test_a_session_log_in_through_the_form_reads_the_api(make_user: Callable[[str], Any]) -> None:
    """As a person does it: the log-in page, then the API in the same browser."""
    make_user("coa")
    client = Client()
    assert client.post("/inloggen/", {"username": "coa", "password": PASSWORD}).status_code == 302
    assert client.get("/api/v1/provincies/").status_code == 200


def _without_role() -> None:
    from regietafel.accounts.models import User

    User.objects.create_user(username="zonderrol", password=PASSWORD)


@pytest.mark.parametrize("url", URLS)
def test_an_account_without_a_role_is_a_403_with_the_reason(url: str) -> None:
    """Logged in (session or Basic) but without a role: refused, not asked to log in."""
    _without_role()
    session = Client()
    session.login(username="zonderrol", password=PASSWORD)
    for response in (
        session.get(_json(url)),
        Client().get(_json(url), **_basic("zonderrol", PASSWORD)),
    ):
        assert response.status_code == 403
        assert "WWW-Authenticate" not in response
        assert _detail(response) == str(NO_ROLE)


def test_a_province_account_without_a_real_province_is_told_so() -> None:
    """The 403 gives the page's reason (``access.no_access_reason``), not "no role"."""
    from regietafel.accounts.models import User

    User.objects.create_user(
        username="zwevend", password=PASSWORD, role="provincie", province_code="PV99"
    )
    response = Client().get("/api/v1/provincies/", **_basic("zwevend", PASSWORD))
    assert response.status_code == 403
    assert _detail(response).startswith(
        "Uw account heeft de rol provincie, maar de provincie ervan ('PV99') bestaat niet."
    )


def test_the_log_in_throttle_is_a_429_also_for_the_right_password(
    make_user: Callable[[str], Any],
) -> None:
    make_user("landelijk")
    client = Client()
    for _ in range(5):
        wrong = client.get("/api/v1/provincies/", **_basic("landelijk", "fout"))
        assert wrong.status_code == 401
    locked = client.get("/api/v1/provincies/", **_basic("landelijk", PASSWORD))
    assert locked.status_code == 429
    assert _detail(locked) == str(LOGIN_THROTTLED)


def test_the_request_rate_throttle_answers_in_dutch(
    client_as: Callable[[str | None], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """DRF's own text was "Aanvraag was verstikt. Expected available in 3600 seconds."."""
    from django.core.cache import cache

    cache.clear()  # the throttle's history of earlier tests' users (same primary keys)
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "1/hour"})
    client = client_as("landelijk")
    assert client.get("/api/v1/provincies/").status_code == 200
    refused = client.get("/api/v1/provincies/")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    assert _detail(refused) == (
        "Te veel verzoeken voor uw account in korte tijd. Probeer het over 3600 seconden opnieuw."
    )
    cache.clear()


def test_a_refusal_without_a_reason_says_so_in_dutch() -> None:
    """A bare ``PermissionDenied`` gave DRF's "Je hebt geen toestemming …" (je, no reason)."""
    from django.core.exceptions import PermissionDenied

    from regietafel.api.errors import exception_handler

    response = exception_handler(PermissionDenied(), {})
    assert response is not None
    assert (response.status_code, response.data) == (403, {"detail": str(NO_ACCESS)})
    with_reason = exception_handler(PermissionDenied("De details van Groningen …"), {})
    assert with_reason is not None
    assert with_reason.data == {"detail": "De details van Groningen …"}
