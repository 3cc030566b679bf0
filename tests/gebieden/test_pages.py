"""Province and municipality pages: public aggregates for all, detail only where allowed."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from typing import Any

import pytest

from regietafel import reference
from regietafel.taakstelling.services import taakstelling_set
from tests.factories import realisation

pytestmark = pytest.mark.django_db

Client = Callable[[str | None], Any]


def _csv(response: Any) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_provinces_list_for_everyone(client_as: Client) -> None:
    page = client_as("provincie").get("/provincies/")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'href="/provincies/PV27/"' in body
    assert 'href="/provincies/PV20/"' not in body  # aggregates only
    rows = _csv(client_as("provincie").get("/provincies/?formaat=csv"))
    assert rows[0] == ["provinciecode", "provincie", "inwoners", "gemeenten"]
    assert len(rows) == 13
    assert sum(int(r[3]) for r in rows[1:]) >= 342


def test_province_detail_permissions(client_as: Client) -> None:
    client = client_as("provincie")
    assert client.get("/provincies/PV20/").status_code == 403
    own = client.get("/provincies/PV27/")
    assert own.status_code == 200
    assert "Amsterdam" in own.content.decode()
    assert client_as("provincie_andere").get("/provincies/PV20/").status_code == 200
    assert client_as("landelijk").get("/provincies/PV20/").status_code == 200
    assert client_as("landelijk").get("/provincies/PV99/").status_code == 404
    assert client_as(None).get("/provincies/PV27/").status_code == 302


def test_province_detail_with_progress_and_csv(client_as: Client) -> None:
    taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    realisation("2021-W52", "2021-II", {"GM0014": ("PV20", 1)})
    client = client_as("provincie_andere")  # Groningen
    body = client.get("/provincies/PV20/").content.decode()
    assert "Taakstelling 2021-II" in body
    assert "Voortgang taakstelling per gemeente" in body
    progress = _csv(client.get("/provincies/PV20/?tabel=taakstelling&formaat=csv"))
    assert {row[2] for row in progress[1:]} == {"PV20"}
    municipalities = _csv(client.get("/provincies/PV20/?formaat=csv"))
    assert ["GM0014", "Groningen"] in [row[:2] for row in municipalities]
    assert {row[0] for row in municipalities[1:]} >= {"GM1979", "GM0037"}


def test_municipalities_filter_and_csv(client_as: Client) -> None:
    client = client_as("provincie")
    everything = client.get("/gemeenten/").content.decode()
    assert "Groningen" in everything
    assert "Amsterdam" in everything
    rows = _csv(client.get("/gemeenten/?provincie=PV20&formaat=csv"))
    assert rows[0] == ["gemeentecode", "gemeente", "provinciecode", "provincie", "inwoners"]
    assert {row[2] for row in rows[1:]} == {"PV20"}
    bad = client.get("/gemeenten/?provincie=Atlantis")
    assert bad.status_code == 400
    assert "onbekende provincie" in bad.content.decode()


def _figure(body: str, label: str) -> int:
    """The whole number on the card labelled ``label`` (Dutch thousands separator)."""
    match = re.search(
        rf'figure__label">{re.escape(label)}</span><span class="figure__value">([0-9.]+)</span>',
        body,
    )
    assert match is not None, f"no card {label!r}"
    return int(match.group(1).replace(".", ""))


def _province_user(code: str) -> Any:
    from regietafel.accounts.models import User

    user, _ = User.objects.get_or_create(
        username=f"prt-{code}", defaults={"role": "provincie", "province_code": code}
    )
    return user


def test_every_province_page_shows_that_province_for_every_role(client_as: Client) -> None:
    """Regression: national roles saw Groningen's cards on every province's page."""
    from django.test import Client as DjangoClient

    period = taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    expected = {
        code: sum(period.entries.filter(province_code=code).values_list("corrected", flat=True))
        for code in (p.code for p in reference.provinces())
    }
    # 2021-II without arrears: the province totals are the shares of 11.000 and all differ.
    assert sum(expected.values()) == 11_000
    assert len(set(expected.values())) == 12
    national = {key: client_as(key) for key in ("landelijk", "coa", "beheerder")}
    province_clients = {}
    for code in expected:
        client = DjangoClient()
        client.force_login(_province_user(code))
        province_clients[code] = client
    for code, corrected in expected.items():
        for key, client in national.items():
            page = client.get(f"/provincies/{code}/")
            assert page.status_code == 200, (key, code)
            assert _figure(page.content.decode(), "Gecorrigeerde taakstelling") == corrected, (
                key,
                code,
            )
        for user_code, client in province_clients.items():
            page = client.get(f"/provincies/{code}/")
            if user_code == code:
                assert page.status_code == 200
                assert _figure(page.content.decode(), "Gecorrigeerde taakstelling") == corrected
            else:
                assert page.status_code == 403, (user_code, code)


def test_province_page_lists_municipalities_of_the_period_division(client_as: Client) -> None:
    """Regression: the list followed today's division, not that of the period shown."""
    period = taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    client = client_as("landelijk")
    body = client.get("/provincies/PV27/").content.decode()
    # Beemster (GM0370) joined Purmerend on 1 January 2022: it is in the 2021 division.
    assert "Beemster" in body
    assert "Gemeenten in Noord-Holland op 1 januari 2021" in body
    listed = [row[0] for row in _csv(client.get("/provincies/PV27/?formaat=csv"))[1:]]
    in_period = list(
        period.entries.filter(province_code="PV27")
        .order_by("municipality_code")
        .values_list("municipality_code", flat=True)
    )
    assert sorted(listed) == in_period
    assert "GM0370" in listed


