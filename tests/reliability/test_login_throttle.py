"""One throttle for every way in: the log-in page, HTTP Basic on the API and the admin.

Five failures within the window lock a user name (and, separately, a client address); after
that even the right password is refused, whichever door it is tried at.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client, RequestFactory

from regietafel.accounts.models import User
from regietafel.accounts.services import LoginThrottledError, _reserve, _throttle_keys
from regietafel.audit.models import AuditEntry
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _basic(username: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


def _form(client: Client, username: str, password: str) -> int:
    return int(client.post("/inloggen/", {"username": username, "password": password}).status_code)


def test_form_locks_after_five_failures_also_for_the_right_password(
    make_user: Callable[[str], Any],
) -> None:
    make_user("landelijk")
    client = Client()
    assert [_form(client, "landelijk", "fout") for _ in range(5)] == [401] * 5
    assert _form(client, "landelijk", PASSWORD) == 429


def test_basic_auth_on_the_api_is_throttled(make_user: Callable[[str], Any]) -> None:
    make_user("landelijk")
    client = Client()
    assert client.get("/api/v1/provincies/", **_basic("landelijk", PASSWORD)).status_code == 200
    for _ in range(5):
        assert client.get("/api/v1/provincies/", **_basic("landelijk", "fout")).status_code == 401
    locked = client.get("/api/v1/provincies/", **_basic("landelijk", PASSWORD))
    assert locked.status_code == 429
    assert "Te veel mislukte pogingen" in locked.json()["detail"]


def test_form_api_and_admin_share_one_count(make_user: Callable[[str], Any]) -> None:
    make_user("beheerder")
    client = Client()
    for _ in range(2):
        assert _form(client, "beheerder", "fout") == 401
    for _ in range(2):
        client.get("/api/v1/provincies/", **_basic("beheerder", "fout"))
    page = client.post("/beheer/login/", {"username": "beheerder", "password": "fout"})
    assert page.status_code == 200
    assert "_auth_user_id" not in client.session
    # Five failures in all: the right password is refused at every door.
    page = client.post("/beheer/login/", {"username": "beheerder", "password": PASSWORD})
    assert "Te veel mislukte pogingen" in page.content.decode()
    assert "_auth_user_id" not in client.session
    assert _form(client, "beheerder", PASSWORD) == 429
    api = client.get("/api/v1/provincies/", **_basic("beheerder", PASSWORD))
    assert api.status_code == 429


def test_address_is_locked_across_user_names(make_user: Callable[[str], Any]) -> None:
    make_user("coa")
    client = Client()
    for name in ("a", "b", "c", "d", "e"):
        assert _form(client, name, "fout") == 401
    assert _form(client, "coa", PASSWORD) == 429
    other_address = Client(REMOTE_ADDR="10.0.0.8")
    assert _form(other_address, "coa", PASSWORD) == 302


def test_counting_is_one_step_with_the_check() -> None:
    """Attempts are counted before the password is checked: of twenty attempts in flight
    (none finished, so none recorded a failure yet) exactly five get through."""
    keys = _throttle_keys("doelwit", "192.0.2.1")
    passed = 0
    for _ in range(20):
        try:
            _reserve(keys)
        except LoginThrottledError:
            continue
        passed += 1
    assert passed == 5


def test_admin_login_follows_the_role(make_user: Callable[[str], Any]) -> None:
    staff = make_user("landelijk")
    staff.is_staff = True
    staff.is_superuser = True
    staff.save()
    client = Client()
    page = client.post("/beheer/login/", {"username": "landelijk", "password": PASSWORD})
    assert "rol beheerder" in page.content.decode()
    assert client.get("/beheer/").status_code == 302
    make_user("beheerder")
    admin = Client()
    response = admin.post("/beheer/login/", {"username": "beheerder", "password": PASSWORD})
    assert response.status_code == 302
    assert admin.get("/beheer/").status_code == 200


def test_new_accounts_have_no_role() -> None:
    user = User.objects.create_user(username="nieuw", password="x")
    assert user.role == ""
    assert Client().get("/api/schema/").status_code == 401  # log in first
    client = Client()
    client.force_login(user)
    assert client.get("/api/schema/").status_code == 403


def test_role_change_in_the_admin_is_audited_with_old_and_new_value(
    make_user: Callable[[str], Any],
) -> None:
    from django.contrib import admin

    beheerder = make_user("beheerder")
    user = User.objects.create_user(username="nieuw", password="x")
    model_admin = admin.site._registry[User]
    request = RequestFactory().post("/beheer/accounts/user/")
    request.user = beheerder
    form_class = model_admin.get_form(request, user, change=True)
    initial = form_class(instance=user).initial
    data = {k: v for k, v in initial.items() if v is not None and k != "password"}
    data.update(
        {
            "role": "provincie",
            "province_code": "PV27",
            "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
            "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
            "groups": [],
            "user_permissions": [],
        }
    )
    data.pop("date_joined", None)
    data.pop("last_login", None)
    form = form_class(data=data, instance=user)
    assert form.is_valid(), form.errors
    model_admin.save_model(request, form.save(commit=False), form, change=True)
    entry = AuditEntry.objects.filter(object_type="gebruiker", actor=beheerder).latest("at")
    assert entry.changes["role"] == {"oud": "", "nieuw": "provincie"}
    assert entry.changes["province_code"] == {"oud": "", "nieuw": "PV27"}
    assert "role: - -> provincie" in entry.summary
