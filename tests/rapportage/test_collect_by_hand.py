"""The report's key figures on a small register, computed by hand — with the real collector.

Each assertion names the mistake it catches: summing signed gaps (an AMV surplus hiding a
regular shortage), netting municipalities ahead against those behind, and a fair share of
one twelfth instead of the share by inhabitants.
"""

from __future__ import annotations

import json
import re
from datetime import date
from fractions import Fraction
from typing import Any

import pytest

from regietafel import reference
from regietafel.core.catalogue import BY_CODE
from regietafel.core.periods import IsoWeek
from regietafel.kerncijfers.selectors import figures_for
from regietafel.kerncijfers.services import choose_need_policy
from regietafel.rapportage.collect import NoDataError, report_data_collect
from regietafel.rapportage.data import ReportData
from regietafel.rapportage.models import PublishedReport
from regietafel.rapportage.services import report_publish
from regietafel.taakstelling.models import TaakstellingEntry, TaakstellingPeriod
from tests.factories import realisation
from tests.opvangbeeld.factories import standard_register

pytestmark = pytest.mark.django_db

W45 = IsoWeek.parse("2021-W45")


def _period() -> None:
    period = TaakstellingPeriod.objects.create(
        label="2021-II",
        start=date(2021, 7, 1),
        end=date(2021, 12, 31),
        national_total=11000,
        population_date=date(2021, 1, 1),
        method="hamilton",
    )
    for code, province, task, arrears in (
        ("GM0363", "PV27", 600, 0),  # Amsterdam
        ("GM0014", "PV20", 60, 0),  # Groningen
        ("GM0034", "PV24", 60, 30),  # Almere, 30 carried over
    ):
        TaakstellingEntry.objects.create(
            period=period,
            municipality_code=code,
            municipality_name=code,
            province_code=province,
            inhabitants=1,
            quota=1.0,
            taakstelling=task,
            arrears=arrears,
            corrected=task + arrears,
        )


def test_national_key_figures_by_hand(make_user: Any) -> None:
    standard_register("2021-W45")
    _period()
    realisation(
        "2021-W44",
        "2021-II",
        {"GM0363": ("PV27", 100), "GM0014": ("PV20", 45), "GM0034": ("PV24", 61)},
    )
    data = report_data_collect(week=W45, scope="NL")
    value = {f.key: f.value for f in data.key_figures}
    # The one confidential AMV location D is the nation's only one: every total over its
    # occupancy is afgeschermd in the report (docs/vertrouwelijkheid.md); COA reads them.
    hidden = {f.key for f in data.key_figures if f.suppressed}
    assert {"bezetting_nu", "tekort_kort", "behoefte_kort"} <= hidden
    assert all(value[key] is None for key in hidden)
    coa = figures_for(user=make_user("coa"), week=W45)
    value |= {key: BY_CODE[key].value(coa) for key in hidden}
    # Register of Monday 8 November: A 500/450, B 200/180 (PV27), C 300/300, D AMV 50/40.
    assert value["capaciteit_nu"] == 1050
    assert value["bezetting_nu"] == 970
    # Regular: 930 + 417 buffer - 1.000 = 347 short; AMV: 40 - 50 = 10 surplus; sober 0.
    # Signed sum would say 337: a surplus of AMV places does not house regular residents.
    assert value["tekort_kort"] == 347
    assert value["behoefte_kort"] == 930 + 417 + 40
    # 4 of 6 months: expected 400, 40 and 60; housed 100, 45 and 61.
    assert value["gecorrigeerde_taakstelling"] == 750
    assert value["achterstand_meegenomen"] == 30
    assert value["gehuisvest"] == 206
    assert value["gehuisvest_procent"] == round(100 * 206 / 750, 1)
    # Amsterdam is 300 behind; Groningen (5 ahead) and Almere (1 ahead) do not offset it:
    # netting would give 500 - 206 = 294.
    assert value["achterstand_op_schema"] == 300
    assert value["gemeenten_achter"] == 1
    # The sources in Dutch notation, as every figure beside them (was "11000 personen, ...
    # 2021-01-01"; found in the browser check).
    (period,) = [s for s in data.sources if s.label == "taakstelling 2021-II"]
    assert period.detail == "landelijk 11.000 personen, inwoners per 1 januari 2021"


