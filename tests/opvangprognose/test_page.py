"""The Prognose page per role, its form, its downloads and its cache."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from regietafel.core import forecast
from regietafel.opvangprognose import selectors
from regietafel.prognose import cache as runs

pytestmark = pytest.mark.django_db

URL = "/prognose/?week=2021-W45"


@pytest.fixture(autouse=True)
def _small_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fewer paths keep these tests quick; the page shows the count it used."""
    monkeypatch.setattr(runs, "WEB_PATHS", 500)
    selectors.cache_clear()


def test_national_page_has_fans_tables_backtest_and_buffers(
    client_as: Callable[[str | None], Any],
) -> None:
    body = client_as("landelijk").get(URL).content.decode()
    assert "Prognose opvang Nederland — scenario midden" in body
    assert "500 paden (seed 2021)" in body
    assert "Gegevens bekend vóór 8 november 2021" in body
    assert body.count('role="img"') >= 4  # three fans and the buffer chart
    for table in ("weken", "backtest", "peildata", "bufferbeleid", "doelkansen", "parameters"):
        assert f'id="tabel-{table}"' in body, table
    assert "vaste buffer van 417 plekken (LRT voorjaar 2021)" in body
    assert "bestellen tot 90e percentiel" in body
    assert "MAPE %" in body
    assert "dekking 80%-band %" in body
    assert "dekking 80%-band geijkt %" in body


def test_province_user_sees_own_province_and_national_only(
    client_as: Callable[[str | None], Any],
) -> None:
    client = client_as("provincie")
    own = client.get(URL + "&provincie=PV27")
    assert own.status_code == 200
    body = own.content.decode()
    assert "Prognose opvang Noord-Holland" in body
    assert '<option value="PV27" selected>Noord-Holland</option>' in body
    assert 'value="PV20"' not in body  # another province is not offered ...
    assert client.get(URL + "&provincie=PV20").status_code == 403  # ... nor shown
    assert "alleen landelijk voorspeld" in body


def test_national_user_may_choose_every_province(client_as: Callable[[str | None], Any]) -> None:
    body = client_as("coa").get(URL).content.decode()
    assert body.count('<option value="PV') == 12


def test_copy_and_edit_a_scenario(client_as: Callable[[str | None], Any]) -> None:
    client = client_as("landelijk")
    body = client.get(URL + "&scenario=hoog&instroom=1,1&huisvesting=1&onzekerheid=0").content
    text = body.decode()
    assert "scenario eigen variant van hoge instroom" in text
    assert "kopie van hoog met instroom × 1,1, huisvesting × 1, onzekerheid × 0" in text
    # Unchanged factors keep the named scenario.
    same = client.get(URL + "&scenario=hoog&instroom=1.25&huisvesting=1&onzekerheid=1").content
    assert "scenario hoge instroom" in same.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("&instroom=9", "Instroomfactor moet tussen 0,1 en 5 liggen."),
        ("&onzekerheid=veel", "'veel' is geen getal; schrijf bijvoorbeeld 1,25."),
        ("&scenario=extreem", "Scenario:"),
        ("&beleid=onbekend", "Behoeftebeleid:"),
        ("&provincie=Atlantis", "Atlantis"),
    ],
)
def test_bad_input_is_a_dutch_400(
    client_as: Callable[[str | None], Any], query: str, message: str
) -> None:
    response = client_as("landelijk").get(URL + query)
    assert response.status_code == 400
    assert message in html.unescape(response.content.decode())


def test_week_table_as_csv(client_as: Callable[[str | None], Any]) -> None:
    response = client_as("landelijk").get(URL + "&formaat=csv&tabel=weken")
    assert response["Content-Disposition"] == 'attachment; filename="prognose-NL-midden-weken.csv"'
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("week,bezetting_p025,bezetting_p10,bezetting_p50")
    assert len(lines) == 1 + 104
    assert lines[1].startswith("2021-11-08,")


def test_a_run_is_computed_once_per_key() -> None:
    scenario = forecast.SCENARIOS["laag"]
    first = runs.cached_run(scenario, date(2021, 11, 8))
    assert runs.cached_run(scenario, date(2021, 11, 8)) is first
    assert runs.cached_run(scenario, date(2021, 11, 15)) is not first


def test_target_chance_from_the_paths(client_as: Callable[[str | None], Any]) -> None:
    from regietafel.doelen.models import Target
    from regietafel.kerncijfers.selectors import cache_clear
    from tests.opvang.factories import locations_week45

    locations_week45()
    cache_clear()
    Target.objects.create(
        title="600 extra plaatsen", category="regulier", unit="places", quantity=600,
        start=date(2021, 10, 1), deadline=date(2022, 6, 30),
    )  # fmt: skip
    Target.objects.create(
        title="ver weg", category="regulier", unit="places", quantity=10,
        start=date(2021, 10, 1), deadline=date(2030, 6, 30),
    )  # fmt: skip
    body = client_as("landelijk").get(URL).content.decode()
    assert "600 extra plaatsen" in body
    assert "deadline buiten de prognose" in body
