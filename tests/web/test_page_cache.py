"""The page cache: a page is rendered once per state of the data and per role and province,
and a change of the data through the product's own services changes every cached page.

Every cacheable URL is asked for each reader class before and after a new version of the
week's location register; after the change the cached answer must equal a fresh rendering
with the cache off, byte for byte apart from the CSRF token. Which mistake fails it: a key
without the data generation (stale pages), a key without the role or province (another
province's page), a placeholder left in a page, or a URL cached that shows something else.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from regietafel.web.page_cache import CACHEABLE, pages

pytestmark = [pytest.mark.django_db, pytest.mark.page_cache, pytest.mark.slow]

WEEK = "2021-W45"
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture
def demo(settings: Any, tmp_path: Any) -> dict[str, Any]:
    from regietafel.afspraken.models import Agreement, Meeting
    from regietafel.demo.services import demo_load
    from regietafel.opvang.models import LocationRecord

    settings.REGIETAFEL_DATA_DIR = tmp_path
    demo_load(weeks=46)
    return {
        "location": LocationRecord.objects.order_by("code").values_list("code", flat=True).first(),
        "agreement": Agreement.objects.order_by("number").first(),
        "meeting": Meeting.objects.order_by("pk").first(),
    }


def _urls(demo: dict[str, Any]) -> dict[str, str]:
    """One address for every cacheable URL name (a test below checks none is missing)."""
    w = f"?week={WEEK}"
    agreement = demo["agreement"].number
    return {
        "home": "/" + w,
        "provincies": reverse("provincies"),
        "provincie-detail": reverse("provincie-detail", args=["PV27"]),
        "gemeenten": reverse("gemeenten"),
        "gemeente-detail": reverse("gemeente-detail", args=["GM0363"]),
        "taakstelling-list": reverse("taakstelling-list"),
        "taakstelling-detail": reverse("taakstelling-detail", args=["2021-II"]),
        "taakstelling-cyclus": reverse("taakstelling-cyclus", args=["2021-II"]),
        "locaties": reverse("locaties") + w,
        "locatie-detail": reverse("locatie-detail", args=[demo["location"]]) + w,
        "reeksen": reverse("reeksen") + w,
        "opvangbeeld": reverse("opvangbeeld") + w,
        "opvangbeeld-provincie": reverse("opvangbeeld-provincie", args=["PV27"]) + w,
        "prognose": reverse("prognose") + w,
        "boodschappenlijst": reverse("boodschappenlijst") + w,
        "verdeling": reverse("verdeling") + w,
        "doelen": reverse("doelen") + w,
        "begrippen": reverse("begrippen"),
        "afspraken": reverse("afspraken"),
        "afspraak-detail": reverse("afspraak-detail", args=[agreement]),
        "actielijst": reverse("actielijst"),
        "overleggen": reverse("overleggen"),
        "overleg-detail": reverse("overleg-detail", args=[demo["meeting"].pk]),
        "rapporten": reverse("rapporten") + w,
        "rapport": reverse("rapport", args=[WEEK, "NL"]),
        "bijlage": reverse("bijlage") + "?week=2021-W45",
        "api-kerncijfers": reverse("api-kerncijfers") + w,
        "api-opvangbeeld": reverse("api-opvangbeeld") + w,
        "api-locaties": reverse("api-locaties") + w,
        "api-locatie-detail": reverse("api-locatie-detail", args=[demo["location"]]) + w,
        "api-boodschappenlijst": reverse("api-boodschappenlijst") + w,
        "api-taakstelling": reverse("api-taakstelling"),
        "api-taakstelling-detail": reverse("api-taakstelling-detail", args=["2021-II"]),
        "api-opvang-per-provincie": reverse("api-opvang-per-provincie") + w,
        "api-realisatie": reverse("api-realisatie"),
        "api-verdeling": reverse("api-verdeling") + w,
        "api-provincies": reverse("api-provincies"),
        "api-gemeenten": reverse("api-gemeenten"),
        "api-reeksen": reverse("api-reeksen") + w,
        "api-prognose": reverse("api-prognose") + w,
        "api-afspraken": reverse("api-afspraken"),
        "api-afspraak-detail": reverse("api-afspraak-detail", args=[agreement]),
        "api-actielijst": reverse("api-actielijst"),
        "api-overleggen": reverse("api-overleggen"),
    }


def _client(username: str) -> Client:
    from regietafel.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def _pages(client: Client, urls: dict[str, str]) -> dict[str, tuple[int, bytes]]:
    answers = {}
    for name, url in urls.items():
        response = client.get(url)
        answers[name] = (response.status_code, TOKEN.sub(b"", response.content))
    return answers


def _new_register_version(week: str, extra: int) -> None:
    """A second version of the week's location register through the import service, with
    ``extra`` more people in the first regular location (as the COA would correct it)."""
    from regietafel.accounts.models import User
    from regietafel.demo.files import to_csv_bytes
    from regietafel.demo.generator import generate
    from regietafel.demo.services import LOCATION_COLUMNS
    from regietafel.imports.services import import_submit

    rows = [dict(r) for r in next(w for w in generate(46).weeks if w.week == week).locations]
    first = next(r for r in rows if r["soort"] == "regulier")
    first["bezetting"] = str(int(first["bezetting"]) + extra)
    batch = import_submit(
        actor=User.objects.get(username="coa"),
        kind="locaties",
        week=week,
        file_name=f"correctie-{week}.csv",
        content=to_csv_bytes(rows, LOCATION_COLUMNS),
        synthetic=True,
    )
    assert batch.status == "verwerkt", list(batch.errors)[:3]


def test_every_cacheable_url_is_checked(demo: dict[str, Any]) -> None:
    assert set(_urls(demo)) == set(CACHEABLE)


def test_a_new_import_changes_every_cached_page(demo: dict[str, Any], settings: Any) -> None:
    urls = _urls(demo)
    readers = ("lrt", "prt-noord-holland", "coa")
    today = timezone.localdate()
    before = {reader: _pages(_client(reader), urls) for reader in readers}
    made = pages.computed
    again = {reader: _pages(_client(reader), urls) for reader in readers}
    if timezone.localdate() != today:  # the date is part of the key: midnight renders anew
        pytest.skip("middernacht viel tijdens de test; de datum hoort bij de sleutel")
    assert again == before  # the second round is the same pages ...
    refused = sum(status != 200 for answers in before.values() for status, _ in answers.values())
    assert refused == 2  # the PRT may not open a location in another province (page and API)
    assert pages.computed == made + refused  # ... from the cache: only the refusals again

    _new_register_version(WEEK, extra=11)

    cached = {reader: _pages(_client(reader), urls) for reader in readers}
    settings.REGIETAFEL_PAGE_CACHE = False
    fresh = {reader: _pages(_client(reader), urls) for reader in readers}
    for reader in readers:
        for name in urls:
            assert cached[reader][name] == fresh[reader][name], (reader, name)
    # The pages that show this week's register did change (so the comparison above is not
    # two stale copies of the same thing).
    for name in (
        "home",
        "opvangbeeld",
        "opvangbeeld-provincie",
        "locaties",
        "api-kerncijfers",
        "api-locaties",
    ):
        assert cached["lrt"][name] != before["lrt"][name], name
    for reader in readers:
        for name, (status, content) in cached[reader].items():
            assert b"c9f1e2" not in content, (reader, name)  # no placeholder left behind
            assert status in (200, 403, 404), (reader, name, status)


def test_same_role_shares_a_page_with_own_name_and_token(demo: dict[str, Any]) -> None:
    from regietafel.accounts.models import User

    User.objects.create_user("lrt-tweede", password="x-Regietafel-2021!", role="landelijk")
    first, second = _client("lrt"), _client("lrt-tweede")
    url = f"/opvangbeeld/?week={WEEK}"
    one = first.get(url)
    made = pages.computed
    two = second.get(url)
    assert pages.computed == made  # the second user got the first user's rendering
    assert b">lrt \xc2\xb7" in one.content
    assert b">lrt-tweede \xc2\xb7" in two.content
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', two.content)
    assert token is not None
    # The token in the shared page is the second user's own: logging out with it works.
    logout = Client(enforce_csrf_checks=True)
    logout.cookies = second.cookies
    response = logout.post(reverse("logout"), {"csrfmiddlewaretoken": token.group(1).decode()})
    assert response.status_code == 302


def test_provinces_do_not_share_pages(demo: dict[str, Any]) -> None:
    url = f"/opvangbeeld/?week={WEEK}"
    noord_holland = _client("prt-noord-holland").get(url).content
    groningen = _client("prt-groningen").get(url).content
    assert noord_holland != groningen
    assert b"Noord-Holland" in noord_holland
    assert b"Groningen" in groningen


def test_the_chosen_week_travels_on_a_cached_page(demo: dict[str, Any]) -> None:
    client = _client("lrt")
    client.get("/opvangbeeld/?week=2021-W40")
    client.get("/opvangbeeld/?week=2021-W40")  # from the cache: must remember the week too
    client.get("/opvangbeeld/?week=2021-W41")
    client.get("/opvangbeeld/?week=2021-W40")
    page = client.get("/opvangbeeld/").content.decode()
    assert 'value="2021-W40" selected' in page or "week=2021-W40" in page
    assert "week=2021-W41" not in page


def test_logging_in_does_not_empty_the_cache(demo: dict[str, Any]) -> None:
    from regietafel.audit.selectors import data_generation

    before = data_generation()
    client = Client()
    response = client.post(reverse("login"), {"username": "lrt", "password": "demo-lrt-2021"})
    assert response.status_code == 302
    assert data_generation() == before