def test_the_report_records_the_need_policy_of_the_week(make_user: Any) -> None:
    standard_register("2021-W45")
    dated = report_data_collect(week=W45, scope="NL")
    assert dated.need_policy is not None
    assert (dated.need_policy.key, dated.need_policy.label) == (
        "lrt-voorjaar-2021", "vaste buffer van 417 plekken (LRT voorjaar 2021)",
    )  # fmt: skip
    assert dated.need_policy.source.startswith("LRT-notulen voorjaar 2021")
    assert dated.need_policy.explanation == (
        "het beleid dat op de maandag van de week gold (gedateerde lijst)"
    )
    published = report_publish(actor=None, week="2021-W45", scope="NL")

    choose_need_policy(user=make_user("landelijk"), week="2021-W45", key="coa-2022-11",
                       reason="LRT 10 november")  # fmt: skip
    chosen = report_data_collect(week=W45, scope="NL")
    assert chosen.need_policy is not None
    assert chosen.need_policy.label == "bezettingsgraad 96\u00a0% (COA november 2022)"
    assert chosen.need_policy.explanation.startswith("voor deze week gekozen door landelijk op ")
    # The gaps use it: regular 930 / 0,96 = 968,75 -> 969, AMV 40 / 0,96 = 41,7 -> 42.
    short = {g.category: g for g in chosen.gaps if g.horizon == "kort"}
    assert (short["regulier"].buffer, short["regulier"].need, short["regulier"].gap) == (
        39, 969, -31,
    )  # fmt: skip
    # The published version is frozen: it keeps the 417 it was computed with.
    frozen = PublishedReport.objects.get(pk=published.pk).report_data()
    assert frozen.need_policy is not None
    assert frozen.need_policy.key == "lrt-voorjaar-2021"
    assert {g.category: g.need for g in frozen.gaps if g.horizon == "kort"}["regulier"] == 1347


def test_province_fair_share_is_by_inhabitants() -> None:
    standard_register("2021-W45")
    data = report_data_collect(week=W45, scope="PV27")
    inhabitants = reference.municipalities(W45.monday)
    everyone = sum(m.inhabitants for m in inhabitants)
    noord_holland = sum(m.inhabitants for m in inhabitants if m.province_code == "PV27")
    share = Fraction(1050 * noord_holland, everyone)
    row = next(p for p in data.province_capacity if p.code == "PV27")
    assert row.fair_share == int(share + Fraction(1, 2))
    assert row.fair_share != round(1050 / 12)  # not one twelfth
    assert row.capacity == 700


def test_a_week_without_data_is_not_reported() -> None:
    with pytest.raises(NoDataError, match="geen locatieregister en geen taakstelling"):
        report_data_collect(week=W45, scope="NL")


def test_the_report_freezes_each_key_figures_trend() -> None:
    """Capacity 1.050 from W43 (the register of W43 holds in W44 and W45), nothing before:
    weeks without data stay empty in the frozen report, never 0."""
    standard_register("2021-W43")
    _period()
    data = report_data_collect(week=W45, scope="NL")
    capacity = data.key_figure("capaciteit_nu")
    assert len(capacity.trend_weeks) == 52
    assert capacity.trend_weeks[-3:] == ("2021-W43", "2021-W44", "2021-W45")
    assert capacity.trend[-3:] == (1050, 1050, 1050)
    assert set(capacity.trend[:-3]) == {None}
    # Ahead: the contracted capacity for the 13 weeks after W45 (2021-W46 to 2022-W06, before
    # B's last day of 27 February 2022): 1.050 each.
    assert capacity.projection == (1050,) * 13
    assert capacity.projection_weeks[0] == "2021-W46"
    assert capacity.projection_weeks[-1] == "2022-W06"
    # Housed: a period but no realisation at all, so unknown in every week.
    assert set(data.key_figure("gehuisvest").trend) == {None}
    assert capacity.trend_summary.endswith("49 weken zonder gegevens; verwacht 1.050 in 2022-W06")
    again = type(data).from_json(data.to_json())
    assert again.key_figure("capaciteit_nu").trend == capacity.trend