def test_province_list_and_pages_read_the_same_division(client_as: Client) -> None:
    """With taakstelling 2021-II (CBS population of 1 January 2021) the list showed 2025's
    inhabitants (Groningen 603.256) where the province page showed 2021's (586.937): one
    reference date now, the taakstelling's, on every area page."""
    taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    rows = _csv(client_as("landelijk").get("/provincies/?formaat=csv"))
    groningen = next(r for r in rows if r[0] == "PV20")
    assert groningen[2] == "586937"
    page = client_as("landelijk").get("/provincies/").content.decode()
    assert "1 januari 2021" in page
    assert "586.937" in page


def test_a_province_page_shows_the_chosen_weeks_period(client_as: Client) -> None:
    """``?week=`` shows the taakstelling period holding that week, at that week; without it
    the newest period (it ignored the week and showed a period not yet begun; found in the
    browser check). A week outside every stored period shows none, and a bad week is a
    Dutch 400."""
    taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    realisation("2021-W52", "2021-II", {"GM0014": ("PV20", 3)})
    taakstelling_set(actor=None, period="2022-I", national_total=12_000)
    client = client_as("provincie_andere")  # Groningen
    newest = client.get("/provincies/PV20/").content.decode()
    assert "Taakstelling 2022-I" in newest
    chosen = client.get("/provincies/PV20/?week=2021-W52").content.decode()
    assert "Taakstelling 2021-II, stand week 2021-W52" in chosen
    assert "week=2021-W52" in chosen  # the CSV link keeps the week
    rows = _csv(client.get("/provincies/PV20/?tabel=taakstelling&formaat=csv&week=2021-W52"))
    by_code = {r[0]: r for r in rows[1:]}
    assert by_code["GM0014"][rows[0].index("gehuisvest")] == "3"
    outside = client.get("/provincies/PV20/?week=2020-W10").content.decode()
    assert "Taakstelling 2021-II" not in outside
    assert "Taakstelling 2022-I" not in outside
    assert client.get("/provincies/PV20/?week=2021-W99").status_code == 400


