"""Small-cell suppression: a province with one confidential AMV location does not give its
occupancy away through a total, on the picture, the API, the CLI, the report or the locations
page; COA still sees every number."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from regietafel.cli.main import main
from regietafel.core.periods import IsoWeek
from regietafel.kerncijfers.selectors import figures_for
from regietafel.rapportage.collect import report_data_collect
from tests.opvangbeeld.factories import Loc, make_register

pytestmark = pytest.mark.django_db

W45 = IsoWeek.parse("2021-W45")
SECRET = 37  # the one Groningen AMV location's residents: nowhere for lrt and prt
START = date(2020, 1, 1)

# Groningen: regular 300 (public) and ONE confidential AMV location with 37 residents.
# Noord-Holland: regular 450 and four confidential AMV locations (10 + 11 + 12 + 13 = 46).
# The nation holds five confidential locations, so it is published; Groningen (1) needs a
# partner and the only other province with AMV, Noord-Holland, is hidden with it.
REGISTER = [
    Loc("G-REG", "PV20", "GM0014", "regulier", 400, 300, START),
    Loc("G-AMV", "PV20", "GM0014", "amv", 50, SECRET, START, confidential=True),
    Loc("N-REG", "PV27", "GM0363", "regulier", 500, 450, START),
    *(
        Loc(f"N-AMV{i}", "PV27", "GM0363", "amv", 50, 10 + i, START, confidential=True)
        for i in range(4)
    ),
]
GRONINGEN_OCCUPANCY = 300 + SECRET
NATIONAL_OCCUPANCY = 300 + SECRET + 450 + 46


@pytest.fixture
def register() -> None:
    make_register("2021-W45", REGISTER)


def _api_figures(client: Any, scope: str) -> dict[str, dict[str, Any]]:
    body = client.get(f"/api/v1/kerncijfers/?week=2021-W45&scope={scope}").json()
    return {f["code"]: f for f in body["kerncijfers"]}


@pytest.mark.parametrize("role", ["landelijk", "provincie_andere"])
def test_api_hides_the_province_total_over_one_amv_location(
    register: None, client_as: Callable[[str | None], Any], role: str
) -> None:
    figures = _api_figures(client_as(role), "PV20")
    occupancy = figures["bezetting_nu"]
    assert occupancy["waarde"] is None
    assert occupancy["afgeschermd"] is True
    assert figures["tekort_kort"]["afgeschermd"] is True
    assert figures["capaciteit_nu"]["waarde"] == 450  # capacity is public
    assert figures["capaciteit_nu"]["afgeschermd"] is False
    aggregates = client_as(role).get("/api/v1/opvang-per-provincie/?week=2021-W45").json()
    rows = {r["provincie"]: r for r in aggregates["results"]}
    assert rows["PV20"]["bezetting"] is None
    assert rows["PV20"]["bezetting_afgeschermd"] is True
    assert rows["PV27"]["bezetting"] is None  # the complementary partner


def test_the_nation_is_published_and_cannot_be_subtracted_to_one_location(
    register: None, client_as: Callable[[str | None], Any]
) -> None:
    national = _api_figures(client_as("landelijk"), "NL")
    assert national["bezetting_nu"]["waarde"] == NATIONAL_OCCUPANCY


def test_coa_still_sees_every_number(
    register: None, client_as: Callable[[str | None], Any]
) -> None:
    figures = _api_figures(client_as("coa"), "PV20")
    assert figures["bezetting_nu"]["waarde"] == GRONINGEN_OCCUPANCY
    assert figures["bezetting_nu"]["afgeschermd"] is False
    page = client_as("coa").get("/opvangbeeld/PV20/?week=2021-W45").content.decode()
    assert "afgeschermd" not in page


@pytest.mark.parametrize("role", ["landelijk", "provincie_andere"])
def test_picture_page_and_csv_say_afgeschermd(
    register: None, client_as: Callable[[str | None], Any], role: str
) -> None:
    client = client_as(role)
    page = client.get("/opvangbeeld/PV20/?week=2021-W45").content.decode()
    assert "afgeschermd" in page
    text = re.sub(r"<svg.*?</svg>", "", page, flags=re.S)
    assert ">337<" not in text  # 300 + 37
    csv = client.get("/opvangbeeld/PV20/?week=2021-W45&formaat=csv&tabel=behoefte").content
    amv_rows = [line for line in csv.decode().splitlines() if "AMV" in line]
    assert amv_rows
    assert all("afgeschermd" in line for line in amv_rows)
    assert all(f",{SECRET}," not in line for line in amv_rows)
    national = client.get("/opvangbeeld/?week=2021-W45&formaat=csv&tabel=provincies").content
    groningen = next(line for line in national.decode().splitlines() if "Groningen" in line)
    assert "afgeschermd" in groningen
    locations = client.get("/opvang/locaties/?week=2021-W45").content.decode()
    assert "afgeschermd" in locations
    # The national row: five confidential locations, published (as on the overview).
    assert f'<td class="num">{NATIONAL_OCCUPANCY}</td>' in locations


def test_cli_kerncijfers_are_afgeschermd(register: None, capsys: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr("regietafel.cli.webcommands.django_setup", lambda: None)
    assert main(["kerncijfers", "--week", "2021-W45", "--provincie", "Groningen"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith("bezetting_nu"))
    assert "afgeschermd" in line
    assert "337" not in line


def test_province_report_is_afgeschermd(register: None) -> None:
    data = report_data_collect(week=W45, scope="PV20")
    occupancy = next(f for f in data.key_figures if f.key == "bezetting_nu")
    assert occupancy.suppressed
    assert occupancy.value is None
    amv = [g for g in data.gaps if g.category == "amv"]
    assert amv
    assert all(g.suppressed and g.need is None and g.occupancy_used is None for g in amv)
    assert data.timeline is not None
    assert data.timeline.need is None
    groningen = next(p for p in data.province_capacity if p.code == "PV20")
    assert groningen.occupancy is None
    assert groningen.occupancy_suppressed


def test_read_model_keeps_the_true_numbers_for_coa(
    register: None, make_user: Callable[[str], Any]
) -> None:
    coa = figures_for(user=make_user("coa"), week=W45, scope="PV20")
    lrt = figures_for(user=make_user("landelijk"), week=W45, scope="PV20")
    assert coa.reception is not None
    assert lrt.reception is not None
    assert coa.reception.occupancy_now == GRONINGEN_OCCUPANCY
    assert not coa.reception.suppressed
    assert lrt.reception.totals_suppressed


def test_cli_kerncijfers_say_last_week_was_afgeschermd_too(capsys: Any, monkeypatch: Any) -> None:
    """Both weeks hold the one Groningen AMV location: last week's occupancy is afgeschermd
    as well, not "geen gegevens" (which read as if COA delivered nothing)."""
    make_register("2021-W44", REGISTER)
    make_register("2021-W45", REGISTER)
    monkeypatch.setattr("regietafel.cli.webcommands.django_setup", lambda: None)
    argv = ["kerncijfers", "--week", "2021-W45", "--provincie", "Groningen", "--formaat", "csv"]
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    header = lines[0].split(",")

    def row_of(code: str) -> dict[str, str]:
        line = next(x for x in lines if x.startswith(code))
        return dict(zip(header, line.split(","), strict=True))

    row = row_of("bezetting_nu")
    assert (row["waarde"], row["vorige_week"]) == ("afgeschermd", "afgeschermd")
    # No change can be given, and why: afgeschermd (an empty cell read as "geen gegevens").
    assert row["verandering"] == "afgeschermd"
    capacity = row_of("capaciteit_nu")
    assert capacity["vorige_week"] == "450"  # 400 + 50: capacity is never afgeschermd


def test_api_says_last_week_was_afgeschermd(client_as: Callable[[str | None], Any]) -> None:
    """The API's vorige_week null meant "no data" and "afgeschermd" alike; the flag says which."""
    make_register("2021-W44", REGISTER)
    make_register("2021-W45", REGISTER)
    figures = _api_figures(client_as("landelijk"), "PV20")
    occupancy = figures["bezetting_nu"]
    assert (occupancy["vorige_week"], occupancy["vorige_week_afgeschermd"]) == (None, True)
    capacity = figures["capaciteit_nu"]
    assert (capacity["vorige_week"], capacity["vorige_week_afgeschermd"]) == (450, False)
    coa = _api_figures(client_as("coa"), "PV20")["bezetting_nu"]
    assert (coa["vorige_week"], coa["vorige_week_afgeschermd"]) == (GRONINGEN_OCCUPANCY, False)


