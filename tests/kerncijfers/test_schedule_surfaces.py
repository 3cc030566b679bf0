"""The schedule of the taakstelling on every surface: months elapsed counted to the day the
realisation in use holds (``core.taakstelling.schedule_day``), not to the week's Monday.

Hand-computed on Groningen (PV20) in 2021-II with corrected tasks Groningen 60, Het Hogeland
12, Oldambt 30 and 0 for its other municipalities (102 together). Deliveries:

- week 30 (26 July - 1 August, state of 1 August): 10, 1, 4 housed;
- week 43 (25-31 October, state of 1 October): 30, 6, 15;
- week 48 (29 November - 5 December, state of 1 December): 50, 9, 25.

Counted from the Monday, week 30 was 0 months (everyone on schedule) while week 31 was 1;
week 48 compared the count of 1 December with the target of 1 November (4 months, 68); week
45, which still reads week 43's delivery (1 October), compared it with 4 months instead of 3.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest

from regietafel.core.catalogue import BY_CODE
from regietafel.core.periods import IsoWeek
from regietafel.kerncijfers.selectors import figures_for
from regietafel.rapportage.services import report_publish
from regietafel.taakstelling.models import TaakstellingEntry
from regietafel.taakstelling.selectors import progress
from regietafel.taakstelling.services import taakstelling_set
from tests.factories import realisation

pytestmark = pytest.mark.django_db

Client = Callable[[str | None], Any]

CORRECTED = {"GM0014": 60, "GM0037": 12, "GM0047": 30}


@pytest.fixture
def groningen() -> int:
    """2021-II with the corrected tasks above and the three deliveries; returns how many
    municipalities Groningen has in the period's division."""
    period = taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    entries = TaakstellingEntry.objects.filter(period=period, province_code="PV20")
    entries.update(corrected=0)
    for code, corrected in CORRECTED.items():
        entries.filter(municipality_code=code).update(corrected=corrected)
    for week, housed in {
        "2021-W30": (10, 1, 4),
        "2021-W43": (30, 6, 15),
        "2021-W48": (50, 9, 25),
    }.items():
        realisation(
            week,
            "2021-II",
            {code: ("PV20", n) for code, n in zip(CORRECTED, housed, strict=True)},
        )
    return entries.count()


# week: months, expected, arrears on schedule, somewhat behind, far behind.
HAND = {
    # 1 month: expected 10, 2, 5; Het Hogeland 1 (< 1,5: far), Oldambt 4 (>= 3,75: somewhat).
    "2021-W30": (1, 17, 2, 1, 1),
    # Week 31 still reads week 30's delivery: the same day, the same figures.
    "2021-W31": (1, 17, 2, 1, 1),
    # Week 45 reads week 43's delivery (1 October): 3 months, 30, 6, 15 expected and housed.
    "2021-W45": (3, 51, 0, 0, 0),
    # Week 48's own delivery (1 December): 5 months, 50, 10, 25; Het Hogeland 9 (>= 7,5).
    "2021-W48": (5, 85, 1, 1, 0),
}


@pytest.mark.parametrize("week", sorted(HAND))
def test_figures_count_months_to_the_day_of_the_realisation(
    groningen: int, week: str, make_user: Callable[[str], Any]
) -> None:
    months, expected, arrears, somewhat, far = HAND[week]
    figures = figures_for(user=make_user("landelijk"), week=IsoWeek.parse(week), scope="PV20")
    assert figures.housing is not None
    assert figures.housing.months_elapsed == months
    value = {d.code: d.value(figures) for d in BY_CODE.values() if d.applies_to(figures)}
    assert value["verwacht_gehuisvest"] == expected
    assert value["achterstand_op_schema"] == arrears
    assert value["gemeenten_enigszins_achter"] == somewhat
    assert value["gemeenten_ver_achter"] == far
    assert value["gemeenten_op_schema"] == groningen - somewhat - far
    # The taakstelling page's progress reads the same day.
    view = progress(user=make_user("landelijk"), label="2021-II", week=week, province="PV20")
    assert view.months_elapsed == months
    assert view.schedule_day == figures.housing.schedule_day
    total = view.province_total("PV20")
    assert (total.schedule_arrears, total.somewhat_behind, total.far_behind) == (
        arrears,
        somewhat,
        far,
    )


def test_api_cli_page_and_report_agree_on_week_48(
    groningen: int,
    client_as: Client,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Week 48: the API said 68 (4 months) where the forecast counted housed to 1 December."""
    client = client_as("landelijk")
    api = client.get("/api/v1/kerncijfers/?week=2021-W48&scope=PV20").json()
    by_code = {entry["code"]: entry["waarde"] for entry in api["kerncijfers"]}
    assert by_code["verwacht_gehuisvest"] == 85

    from regietafel.cli.main import main

    monkeypatch.setattr("regietafel.cli.webcommands.django_setup", lambda: None)
    argv = ["kerncijfers", "--week", "2021-W48", "--provincie", "PV20", "--formaat", "csv"]
    assert main(argv) == 0
    rows = {r["code"]: r["waarde"] for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert rows["verwacht_gehuisvest"] == "85"

    page = client.get("/taakstelling/2021-II/?week=2021-W48&provincie=PV20").content.decode()
    assert "gehuisvest en verwacht gelden voor 1 december 2021, 5 van 6 maanden" in page
    assert "Schema (5 van 6 maanden verstreken)" in page

    report = report_publish(actor=None, week="2021-W48", scope="PV20")
    assert report.report_data().taakstelling.months_elapsed == 5