def test_municipality_pages_follow_the_chosen_week_as_the_province_page(
    client_as: Client,
) -> None:
    """The municipalities list and a municipality page showed the newest period at its
    newest stand whatever ``?week=`` said, beside a province page that follows the week
    (found in a browser check). 2021-II has a delivery in W40 (2 housed in Groningen city)
    and W52 (3); 2022-I is set but has not begun in 2021-W40."""
    taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    realisation("2021-W40", "2021-II", {"GM0014": ("PV20", 2)})
    realisation("2021-W52", "2021-II", {"GM0014": ("PV20", 3)})
    taakstelling_set(actor=None, period="2022-I", national_total=12_000)
    client = client_as("provincie_andere")  # Groningen
    listed = client.get("/gemeenten/?week=2021-W40&provincie=PV20").content.decode()
    assert "2021-II" in listed
    assert "2022-I" not in listed
    assert "/gemeenten/GM0014/?week=2021-W40" in listed  # the link keeps the week
    detail = client.get("/gemeenten/GM0014/?week=2021-W40").content.decode()
    assert "?week=2021-W40&amp;formaat=csv" in detail  # its download is of the same week
    assert "2022-I" not in detail  # not begun in the chosen week
    assert "2021-W40" in detail
    assert "2021-W52" not in detail  # the stand of the chosen week, not a later one
    rows = _csv(client.get("/gemeenten/GM0014/?week=2021-W40&formaat=csv"))
    header, (row,) = rows[0], rows[1:]
    assert (row[header.index("periode")], row[header.index("stand_week")]) == (
        "2021-II",
        "2021-W40",
    )
    assert row[header.index("gehuisvest")] == "2"
    newest = _csv(client.get("/gemeenten/GM0014/?formaat=csv"))
    assert [r[0] for r in newest[1:]] == ["2022-I", "2021-II"]  # without a week: all, newest first
    province = client.get("/provincies/PV20/?week=2021-W40").content.decode()
    assert "/gemeenten/GM0014/?week=2021-W40" in province
    # The map's links too (they went to the newest period; found in a browser check).
    assert 'href="/gemeenten/GM0014/"' not in province
    assert 'href="/gemeenten/GM0014/"' not in listed
    assert client.get("/gemeenten/?week=2021-W99").status_code == 400


def test_a_period_begun_after_the_weeks_monday_is_not_yet_shown(client_as: Client) -> None:
    """2021-II begins on Thursday 1 July, in week 2021-W26 (Monday 28 June): the province page
    of W26 shows 2021-I (the period holding the Monday), so the municipality page of W26
    must not list 2021-II as well (found in the second browser check)."""
    taakstelling_set(actor=None, period="2021-I", national_total=13_500)
    realisation("2021-W26", "2021-I", {"GM0014": ("PV20", 4)})
    taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    client = client_as("provincie_andere")  # Groningen
    province = client.get("/provincies/PV20/?week=2021-W26").content.decode()
    assert "Taakstelling 2021-I" in province
    rows = _csv(client.get("/gemeenten/GM0014/?week=2021-W26&formaat=csv"))
    assert [r[0] for r in rows[1:]] == ["2021-I"]
    later = _csv(client.get("/gemeenten/GM0014/?week=2021-W27&formaat=csv"))
    assert [r[0] for r in later[1:]] == ["2021-II", "2021-I"]


def test_the_taakstelling_table_of_a_province_user_names_the_province(client_as: Client) -> None:
    """The cards of the taakstelling page are national; a province user's municipality table
    holds only the own province, and its heading says so (the totals differed without a word;
    found in the final browser check)."""
    taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    realisation("2021-W52", "2021-II", {"GM0014": ("PV20", 3)})
    body = client_as("provincie_andere").get("/taakstelling/2021-II/?week=2021-W52")
    assert "Per gemeente in Groningen" in body.content.decode()
    national = client_as("landelijk").get("/taakstelling/2021-II/?week=2021-W52").content.decode()
    assert "Per gemeente</h2>" in national


def test_province_fair_share_reads_as_the_key_figure(
    client_as: Client, make_user: Callable[[str], Any]
) -> None:
    """The province page wrote the fair share with a decimal (1.150,9) where the reception
    picture and the CLI write the key figure (1.151): one figure, one notation."""
    from regietafel.core.catalogue import definition
    from regietafel.core.periods import IsoWeek
    from regietafel.kerncijfers.selectors import figures_for
    from tests.opvangbeeld.factories import standard_register

    standard_register()
    figure = definition("evenredig_deel_reguliere_behoefte")
    figures = figures_for(user=make_user("landelijk"), week=IsoWeek.parse("2021-W45"), scope="PV27")
    value = figure.value(figures)
    assert value is not None
    page = client_as("landelijk").get("/provincies/PV27/?week=2021-W45").content.decode()
    shown = re.search(r"Evenredig deel van de reguliere behoefte</dt><dd>([^<]*)</dd>", page)
    assert shown is not None
    assert shown.group(1) == figure.text(value)
