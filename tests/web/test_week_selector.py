"""The week travels with the user: one week selector on every weekly page, menu links keep it."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from regietafel.taakstelling.services import taakstelling_set
from tests.opvangbeeld.factories import standard_register

pytestmark = pytest.mark.django_db

Client = Callable[[str | None], Any]

WEEKLY_PAGES = [
    "/opvangbeeld/",
    "/opvangbeeld/PV27/",
    "/boodschappenlijst/",
    "/doelen/",
    "/verdeling/",
    "/taakstelling/2021-II/",
    "/rapport/",
    "/opvang/locaties/",
    "/opvang/reeksen/",
]
MENU_WITH_WEEK = [
    "/opvang/locaties/",
    "/opvang/reeksen/",
    "/opvangbeeld/",
    "/boodschappenlijst/",
    "/verdeling/",
    "/doelen/",
    "/rapport/",
]


def _selector_week(body: str) -> str:
    """The week filled in the shared week selector; exactly one selector per page."""
    forms = re.findall(r'<form class="filter week-selector".*?</form>', body, flags=re.S)
    assert len(forms) == 1, f"{len(forms)} week selectors"
    match = re.search(r'<input id="week" name="week" value="([^"]*)"', forms[0])
    assert match is not None
    return match.group(1)


def _menu(body: str) -> str:
    start = body.index('<nav class="site-nav"')
    return body[start : body.index("</nav>", start)]


@pytest.fixture
def weeks() -> None:
    standard_register("2021-W40")
    standard_register("2021-W45")
    taakstelling_set(actor=None, period="2021-II", national_total=11_000)


@pytest.mark.parametrize("url", WEEKLY_PAGES)
def test_every_weekly_page_has_the_one_week_selector(
    client_as: Client, weeks: None, url: str
) -> None:
    page = client_as("landelijk").get(url, {"week": "2021-W40"})
    assert page.status_code == 200, url
    body = page.content.decode()
    assert _selector_week(body) == "2021-W40"
    assert body.count('id="week"') == 1  # no second week field beside the selector
    for link in MENU_WITH_WEEK:
        assert f'href="{link}?week=2021-W40"' in _menu(body), link


def test_chosen_week_is_remembered_for_the_menu(client_as: Client, weeks: None) -> None:
    client = client_as("provincie")
    first = client.get("/opvangbeeld/").content.decode()
    assert 'href="/verdeling/"' in _menu(first)  # nothing chosen yet: plain links
    client.get("/boodschappenlijst/", {"week": "2021-W40"})
    elsewhere = client.get("/provincies/").content.decode()  # a page without weeks
    assert 'href="/opvangbeeld/?week=2021-W40"' in _menu(elsewhere)
    assert 'href="/provincies/"' in _menu(elsewhere)  # pages without weeks get no week
    again = client.get("/opvangbeeld/", {"week": "2021-W45"}).content.decode()
    assert 'href="/doelen/?week=2021-W45"' in _menu(again)


def test_selector_keeps_the_other_filters(client_as: Client, weeks: None) -> None:
    body = (
        client_as("landelijk")
        .get("/boodschappenlijst/", {"week": "2021-W40", "scope": "PV27"})
        .content.decode()
    )
    form = re.search(r'<form class="filter week-selector".*?</form>', body, flags=re.S)
    assert form is not None
    assert '<input type="hidden" name="scope" value="PV27">' in form.group(0)


@pytest.mark.parametrize("bad", ["2021-W99", "0000-W01", "gisteren"])
def test_unreadable_week_is_not_remembered(client_as: Client, weeks: None, bad: str) -> None:
    client = client_as("landelijk")
    client.get("/opvangbeeld/", {"week": "2021-W40"})
    client.get("/opvang/reeksen/", {"week": bad})  # the page itself says what is wrong
    body = client.get("/provincies/").content.decode()
    assert 'href="/opvangbeeld/?week=2021-W40"' in _menu(body)