def test_need_chart_leaves_out_an_empty_kind_and_says_which_is_afgeschermd(
    register: None, client_as: Callable[[str | None], Any]
) -> None:
    """Groningen has no sober reception and its AMV need is afgeschermd: the chart drew a
    panel of zeros for sober and dropped AMV without a word. Now sober is left out and a
    caption names AMV as afgeschermd; COA sees AMV drawn."""
    page = client_as("landelijk").get("/opvangbeeld/PV20/?week=2021-W45").content.decode()
    charts = re.findall(r'<figure class="chart" tabindex="0">(.*?)</figure>', page, re.S)
    need = next(c for c in charts if "Behoefte en capaciteit per horizon" in c)
    assert "sobere opvang" not in need
    assert "reguliere opvang" in need
    assert "Niet getekend, want afgeschermd (één of twee vertrouwelijke locaties): AMV-opvang" in (
        need
    )
    coa = client_as("coa").get("/opvangbeeld/PV20/?week=2021-W45").content.decode()
    coa_need = next(
        c
        for c in re.findall(r'<figure class="chart" tabindex="0">(.*?)</figure>', coa, re.S)
        if "Behoefte en capaciteit per horizon" in c
    )
    assert "AMV-opvang" in coa_need
    assert "Niet getekend" not in coa_need
