"""Measured agreements, the action list (page, CSV, PDF, Word, CLI, API), the shopping-list
button and the annex, over a small hand-checked register.

The target: 600 regular places from 25 October to 30 November 2021 (36 days). Register of
week 45 (Monday 8 November, day 14): location N1 of 200 places opened 1 November, so 200 of
an expected 600 × 14 / 36 = 233 -> "aandacht nodig" (200 ≥ half of 233). Register of week 46
(Monday 15 November, day 21): N1 plus N2 of 150 opened 10 November, 350 of an expected
600 × 21 / 36 = 350 -> "op koers".
"""

from __future__ import annotations

import io
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from regietafel.afspraken import documents
from regietafel.afspraken.selectors import action_list, agreement_states
from regietafel.afspraken.services import agreement_create, agreement_update, meeting_create
from regietafel.cli.main import main
from tests.afspraken.conftest import LRT_AUTUMN, LRT_NOVEMBER
from tests.opvangbeeld.factories import Loc, make_register

pytestmark = pytest.mark.django_db

EXISTING = Loc("A", "PV27", "GM0363", "regulier", 500, 450, date(2020, 1, 1))
N1 = Loc("N1", "PV27", "GM0363", "regulier", 200, 180, date(2021, 11, 1))
N2 = Loc("N2", "PV20", "GM0014", "regulier", 150, 100, date(2021, 11, 10))


@pytest.fixture
def world(agree: Callable[..., Any], national: Any, make_user: Callable[[str], Any]) -> Any:
    from regietafel.doelen.services import target_create

    make_register("2021-W45", [EXISTING, N1])
    make_register("2021-W46", [EXISTING, N1, N2])
    target = target_create(
        actor=national,
        title="600 extra opvangplekken vóór 1 december 2021",
        category="regulier",
        unit="places",
        quantity=600,
        start=LRT_AUTUMN,
        deadline=date(2021, 11, 30),
    )
    measured = agree(text="600 extra opvangplekken", owner_party="coa", target_id=target.pk)
    late = agree(text="Brief aan de Tweede Kamer", deadline=date(2021, 11, 5), agenda_number=2)
    agreement_update(
        actor=national, agreement=late, on=date(2021, 11, 1), status="in-uitvoering", note="Concept"
    )
    nh = make_user("provincie")
    prt = meeting_create(actor=nh, kind="PRT", province_code="PV27", on=date(2021, 11, 1))
    local = agreement_create(
        actor=nh,
        meeting=prt,
        text="Locaties melden",
        owner_party="provincie",
        deadline=LRT_NOVEMBER,
    )
    gr = make_user("provincie_andere")
    prt_gr = meeting_create(actor=gr, kind="PRT", province_code="PV20", on=date(2021, 11, 2))
    other = agreement_create(
        actor=gr, meeting=prt_gr, text="Sobere opvang", owner_party="coa", deadline=LRT_NOVEMBER
    )
    return {"target": target, "measured": measured, "late": late, "nh": local, "gr": other}


def test_measured_progress_follows_the_register_every_week(world: Any, national: Any) -> None:
    number = world["measured"].number
    week45 = {s.number: s for s in agreement_states(user=national, on=date(2021, 11, 8))}
    assert week45[number].progress_text == "200 van 600 plaatsen"
    assert week45[number].health == "aandacht"
    week46 = {s.number: s for s in agreement_states(user=national, on=LRT_NOVEMBER)}
    assert week46[number].progress_text == "350 van 600 plaatsen"
    assert week46[number].health == "op-koers"


def test_action_list_overdue_first_new_and_measured(world: Any, national: Any) -> None:
    listed = action_list(user=national, kind="LRT", on=LRT_NOVEMBER)
    assert [s.number for s in listed.rows] == ["LRT-2021-02", "LRT-2021-01"]
    late, measured = listed.rows
    assert late.overdue
    assert late.health == "risico"
    assert late.new  # made at the previous LRT (25 October)
    assert late.agenda == "2. Provinciale verdeling"
    assert measured.progress_text == "350 van 600 plaatsen"
    assert listed.previous == LRT_AUTUMN


