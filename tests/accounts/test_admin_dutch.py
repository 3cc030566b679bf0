"""The admin (/beheer/) speaks Dutch on every page a beheerder reaches, and to screen readers."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.english import english_in

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def admin_world(make_user: Callable[[str], Any]) -> dict[str, Any]:
    """Users of every role, a subscription, an agreement step recorded by COA (so COA's
    deletion is refused with that step listed) and more audit rows than one admin page."""
    from regietafel.afspraken.models import AgreementUpdate
    from regietafel.afspraken.services import agreement_create, meeting_create
    from regietafel.audit.models import AuditEntry
    from regietafel.meldingen.models import Subscription

    users = {key: make_user(key) for key in ("landelijk", "provincie", "coa", "beheerder")}
    subscription = Subscription.objects.create(user=users["landelijk"], national=True)
    meeting = meeting_create(actor=users["landelijk"], kind="LRT", on=date(2021, 11, 1))
    agreement = agreement_create(
        actor=users["landelijk"],
        meeting=meeting,
        text="Twee locaties voor sobere opvang.",
        owner_party="coa",
        deadline=date(2021, 12, 1),
    )
    AgreementUpdate.objects.create(
        agreement=agreement, date=date(2021, 11, 8), status="in-uitvoering", by=users["coa"]
    )
    AuditEntry.objects.bulk_create(
        AuditEntry(actor_name="beheerder", action="ingelogd", object_type="gebruiker")
        for _ in range(101)
    )
    return {**users, "subscription": subscription, "entry": AuditEntry.objects.first()}


def _admin_pages(world: dict[str, Any]) -> list[str]:
    national, coa = world["landelijk"].pk, world["coa"].pk
    subscription, entry = world["subscription"].pk, world["entry"].pk
    return [
        "/beheer/",
        "/beheer/accounts/",
        "/beheer/audit/",
        "/beheer/meldingen/",
        "/beheer/accounts/user/",
        "/beheer/accounts/user/?q=lan",
        "/beheer/accounts/user/?role__exact=provincie",
        "/beheer/accounts/user/?is_active__exact=1&_facets=True",
        "/beheer/accounts/user/?o=-5",
        "/beheer/accounts/user/add/",
        f"/beheer/accounts/user/{national}/change/",
        f"/beheer/accounts/user/{national}/history/",
        f"/beheer/accounts/user/{national}/password/",
        f"/beheer/accounts/user/{national}/delete/",
        f"/beheer/accounts/user/{coa}/delete/",  # refused: COA recorded an agreement step
        "/beheer/audit/auditentry/",
        "/beheer/audit/auditentry/?p=2",
        "/beheer/audit/auditentry/?action__exact=ingelogd&q=beheerder",
        f"/beheer/audit/auditentry/{entry}/change/",
        "/beheer/meldingen/subscription/",
        "/beheer/meldingen/subscription/add/",
        f"/beheer/meldingen/subscription/{subscription}/change/",
        f"/beheer/meldingen/subscription/{subscription}/delete/",
        "/beheer/password_change/",
        "/beheer/bestaat-niet/",
    ]


@pytest.mark.django_db
def test_admin_pages_show_no_english(
    admin_world: dict[str, Any], client_as: Callable[[str | None], Any]
) -> None:
    client = client_as("beheerder")
    national = admin_world["landelijk"].pk
    found: dict[str, list[str]] = {}

    def check(what: str, response: Any) -> None:
        assert response.status_code in (200, 302, 404), (what, response.status_code)
        if english := english_in(response.content.decode()):
            found[what] = english

    for url in _admin_pages(admin_world):
        check(url, client.get(url))
    # Forms sent back with errors, and the confirmation of a bulk delete.
    check("gebruiker toevoegen, leeg", client.post("/beheer/accounts/user/add/", {}))
    check("gebruiker wijzigen, leeg", client.post(f"/beheer/accounts/user/{national}/change/", {}))
    check(
        "wachtwoord, ongelijk",
        client.post(
            f"/beheer/accounts/user/{national}/password/",
            {"usable_password": "true", "password1": "a-1", "password2": "b-2"},
        ),
    )
    check("eigen wachtwoord, leeg", client.post("/beheer/password_change/", {}))
    check("aanmelding toevoegen, leeg", client.post("/beheer/meldingen/subscription/add/", {}))
    check(
        "verwijderen van een selectie",
        client.post(
            "/beheer/accounts/user/",
            {"action": "delete_selected", "_selected_action": [str(national)]},
        ),
    )
    check("uitloggen", client.post("/beheer/logout/", follow=True))
    anonymous = client_as(None)
    check("inloggen", anonymous.get("/beheer/login/"))
    check(
        "inloggen, fout",
        anonymous.post("/beheer/login/", {"username": "beheerder", "password": "fout"}),
    )

    assert not found


@pytest.mark.django_db
def test_admin_shows_booleans_permissions_and_protected_steps_in_dutch(
    admin_world: dict[str, Any], client_as: Callable[[str | None], Any]
) -> None:
    client = client_as("beheerder")
    users = client.get("/beheer/accounts/user/").content.decode()
    assert 'alt="ja"' in users  # is_active: Django's own icon says alt="True"

    change = client.get(f"/beheer/accounts/user/{admin_world['landelijk'].pk}/change/")
    assert "Gebruikers | gebruiker | Kan gebruiker toevoegen" in change.content.decode()
    assert "Afspraken | nummerreeks | Kan nummerreeks bekijken" in change.content.decode()

    refused = client.get(f"/beheer/accounts/user/{admin_world['coa'].pk}/delete/")
    assert "LRT-2021-01 08-11-2021: in uitvoering" in refused.content.decode()

    password = client.get(f"/beheer/accounts/user/{admin_world['landelijk'].pk}/password/")
    assert "gaat het huidige wachtwoord van deze gebruiker verloren" in password.content.decode()
    assert 'id="id_unusable_warning"' in password.content.decode()  # Django's script finds it


JS_TEXTS = {
    "Choose all %s": "Alle %s kiezen",
    "Choose selected %s": "Geselecteerde %s kiezen",
    "Remove selected %s": "Geselecteerde %s verwijderen",
    "Remove all %s": "Alle %s verwijderen",
    "(click to clear)": "(klik om het filter te wissen)",
}


@pytest.mark.django_db
def test_admin_javascript_catalogue_is_dutch(client_as: Callable[[str | None], Any]) -> None:
    """The group and permission pickers of the user form are written by the admin's script."""
    script = client_as("beheerder").get("/beheer/jsi18n/").content.decode()
    match = re.search(r"const newcatalog = (\{.*?\n  \});", script, re.DOTALL)
    assert match is not None
    catalogue = json.loads(match.group(1))
    assert {english: catalogue.get(english) for english in JS_TEXTS} == JS_TEXTS
    for english in (
        'Choose %s by selecting them and then select the "Choose" arrow button.',
        'Remove %s by selecting them and then select the "Remove" arrow button.',
    ):
        assert catalogue[english].startswith(("Kies %s", "Verwijder %s"))


def test_search_form_override_changes_only_the_alt_text() -> None:
    """Our copy of the admin's search form differs from Django's own in the icon's alt only."""
    import django

    django_dir = Path(django.__file__).parent / "contrib" / "admin" / "templates" / "admin"
    original = (django_dir / "search_form.html").read_text(encoding="utf-8")
    override = (
        ROOT / "src" / "regietafel" / "accounts" / "admin_templates" / "admin" / "search_form.html"
    ).read_text(encoding="utf-8")
    body = override.split("{% endcomment %}\n", 1)[1]
    assert 'alt="Search"' in original
    assert body == original.replace('alt="Search"', "alt=\"{% translate 'Search' %}\"")
