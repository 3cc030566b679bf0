"""The overview compares each key figure with last week and with a chosen earlier week."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from tests.opvangbeeld.factories import STANDARD, make_register

pytestmark = pytest.mark.django_db


def _card(body: str, code: str) -> str:
    match = re.search(rf'data-kerncijfer="{code}">(.*?)</li>', body, re.S)
    assert match is not None, code
    return match.group(1)


def test_change_since_the_previous_meeting_beside_last_week(
    client_as: Callable[[str | None], Any],
) -> None:
    """Capacity: 850 in week 40 (without location B), 1.050 in weeks 44 and 45 (with B's 200)."""
    make_register("2021-W40", [loc for loc in STANDARD if loc.code != "B"])
    make_register("2021-W44", STANDARD)
    make_register("2021-W45", STANDARD)
    body = client_as("landelijk").get("/?week=2021-W45&sinds=2021-W40").content.decode()
    card = _card(body, "capaciteit_nu")
    assert '<span class="figure__value">1.050</span>' in card
    assert "gelijk aan vorige week" in card
    assert (
        '<span class="figure__note" data-sinds="2021-W40">+200 t.o.v. week 2021-W40</span>' in card
    )
    # Without a chosen week there is no second comparison.
    plain = _card(client_as("landelijk").get("/?week=2021-W45").content.decode(), "capaciteit_nu")
    assert "data-sinds" not in plain


def test_a_comparison_week_without_data_says_so(
    client_as: Callable[[str | None], Any],
) -> None:
    """2020-W10 has no register and no taakstelling: the page says there is nothing to compare
    with (it used to show no comparison and no word why)."""
    make_register("2021-W44", STANDARD)
    make_register("2021-W45", STANDARD)
    body = client_as("landelijk").get("/?week=2021-W45&sinds=2020-W10").content.decode()
    assert "Week 2020-W10 heeft geen gegevens" in body
    with_data = client_as("landelijk").get("/?week=2021-W45&sinds=2021-W44").content.decode()
    assert "heeft geen gegevens" not in with_data


def test_a_comparison_week_after_the_shown_week_is_refused(
    client_as: Callable[[str | None], Any],
) -> None:
    response = client_as("landelijk").get("/?week=2021-W45&sinds=2021-W46")
    assert response.status_code == 400
    assert "vóór de getoonde week" in response.content.decode()


def test_each_figure_has_its_trend_explanation_and_page(
    client_as: Callable[[str | None], Any],
) -> None:
    make_register("2021-W40", [loc for loc in STANDARD if loc.code != "B"])
    make_register("2021-W45", STANDARD)
    body = client_as("landelijk").get("/?week=2021-W45").content.decode()
    card = _card(body, "capaciteit_nu")
    # The trend of 52 weeks (2020 has a week 53): 850 from W40, 1.050 in W45, 46 gaps; ahead
    # the contracted capacity of 13 weeks (B's last day 27 February 2022 is after 2022-W06).
    assert (
        'aria-label="Capaciteit nu, 2020-W47 tot en met 2021-W45: van 850 in 2021-W40 naar '
        "1.050 in 2021-W45; laagste 850, hoogste 1.050; 46 weken zonder gegevens; verwacht "
        '1.050 in 2022-W06"' in card
    )
    assert "<polyline" in card
    assert 'stroke-dasharray="3 2"' in card  # the projection, dashed after the last week
    assert "Plaatsen in alle opvanglocaties die op de maandag van de week open zijn" in card
    assert 'href="/opvangbeeld/?week=2021-W45"' in card
    assert 'href="/begrippen/#capaciteit_nu"' in card
    # Reception as the meeting asks for it: every horizon, AMV and sober locations, closures.
    for code in (
        "tekort_kort",
        "tekort_middellang",
        "tekort_lang",
        "amv_locaties_nodig_kort",
        "sobere_locaties_nodig_kort",
        "sluitingen_zonder_opvolger",
        "plaatsen_in_sluitingen",
    ):
        assert f'data-kerncijfer="{code}"' in body, code
    # Without a taakstelling there is no housing section and no "who is behind" link.
    assert 'data-vraag="achter"' not in body
    assert 'href="/boodschappenlijst/?week=2021-W45&amp;scope=NL"' in body


def test_province_user_sees_own_province_beside_the_nation(
    client_as: Callable[[str | None], Any],
) -> None:
    make_register("2021-W45", STANDARD)
    body = client_as("provincie").get("/?week=2021-W45").content.decode()
    own = body.index('data-scope="PV27"')
    national = body.index('data-scope="NL"')
    assert own < national
    # Noord-Holland: A 500 + B 200.
    assert re.search(
        r'data-scope="PV27">.*?data-kerncijfer="capaciteit_nu">.*?'
        r'<span class="figure__value">700</span>',
        body,
        re.S,
    )
    assert 'href="/opvangbeeld/PV27/?week=2021-W45"' in body
    assert 'data-acties="PV27"' in body or "Geen open acties" in body


def test_who_is_behind_lists_only_municipalities_behind_largest_arrears_first(
    client_as: Callable[[str | None], Any],
) -> None:
    from tests.factories import realisation
    from tests.taakstelling.test_pages import _small_period

    _small_period()
    make_register("2021-W45", STANDARD)
    realisation(
        "2021-W44",
        "2021-II",
        {"GM0014": ("PV20", 30), "GM0037": ("PV20", 4), "GM0047": ("PV20", 11)},
    )
    client = client_as("landelijk")
    home = client.get("/?week=2021-W45").content.decode()
    link = re.search(r'<a href="([^"]+)" data-vraag="achter">', home)
    assert link is not None
    url = link.group(1).replace("&amp;", "&")
    assert url == "/taakstelling/2021-II/?week=2021-W45&achter=1#gemeenten"
    page = client.get(url.split("#")[0] + "&provincie=PV20").content.decode()
    rows = re.findall(r'<span class="muted">(GM\d{4})</span>', page.split('id="gemeenten"')[1])
    # Hand-computed arrears on schedule (4 of 6 months, expected rounded up):
    # Groningen 40 - 30 = 10, Oldambt 20 - 11 = 9, Het Hogeland 8 - 4 = 4.
    assert rows.index("GM0014") < rows.index("GM0047") < rows.index("GM0037")
    assert len(rows) == len(set(rows))
    assert "Gemeenten achter op schema" in page


def test_targets_show_what_they_gained_since_last_week_and_the_chosen_week(
    client_as: Callable[[str | None], Any], make_user: Callable[[str], Any]
) -> None:
    """600 places from 1 October 2021: B (200, opened 1 June) does not count; a location E of
    250 regular places opened on 20 October counts from week 43 (Monday 25 October) on."""
    from datetime import date

    from regietafel.doelen.services import target_create
    from tests.opvangbeeld.factories import Loc

    new = Loc("E", "PV27", "GM0363", "regulier", 250, 0, date(2021, 10, 20))
    make_register("2021-W40", STANDARD)
    make_register("2021-W43", [*STANDARD, new])
    target_create(
        actor=make_user("landelijk"),
        title="600 extra opvangplekken",
        category="regulier",
        unit="places",
        quantity=600,
        start=date(2021, 10, 1),
        deadline=date(2021, 12, 1),
    )
    body = client_as("landelijk").get("/?week=2021-W43&sinds=2021-W40").content.decode()
    row = re.search(r'<li data-doel="\d+">(.*?)</li>', body, re.S)
    assert row is not None
    assert "250 van 600 bereikt" in row.group(1)
    assert "+250 t.o.v. vorige week; +250 t.o.v. week 2021-W40" in row.group(1)
    later = client_as("landelijk").get("/?week=2021-W45").content.decode()
    row = re.search(r'<li data-doel="\d+">(.*?)</li>', later, re.S)
    assert row is not None
    assert "gelijk aan vorige week" in row.group(1)


def test_arrears_of_a_first_period_are_unknown_not_zero_and_the_page_says_why(
    client_as: Callable[[str | None], Any],
) -> None:
    """2021-II set while 2021-I was never set here: nothing was carried over, so the card
    of the carried arrears says "geen gegevens" and the page names the reason (it read 0,
    as if no municipality had been behind). The corrected task is the task: 11.000.
    The API gives null for the same figure."""
    from regietafel.taakstelling.services import taakstelling_set
    from tests.factories import realisation

    taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    realisation("2021-W44", "2021-II", {"GM0014": ("PV20", 30)})
    make_register("2021-W45", STANDARD)
    client = client_as("landelijk")
    body = client.get("/?week=2021-W45").content.decode()
    assert '<span class="figure__value">geen gegevens</span>' in _card(
        body, "achterstand_meegenomen"
    )
    assert '<span class="figure__value">11.000</span>' in _card(body, "gecorrigeerde_taakstelling")
    assert "Geen achterstand meegenomen (2021-I is niet vastgesteld)." in body
    figures = client.get("/api/v1/kerncijfers/?week=2021-W45").json()
    value = {f["code"]: f["waarde"] for f in figures["kerncijfers"]}
    assert value["achterstand_meegenomen"] is None
    assert value["gecorrigeerde_taakstelling"] == 11_000
    entries = client.get("/api/v1/taakstelling/2021-II/").json()
    assert {e["achterstand"] for e in entries["results"]} == {None}
    assert {p["achterstand"] for p in entries["provincies"]} == {None}


def test_a_figure_without_data_last_week_says_so(
    client_as: Callable[[str | None], Any],
) -> None:
    """2021-W45 is the first week with a register: the note beside each figure was blank,
    which read as no change; now it says last week had no data."""
    make_register("2021-W45", STANDARD)
    body = client_as("landelijk").get("/?week=2021-W45").content.decode()
    card = _card(body, "capaciteit_nu")
    assert '<span class="figure__value">1.050</span>' in card
    assert '<span class="figure__note">geen gegevens vorige week</span>' in card


def test_the_note_tells_afgeschermd_last_week_from_no_data() -> None:
    from regietafel.core.catalogue import FigureChange, definition
    from regietafel.kerncijfers.templatetags.regietafel_figures import figure_change

    occupancy = definition("bezetting_nu")
    assert figure_change(FigureChange(occupancy, 900, 800)) == "+100 t.o.v. vorige week"
    assert figure_change(FigureChange(occupancy, 900, None)) == "geen gegevens vorige week"
    hidden = FigureChange(occupancy, 900, None, earlier_suppressed=True)
    assert figure_change(hidden) == "vorige week afgeschermd"
    # No value this week: the value already says "geen gegevens" or "afgeschermd".
    assert figure_change(FigureChange(occupancy, None, 900)) == ""
    assert figure_change(FigureChange(occupancy, None, None, suppressed=True)) == ""
