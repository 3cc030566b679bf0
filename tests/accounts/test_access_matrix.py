"""Access as one table of URL × role, checked with the Django test client.

Every named URL of the URL conf (pages, downloads, API) has at least one row in ``MATRIX``;
a URL that is missing fails ``test_every_url_is_in_the_matrix``. The expectations (in
``tests/accounts/access_table.py``, also the source of ``docs/toegang.md``) are the
policy of ``accounts.access`` written out by hand: province-bound URLs are tried for the own
province (PV27, Noord-Holland) and another one (PV20, Groningen).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.accounts.access_table import (
    LOGIN,
    MATRIX,
    NOT_IN_MATRIX,
    ROLES,
    W45,
    Case,
)
from tests.factories import realisation
from tests.opvang.factories import locations_week45, series_import
from tests.urlconf import named_routes

pytestmark = pytest.mark.django_db


def test_every_url_is_in_the_matrix() -> None:
    listed = {case.name for case in MATRIX}
    unlisted = sorted(
        f"{name} ({route})"
        for name, route in named_routes()
        if name not in listed and not route.startswith(tuple(NOT_IN_MATRIX))
    )
    assert not unlisted, (
        f"Voeg deze URL's toe aan MATRIX in tests/accounts/access_table.py: {unlisted}"
    )
    assert listed <= {name for name, _route in named_routes()}


@pytest.fixture(scope="module")
def world(
    django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, int]]:
    """Users of every role, locations of week 45 in PV27 and PV20, a taakstelling 2021-II,
    an LRT and a PRT Groningen meeting with one agreement each.

    Made once for the module inside a transaction that is rolled back at the end; each test
    runs in a savepoint inside it.
    """
    from django.db import transaction
    from django.test import override_settings

    from regietafel.accounts.models import User
    from regietafel.rapportage.services import report_publish
    from regietafel.taakstelling.services import taakstelling_set
    from tests.conftest import ROLE_USERS

    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("bestanden")),
        transaction.atomic(),
    ):
        for key in ROLES:
            if key is not None:
                User.objects.create_user(username=key, password="x", **ROLE_USERS[key])
        batches = locations_week45()
        series_import("2021-W45", {"nareizigers": 1395})
        housed = realisation("2021-W45", "2021-II", {"GM0363": ("PV27", 40), "GM0014": ("PV20", 9)})
        taakstelling_set(actor=None, period="2021-II", national_total=11_000)
        for scope in ("NL", "PV27", "PV20"):
            report_publish(actor=None, week="2021-W45", scope=scope)
        meetings = _agreements()
        yield {"locaties": batches["v2"].pk, "realisatie": housed.pk, **meetings}
        transaction.set_rollback(True)


def _agreements() -> dict[str, int]:
    """LRT-2021-01 at an LRT of 1 November 2021, PRT-GR-2021-01 at the PRT of Groningen."""
    from datetime import date

    from regietafel.accounts.models import User
    from regietafel.afspraken.services import agreement_create, meeting_create
    from tests.conftest import ROLE_USERS

    national = User.objects.get(username="landelijk")
    groningen = User.objects.create_user(
        username="provincie_andere", password="x", **ROLE_USERS["provincie_andere"]
    )
    lrt = meeting_create(actor=national, kind="LRT", on=date(2021, 11, 1))
    prt = meeting_create(actor=groningen, kind="PRT", province_code="PV20", on=date(2021, 11, 2))
    for actor, meeting in ((national, lrt), (groningen, prt)):
        agreement_create(
            actor=actor, meeting=meeting, text="x", owner_party="coa", deadline=date(2021, 12, 1)
        )
    return {"overleg-lrt": lrt.pk, "overleg-prt-gr": prt.pk}


def _outcome(response: Any) -> int | str:
    if response.status_code == 302 and response["Location"].startswith("/inloggen/"):
        return LOGIN
    return int(response.status_code)


@pytest.mark.page_cache  # as served: the page cache calls a cacheable view itself
@pytest.mark.parametrize("case", MATRIX, ids=str)
def test_access(case: Case, world: dict[str, int], client_as: Callable[[str | None], Any]) -> None:
    url = case.url(world)
    actual = tuple(_outcome(getattr(client_as(key), case.method)(url)) for key in ROLES)
    assert actual == case.expect, f"{url}: {dict(zip(ROLES, actual, strict=True))}"


ADMIN_PAGES = ("/beheer/", "/beheer/accounts/user/", "/beheer/audit/auditentry/")
ADMIN_LOGIN = "beheer-inloggen"


def _admin_outcome(response: Any) -> int | str:
    if response.status_code == 302 and response["Location"].startswith("/beheer/login/"):
        return ADMIN_LOGIN
    return int(response.status_code)


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_admin_by_role(
    url: str, world: dict[str, int], client_as: Callable[[str | None], Any]
) -> None:
    """The admin follows the role (access.can_manage_users), never is_staff or is_superuser."""
    from regietafel.accounts.models import User

    User.objects.filter(username="landelijk").update(is_staff=True, is_superuser=True)
    actual = tuple(_admin_outcome(client_as(key).get(url)) for key in ROLES)
    expect = (ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 200)
    assert actual == expect, f"{url}: {dict(zip(ROLES, actual, strict=True))}"


DOCUMENTATION_ONLY = {"import-formats", "import-template", "import-template-help"}
"""Pages without any data (file formats, blank templates): every logged-in account."""


def test_user_without_role_sees_nothing(
    world: dict[str, int], client_as: Callable[[str | None], Any]
) -> None:
    from django.test import Client

    from regietafel.accounts.models import User

    user = User.objects.create_user(username="nieuw", password="x")
    assert user.role == ""
    client = Client()
    client.force_login(user)
    wrong = []
    for case in MATRIX:
        if case.method != "get":
            continue
        # Logged in but without a role: refused wherever anonymous visitors are sent away.
        anonymous = case.expect[0]
        allowed = {403} if anonymous in (LOGIN, 403, 401) else {anonymous}
        if case.name in DOCUMENTATION_ONLY:
            allowed.add(200)
        if len(set(case.expect[1:])) == 1 and case.expect[1] != 200:
            allowed.add(case.expect[1])  # the same refusal for every role (404, 405)
        actual = _outcome(client.get(case.url(world)))
        if actual not in allowed:
            wrong.append(f"{case}: {actual}")
    assert not wrong


# Role-dependent content: a confidential AMV location's address and occupancy for COA only.
SECRET_ADDRESS = "Geheimstraat 7"
SECRET_OCCUPANCY = 37
CONFIDENTIAL_SEES = {"landelijk": False, "provincie": False, "coa": True, "beheerder": False}


@pytest.mark.parametrize(("key", "sees"), CONFIDENTIAL_SEES.items())
def test_confidential_location_details_for_coa_only(
    key: str, sees: bool, world: dict[str, int], client_as: Callable[[str | None], Any]
) -> None:
    client = client_as(key)

    page = client.get(f"/opvang/locaties/NH-AMV/?{W45}").content.decode()
    # The name too: every surface calls it "vertrouwelijke locatie (provincie)" then.
    assert ("Kleinschalig Noord" in page) is sees
    assert ("vertrouwelijke locatie (Noord-Holland)" in page) is not sees
    assert (SECRET_ADDRESS in page) is sees
    assert (f">{SECRET_OCCUPANCY}<" in page.replace(" ", "")) is sees

    listing = client.get(f"/opvang/locaties/?{W45}").content.decode()
    assert (SECRET_ADDRESS in listing) is False  # the list never shows addresses
    assert ("Kleinschalig Noord" in listing) is sees

    raw = client.get(f"/opvang/locaties/?{W45}&formaat=csv").content.decode("utf-8-sig")
    rows = {row[0]: row for row in csv.reader(io.StringIO(raw))}
    amv = rows["NH-AMV"]
    assert (str(SECRET_OCCUPANCY) in amv) is sees
    assert (SECRET_ADDRESS in raw) is False or sees
    assert rows["NH-AZC"][7] == "550"  # ordinary locations: occupancy for everyone

    detail = client.get(f"/api/v1/locaties/NH-AMV/?{W45}").json()
    assert (detail.get("bezetting") == SECRET_OCCUPANCY) is sees, detail
    assert (detail.get("adres") == SECRET_ADDRESS) is sees, detail
    listed = client.get(f"/api/v1/locaties/?{W45}").json()
    amv_api = next(r for r in listed["results"] if r["code"] == "NH-AMV")
    assert amv_api == detail