def test_the_report_carries_the_forecast_fan_of_the_prognose_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The fan in the report is the Prognose page's (scenario midden, same run and policy),
    rounded to whole persons, with the projection method of the weekly figures."""
    from dataclasses import replace

    from regietafel.core.forecast import SCENARIOS
    from regietafel.kerncijfers.selectors import cache_clear
    from regietafel.opvangprognose.selectors import forecast_outlook
    from regietafel.prognose import cache as runs
    from regietafel.rapportage.collect import system_reader
    from regietafel.rapportage.data import ReportData
    from regietafel.rapportage.render.charts import report_figures
    from tests.opvangbeeld.factories import STANDARD, make_register

    monkeypatch.setattr(runs, "WEB_PATHS", 300)
    runs.RUNS.clear()
    # With the one confidential AMV location D the national total is afgeschermd in the
    # report (published to every role), and a province's forecast is a share of the national
    # one, which starts there: no fan, as on the page.
    standard_register("2021-W45")
    hidden = report_data_collect(week=W45, scope="PV27")
    assert hidden.forecast is None
    # The report says why, not "no series published yet"; and not "voor uw rol" with "COA
    # does see it": a report is read by every role, COA too.
    assert hidden.forecast_note.startswith("De landelijke bezetting is in dit rapport afgeschermd")
    assert "De prognose van Noord-Holland is een aandeel" in hidden.forecast_note
    assert "voor uw rol" not in hidden.forecast_note
    from regietafel.rapportage.render.html import ReportMeta, render_print_html

    printed = render_print_html(hidden, ReportMeta(1, None, "rapportage"))
    assert hidden.forecast_note in printed
    assert "nog geen gepubliceerde reeksen" not in printed
    make_register("2021-W45", [replace(loc, confidential=False) for loc in STANDARD], version=2)
    cache_clear()
    data = report_data_collect(week=W45, scope="PV27")
    fan = data.forecast
    assert fan is not None
    assert data.forecast_available
    assert (fan.paths, fan.seed, fan.origin) == (300, 2021, "2021-11-08")
    assert len(fan.week_starts) == 1 + 104  # the start, then the end of every forecast week
    assert fan.week_starts[0] == "2021-11-08"
    # Week 0 is the register's occupancy of the week, as the report's key figure reads it.
    occupancy_now = data.key_figure("bezetting_nu").value
    assert [row[0] for row in fan.occupancy] == [occupancy_now] * 5
    assert fan.start.endswith("start uit het locatieregister van deze week (de weekcijfers)")
    assert fan.projection.startswith("prognose: groei van de bezetting op de centrale lijn")
    page = forecast_outlook(
        user=system_reader(), week=W45, scenario=SCENARIOS["midden"], province="PV27"
    )
    # Whole persons by the core's one rule, half up, as the page writes them: a median of
    # 1.412,5 is 1.413 (Python's round() gave 1.412, half to even).
    from regietafel.core.catalogue import round_half_up

    assert list(fan.occupancy[2]) == [round_half_up(float(v)) for v in page.occupancy[2]]
    assert list(fan.need[4]) == [round_half_up(float(v)) for v in page.need[4]]
    ties = [i for i, v in enumerate(page.occupancy[2]) if float(v) % 1 == 0.5]
    assert ties, "the run has a half person to round"
    assert all(fan.occupancy[2][i] == float(page.occupancy[2][i]) + 0.5 for i in ties)
    # And cell for cell the page's own table (its CSV, the API and the CLI read it): the
    # table rounded with round(), half to even, and was one lower at every tie.
    from regietafel.opvangprognose.tables import BAND_LABELS, outlook_weeks_table

    weeks = outlook_weeks_table(page)
    for level, (key, _label) in enumerate(BAND_LABELS):
        assert [row[f"bezetting_{key}"] for row in weeks.rows] == list(fan.occupancy[level])
        assert [row[f"nodig_{key}"] for row in weeks.rows] == list(fan.need[level])
    # The page's tables beside the fan, frozen as the page writes them (format 10): the
    # target dates, the chance per target (none set here: the page's own sentence) and the
    # buffer policies, cell for cell the page's table builders on the same view.
    from regietafel.opvangprognose import tables as page_tables
    from regietafel.opvangprognose.selectors import target_chances
    from regietafel.presentation.tables import cell_text

    by_name = {t.name: t for t in fan.tables}
    assert list(by_name) == ["peildata", "doelkansen", "bufferbeleid"]
    buffers = page_tables.outlook_buffer_table(page)
    assert by_name["bufferbeleid"].texts == tuple(
        tuple(cell_text(row.get(c.key), c) for c in buffers.columns) for row in buffers.rows
    )
    assert by_name["bufferbeleid"].texts[0][0] == "vaste buffer 7\u00a0%"  # province: no +417
    assert by_name["peildata"].values[0][0] == "2022-01-01"
    chances = target_chances(user=system_reader(), week=W45, view=page)
    assert chances == []
    assert by_name["doelkansen"].texts == ()
    assert by_name["doelkansen"].empty == "Voor dit gebied is geen doel vastgelegd."
    # Stored as JSON and read back unchanged; the report draws the fan and prints the tables.
    again = ReportData.from_dict(json.loads(data.to_json()))
    assert again.forecast == fan
    assert "prognose" in report_figures(data)
    printed = render_print_html(data, ReportMeta(1, None, "rapportage"))
    assert "Voor dit gebied is geen doel vastgelegd." in printed
    assert by_name["bufferbeleid"].title in printed
    from io import BytesIO

    from openpyxl import load_workbook

    from regietafel.rapportage.render.xlsx import render_xlsx

    book = load_workbook(BytesIO(render_xlsx(data, ReportMeta(1, None, "rapportage"))))
    sheet = book["prognose-bufferbeleid"]
    assert [c.value for c in sheet[2]] == list(by_name["bufferbeleid"].values[0])
    # Dates are Excel dates (they were text), and a table without rows says why.
    assert book["prognose-peildata"]["A2"].value.date() == date(2022, 1, 1)
    assert book["prognose-doelkansen"]["A2"].value == "Voor dit gebied is geen doel vastgelegd."


def test_a_report_names_a_location_only_where_every_reader_may_see_it(make_user: Any) -> None:
    """A published report is one document for every role that may read it. The national
    report is read by every PRT, who sees another province's locations only as totals (as
    on the boodschappenlijst page): it names no location. Noord-Holland's report (read by
    its PRT, the LRT and COA) names Noord-Holland's. Standard register: Locatie B, 200
    places of noodopvang in Noord-Holland, closes after 27 February 2022 (found in a
    browser check: the national report named other provinces' locations to a PRT)."""
    standard_register("2021-W45")
    national = report_data_collect(week=W45, scope="NL")
    (closing,) = [line for line in national.shopping if line.key == "sluitingen-2022-02"]
    assert closing.description == (
        "Vervanging voor locatie in Noord-Holland (200 plaatsen, noodopvang), sluit na "
        "27 februari 2022"
    )
    assert "Locatie B" not in json.dumps([line.description for line in national.shopping])
    own = report_data_collect(week=W45, scope="PV27")
    (closing,) = [line for line in own.shopping if line.key == "sluitingen-2022-02"]
    assert closing.description.startswith("Vervanging voor Locatie B (200 plaatsen")
    # The pages keep naming it for the LRT: only the report is written for every reader.
    lrt = figures_for(user=make_user("landelijk"), week=W45, scope="NL")
    assert lrt.reception is not None
    assert "Locatie B" in {c.name for c in lrt.reception.closures}


def test_an_afgeschermd_week_reads_afgeschermd_not_no_data(make_user: Any) -> None:
    """The standard register in weeks 44 and 45 holds the nation's one confidential AMV
    location D, so the national occupancy is afgeschermd in both for every role but COA; the
    weeks before have no register. The report records which is which: last week and the
    last two trend points afgeschermd, the 50 before without data; the Excel writes
    "afgeschermd" there and leaves only the weeks without data empty, and the trend's text
    says so (an empty cell was both; found in the browser check)."""
    from io import BytesIO

    from openpyxl import load_workbook

    from regietafel.kerncijfers.selectors import figure_history
    from regietafel.rapportage.render.html import ReportMeta
    from regietafel.rapportage.render.xlsx import render_xlsx
    from tests.opvangbeeld.factories import STANDARD, make_register

    make_register("2021-W44", STANDARD)
    standard_register("2021-W45")
    data = report_data_collect(week=W45, scope="NL")
    occupancy = data.key_figure("bezetting_nu")
    assert (occupancy.suppressed, occupancy.previous_suppressed) == (True, True)
    assert occupancy.trend_suppressed[-2:] == (True, True)
    assert not any(occupancy.trend_suppressed[:-2])
    assert all(value is None for value in occupancy.trend)
    assert occupancy.trend_summary.endswith(": 2 weken afgeschermd; 50 weken zonder gegevens")
    capacity = data.key_figure("capaciteit_nu")  # never afgeschermd
    assert (capacity.previous, capacity.previous_suppressed) == (1050, False)
    book = load_workbook(BytesIO(render_xlsx(data, ReportMeta(1, None, "rapportage"))))
    rows = {r[0]: r for r in book["kerncijfers"].iter_rows(min_row=2, values_only=True)}
    assert rows["bezetting_nu"][3:6] == ("afgeschermd", "afgeschermd", "afgeschermd")
    assert rows["capaciteit_nu"][3:6] == (1050, 1050, 0)
    # The web and PDF report say the same, not "–" (which its legend defines as geen gegevens).
    import re

    from regietafel.rapportage.render.html import render_print_html

    printed = render_print_html(data, ReportMeta(1, None, "rapportage"))
    row = re.search(r'<tr data-kerncijfer="bezetting_nu">(.*?)</tr>', printed, re.S)
    assert row is not None
    cells = re.findall(r'<td class="num">(.*?)</td>', row.group(1), re.S)
    assert cells == ["afgeschermd", "afgeschermd", "afgeschermd"]
    trend = list(book["verloop"].iter_rows(values_only=True))
    column = trend[0].index("bezetting_nu")
    assert [r[column] for r in trend[-2:]] == ["afgeschermd", "afgeschermd"]
    assert trend[-3][column] is None
    # The same flags on the pages' sparkline: COA sees the numbers.
    lrt = figure_history(
        user=make_user("landelijk"), scope="NL", code="bezetting_nu", until_week=W45
    )
    assert [p.suppressed for p in lrt.points][-2:] == [True, True]
    coa = figure_history(user=make_user("coa"), scope="NL", code="bezetting_nu", until_week=W45)
    assert [p.value for p in coa.points][-2:] == [970, 970]
    assert not any(p.suppressed for p in coa.points)


def test_another_provinces_confidential_closure_is_just_a_location_there(
    make_user: Any,
) -> None:
    """A closing confidential location in a province the reader sees only as totals is
    "locatie in Zeeland", as any other there: "vertrouwelijke locatie (Zeeland)" told every
    PRT which closing locations are confidential (found in the browser check, in the
    national report and on the boodschappenlijst page). Where the reader sees the province,
    the confidential one keeps its masked name; COA sees the name."""
    from regietafel.core.capacity import Closure
    from regietafel.core.rules import LocationType
    from regietafel.kerncijfers.selectors import closure_name

    secret = Closure("Z1", "Kleinschalig Middelburg", "GM0687", "PV29", LocationType.AMV, 20,
                     date(2022, 2, 27))  # fmt: skip
    confidential = frozenset({"Z1"})
    nh, lrt, coa = make_user("provincie"), make_user("landelijk"), make_user("coa")
    assert closure_name(secret, user=nh, confidential=confidential) == "locatie in Zeeland"
    assert closure_name(secret, user=lrt, confidential=confidential) == (
        "vertrouwelijke locatie (Zeeland)"
    )
    assert closure_name(secret, user=coa, confidential=confidential) == "Kleinschalig Middelburg"
    # The report applies the same rule for all its readers: a closing confidential location
    # E in Zeeland is "locatie in Zeeland" in the national report (read by every PRT) and
    # "vertrouwelijke locatie (Zeeland)" in Zeeland's own.
    from tests.opvangbeeld.factories import STANDARD, Loc, make_register

    closing = Loc("E", "PV29", "GM0687", "noodopvang", 40, 30, date(2021, 6, 1),
                  date(2022, 2, 27), confidential=True)  # fmt: skip
    make_register("2021-W45", [*STANDARD, closing])
    texts = {
        scope: " ".join(
            line.description for line in report_data_collect(week=W45, scope=scope).shopping
        )
        for scope in ("NL", "PV29")
    }
    assert "locatie in Zeeland" in texts["NL"]
    assert "vertrouwelijke" not in texts["NL"]
    assert "vertrouwelijke locatie (Zeeland)" in texts["PV29"]
    assert "Locatie E" not in texts["NL"] + texts["PV29"]


def test_without_a_realisation_the_report_has_no_housed_and_no_class() -> None:
    """No realisation about 2021-II yet: the frozen report stores housed, percentage, class
    and the counts per class as unknown (it stored 0 housed, 0 % and three municipalities
    "ver achter"), and its web page, print and Excel show "–" and empty cells."""
    from io import BytesIO

    from django.template.loader import render_to_string
    from django.utils import translation
    from openpyxl import load_workbook

    from regietafel.rapportage.render import render_frozen
    from regietafel.rapportage.render.html import ReportMeta, render_print_html, report_context

    standard_register("2021-W45")
    _period()
    data = report_data_collect(week=W45, scope="NL")
    national = data.taakstelling.national
    assert national is not None
    assert national.corrected == 750  # the task is known
    assert national.housed is None
    assert national.percentage is None
    assert (national.on_schedule, national.somewhat_behind, national.far_behind) == (None,) * 3
    # (Provinces without any municipality in this small period sum nothing: 0 of 0, known.)
    with_rows = [p for p in data.taakstelling.provinces if p.municipalities]
    assert {p.code for p in with_rows} == {"PV20", "PV24", "PV27"}
    for province in with_rows:
        assert (province.housed, province.far_behind) == (None, None)
    assert data.taakstelling.municipalities == ()  # every PRT reads the national report
    assert "Over dit halfjaar is nog geen realisatie gemeld: gehuisvest is onbekend." in (
        data.notes
    )
    assert ReportData.from_json(data.to_json()) == data  # the nulls survive freezing
    meta = ReportMeta(1, None, "rapportage")
    printed = render_print_html(data, meta)
    assert "GM0363" not in printed
    assert "De voortgang per gemeente staat in het rapport van elke provincie" in printed
    # Per municipality: the province report.
    data = report_data_collect(week=W45, scope="PV27")
    assert {row.province_code for row in data.taakstelling.municipalities} == {"PV27"}
    for row in data.taakstelling.municipalities:
        assert (row.housed, row.percentage, row.schedule, row.schedule_label) == (None,) * 4
    assert ReportData.from_json(data.to_json()) == data
    printed = render_print_html(data, meta)
    assert "GM0363" in printed
    assert 'class="schedule schedule--' not in printed  # no municipality in a class
    with translation.override("nl"):
        page = render_to_string(
            "rapportage/report.html", report_context(data, meta, for_print=False)
        )
    assert 'class="schedule schedule--' not in page
    amsterdam = re.search(r'<th scope="row">GM0363</th>(.*?)</tr>', page, re.S)
    assert amsterdam is not None
    cells = [
        re.sub(r"<[^>]+>", "", c).strip()
        for c in re.findall(r"<td[^>]*>(.*?)</td>", amsterdam.group(1), re.S)
    ]
    assert cells[-3:] == ["–", "–", "–"]  # housed, percentage, class
    book = load_workbook(BytesIO(render_frozen(data, meta, "xlsx")))
    sheet = book["taakstelling gemeenten"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "GM0363")
    for column in ("gehuisvest", "gehuisvest (%)", "klasse"):
        assert row[header.index(column)] is None, column
    provinces = book["taakstelling provincies"]
    header = [c.value for c in provinces[1]]
    for r in provinces.iter_rows(min_row=2, values_only=True):
        if r[header.index("gemeenten")] == 0:
            continue
        assert r[header.index("gehuisvest")] is None
        assert r[header.index("ver achter")] is None


def test_timeline_total_is_the_core_capacity_per_week() -> None:
    """The report's capacity table and Excel sheet read the core's total, not their own sum.

    By hand: A 500 + B 200 + C 300 + D 50 = 1.050 places on 8 November 2021; B (200,
    temporary) closes after 27 February 2022, leaving 850 structural places.
    """
    standard_register("2021-W45")
    data = report_data_collect(week=W45, scope="NL")
    timeline = data.timeline
    assert timeline is not None
    assert (timeline.structural[0], timeline.temporary[0], timeline.total[0]) == (850, 200, 1050)
    assert timeline.total[-1] == 850
    stored = ReportData.from_json(data.to_json())
    assert stored.timeline is not None
    assert stored.timeline.total == timeline.total
