"""A user's province fits the role: checked in /beheer/, and a stored code that is no
province gives that user no access (with the reason), never a 500."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

import pytest

Client = Callable[[str | None], Any]


def _change(client: Any, user: Any, *, role: str, province_code: str) -> Any:
    return client.post(
        f"/beheer/accounts/user/{user.pk}/change/",
        {
            "username": user.username,
            "first_name": "",
            "last_name": "",
            "email": "",
            "is_active": "on",
            "last_login_0": "",
            "last_login_1": "",
            "date_joined_0": "2021-01-04",
            "date_joined_1": "09:00:00",
            "role": role,
            "province_code": province_code,
        },
    )


def _errors(response: Any) -> list[str]:
    """The field errors of the admin form, as the beheerder reads them."""
    page = response.content.decode()
    return [
        html.unescape(re.sub(r"<[^>]+>", "", item)).strip()
        for block in re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', page, re.S)
        for item in re.findall(r"<li>(.*?)</li>", block, re.S)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "province_code", "error"),
    [
        # The user test stored PV99 for a province user: a 500 on /, overleggen, meldingen.
        ("provincie", "PV99", "Selecteer een geldige keuze. PV99 is geen beschikbare keuze."),
        ("provincie", "", "Kies de provincie van deze gebruiker (rol provincie)."),
        (
            "coa",
            "PV27",
            (
                "Alleen een gebruiker met de rol provincie hoort bij een provincie; maak dit "
                "veld leeg of kies de rol provincie."
            ),
        ),
    ],
)
def test_admin_refuses_a_province_that_does_not_fit(
    client_as: Client, make_user: Callable[[str], Any], role: str, province_code: str, error: str
) -> None:
    from regietafel.audit.models import AuditEntry

    target = make_user("provincie_andere")  # Groningen, PV20
    response = _change(client_as("beheerder"), target, role=role, province_code=province_code)

    assert response.status_code == 200
    assert error in _errors(response)
    target.refresh_from_db()
    assert (target.role, target.province_code) == ("provincie", "PV20")
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_admin_takes_a_province_from_the_list(
    client_as: Client, make_user: Callable[[str], Any]
) -> None:
    target = make_user("provincie_andere")
    page = client_as("beheerder").get(f"/beheer/accounts/user/{target.pk}/change/")
    assert '<option value="PV27">Noord-Holland (PV27)</option>' in page.content.decode()
    response = _change(client_as("beheerder"), target, role="provincie", province_code="PV27")
    assert response.status_code == 302, _errors(response)
    target.refresh_from_db()
    assert target.province_code == "PV27"


def test_the_constraint_has_a_readable_dutch_message() -> None:
    """It surfaced as "Beperking 'province_user_has_province' is geschonden."."""
    from regietafel.accounts.models import User

    [constraint] = User._meta.constraints
    assert constraint.get_violation_error_message() == (
        "Een gebruiker met de rol provincie hoort bij een provincie: kies die."
    )


@pytest.mark.django_db
def test_a_stored_unknown_province_gives_no_access_and_says_why(
    client_as: Client, make_user: Callable[[str], Any]
) -> None:
    from regietafel.accounts import access
    from regietafel.accounts.models import User

    user = make_user("provincie_andere")
    User.objects.filter(pk=user.pk).update(province_code="PV99")  # as stored before the check
    user.refresh_from_db()
    assert not access.can_view(user)
    assert access.own_province(user) is None
    client = client_as("provincie_andere")
    for url in ("/", "/afspraken/overleggen/", "/meldingen/"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert (
            "Uw account heeft de rol provincie, maar de provincie ervan (&#x27;PV99&#x27;) "
            "bestaat niet." in response.content.decode()
        ), url
