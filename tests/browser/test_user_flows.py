"""The user flows of the issue, in a real browser: what a person clicks and what they then see.

Log in as every role, upload a valid and an invalid locations file through the form, a
province user refused another province's location, the audit trail showing the imports.
Data for the starting situation is made through the services; everything under test goes
through the pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLE_LABELS = {
    "landelijk": "Landelijk (LRT/HLRT, ministeries)",
    "provincie": "Provincie (PRT)",
    "coa": "COA (gegevensbeheer)",
    "beheerder": "Beheerder",
}

HEADER = "locatiecode;naam;gemeentecode;soort;capaciteit;bezetting;startdatum;einddatum;adres"
# Week 2021-W44, loaded through the service as the situation before the test.
BASE_ROWS = [
    "NH-AZC;Azc Dijkweg;GM0363;regulier;600;550;2016-03-01;;Dijkweg 1",
    "GR-AZC;Azc Zuiderweg;GM0014;regulier;400;380;2019-01-01;2022-12-31;Zuiderweg 2",
]
# Week 2021-W45 as uploaded by COA: one new emergency location in Noord-Holland (Haarlem).
NEW_ROW = "NH-NOOD;Noodopvang Spaarnwoude;GM0392;noodopvang;250;120;2021-11-01;2022-04-30;Hal 3"


def _csv(rows: list[str]) -> bytes:
    return ("\n".join([HEADER, *rows]) + "\n").encode()


def _nav_labels(page: Any) -> list[str]:
    return [label.strip() for label in page.locator("nav.site-nav a").all_inner_texts()]


def _log_in(page: Any, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def _cells(page: Any, caption: str, row_header: str) -> list[str]:
    """The cells of the row headed ``row_header`` in the table captioned ``caption``."""
    table = page.locator("table", has=page.locator("caption", has_text=caption))
    row = table.locator("tr", has=page.locator("th", has_text=re.compile(f"^{row_header}$")))
    return [cell.strip() for cell in row.locator("td").all_inner_texts()]


def _upload(page: Any, base: str, tmp: Path, *, name: str, content: bytes, week: str) -> None:
    path = tmp / name
    path.write_bytes(content)
    page.goto(f"{base}/imports/nieuw/")
    page.get_by_label("Soort bestand").select_option("locaties")
    page.get_by_label("Week", exact=True).fill(week)
    page.get_by_label("Bestand", exact=True).set_input_files(str(path))
    page.get_by_role("button", name="Controleren en importeren").click()
    page.wait_for_load_state()


@pytest.mark.parametrize(
    ("key", "sees_imports", "sees_audit"),
    [
        ("landelijk", True, False),
        ("provincie", False, False),
        ("coa", True, False),
        ("beheerder", True, True),
    ],
)
def test_log_in_as_each_role_shows_user_role_and_menu(
    login: Callable[[str], Any],
    live_server: Any,
    key: str,
    sees_imports: bool,
    sees_audit: bool,
) -> None:
    from regietafel.accounts import access

    expected_menu = [
        "Overzicht",
        "Provincies",
        "Taakstelling",
        "Opvanglocaties",
        *(["Imports"] if sees_imports else []),
        "Landelijke reeksen",
        "Opvangbeeld",
        "Prognose",
        "Boodschappenlijst",
        "Verdeling",
        "Doelen",
        "Afspraken",
        "Rapportage",
        *(["Audittrail"] if sees_audit else []),
        "Begrippen",
    ]
    page = login(key)
    from regietafel.accounts.models import User

    user = User.objects.get(username=key)
    # The table above is the policy of accounts.access, written out by hand.
    assert access.can_view_imports(user) is sees_imports
    assert access.can_read_audit(user) is sees_audit
    user_line = page.locator(".site-header__user").inner_text()
    expected = f"{key} · {ROLE_LABELS[key]}" + (" · Noord-Holland" if key == "provincie" else "")
    assert user_line == expected
    assert _nav_labels(page) == expected_menu

    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(f"{live_server.url}/inloggen/")
    assert page.locator(".site-header__user").count() == 0
    assert _nav_labels(page) == []
    page.goto(f"{live_server.url}/provincies/")
    assert page.url.startswith(f"{live_server.url}/inloggen/")


def test_wrong_password_and_throttling(
    page: Any, live_server: Any, make_user: Callable[[str], Any]
) -> None:
    make_user("landelijk")
    base = live_server.url
    _log_in(page, base, "landelijk", "fout-wachtwoord")
    assert page.get_by_role("alert").inner_text() == "Gebruikersnaam of wachtwoord klopt niet."
    for _attempt in range(4):
        _log_in(page, base, "landelijk", "nog-steeds-fout")
        assert "klopt niet" in page.get_by_role("alert").inner_text()
    # Five failures: the sixth attempt is refused even with the right password.
    _log_in(page, base, "landelijk", PASSWORD)
    assert page.get_by_role("alert").inner_text() == (
        "Te veel mislukte pogingen. Probeer het over een kwartier opnieuw."
    )
    assert page.url.startswith(f"{base}/inloggen/")
    assert page.locator(".site-header__user").count() == 0


def _base_week(make_user: Callable[[str], Any]) -> None:
    from regietafel.imports.services import import_submit

    base = import_submit(
        actor=make_user("coa"),
        kind="locaties",
        week="2021-W44",
        file_name="locaties-w44.csv",
        content=_csv(BASE_ROWS),
    )
    assert base.status == "verwerkt", base.errors


def test_valid_upload_changes_the_figures_and_keeps_versions(
    login: Callable[[str], Any],
    live_server: Any,
    make_user: Callable[[str], Any],
    tmp_path: Path,
) -> None:
    _base_week(make_user)
    base = live_server.url
    page = login("coa")
    caption = "Opvang per provincie in week 2021-W45"

    page.goto(f"{base}/opvang/locaties/?week=2021-W45")
    assert page.get_by_text("Voor deze week is geen nieuwe levering ontvangen").is_visible()
    assert page.get_by_role("link", name="NH-NOOD").count() == 0
    # Locaties, capaciteit, bezetting, structureel, tijdelijk.
    assert _cells(page, caption, "Noord-Holland") == ["1", "600", "550", "600", "0"]
    assert _cells(page, caption, "Nederland") == ["2", "1.000", "930", "600", "400"]

    _upload(
        page,
        base,
        tmp_path,
        name="locaties-w45.csv",
        content=_csv([*BASE_ROWS, NEW_ROW]),
        week="2021-W45",
    )
    assert re.search(r"/imports/\d+/$", page.url)
    first_url = page.url
    assert page.locator("h1").inner_text() == "Opvanglocaties 2021-W45 · versie 1"
    facts = page.locator("dl.facts").inner_text()
    assert "verwerkt" in facts
    assert "Verwerkt: 3 rijen opgeslagen." in page.locator("main").inner_text()

    page.goto(f"{base}/opvang/locaties/?week=2021-W45")
    assert page.get_by_role("link", name="NH-NOOD").is_visible()
    row = page.locator("tr", has=page.get_by_role("link", name="NH-NOOD"))
    assert "Noodopvang Spaarnwoude" in row.inner_text()
    assert "Haarlem" in row.inner_text()
    assert _cells(page, caption, "Noord-Holland") == ["2", "850", "670", "600", "250"]
    assert _cells(page, caption, "Groningen") == ["1", "400", "380", "0", "400"]
    assert _cells(page, caption, "Nederland") == ["3", "1.250", "1.050", "600", "650"]

    # A correction: the emergency location holds 200 people, not 120.
    corrected = NEW_ROW.replace(";120;", ";200;")
    _upload(
        page,
        base,
        tmp_path,
        name="locaties-w45-v2.csv",
        content=_csv([*BASE_ROWS, corrected]),
        week="2021-W45",
    )
    assert page.locator("h1").inner_text() == "Opvanglocaties 2021-W45 · versie 2"
    assert page.get_by_role("link", name="vorige versie (1)").is_visible()
    page.goto(f"{base}/opvang/locaties/?week=2021-W45")
    assert _cells(page, caption, "Noord-Holland") == ["2", "850", "750", "600", "250"]

    page.goto(first_url)
    assert page.locator("h1").inner_text() == "Opvanglocaties 2021-W45 · versie 1"
    assert "locaties-w45.csv" in page.locator("dl.facts").inner_text()


INVALID_ROWS = [
    # row 2: unknown municipality code
    "X-1;Onbekend;GM9999;regulier;100;50;2020-01-01;;Straat 1",
    # row 3: unknown location type
    "X-2;Vreemd;GM0363;kasteel;100;50;2020-01-01;;Straat 2",
    # row 4: capacity not a whole number
    "X-3;Halve;GM0363;regulier;veel;50;2020-01-01;;Straat 3",
    # row 5: start date unreadable
    "X-4;Datum;GM0363;regulier;100;50;31-31-2020;;Straat 4",
    # row 6: occupancy above capacity
    "X-5;Vol;GM0363;regulier;100;150;2020-01-01;;Straat 5",
    # row 7: duplicate location code
    "X-1;Dubbel;GM0363;regulier;100;50;2020-01-01;;Straat 6",
]


def test_invalid_upload_lists_every_error_and_changes_nothing(
    login: Callable[[str], Any],
    live_server: Any,
    make_user: Callable[[str], Any],
    tmp_path: Path,
) -> None:
    _base_week(make_user)
    base = live_server.url
    page = login("coa")
    page.goto(f"{base}/opvang/locaties/?week=2021-W45")
    before = page.locator("main table").all_inner_texts()

    _upload(page, base, tmp_path, name="fout.csv", content=_csv(INVALID_ROWS), week="2021-W45")
    alert = page.get_by_role("alert").inner_text()
    assert alert.startswith("Geweigerd: het bestand bevat")
    assert "Er is niets verwerkt" in alert
    table = page.locator("table", has=page.locator("caption", has_text="Alle fouten"))
    rows = [
        [cell.strip() for cell in row.locator("td").all_inner_texts()]
        for row in table.locator("tbody tr").all()
    ]
    assert all(row[0] == "fout.csv" for row in rows)
    by_place = {(row[1], row[2]): row[3] for row in rows}
    assert {row for row, _column in by_place} >= {"2", "3", "4", "5", "6", "7"}
    assert "GM9999" in by_place[("2", "gemeentecode")]
    assert "kasteel" in by_place[("3", "soort")]
    assert ("4", "capaciteit") in by_place
    assert ("5", "startdatum") in by_place
    assert any(row == "6" for row, _column in by_place)
    assert any(row == "7" and column == "locatiecode" for row, column in by_place)
    assert len(rows) >= 6
    # Every message is Dutch prose, not a Python exception.
    assert not any("Error" in message or "Traceback" in message for message in by_place.values())

    page.goto(f"{base}/opvang/locaties/?week=2021-W45")
    assert page.locator("main table").all_inner_texts() == before


def test_province_user_refused_other_provinces_location(
    login: Callable[[str], Any], live_server: Any, make_user: Callable[[str], Any]
) -> None:
    _base_week(make_user)
    base = live_server.url
    page = login("provincie")

    response = page.goto(f"{base}/opvang/locaties/GR-AZC/?week=2021-W44")
    assert response.status == 403
    assert page.locator("h1").inner_text() == "Geen toegang"
    assert "Deze locatie ligt in een andere provincie." in page.locator("main").inner_text()
    assert "Zuiderweg" not in page.content()

    response = page.goto(f"{base}/opvang/locaties/NH-AZC/?week=2021-W44")
    assert response.status == 200
    assert "Azc Dijkweg" in page.locator("h1").inner_text()


def test_audit_trail_shows_the_imports(
    login: Callable[[str], Any],
    live_server: Any,
    page: Any,
    tmp_path: Path,
) -> None:
    base = live_server.url
    login("coa")
    _upload(
        page, base, tmp_path, name="goed.csv", content=_csv([*BASE_ROWS, NEW_ROW]), week="2021-W45"
    )
    assert "versie 1" in page.locator("h1").inner_text()
    _upload(page, base, tmp_path, name="fout.csv", content=_csv(INVALID_ROWS), week="2021-W45")
    assert page.get_by_role("alert").inner_text().startswith("Geweigerd")
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(f"{base}/inloggen/")

    login("beheerder")
    page.get_by_role("link", name="Audittrail").click()
    assert page.locator("h1").inner_text() == "Audittrail"
    rows = [
        [cell.strip() for cell in row.locator("td").all_inner_texts()]
        for row in page.locator("main table tbody tr").all()
    ]
    # Columns: time, user, action, kind, id, summary.
    imports = [row[1:] for row in rows if row[3] == "import"]
    assert ["coa", "geïmporteerd", "import"] in [row[:3] for row in imports], rows
    assert ["coa", "geweigerd", "import"] in [row[:3] for row in imports], rows
    summaries = {row[1]: row[4] for row in imports}
    assert summaries["geïmporteerd"] == "Opvanglocaties 2021-W45 versie 1: 3 rijen"
    assert summaries["geweigerd"].startswith("Opvanglocaties 2021-W45 geweigerd: ")
    assert len(imports) == 2
