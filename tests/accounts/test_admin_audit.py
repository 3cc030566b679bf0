"""Every write in the admin (/beheer/) leaves an audit row, as the services do."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

NEW_PASSWORD = "Nieuw-wachtwoord-2021!"


@pytest.mark.django_db
def test_bulk_delete_of_users_audits_each_user(client_as: Callable[[str], Any]) -> None:
    from regietafel.accounts.models import User
    from regietafel.audit.models import AuditEntry

    client = client_as("beheerder")
    doomed = [User.objects.create_user(username=name, password="x") for name in ("aap", "noot")]
    response = client.post(
        "/beheer/accounts/user/",
        {
            "action": "delete_selected",
            "post": "yes",
            "_selected_action": [str(user.pk) for user in doomed],
        },
    )

    assert response.status_code == 302
    assert not User.objects.filter(username__in=["aap", "noot"]).exists()
    rows = AuditEntry.objects.filter(action="verwijderd").order_by("object_id")
    assert [(row.actor_name, row.object_id, row.summary) for row in rows] == [
        ("beheerder", str(doomed[0].pk), "gebruiker aap verwijderd in beheer"),
        ("beheerder", str(doomed[1].pk), "gebruiker noot verwijderd in beheer"),
    ]


@pytest.mark.django_db
def test_deleting_a_user_audits_what_is_deleted_with_it(
    client_as: Callable[[str], Any], make_user: Callable[[str], Any]
) -> None:
    from regietafel.accounts.models import User
    from regietafel.audit.models import AuditEntry
    from regietafel.meldingen.models import Subscription

    client = client_as("beheerder")
    doomed = make_user("landelijk")
    subscription = Subscription.objects.create(user=doomed, national=True)
    response = client.post(f"/beheer/accounts/user/{doomed.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=doomed.pk).exists()
    assert not Subscription.objects.exists()
    rows = AuditEntry.objects.filter(action="verwijderd").order_by("id")
    assert [(row.object_type, row.object_id, row.summary) for row in rows] == [
        ("gebruiker", str(doomed.pk), "gebruiker landelijk verwijderd in beheer"),
        (
            str(Subscription._meta.verbose_name),
            str(subscription.pk),
            "meldingen van landelijk verwijderd met gebruiker landelijk in beheer",
        ),
    ]


@pytest.mark.django_db
def test_bulk_delete_of_subscriptions_audits_each(
    client_as: Callable[[str], Any], make_user: Callable[[str], Any]
) -> None:
    from regietafel.audit.models import AuditEntry
    from regietafel.meldingen.models import Subscription

    client = client_as("beheerder")
    subscription = Subscription.objects.create(user=make_user("landelijk"), national=True)
    response = client.post(
        "/beheer/meldingen/subscription/",
        {"action": "delete_selected", "post": "yes", "_selected_action": [str(subscription.pk)]},
    )

    assert response.status_code == 302
    assert not Subscription.objects.exists()
    rows = AuditEntry.objects.filter(action="verwijderd")
    assert [(row.object_id, row.summary) for row in rows] == [
        ("landelijk", "meldingen van landelijk door de beheerder verwijderd")
    ]


@pytest.mark.django_db
def test_password_change_is_audited_without_the_password(
    client_as: Callable[[str], Any], make_user: Callable[[str], Any]
) -> None:
    from regietafel.audit.models import AuditEntry

    client = client_as("beheerder")
    target = make_user("coa")
    response = client.post(
        f"/beheer/accounts/user/{target.pk}/password/",
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
    )

    assert response.status_code == 302
    target.refresh_from_db()
    assert target.check_password(NEW_PASSWORD)
    rows = list(AuditEntry.objects.all())
    assert [(row.actor_name, row.action, row.object_id, row.summary) for row in rows] == [
        (
            "beheerder",
            "gewijzigd",
            str(target.pk),
            "wachtwoord van gebruiker coa gewijzigd in beheer",
        )
    ]
    assert rows[0].changes == {"wachtwoord": "gewijzigd"}
    stored = f"{rows[0].summary} {rows[0].changes}"
    assert NEW_PASSWORD not in stored
    assert target.password not in stored


@pytest.mark.django_db
def test_change_of_superuser_flag_and_groups_is_audited(
    client_as: Callable[[str], Any], make_user: Callable[[str], Any]
) -> None:
    """The change form writes flags in ``save_model`` and groups in ``save_related``."""
    from django.contrib.auth.models import Group

    from regietafel.audit.models import AuditEntry

    client = client_as("beheerder")
    target = make_user("coa")
    group = Group.objects.create(name="oud")
    response = client.post(
        f"/beheer/accounts/user/{target.pk}/change/",
        {
            "username": "coa",
            "first_name": "",
            "last_name": "",
            "email": "",
            "is_active": "on",
            "is_superuser": "on",
            "groups": [str(group.pk)],
            "last_login_0": "",
            "last_login_1": "",
            "date_joined_0": "2021-01-04",
            "date_joined_1": "09:00:00",
            "role": "coa",
            "province_code": "",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    summaries = [row.summary for row in AuditEntry.objects.all()]
    assert "gebruiker coa gewijzigd in beheer (is_superuser: nee -> ja)" in summaries
    rows = {row.summary.split(" (")[0]: row.changes for row in AuditEntry.objects.all()}
    assert rows["gebruiker coa gewijzigd in beheer"]["is_superuser"] == {
        "oud": False,
        "nieuw": True,
    }
    assert rows["groepen/rechten van gebruiker coa gewijzigd in beheer"] == {
        "groups": {"oud": [], "nieuw": ["oud"]}
    }


@pytest.mark.django_db
def test_user_created_in_the_admin_is_audited_without_unset_flags(
    client_as: Callable[[str], Any],
) -> None:
    from regietafel.accounts.models import User
    from regietafel.audit.models import AuditEntry

    client = client_as("beheerder")
    response = client.post(
        "/beheer/accounts/user/add/",
        {"username": "nieuw", "usable_password": "true", "password1": NEW_PASSWORD,
         "password2": NEW_PASSWORD},
    )  # fmt: skip

    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(username="nieuw")
    rows = list(AuditEntry.objects.all())
    assert [(row.action, row.object_id, row.summary) for row in rows] == [
        (
            "aangemaakt",
            str(user.pk),
            "gebruiker nieuw aangemaakt in beheer (username: - -> nieuw, is_active: - -> ja)",
        )
    ]
    assert NEW_PASSWORD not in str(rows[0].changes)


@pytest.mark.django_db
def test_permissions_given_in_the_admin_are_audited_by_their_dutch_label(
    client_as: Callable[[str], Any], make_user: Callable[[str], Any]
) -> None:
    """Django stores "Can view gebruiker"; the audit trail names it as the form shows it."""
    from django.contrib.auth.models import Permission

    from regietafel.audit.models import AuditEntry

    client = client_as("beheerder")
    target = make_user("coa")
    permission = Permission.objects.get(codename="view_user")
    assert permission.name == "Can view gebruiker"
    response = client.post(
        f"/beheer/accounts/user/{target.pk}/change/",
        {
            "username": "coa",
            "is_active": "on",
            "user_permissions": [str(permission.pk)],
            "date_joined_0": "2021-01-04",
            "date_joined_1": "09:00:00",
            "role": "coa",
            "province_code": "",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    row = AuditEntry.objects.get(summary="groepen/rechten van gebruiker coa gewijzigd in beheer")
    label = "Gebruikers | gebruiker | Kan gebruiker bekijken"
    assert row.changes == {"user_permissions": {"oud": [], "nieuw": [label]}}
