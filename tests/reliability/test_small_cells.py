"""Small-cell suppression: a province with one confidential AMV location does not give its
occupancy away through a total, on the picture, the API, the CLI, the report or the locations
page; COA still sees every number."""

from __future__ import annotations

import json
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
    assert (
        "Niet getekend, want afgeschermd (ter bescherming van één of twee vertrouwelijke "
        "locaties): AMV-opvang" in need
    )
    coa = client_as("coa").get("/opvangbeeld/PV20/?week=2021-W45").content.decode()
    coa_need = next(
        c
        for c in re.findall(r'<figure class="chart" tabindex="0">(.*?)</figure>', coa, re.S)
        if "Behoefte en capaciteit per horizon" in c
    )
    assert "AMV-opvang" in coa_need
    assert "Niet getekend" not in coa_need


# Afgeschermd with its reason, from one place (core.confidentiality), on every surface.

HIDDEN_AMV = (
    "De behoefte aan AMV-opvang is afgeschermd (ter bescherming van één of twee "
    "vertrouwelijke locaties): wat daarvoor nodig is, staat niet op deze lijst."
)
REASON_AMV = (
    "Telt de bezetting van AMV-opvang mee en zou zo die van één of twee vertrouwelijke "
    "locaties prijsgeven."
)


def _cli(capsys: Any, monkeypatch: Any, *argv: str) -> str:
    monkeypatch.setattr("regietafel.cli.webcommands.django_setup", lambda: None)
    assert main([*argv]) == 0
    return str(capsys.readouterr().out)


def test_the_shopping_list_api_and_page_say_why_amv_is_missing(
    register: None, client_as: Callable[[str | None], Any]
) -> None:
    client = client_as("landelijk")
    body = client.get("/api/v1/boodschappenlijst/?week=2021-W45&scope=PV20").json()
    assert body["afgeschermd"] == ["AMV-opvang"]
    assert body["afgeschermd_toelichting"] == HIDDEN_AMV
    assert HIDDEN_AMV in client.get("/boodschappenlijst/?week=2021-W45&scope=PV20").content.decode()
    # The page's CSV left the AMV items out without a word: now a row says it.
    csv = client.get("/boodschappenlijst/?week=2021-W45&scope=PV20&formaat=csv").content.decode()
    assert "afgeschermd-amv,AMV-locaties" in csv
    assert HIDDEN_AMV in csv
    coa = client_as("coa").get("/api/v1/boodschappenlijst/?week=2021-W45&scope=PV20").json()
    assert (coa["afgeschermd"], coa["afgeschermd_toelichting"]) == ([], None)


def test_cli_shopping_list_says_why_amv_is_missing(
    register: None, capsys: Any, monkeypatch: Any
) -> None:
    """`regietafel boodschappenlijst --provincie PV20` dropped the AMV items silently in every
    format; the command line reads with national rights, so AMV is afgeschermd there."""
    argv = ("boodschappenlijst", "--week", "2021-W45", "--provincie", "PV20")
    table = _cli(capsys, monkeypatch, *argv)
    line = next(x for x in table.splitlines() if x.startswith("afgeschermd-amv"))
    assert HIDDEN_AMV in line
    assert line.rstrip().endswith("afgeschermd")  # the count reads as the word
    csv = _cli(capsys, monkeypatch, *argv, "--formaat", "csv").splitlines()
    row = next(x for x in csv if x.startswith("afgeschermd-amv"))
    assert row == f'afgeschermd-amv,AMV-locaties,"{HIDDEN_AMV}",afgeschermd,,,,,,'
    document = json.loads(_cli(capsys, monkeypatch, *argv, "--formaat", "json"))
    hidden = [r for r in document["boodschappenlijst"] if r["sleutel"] == "afgeschermd-amv"]
    assert hidden == [
        {
            "sleutel": "afgeschermd-amv",
            "categorie": "AMV-locaties",
            "actie": HIDDEN_AMV,
            "aantal": None,  # a number or null, as in the API: never the word
            "eenheid": "",
            "deadline": None,
            "partij": "",
            "met": "",
            "status": "",
            "toelichting": "",
            "afgeschermd": ["aantal"],
        }
    ]
    assert all(r["afgeschermd"] == [] for r in document["boodschappenlijst"] if r is not hidden[0])