def pdf_text(content: bytes, folder: Path) -> str:
    """The PDF's text in reading order (pdftotext), whitespace folded to single spaces."""
    pdf = folder / "document.pdf"
    pdf.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(text.split())


def test_action_list_pdf_text(world: Any, national: Any, tmp_path: Path) -> None:
    listed = action_list(user=national, kind="LRT", on=LRT_NOVEMBER)
    text = pdf_text(documents.action_list_pdf(listed), tmp_path)
    assert "Actielijst LRT, 15-11-2021" in text
    assert "LRT-2021-02" in text
    assert "350 van 600 plaatsen" in text
    assert "op koers" in text
    assert "verlopen" in text
    assert "pagina 1 van 1" in text
    assert text.index("LRT-2021-02") < text.index("LRT-2021-01")


def _docx_rows(content: bytes) -> list[list[str]]:
    from docx import Document

    document = Document(io.BytesIO(content))
    assert len(document.tables) == 1
    return [[cell.text for cell in row.cells] for row in document.tables[0].rows]


def test_action_list_docx_reopens_with_the_same_rows(world: Any, national: Any) -> None:
    listed = action_list(user=national, kind="LRT", on=LRT_NOVEMBER)
    rows = _docx_rows(documents.action_list_docx(listed))
    assert tuple(rows[0]) == documents.ACTION_HEADERS
    assert rows[1][0] == "LRT-2021-02\nnieuw"
    assert rows[1][3] == "5-11-2021\nverlopen"
    assert rows[1][4] == "in uitvoering\nConcept (1-11-2021)"
    assert rows[2][5] == "350 van 600 plaatsen\nop koers"
    assert rows[2][2] == "COA"


