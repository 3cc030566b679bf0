"""Access as one table of URL × role, checked with the Django test client.

Every named URL of the URL conf (pages, downloads, API) has at least one row in ``MATRIX``;
a URL that is missing fails ``test_every_url_is_in_the_matrix``. The expectations are the
policy of ``accounts.access`` written out by hand: province-bound URLs are tried for the own
province (PV27, Noord-Holland) and another one (PV20, Groningen).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse

from tests.factories import realisation
from tests.opvang.factories import locations_week45, series_import
from tests.urlconf import named_routes

pytestmark = pytest.mark.django_db

LOGIN = "inloggen"
"""Expected: a redirect to the log-in page."""

ROLES: tuple[str | None, ...] = (None, "landelijk", "provincie", "coa", "beheerder")
"""The columns of every row: anonymous, then one user per role (provincie: PV27)."""

Expect = tuple[int | str, int | str, int | str, int | str, int | str]
EVERYONE: Expect = (LOGIN, 200, 200, 200, 200)
OWN_PROVINCE_ONLY: Expect = (LOGIN, 200, 403, 200, 200)
NOT_FOUND: Expect = (LOGIN, 404, 404, 404, 404)
API_EVERYONE: Expect = (403, 200, 200, 200, 200)
API_OWN_PROVINCE_ONLY: Expect = (403, 200, 403, 200, 200)

W45 = "week=2021-W45"


@dataclass(frozen=True)
class Case:
    name: str
    kwargs: dict[str, Any] | str
    """URL arguments, or the name of a stored import ("locaties"/"realisatie") for ``pk``."""
    expect: Expect
    query: str = ""
    method: str = "get"

    def url(self, imports: dict[str, int]) -> str:
        kwargs = {"pk": imports[self.kwargs]} if isinstance(self.kwargs, str) else self.kwargs
        path = reverse(self.name, kwargs=kwargs)
        return f"{path}?{self.query}" if self.query else path

    def __str__(self) -> str:
        return f"{self.method} {self.name} {self.kwargs or ''} {self.query}".strip()


MATRIX: tuple[Case, ...] = (
    # Site and log-in.
    Case("home", {}, EVERYONE),
    Case("login", {}, (200, 200, 200, 200, 200)),
    Case("logout", {}, (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN), method="post"),
    Case("logout", {}, (405, 405, 405, 405, 405)),
    # Areas.
    Case("provincies", {}, EVERYONE),
    Case("provincie-detail", {"code": "PV27"}, EVERYONE),
    Case("provincie-detail", {"code": "PV20"}, OWN_PROVINCE_ONLY),
    Case("provincie-detail", {"code": "PV99"}, NOT_FOUND),
    Case("gemeenten", {}, EVERYONE),
    Case("gemeenten", {}, EVERYONE, query="provincie=PV27"),
    # Taakstelling: every province's task and progress is aggregate; the detail per
    # municipality of another province is not.
    Case("taakstelling-list", {}, EVERYONE),
    Case("taakstelling-set", {}, (LOGIN, 200, 403, 403, 403)),
    Case("taakstelling-detail", {"label": "2021-II"}, EVERYONE),
    Case("taakstelling-detail", {"label": "2021-II"}, EVERYONE, query="provincie=PV27"),
    Case("taakstelling-detail", {"label": "2021-II"}, OWN_PROVINCE_ONLY, query="provincie=PV20"),
    Case("taakstelling-detail", {"label": "2020-I"}, NOT_FOUND),
    # Reception.
    Case("locaties", {}, EVERYONE, query=W45),
    Case("locaties", {}, EVERYONE, query=f"{W45}&formaat=csv"),
    Case("locaties", {}, EVERYONE, query=f"{W45}&formaat=csv&tabel=provincies"),
    Case("locatie-detail", {"code": "NH-AZC"}, EVERYONE, query=W45),
    Case("locatie-detail", {"code": "NH-AMV"}, EVERYONE, query=W45),
    Case("locatie-detail", {"code": "GR-AZC"}, OWN_PROVINCE_ONLY, query=W45),
    Case("locatie-detail", {"code": "GR-AMV"}, OWN_PROVINCE_ONLY, query=W45),
    Case("locatie-detail", {"code": "XX-GEEN"}, NOT_FOUND, query=W45),
    Case("reeksen", {}, EVERYONE),
    Case("reeksen", {}, EVERYONE, query="formaat=csv"),
    # Reception picture, targets, shopping list and distribution (all figures aggregated per
    # province are public to every role; a province's own detail is not).
    Case("opvangbeeld", {}, EVERYONE, query=W45),
    Case("opvangbeeld", {}, EVERYONE, query=f"{W45}&formaat=csv"),
    Case("opvangbeeld-provincie", {"code": "PV27"}, EVERYONE, query=W45),
    Case("opvangbeeld-provincie", {"code": "PV20"}, OWN_PROVINCE_ONLY, query=W45),
    Case("opvangbeeld-provincie", {"code": "PV99"}, NOT_FOUND, query=W45),
    # Forecast: national for everyone, a province in full for its own users and national roles.
    Case("prognose", {}, EVERYONE, query=W45),
    Case("prognose", {}, EVERYONE, query=f"{W45}&provincie=PV27"),
    Case("prognose", {}, OWN_PROVINCE_ONLY, query=f"{W45}&provincie=PV20"),
    Case("prognose", {}, EVERYONE, query=f"{W45}&formaat=csv&tabel=bufferbeleid"),
    Case("boodschappenlijst", {}, EVERYONE, query=f"{W45}&scope=NL"),
    Case("boodschappenlijst", {}, EVERYONE, query=f"{W45}&scope=PV27"),
    Case("boodschappenlijst", {}, OWN_PROVINCE_ONLY, query=f"{W45}&scope=PV20"),
    Case("boodschappenlijst", {}, EVERYONE, query=f"{W45}&scope=NL&formaat=csv"),
    Case("doelen", {}, EVERYONE),
    Case("begrippen", {}, EVERYONE),
    Case("begrippen", {}, EVERYONE, query="formaat=csv"),
    Case("verdeling", {}, EVERYONE, query=W45),
    Case("verdeling", {}, EVERYONE, query=f"{W45}&provincie=PV27"),
    Case("verdeling", {}, OWN_PROVINCE_ONLY, query=f"{W45}&provincie=PV20"),
    # Weekly report: the national report for everyone, a province's report for its own PRT.
    Case("rapporten", {}, EVERYONE),
    Case("rapport-publiceren", {}, (LOGIN, 405, 405, 405, 405)),
    Case("rapport", {"week": "2021-W45", "scope": "NL"}, EVERYONE),
    Case("rapport", {"week": "2021-W45", "scope": "PV27"}, EVERYONE),
    Case("rapport", {"week": "2021-W45", "scope": "PV20"}, OWN_PROVINCE_ONLY),
    Case("rapport", {"week": "2021-W44", "scope": "NL"}, NOT_FOUND),
    Case("rapport-pdf", {"week": "2021-W45", "scope": "PV20"}, OWN_PROVINCE_ONLY),
    Case("rapport-xlsx", {"week": "2021-W45", "scope": "NL"}, EVERYONE),
    Case("rapport-xlsx", {"week": "2021-W45", "scope": "PV20"}, OWN_PROVINCE_ONLY),
    # Imports: the list for landelijk, coa and beheerder; uploading for coa; the original of
    # a locations file (confidential addresses) for coa only.
    Case("imports", {}, (LOGIN, 200, 403, 200, 200)),
    Case("imports", {}, (LOGIN, 200, 403, 200, 200), query="formaat=csv"),
    Case("import-new", {}, (LOGIN, 403, 403, 200, 403)),
    Case("import-formats", {}, EVERYONE),
    Case("import-template", {"kind": "locaties", "extension": "csv"}, EVERYONE),
    Case("import-template", {"kind": "realisatie", "extension": "xlsx"}, EVERYONE),
    Case("import-template", {"kind": "onbekend", "extension": "csv"}, NOT_FOUND),
    Case("import-detail", "locaties", (LOGIN, 200, 403, 200, 200)),
    Case("import-detail", "realisatie", (LOGIN, 200, 403, 200, 200), query="formaat=csv"),
    Case("import-original", "locaties", (LOGIN, 403, 403, 200, 403)),
    Case("import-original", "realisatie", (LOGIN, 200, 403, 200, 200)),
    # Withdrawing an import: COA only, by POST (without a reason COA is sent back: 302).
    Case("import-withdraw", "locaties", (LOGIN, 403, 403, 302, 403), method="post"),
    Case("import-withdraw", "locaties", (LOGIN, 405, 405, 405, 405)),
    # Audit.
    Case("audit", {}, (LOGIN, 403, 403, 403, 200)),
    Case("audit", {}, (LOGIN, 403, 403, 403, 200), query="formaat=csv"),
    # API v1: anonymous 403 (no session, no basic auth).
    Case("api-provincies", {}, API_EVERYONE),
    Case("api-gemeenten", {}, API_EVERYONE),
    Case("api-taakstelling", {}, API_EVERYONE),
    Case("api-taakstelling-detail", {"label": "2021-II"}, API_EVERYONE),
    Case("api-taakstelling-detail", {"label": "2020-I"}, (403, 404, 404, 404, 404)),
    Case("api-realisatie", {}, API_EVERYONE),
    Case("api-locaties", {}, API_EVERYONE, query=W45),
    Case("api-locatie-detail", {"code": "NH-AZC"}, API_EVERYONE, query=W45),
    Case("api-locatie-detail", {"code": "NH-AMV"}, API_EVERYONE, query=W45),
    Case("api-locatie-detail", {"code": "GR-AZC"}, API_OWN_PROVINCE_ONLY, query=W45),
    Case("api-locatie-detail", {"code": "XX-GEEN"}, (403, 404, 404, 404, 404), query=W45),
    Case("api-opvang-per-provincie", {}, API_EVERYONE, query=W45),
    Case("api-reeksen", {}, API_EVERYONE),
    Case("api-opvangbeeld", {}, API_EVERYONE, query=W45),
    Case("api-opvangbeeld", {}, API_EVERYONE, query=f"{W45}&provincie=PV27"),
    Case("api-opvangbeeld", {}, API_OWN_PROVINCE_ONLY, query=f"{W45}&provincie=PV20"),
    Case("api-prognose", {}, API_EVERYONE, query=W45),
    Case("api-prognose", {}, API_EVERYONE, query=f"{W45}&provincie=PV27&scenario=hoog"),
    Case("api-prognose", {}, API_OWN_PROVINCE_ONLY, query=f"{W45}&provincie=PV20"),
    Case("api-boodschappenlijst", {}, API_EVERYONE, query=f"{W45}&scope=NL"),
    Case("api-boodschappenlijst", {}, API_OWN_PROVINCE_ONLY, query=f"{W45}&scope=PV20"),
    Case("api-verdeling", {}, API_EVERYONE, query=W45),
    Case("api-kerncijfers", {}, API_EVERYONE, query=W45),
    Case("api-kerncijfers", {}, API_EVERYONE, query=f"{W45}&scope=PV27"),
    Case("api-kerncijfers", {}, API_OWN_PROVINCE_ONLY, query=f"{W45}&scope=PV20"),
    # Agreements register: national tables for everyone, a PRT for its own province and the
    # national roles; the register, meetings, action list and annex are pages for everyone.
    Case("afspraken", {}, EVERYONE),
    Case("afspraken", {}, EVERYONE, query="datum=2021-11-15&formaat=csv"),
    Case("afspraken", {}, OWN_PROVINCE_ONLY, query="overleg=PRT&provincie=PV20"),
    Case("afspraak-detail", {"number": "LRT-2021-01"}, EVERYONE),
    Case("afspraak-detail", {"number": "PRT-GR-2021-01"}, OWN_PROVINCE_ONLY),
    Case("afspraak-detail", {"number": "LRT-2021-99"}, NOT_FOUND),
    Case("overleggen", {}, EVERYONE),
    Case("overleg-detail", "overleg-lrt", EVERYONE),
    Case("overleg-detail", "overleg-prt-gr", OWN_PROVINCE_ONLY),
    Case("actielijst", {}, EVERYONE, query="overleg=LRT&datum=2021-11-15"),
    Case("actielijst", {}, EVERYONE, query="overleg=LRT&datum=2021-11-15&formaat=docx"),
    Case("actielijst", {}, EVERYONE, query="overleg=PRT&provincie=PV27&formaat=csv"),
    Case("actielijst", {}, OWN_PROVINCE_ONLY, query="overleg=PRT&provincie=PV20"),
    Case("actielijst", {}, NOT_FOUND, query="overleg=XYZ"),
    Case("bijlage", {}, EVERYONE, query=W45),
    Case("bijlage", {}, EVERYONE, query=f"{W45}&formaat=docx"),
    Case("afspraak-van-boodschap", {}, (LOGIN, 405, 405, 405, 405)),
    Case("afspraak-van-boodschap", {}, (LOGIN, 400, 400, 400, 400), method="post"),
    Case("api-afspraken", {}, API_EVERYONE, query="datum=2021-11-15"),
    Case("api-afspraken", {}, API_OWN_PROVINCE_ONLY, query="overleg=PRT&provincie=PV20"),
    Case("api-afspraak-detail", {"number": "LRT-2021-01"}, API_EVERYONE),
    Case("api-afspraak-detail", {"number": "PRT-GR-2021-01"}, API_OWN_PROVINCE_ONLY),
    Case("api-overleggen", {}, API_EVERYONE),
    Case("api-actielijst", {}, API_EVERYONE, query="overleg=LRT&datum=2021-11-15"),
    Case("api-actielijst", {}, API_OWN_PROVINCE_ONLY, query="overleg=PRT&provincie=PV20"),
    # The OpenAPI description names every endpoint and field: for users who are logged in.
    Case("api-schema", {}, API_EVERYONE),
)

NOT_IN_MATRIX = {"beheer/": "Django-admin: eigen namen; per rol getest in test_admin_by_role"}
"""Route prefixes left out, with the reason."""


def test_every_url_is_in_the_matrix() -> None:
    listed = {case.name for case in MATRIX}
    unlisted = sorted(
        f"{name} ({route})"
        for name, route in named_routes()
        if name not in listed and not route.startswith(tuple(NOT_IN_MATRIX))
    )
    assert not unlisted, f"Voeg deze URL's toe aan MATRIX in {__file__}: {unlisted}"
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


DOCUMENTATION_ONLY = {"import-formats", "import-template"}
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
        allowed = {403} if anonymous in (LOGIN, 403) else {anonymous}
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