def test_cli_json_gives_null_and_the_flags_of_the_api(
    register: None, capsys: Any, monkeypatch: Any, client_as: Callable[[str | None], Any]
) -> None:
    """The CLI's JSON wrote "afgeschermd" in number fields; the API has null with a flag
    (kerncijfers) or the row's list (opvangbeeld). Now the command line follows the API."""
    argv = ("kerncijfers", "--week", "2021-W45", "--provincie", "PV20", "--formaat", "json")
    document = json.loads(_cli(capsys, monkeypatch, *argv))
    rows = {r["code"]: r for r in document["kerncijfers"]}
    api = _api_figures(client_as("landelijk"), "PV20")
    for code, row in rows.items():
        for key in ("waarde", "afgeschermd", "vorige_week", "vorige_week_afgeschermd"):
            assert row[key] == api[code][key], (code, key)
    assert (rows["bezetting_nu"]["waarde"], rows["bezetting_nu"]["afgeschermd"]) == (None, True)
    assert rows["bezetting_nu"]["verandering"] is None
    assert rows["capaciteit_nu"]["waarde"] == 450
    assert any(REASON_AMV in note for note in document["toelichting"])
    argv = ("opvang", "--week", "2021-W45", "--provincie", "PV20", "--formaat", "json")
    picture = json.loads(_cli(capsys, monkeypatch, *argv))
    amv = [r for r in picture["behoefte"] if r["categorie"] == "AMV-opvang"]
    assert amv
    for row in amv:
        assert row["bezetting"] is None
        assert row["afgeschermd"] == [
            "bezetting",
            "buffer",
            "behoefte",
            "tekort",
            "tekort_locaties",
        ]
        assert row["capaciteit"] == 50
    api_need = client_as("landelijk").get("/api/v1/opvangbeeld/?week=2021-W45&provincie=PV20")
    assert api_need.json()["behoefte"] == picture["behoefte"]
    assert "afgeschermd" not in json.dumps(picture["capaciteit"]).replace('"afgeschermd": []', "")


def test_kerncijfers_api_and_cards_say_why(
    register: None, client_as: Callable[[str | None], Any]
) -> None:
    """Only "afgeschermd: true" and the word on the card: now the reason goes with it. For
    Noord-Holland, a partner (four confidential locations of its own), the reason holds too:
    it would give Groningen's back with the national total."""
    figures = _api_figures(client_as("landelijk"), "PV20")
    assert figures["bezetting_nu"]["afgeschermd_toelichting"] == REASON_AMV
    assert figures["capaciteit_nu"]["afgeschermd_toelichting"] is None
    partner = _api_figures(client_as("landelijk"), "PV27")
    assert partner["bezetting_nu"]["afgeschermd_toelichting"] == REASON_AMV
    coa = _api_figures(client_as("coa"), "PV20")
    assert coa["bezetting_nu"]["afgeschermd_toelichting"] is None
    picture = client_as("landelijk").get("/opvangbeeld/PV20/?week=2021-W45").content.decode()
    card = re.search(r'<li class="figure" data-kerncijfer="bezetting_nu">(.*?)</li>', picture, re.S)
    assert card is not None
    assert "afgeschermd" in card.group(1)
    assert REASON_AMV in card.group(1)
    # The overview of a PRT user: Noord-Holland's cards beside the national ones.
    home = client_as("provincie").get("/?week=2021-W45").content.decode()
    cards = re.findall(r'<li class="figure" data-kerncijfer="\w+">(.*?)</li>', home, re.S)
    hidden = [body for body in cards if 'figure__value">afgeschermd<' in body]
    assert hidden
    assert all(REASON_AMV in body for body in hidden)
    assert not any(REASON_AMV in body for body in cards if body not in hidden)


def test_province_report_says_why_amv_is_missing(register: None) -> None:
    """The report's boodschappenlijstje (web, PDF, Excel) left the AMV items out silently."""
    from io import BytesIO

    from openpyxl import load_workbook

    from regietafel.rapportage.render.html import ReportMeta, render_print_html
    from regietafel.rapportage.render.xlsx import render_xlsx

    data = report_data_collect(week=W45, scope="PV20")
    assert (data.shopping_note, data.shopping_hidden) == (HIDDEN_AMV, ("AMV-locaties",))
    meta = ReportMeta(1, None, "rapportage")
    printed = render_print_html(data, meta)  # the PDF's HTML, the web page's body
    section = printed.split('id="boodschappen"')[1].split("</section>")[0]
    assert HIDDEN_AMV in section
    book = load_workbook(BytesIO(render_xlsx(data, meta)))
    rows = list(book["boodschappenlijstje"].iter_rows(values_only=True))
    assert (HIDDEN_AMV, "AMV-locaties", "afgeschermd") in [r[:3] for r in rows]
    national = report_data_collect(week=W45, scope="NL")
    assert (national.shopping_note, national.shopping_hidden) == ("", ())
