"""Taakstelling pages: setting via the form, progress classes, scoping of pages and CSV."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from typing import Any

import pytest

from regietafel.audit.models import AuditEntry
from regietafel.core.rules import ScheduleClass
from regietafel.taakstelling.models import TaakstellingEntry, TaakstellingPeriod
from regietafel.taakstelling.selectors import progress
from regietafel.taakstelling.services import taakstelling_set
from tests.factories import realisation

pytestmark = pytest.mark.django_db

Client = Callable[[str | None], Any]


def _csv(response: Any) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_landelijk_sets_a_period_via_the_form(client_as: Client) -> None:
    client = client_as("landelijk")
    page = client.get("/taakstelling/")
    assert 'action="/taakstelling/vaststellen/"' in page.content.decode()
    response = client.post(
        "/taakstelling/vaststellen/",
        {"period": "2021-ii", "national_total": "11000", "method": "hamilton", "source": "Stcrt"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/taakstelling/2021-II/"
    period = TaakstellingPeriod.objects.get(label="2021-II")
    assert period.set_by is not None
    assert period.set_by.username == "landelijk"
    assert AuditEntry.objects.filter(object_id=str(period.pk)).count() == 1

    again = client.post(
        "/taakstelling/vaststellen/",
        {"period": "2021-II", "national_total": "5", "method": "hamilton"},
    )
    assert again.status_code == 400
    assert "niet overschreven" in again.content.decode()
    bad = client.post("/taakstelling/vaststellen/", {"period": "2021-III", "national_total": "5"})
    assert bad.status_code == 400
    assert "onbekende periode" in bad.content.decode()


@pytest.mark.parametrize("key", ["provincie", "coa", "beheerder"])
def test_only_landelijk_may_set(client_as: Client, key: str) -> None:
    client = client_as(key)
    assert client.get("/taakstelling/vaststellen/").status_code == 403
    response = client.post(
        "/taakstelling/vaststellen/", {"period": "2021-II", "national_total": "11000"}
    )
    assert response.status_code == 403
    assert not TaakstellingPeriod.objects.exists()
    assert (
        'action="/taakstelling/vaststellen/"' not in client.get("/taakstelling/").content.decode()
    )


def _small_period() -> TaakstellingPeriod:
    """2021-II with hand-set corrected tasks for three Groningen municipalities."""
    period = taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    for code, corrected in {"GM0014": 60, "GM0037": 12, "GM0047": 30}.items():
        TaakstellingEntry.objects.filter(period=period, municipality_code=code).update(
            corrected=corrected
        )
    return period


def test_progress_classes_hand_computed(make_user: Callable[[str], Any]) -> None:
    _small_period()
    # An older version of the same week and an earlier week are ignored.
    realisation("2021-W40", "2021-II", {"GM0014": ("PV20", 1)}, version=1)
    realisation("2021-W44", "2021-II", {"GM0014": ("PV20", 2)}, version=1)
    realisation(
        "2021-W44",
        "2021-II",
        {"GM0014": ("PV20", 30), "GM0037": ("PV20", 4), "GM0047": ("PV20", 11)},
        version=2,
    )
    realisation("2021-W46", "2021-II", {"GM0014": ("PV20", 99)}, version=1)
    # 2021-W45 starts Monday 8 November: July-October, 4 months elapsed.
    view = progress(user=make_user("landelijk"), label="2021-II", week="2021-W45")
    assert view.months_elapsed == 4
    rows = {r.code: r for r in view.municipalities}
    # Groningen: expected 60*4/6 = 40; 30 >= 0.75*40 = 30: somewhat behind.
    assert rows["GM0014"].housed == 30
    assert rows["GM0014"].expected == 40
    assert rows["GM0014"].schedule is ScheduleClass.SOMEWHAT_BEHIND
    # Het Hogeland: expected 8; 4 < 6: far behind.
    assert rows["GM0037"].schedule is ScheduleClass.FAR_BEHIND
    # Oldambt: expected 20; 11 < 15: far behind; remaining 19, 36.7 %.
    assert rows["GM0047"].remaining == 19
    assert rows["GM0047"].percentage == pytest.approx(36.67, abs=0.01)
    # Elsewhere nothing housed yet.
    assert rows["GM0363"].housed == 0
    groningen = next(p for p in view.provinces if p.code == "PV20")
    assert groningen.total.row.housed == 45
    assert view.national.row.housed == 45
    assert sum(p.total.row.corrected for p in view.provinces) == view.national.row.corrected


def test_csv_gives_the_core_s_plain_numbers_not_its_own_rounding(client_as: Client) -> None:
    _small_period()
    realisation("2021-W44", "2021-II", {"GM0047": ("PV20", 11)})
    rows = _csv(client_as("landelijk").get("/taakstelling/2021-II/?week=2021-W45&formaat=csv"))
    header = rows[0]
    oldambt = next(row for row in rows if row[0] == "GM0047")
    # Oldambt: 11 housed of a corrected 30 is 36,666… %, expected 30 × 4 / 6 = 20. The view
    # wrote 36.7: a second rounding rule beside the page's.
    assert float(oldambt[header.index("percentage")]) == pytest.approx(110 / 3, abs=1e-9)
    assert float(oldambt[header.index("verwacht")]) == 20


def test_province_user_sees_only_own_municipalities_and_csv(client_as: Client) -> None:
    _small_period()
    realisation("2021-W44", "2021-II", {"GM0014": ("PV20", 30), "GM0363": ("PV27", 100)})
    client = client_as("provincie")  # Noord-Holland
    page = client.get("/taakstelling/2021-II/?week=2021-W45")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Amsterdam" in body
    assert "Groningen" in body  # as a province aggregate
    assert "GM0014" not in body
    assert "enigszins achter bij minder dan dat maar ten minste 75 % ervan" in body
    assert "aanname zonder gepubliceerde bron" in body

    rows = _csv(client.get("/taakstelling/2021-II/?week=2021-W45&formaat=csv"))
    assert rows[0][:3] == ["gemeentecode", "gemeente", "provincie"]
    assert {row[2] for row in rows[1:]} == {"PV27"}
    amsterdam = next(row for row in rows if row[0] == "GM0363")
    assert amsterdam[6] == "100"
    assert len(rows) - 1 == TaakstellingEntry.objects.filter(province_code="PV27").count()

    assert client.get("/taakstelling/2021-II/?provincie=PV20").status_code == 403
    landelijk = _csv(client_as("landelijk").get("/taakstelling/2021-II/?formaat=csv"))
    assert len(landelijk) - 1 == 352


def test_detail_bad_week_is_a_dutch_message(client_as: Client) -> None:
    _small_period()
    response = client_as("landelijk").get("/taakstelling/2021-II/?week=vorige")
    assert response.status_code == 400
    assert "onbekende week" in response.content.decode()
    assert client_as("landelijk").get("/taakstelling/2030-I/").status_code == 404


def test_home_shows_key_figures(client_as: Client) -> None:
    assert "geen kerncijfers" in client_as("provincie").get("/").content.decode()
    _small_period()
    realisation("2021-W44", "2021-II", {"GM0014": ("PV20", 30), "GM0363": ("PV27", 1234)})
    body = client_as("provincie").get("/").content.decode()
    assert "Overzicht, week 2021-W44" in body
    assert "Taakstelling 2021-II: 4 van de 6 maanden verstreken." in body
    assert "1.264" in body  # national housed, Dutch thousands separator
    assert "Noord-Holland" in body
    assert "1.234" in body


def test_configured_threshold_changes_classes_and_text(client_as: Client, settings: Any) -> None:
    """The page states the share the table chose for "somewhat behind"."""
    settings.REGIETAFEL_ENIGSZINS_ACHTER = "50"
    _small_period()
    realisation("2021-W40", "2021-II", {"GM0014": ("PV20", 15)})
    client = client_as("landelijk")
    body = client.get("/taakstelling/2021-II/?week=2021-W40").content.decode()
    assert "ten minste 50 % ervan" in body


def test_a_closed_period_keeps_its_last_count(make_user: Callable[[str], Any]) -> None:
    """After 2021-II ends, the delivery of 2022-W02 reports on 2022-I only; read as of that
    week, 2021-II keeps the count of its last report (2021-W52, version 2: 30 + 4 = 34),
    not 0 from a delivery that says nothing about it (found in a browser check: a closed
    period showed 0 housed, every municipality far behind). While a period runs, the week's
    own delivery counts, and one that says nothing about the period gives no count."""
    _small_period()
    realisation("2021-W52", "2021-II", {"GM0014": ("PV20", 20)}, version=1)
    realisation("2021-W52", "2021-II", {"GM0014": ("PV20", 30), "GM0037": ("PV20", 4)},
                version=2)  # fmt: skip
    realisation("2022-W02", "2022-I", {"GM0014": ("PV20", 3)}, version=1)
    user = make_user("landelijk")
    closed = progress(user=user, label="2021-II", week="2022-W02")
    assert closed.realisation is not None
    assert (closed.realisation.week, closed.realisation.version) == ("2021-W52", 2)
    assert closed.national.row.housed == 34
    running = progress(user=user, label="2021-II", week="2021-W52")
    assert running.national.row.housed == 34
    realisation("2021-W48", "2022-I", {"GM0014": ("PV20", 1)}, version=1)  # wrong period
    early = progress(user=user, label="2021-II", week="2021-W49")
    assert early.realisation is None
    assert early.national.row.housed is None  # unknown, not 0 from the wrong period's rows


def _cells(body: str, header: str) -> list[str]:
    """The cells of the table row whose header starts with ``header``, tags stripped."""
    match = re.search(rf'<tr>\s*<th scope="row">{header}.*?</th>(.*?)</tr>', body, re.S)
    assert match is not None, header
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(
        r"<td[^>]*>(.*?)</td>", match.group(1), re.S
    )]  # fmt: skip


def test_without_a_realisation_housed_is_unknown_not_zero(client_as: Client) -> None:
    """No delivery up to 2021-W40 reports on 2021-II: housed is None in every row, and every
    surface shows it as unknown: "geen gegevens", "onbekend", an empty CSV cell. With 0 in
    its place every municipality was "ver achter" (a number in the place of no data)."""
    _small_period()
    client = client_as("landelijk")
    body = client.get("/taakstelling/2021-II/?week=2021-W40").content.decode()
    assert "geen realisatie gemeld: gehuisvest, percentage en schema zijn onbekend" in body
    assert "telt als 0" not in body
    # No municipality or province is in a class: no coloured badge at all, "onbekend" instead.
    assert 'class="badge status--' not in body
    assert '<span class="badge muted">onbekend</span>' in body
    # Groningen (task 147, corrected set to 60, three months: expected 30): the task side known,
    # housed, remaining, arrears on schedule and percentage unknown (was 0, 60 and 0,0 %).
    # 2021-I was never set here, so the carried arrears are unknown as well (were 0).
    assert _cells(body, "Groningen <span") == [
        "147", "geen gegevens", "60", "geen gegevens", "geen gegevens", "30,0", "geen gegevens",
        "geen gegevens", "onbekend",
    ]  # fmt: skip
    # The province row: housed, remaining, percentage, class and the counts per class.
    province = _cells(body, '<a href="/provincies/PV20/')
    assert province[1:] == ["geen gegevens"] * 3 + ["onbekend"] + ["geen gegevens"] * 3
    behind = client.get("/taakstelling/2021-II/?week=2021-W40&achter=1").content.decode()
    assert "Wie achter loopt is onbekend" in behind
    assert "gemeenten lopen achter" not in behind  # not "0 gemeenten lopen achter"
    rows = _csv(client.get("/taakstelling/2021-II/?week=2021-W40&formaat=csv"))
    header = rows[0]
    groningen = next(r for r in rows if r[0] == "GM0014")
    for column in ("gehuisvest", "resterend", "percentage", "schema"):
        assert groningen[header.index(column)] == "", column
    assert groningen[header.index("gecorrigeerde_taakstelling")] == "60"
    assert groningen[header.index("verwacht")] == "30.0"
    provinces = _csv(
        client.get("/taakstelling/2021-II/?week=2021-W40&tabel=provincies&formaat=csv")
    )
    columns = ["gehuisvest", "resterend", "percentage", "schema", "gemeenten_ver_achter"]
    for column in columns:
        assert provinces[1][provinces[0].index(column)] == "", column
    province_page = client.get("/provincies/PV20/?week=2021-W40").content.decode()
    assert "geen realisatie gemeld: gehuisvest, percentage en schema zijn onbekend" in province_page
    assert 'class="badge status--' not in province_page
    assert _cells(province_page, "Groningen <span")[3] == "geen gegevens"
    province_csv = _csv(
        client.get("/provincies/PV20/?week=2021-W40&tabel=taakstelling&formaat=csv")
    )
    assert next(r for r in province_csv if r[0] == "GM0014")[6] == ""
    municipality = client.get("/gemeenten/GM0014/").content.decode()
    assert "geen realisatie gemeld" in municipality
    assert 'class="badge status--' not in municipality
    # Its CSV says which half year and stand each row is (three periods were three
    # unlabelled rows; found in the browser check).
    history = _csv(client.get("/gemeenten/GM0014/?formaat=csv"))
    assert history[0][:3] == ["periode", "stand_week", "gemeentecode"]
    assert history[1][:3] == ["2021-II", "2021-W52", "GM0014"]
    for column in ("gehuisvest", "resterend", "percentage", "schema"):
        assert history[1][history[0].index(column)] == "", column
    listed = client.get("/gemeenten/?provincie=PV20").content.decode()
    # arrears: 2021-I was never set here, so unknown
    assert _cells(listed, '<a href="/gemeenten/GM0014/"')[3:] == [
        "60", "geen gegevens", "geen gegevens", "geen gegevens", "onbekend"
    ]  # fmt: skip
    # With a delivery the numbers are there again.
    realisation("2021-W40", "2021-II", {"GM0014": ("PV20", 7)})
    known = client.get("/taakstelling/2021-II/?week=2021-W40").content.decode()
    assert "Voortgang per provincie" in known
    # 7 of 60 housed, 30 expected: 7 < 0,75 x 30, far behind; a municipality absent from the
    # delivery housed nobody (a delivery lists every municipality).
    assert _cells(known, "Groningen <span") == [
        "147", "geen gegevens", "60", "7", "53", "30,0", "23", "11,7\u00a0%", "ver achter"
    ]  # fmt: skip
    assert _cells(known, "Stadskanaal <span")[3:5] == ["0", "12"]
    rows = _csv(client.get("/taakstelling/2021-II/?week=2021-W40&formaat=csv"))
    by_code = {r[0]: r for r in rows[1:]}
    assert by_code["GM0014"][rows[0].index("gehuisvest")] == "7"
    assert by_code["GM0014"][rows[0].index("schema")] == "ver achter"


def test_who_is_behind_shows_and_sorts_on_the_arrears_on_schedule(
    client_as: Client, make_user: Callable[[str], Any]
) -> None:
    """The "who is behind" table was sorted on arrears on schedule with the arrow on
    "Gemeente" and without that column; its total (verwacht − gehuisvest) then disagreed with
    the card, which rounds up per municipality. Hand-computed for 4 months of 2021-II:
    Groningen 60 → ⌈40⌉ − 30 = 10, Het Hogeland 12 → 8 − 4 = 4, Oldambt 30 → 20 − 11 = 9."""
    from regietafel.core.catalogue import definition
    from regietafel.core.periods import IsoWeek
    from regietafel.kerncijfers.selectors import figures_for

    _small_period()
    realisation(
        "2021-W44",
        "2021-II",
        {"GM0014": ("PV20", 30), "GM0037": ("PV20", 4), "GM0047": ("PV20", 11)},
    )
    client = client_as("landelijk")
    page = client.get("/taakstelling/2021-II/?week=2021-W45&achter=1").content.decode()
    sorted_on = re.search(r'aria-sort="descending"><a class="sort" href="[^"]*">([^<]*)<', page)
    assert sorted_on is not None
    assert sorted_on.group(1) == "Achter op schema"
    rows = _csv(client.get("/taakstelling/2021-II/?week=2021-W45&achter=1&formaat=csv"))
    header = rows[0]
    column = header.index("achter_op_schema")
    arrears = {r[0]: int(r[column]) for r in rows[1:]}
    assert (arrears["GM0014"], arrears["GM0037"], arrears["GM0047"]) == (10, 4, 9)
    values = [int(r[column]) for r in rows[1:]]
    assert values == sorted(values, reverse=True)  # largest first, as the column says
    # The table's total is the card's figure: the same sum over every municipality behind.
    national = figures_for(user=make_user("landelijk"), week=IsoWeek.parse("2021-W45"))
    card = definition("achterstand_op_schema").value(national)
    assert card == sum(values)
    total = re.search(r"<tfoot>(.*?)</tfoot>", page, re.S)
    assert total is not None
    cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", total.group(1))]
    assert cells[6] == f"{card:,}".replace(",", ".")  # after "Verwacht"


def test_the_period_page_says_where_its_arrears_come_from(client_as: Client) -> None:
    """2021-I set without 2020-II carries no arrears: the card's 0 said nothing about why.
    The page now gives the reason recorded when the period was set."""
    taakstelling_set(actor=None, period="2021-I", national_total=13_500)
    period = TaakstellingPeriod.objects.get(label="2021-I")
    assert period.arrears_source == "geen achterstand meegenomen (2020-II is niet vastgesteld)"
    page = client_as("landelijk").get("/taakstelling/2021-I/?week=2021-W10").content.decode()
    assert "geen achterstand meegenomen (2020-II is niet vastgesteld)" in page