def test_pages_and_downloads(world: Any, client_as: Callable[[str | None], Any]) -> None:
    client = client_as("landelijk")
    base = "/afspraken/actielijst/?overleg=LRT&datum=2021-11-15"
    page = client.get(base).content.decode()
    assert "LRT-2021-02" in page
    assert "350 van 600 plaatsen" in page
    pdf = client.get(base + "&formaat=pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    docx = client.get(base + "&formaat=docx")
    assert 'filename="actielijst-LRT-2021-11-15.docx"' in docx["Content-Disposition"]
    assert _docx_rows(docx.content)[1][0].startswith("LRT-2021-02")
    csv_text = client.get(base + "&formaat=csv").content.decode("utf-8-sig")
    assert csv_text.splitlines()[1].startswith("LRT-2021-02,25-10-2021,2. Provinciale verdeling")
    detail = client.get("/afspraken/LRT-2021-02/").content.decode()
    assert "Concept" in detail


def test_province_user_keeps_own_prt_beside_the_national_agreements(
    world: Any, client_as: Callable[[str | None], Any]
) -> None:
    client = client_as("provincie")
    page = client.get("/afspraken/?datum=2021-11-15").content.decode()
    assert world["nh"].number in page
    assert world["measured"].number in page
    assert world["gr"].number not in page
    assert client.get(f"/afspraken/{world['gr'].number}/").status_code == 403
    assert client.get("/afspraken/actielijst/?overleg=PRT&provincie=PV20").status_code == 403
    api = client.get("/api/v1/afspraken/?datum=2021-11-15").json()
    assert {r["nummer"] for r in api["results"]} == {
        "LRT-2021-01",
        "LRT-2021-02",
        world["nh"].number,
    }
    assert client_as("coa").get(f"/afspraken/{world['gr'].number}/").status_code == 200


def test_api_detail_with_history(world: Any, client_as: Callable[[str | None], Any]) -> None:
    body = client_as("coa").get("/api/v1/afspraken/LRT-2021-02/?datum=2021-11-15").json()
    assert body["verlopen"] is True
    assert body["signaal"] == "risico"
    assert [h["status"] for h in body["geschiedenis"]] == ["open", "in-uitvoering"]
    measured = client_as("coa").get("/api/v1/afspraken/LRT-2021-01/?datum=2021-11-15").json()
    assert (measured["gemeten_behaald"], measured["gemeten_doel"]) == (350, 600)


@pytest.fixture
def no_migrate(monkeypatch: Any) -> None:
    monkeypatch.setattr("regietafel.cli.webcommands.django_setup", lambda: None)


def test_cli_csv_and_docx(world: Any, no_migrate: None, tmp_path: Path, capsys: Any) -> None:
    code = main(["actielijst", "--overleg", "LRT", "--datum", "2021-11-15", "--formaat", "csv"])
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("nummer,datum,agendapunt,afspraak")
    assert [line.split(",")[0] for line in lines[1:]] == ["LRT-2021-02", "LRT-2021-01"]
    target = tmp_path / "actielijst.docx"
    argv = ["actielijst", "--overleg", "PRT", "--provincie", "Noord-Holland"]
    argv += ["--datum", "2021-11-29", "--formaat", "docx", "--uitvoer", str(target)]
    assert main(argv) == 0
    assert _docx_rows(target.read_bytes())[1][0].startswith(world["nh"].number)
    # A province with the LRT's list is refused, not ignored (it read as that province's).
    argv = ["actielijst", "--overleg", "LRT", "--provincie", "Utrecht", "--datum", "2021-11-15"]
    assert main(argv) == 2
    assert capsys.readouterr().err.endswith(
        "fout: --provincie hoort bij --overleg PRT; het LRT heeft één landelijke actielijst\n"
    )


def test_cli_annex_table_csv_and_pdf(
    world: Any, no_migrate: None, tmp_path: Path, capsys: Any
) -> None:
    """``regietafel bijlage`` gives the annex's numbers of the register (week 46: Noord-Holland
    500 + 200 places, 450 + 180 occupied; Groningen 150/100) and the PDF; a week before any
    register or taakstelling is refused with exit 2 and writes nothing."""
    assert main(["bijlage", "--week", "2021-W46", "--formaat", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "provincie,locaties,capaciteit,bezetting,gecorrigeerde_taakstelling,gehuisvest,"
        "lopende_afspraken"
    )
    rows = {line.split(",")[0]: line.split(",")[1:] for line in lines[1:]}
    assert rows["Noord-Holland"][:3] == ["2", "700", "630"]
    assert rows["Groningen"][:3] == ["1", "150", "100"]
    assert rows["Zeeland"][:3] == ["", "", ""]
    assert rows["Noord-Holland"][5] == "1"
    target = tmp_path / "bijlage.pdf"
    argv = ["bijlage", "--week", "2021-W46", "--formaat", "pdf", "--uitvoer", str(target)]
    assert main(argv) == 0
    assert "Locaties melden" in pdf_text(target.read_bytes(), tmp_path)
    empty = tmp_path / "leeg.docx"
    argv = ["bijlage", "--week", "2020-W10", "--formaat", "docx", "--uitvoer", str(empty)]
    assert main(argv) == 2
    assert "geen locatieregister en geen taakstelling" in capsys.readouterr().err
    assert not empty.exists()
    assert main(["bijlage", "--week", "2021-W99"]) == 2
    assert "--week" in capsys.readouterr().err


def test_cli_refusals_are_one_dutch_line(no_migrate: None, capsys: Any, tmp_path: Path) -> None:
    assert main(["actielijst", "--overleg", "LRT", "--datum", "15-11-2021"]) == 2
    assert capsys.readouterr().err == (
        "regietafel actielijst: fout: --datum: onbekende datum '15-11-2021': schrijf JJJJ-MM-DD\n"
    )
    # The years the pages and the API accept, in their words: no traceback before 2000.
    for outside in ("1990-01-01", "1999-12-31", "2101-01-01"):
        assert main(["actielijst", "--overleg", "LRT", "--datum", outside]) == 2
        assert capsys.readouterr().err == (
            "regietafel actielijst: fout: --datum: kies een datum in de jaren 2000 t/m 2100\n"
        )
    argv = ["actielijst", "--overleg", "LRT", "--datum", "2021-11-15", "--formaat", "pdf"]
    assert main(argv) == 2
    assert "--uitvoer BESTAND nodig" in capsys.readouterr().err
    missing = tmp_path / "geen-map" / "x.csv"
    argv = ["actielijst", "--overleg", "LRT", "--datum", "2021-11-15", "--uitvoer", str(missing)]
    assert main([*argv, "--formaat", "csv"]) == 2
    assert "bestaat niet" in capsys.readouterr().err
    assert not missing.parent.exists()


def test_shopping_item_becomes_an_agreement(
    world: Any, national: Any, client_as: Callable[[str | None], Any]
) -> None:
    from regietafel.afspraken.models import Agreement
    from regietafel.doelen.services import target_create

    amv = target_create(
        actor=national,
        title="2 AMV-locaties",
        category="amv",
        unit="locations",
        quantity=2,
        start=LRT_AUTUMN,
        deadline=date(2021, 12, 31),
    )
    key = f"doel-{amv.pk}"
    client = client_as("landelijk")
    page = client.get("/boodschappenlijst/?week=2021-W46&scope=NL").content.decode()
    # The target already measured by LRT-2021-01 shows that agreement on the list.
    assert f">{world['measured'].number}</a><br><small>open, 350 van 600 plaatsen, op koers" in page
    assert f'value="{key}"' in page
    assert "Maak afspraak" in page
    response = client.post(
        "/afspraken/van-boodschap/", {"week": "2021-W46", "scope": "NL", "key": key}
    )
    assert response.status_code == 302
    made = Agreement.objects.get(shopping_key=key)
    assert made.number == "LRT-2021-03"
    assert made.target_id == amv.pk
    assert made.owner_party == "coa"
    assert made.deadline == date(2021, 12, 31)
    assert made.meeting.date == LRT_NOVEMBER  # the latest LRT on or before the week
    page = client.get("/boodschappenlijst/?week=2021-W46&scope=NL").content.decode()
    assert ">LRT-2021-03</a>" in page
    again = client.post(
        "/afspraken/van-boodschap/", {"week": "2021-W46", "scope": "NL", "key": key}, follow=True
    )
    assert "al afspraak LRT-2021-03" in again.content.decode()
    coa = client_as("coa")
    listed = coa.get("/boodschappenlijst/?week=2021-W46&scope=NL").content.decode()
    assert "Maak afspraak" not in listed
    refused = coa.post("/afspraken/van-boodschap/", {"week": "2021-W46", "key": key})
    assert refused.status_code == 403


def test_annex_pdf_and_docx(world: Any, national: Any, tmp_path: Path) -> None:
    from regietafel.afspraken.selectors import annex
    from regietafel.core.periods import IsoWeek
    from regietafel.taakstelling.services import taakstelling_set

    taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    built = annex(user=national, week=IsoWeek.parse("2021-W46"))
    rows = {p.code: p for p in built.provinces}
    assert (rows["PV27"].capacity, rows["PV27"].occupancy) == (700, 630)
    assert (rows["PV20"].capacity, rows["PV20"].occupancy) == (150, 100)
    assert rows["PV31"].capacity is None
    assert [s.number for s in rows["PV27"].agreements] == [world["nh"].number]
    # No arrears before 2021-II: the provinces' corrected tasks add up to the national 11.000,
    # and each is the figure the overview shows for that province.
    assert sum(p.corrected or 0 for p in built.provinces) == 11_000
    from regietafel.core.catalogue import BY_CODE
    from regietafel.kerncijfers.selectors import figures_for

    shown = figures_for(user=national, week=IsoWeek.parse("2021-W46"), scope="PV27")
    assert rows["PV27"].corrected == BY_CODE["gecorrigeerde_taakstelling"].value(shown)
    assert built.period == "2021-II"
    text = pdf_text(documents.annex_pdf(built), tmp_path)
    assert "Bijlage: opgave en afspraken per provincie, week 2021-W46" in text
    assert world["nh"].number in text
    assert "Locaties melden" in text
    from docx import Document

    document = Document(io.BytesIO(documents.annex_docx(built)))
    table = [[c.text for c in row.cells] for row in document.tables[0].rows]
    nh = next(row for row in table if row[0] == "Noord-Holland")
    assert nh[2:4] == ["700", "630"]
    assert nh[6] == "1"
    paragraphs = [p.text for p in document.paragraphs]
    assert any(p.startswith(world["nh"].number) for p in paragraphs)


def test_agreement_on_a_key_figure_is_measured_from_the_weekly_figures(
    agree: Callable[..., Any], national: Any
) -> None:
    """ "Capaciteit nu" at least 1.000 by 30 November, agreed on 25 October (week 43: 500).

    Week 45 (Monday 8 November, day 14 of 36): 700 against a line from 500 to 1.000, which
    expects 500 + 500 × 14 / 36 = 694 by then: on track. Week 46: 850 against 500 + 291 = 791.
    """
    make_register("2021-W43", [EXISTING])
    make_register("2021-W45", [EXISTING, N1])
    make_register("2021-W46", [EXISTING, N1, N2])
    agreement = agree(
        text="Capaciteit naar 1.000 plaatsen",
        figure_code="capaciteit_nu",
        figure_threshold=1000,
        figure_date=date(2021, 11, 30),
    )
    (w45,) = [
        s for s in agreement_states(user=national, on=date(2021, 11, 8)) if s.agreement == agreement
    ]
    assert w45.measurement is not None
    assert (w45.measurement.achieved, w45.measurement.expected_by_now) == (700, 694)
    assert w45.progress_text == "700 van 1.000 plaatsen"
    assert w45.health is not None
    assert w45.health.value == "op-koers"
    (w46,) = [
        s
        for s in agreement_states(user=national, on=date(2021, 11, 15))
        if s.agreement == agreement
    ]
    assert w46.measurement is not None
    assert (w46.measurement.achieved, w46.measurement.expected_by_now) == (850, 791)


def test_weekly_report_freezes_the_tables_agreements_with_measured_progress(
    world: Any, national: Any
) -> None:
    """The national report of week 46 holds the LRT's running agreements as on Sunday
    21 November: the measured one at 350 of 600 (on track, see the module docstring), the
    letter overdue since 5 November; the PRT's agreements only in their province's report."""
    from regietafel.core.periods import IsoWeek
    from regietafel.rapportage.collect import report_data_collect
    from regietafel.rapportage.data import ReportData

    week = IsoWeek.parse("2021-W46")
    data = report_data_collect(week=week, scope="NL")
    lines = {a.number: a for a in data.agreements or ()}
    assert set(lines) == {world["measured"].number, world["late"].number}
    measured = lines[world["measured"].number]
    assert (measured.progress, measured.health, measured.overdue) == (
        "350 van 600 plaatsen",
        "op-koers",
        False,
    )
    late = lines[world["late"].number]
    assert (late.overdue, late.deadline, late.note) == (True, "2021-11-05", "Concept")
    north = report_data_collect(week=week, scope="PV27")
    assert [a.number for a in north.agreements or ()] == [world["nh"].number]
    # Frozen: stored and read back unchanged; a later status change does not alter it.
    stored = data.to_json()
    agreement_update(
        actor=national, agreement=world["late"], on=date(2021, 11, 25), status="afgerond"
    )
    assert ReportData.from_json(stored).agreements == data.agreements
    after = report_data_collect(week=IsoWeek.parse("2021-W47"), scope="NL")
    assert world["late"].number not in {a.number for a in after.agreements or ()}


def test_annex_page_of_a_week_without_data_says_so_and_writes_nothing(
    world: Any, client_as: Callable[[str | None], Any]
) -> None:
    """2020-W10 has no register and no taakstelling: the page says so (no table of dashes
    claiming "volgens het locatieregister van week 2020-W10") and no PDF or Word is made."""
    client = client_as("landelijk")
    page = client.get("/afspraken/bijlage/?week=2020-W10")
    body = page.content.decode()
    assert page.status_code == 200
    assert "geen locatieregister en geen taakstelling vastgelegd" in body
    assert "formaat=pdf" not in body
    for fmt in ("pdf", "docx"):
        refused = client.get(f"/afspraken/bijlage/?week=2020-W10&formaat={fmt}")
        assert refused.status_code == 404
        assert refused["Content-Type"].startswith("text/html")
    assert client.get("/afspraken/bijlage/?week=2021-W46&formaat=pdf").status_code == 200


@pytest.mark.parametrize(("threshold", "text"), [
    (1_000, "kans 0\u00a0% dat het genoeg is (prognose, scenario midden)"),
    (1_000_000, "kans 100\u00a0% dat het genoeg is (prognose, scenario midden)"),
])  # fmt: skip
def test_measured_agreement_has_the_forecast_chance_by_its_deadline(  # noqa: PLR0917 - fixtures
    agree: Callable[..., Any],
    national: Any,
    client_as: Callable[[str | None], Any],
    monkeypatch: pytest.MonkeyPatch,
    threshold: int,
    text: str,
) -> None:
    """Capacity agreed for 30 November 2021 against the need on that day in every path: the
    need (occupancy about 27.000 plus 417) is far above 1.000 and far below a million."""
    from regietafel.afspraken.selectors import action_list, agreement_get
    from regietafel.opvangprognose import selectors as forecasts
    from regietafel.prognose import cache as runs

    monkeypatch.setattr(runs, "WEB_PATHS", 300)
    forecasts.cache_clear()
    make_register("2021-W43", [EXISTING])
    make_register("2021-W45", [EXISTING, N1])
    agreement = agree(
        text="Capaciteit", figure_code="capaciteit_nu", figure_threshold=threshold,
        figure_date=date(2021, 11, 30),
    )  # fmt: skip
    state = agreement_get(user=national, number=agreement.number, on=date(2021, 11, 8))
    assert state.chance is not None
    assert state.chance.text == text
    listed = action_list(user=national, kind="LRT", on=date(2021, 11, 15))
    assert [s.chance.text for s in listed.rows if s.chance] == [text]
    page = client_as("landelijk").get(f"/afspraken/{agreement.number}/?datum=2021-11-08")
    assert text in page.content.decode()
    unmeasured = agree(text="Zonder meting")
    plain = agreement_get(user=national, number=unmeasured.number, on=date(2021, 11, 8))
    assert plain.chance is None


def test_annex_table_says_afgeschermd_where_the_page_and_pdf_do(
    national: Any, make_user: Callable[[str], Any]
) -> None:
    """Utrecht's only location is a confidential AMV location: its occupancy is afgeschermd
    for the LRT, and the CSV/Excel/JSON table (and the CLI) said nothing (an empty cell reads
    as "geen gegevens"), unlike the page and the PDF. COA sees the number."""
    from regietafel.afspraken.selectors import annex
    from regietafel.afspraken.tables import annex_table
    from regietafel.core.periods import IsoWeek

    secret = Loc("S", "PV26", "GM0344", "amv", 50, 42, date(2021, 1, 1), confidential=True)
    make_register("2021-W46", [EXISTING, secret])
    week = IsoWeek.parse("2021-W46")
    for reader, utrecht_occupancy in ((national, "afgeschermd"), (make_user("coa"), 42)):
        rows = {row["provincie"]: row for row in annex_table(annex(user=reader, week=week)).rows}
        assert rows["Utrecht"]["bezetting"] == utrecht_occupancy
        assert rows["Utrecht"]["capaciteit"] == 50  # capacity is never afgeschermd
        assert rows["Noord-Holland"]["bezetting"] == 450
        assert rows["Zeeland"]["bezetting"] is None  # no location: no data, not afgeschermd


def test_an_agreement_from_the_list_reads_as_every_reader_of_its_table_sees_it(
    lrt_meetings: dict[date, Any],
    national: Any,
    make_user: Callable[[str], Any],
    client_as: Callable[[str | None], Any],
) -> None:
    """Found in the browser check: an LRT agreement made by the LRT from the boodschappenlijst
    froze the item as the LRT sees it ("Locatie X2, vertrouwelijke locatie (Zuid-Holland)"),
    and every PRT then read those names on the agreement's page and in the API, while its own
    list says "locatie in Zuid-Holland". The text is now the item as the least-privileged
    reader of the table sees it, as the national weekly report writes it.

    Register of week 47: X2 (Noord-Holland, 80 places, closes after 20 January 2022) and the
    confidential X1 (Zuid-Holland, 120 places, after 31 January 2022) close in January 2022
    without successor: one item "sluitingen-2022-01" of 200 places, the first after 20
    January. X3 (Noord-Holland, confidential, 30 places) closes after 28 February 2022."""
    from regietafel.afspraken.services import agreement_from_shopping_item, meeting_create
    from regietafel.boodschappenlijst.selectors import shopping_list_for
    from regietafel.core.periods import IsoWeek

    x1 = Loc("X1", "PV28", "GM0599", "noodopvang", 120, 100, date(2021, 6, 1), date(2022, 1, 31),
             confidential=True)  # fmt: skip
    x2 = Loc("X2", "PV27", "GM0363", "noodopvang", 80, 70, date(2021, 6, 1), date(2022, 1, 20))
    x3 = Loc("X3", "PV27", "GM0363", "noodopvang", 30, 20, date(2021, 6, 1), date(2022, 2, 28),
             confidential=True)  # fmt: skip
    make_register("2021-W47", [EXISTING, x1, x2, x3])
    week = IsoWeek.parse("2021-W47")
    lrt_view = {
        m.item.key: m.item.description
        for m in shopping_list_for(user=national, week=week, scope="NL").items
    }
    # What the LRT itself sees (and what was frozen before): its own names.
    assert "Locatie X2" in lrt_view["sluitingen-2022-01"]
    made = agreement_from_shopping_item(
        actor=national, scope="NL", key="sluitingen-2022-01", week=week
    )
    expected = (
        "Vervanging voor 2 tijdelijke locaties (200 plaatsen) die sluiten in januari 2022, de "
        "eerste na 20 januari 2022: locatie in Noord-Holland, locatie in Zuid-Holland"
    )
    assert made.text == expected
    # Exactly what a PRT of another province reads on its own national list.
    groningen = make_user("provincie_andere")
    prt_view = {
        m.item.key: m.item.description
        for m in shopping_list_for(user=groningen, week=week, scope="NL").items
    }
    assert prt_view["sluitingen-2022-01"] == expected
    page = client_as("provincie_andere").get(f"/afspraken/{made.number}/").content.decode()
    api = client_as("provincie_andere").get(f"/api/v1/afspraken/{made.number}/").json()
    assert api["afspraak"] == expected
    for shown in (page, api["afspraak"]):
        assert "Locatie X" not in shown
        assert "vertrouwelijke" not in shown
    # A PRT's agreement names that province's own locations, never a confidential one.
    nh = make_user("provincie")
    meeting_create(actor=nh, kind="PRT", province_code="PV27", on=date(2021, 11, 22))
    own = agreement_from_shopping_item(actor=nh, scope="PV27", key="sluitingen-2022-01", week=week)
    assert own.text == (
        "Vervanging voor Locatie X2 (80 plaatsen, noodopvang), sluit na 20 januari 2022"
    )
    secret = agreement_from_shopping_item(
        actor=nh, scope="PV27", key="sluitingen-2022-02", week=week
    )
    assert secret.text == (
        "Vervanging voor vertrouwelijke locatie (Noord-Holland) (30 plaatsen, noodopvang), "
        "sluit na 28 februari 2022"
    )
