"""Stored reports stay readable: a sample of every older format version is upgraded on reading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from regietafel.rapportage.data import FORMAT_VERSION, ReportData

SAMPLES = Path(__file__).parent / "samples"


def test_version_1_sample_is_upgraded_with_catalogue_names() -> None:
    raw = json.loads((SAMPLES / "report-v1.json").read_text(encoding="utf-8"))
    assert raw["format_version"] == 1
    data = ReportData.from_dict(raw)
    assert data.format_version == FORMAT_VERSION == 13
    occupancy = data.key_figure("bezetting_nu")
    assert (occupancy.label, occupancy.value, occupancy.previous) == (
        "Bezetting nu",
        31_250,
        30_900,
    )
    assert data.key_figure("capaciteit_nu").value == 32_000
    assert data.key_figure("tekort_kort").label == "Tekort, korte termijn"
    assert occupancy.definition == ""  # the definition was not stored in version 1
    # The published values never change, only their names.
    assert [f.value for f in data.key_figures] == [f["value"] for f in raw["key_figures"]]


def test_version_2_sample_is_read() -> None:
    """A report as published with format version 2 (catalogue codes, names and definitions)."""
    raw = json.loads((SAMPLES / "report-v2.json").read_text(encoding="utf-8"))
    assert raw["format_version"] == 2
    data = ReportData.from_dict(raw)
    occupancy = data.key_figure("bezetting_nu")
    assert (occupancy.label, occupancy.value, occupancy.previous) == (
        "Bezetting nu",
        31_250,
        30_900,
    )
    assert occupancy.definition.startswith("Bewoners van de opvanglocaties")
    assert [f.value for f in data.key_figures] == [f["value"] for f in raw["key_figures"]]
    # Format 11: a national report is read without municipality rows (every PRT reads it).
    assert raw["taakstelling"]["municipalities"][0]["name"] == "Amsterdam"
    assert data.taakstelling.municipalities == ()
    # Version 3 adds the trend; a version 2 report was published without one and keeps none
    # (a published week never changes), which the report says instead of drawing a line.
    assert data.format_version == FORMAT_VERSION
    assert data.agreements is None  # not recorded before version 4: unknown, not "none"
    assert data.forecast is None  # no forecast before version 5
    assert occupancy.trend_weeks == occupancy.trend == occupancy.projection == ()
    assert occupancy.trend_summary == "Bezetting nu: het verloop is bij dit rapport niet bewaard"
    assert ReportData.from_json(data.to_json()) == data


def test_version_3_sample_keeps_its_trend_and_has_agreements_unknown() -> None:
    """Version 3 froze the trend; version 4 adds the agreements, which a version 3 report did
    not record: after upgrading they are unknown (None) and the page says so."""
    raw = json.loads((SAMPLES / "report-v3.json").read_text(encoding="utf-8"))
    assert raw["format_version"] == 3
    data = ReportData.from_dict(raw)
    assert data.format_version == FORMAT_VERSION
    assert data.agreements is None
    assert data.forecast is None
    occupancy = data.key_figure("bezetting_nu")
    assert occupancy.trend_weeks == ("2021-W43", "2021-W44", "2021-W45")
    assert occupancy.trend == (30_500, 30_900, 31_250)
    assert ReportData.from_json(data.to_json()) == data


def test_version_4_sample_keeps_its_agreements_and_has_no_forecast() -> None:
    """Version 4 froze the agreements; version 5 adds the forecast's fan, which a version 4
    report did not have: it reads back with none."""
    raw = json.loads((SAMPLES / "report-v4.json").read_text(encoding="utf-8"))
    assert raw["format_version"] == 4
    assert "forecast" not in raw
    data = ReportData.from_dict(raw)
    assert data.format_version == FORMAT_VERSION
    assert data.forecast is None
    assert [a.number for a in data.agreements or ()] == ["LRT-2021-11"]
    assert data.agreements is not None
    assert data.agreements[0].progress == "350 van 600 plaatsen"
    assert ReportData.from_json(data.to_json()) == data


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5])
def test_reports_before_version_6_did_not_record_the_need_policy(version: int) -> None:
    raw = json.loads((SAMPLES / f"report-v{version}.json").read_text(encoding="utf-8"))
    assert raw["format_version"] == version
    assert "need_policy" not in raw
    data = ReportData.from_dict(raw)
    assert data.need_policy is None  # "niet vastgelegd" on every output, never a guess
    assert ReportData.from_json(data.to_json()) == data


def test_version_5_sample_keeps_its_forecast_fan() -> None:
    """Version 5 froze the forecast's fan; version 6 adds the need policy of the week."""
    raw = json.loads((SAMPLES / "report-v5.json").read_text(encoding="utf-8"))
    data = ReportData.from_dict(raw)
    assert data.format_version == FORMAT_VERSION
    assert data.forecast is not None
    assert data.forecast.week_starts == ("2021-11-08", "2021-11-15", "2021-11-22")
    assert data.forecast.need[2] == (31_667, 31_917, 32_167)  # the median: occupancy + 417
    assert [f.value for f in data.key_figures] == [f["value"] for f in raw["key_figures"]]


def test_a_version_6_report_reads_back_its_need_policy() -> None:
    raw = json.loads((SAMPLES / "report-v5.json").read_text(encoding="utf-8"))
    raw["format_version"] = 6
    raw["need_policy"] = {
        "key": "coa-2022-11",
        "label": "bezettingsgraad 96 % (COA november 2022)",
        "source": "COA capaciteitsbesluit november 2022",
        "explanation": "voor deze week gekozen door lrt op 2022-11-14: LRT-besluit",
    }
    data = ReportData.from_dict(raw)
    assert data.need_policy is not None
    assert data.need_policy.key == "coa-2022-11"
    assert ReportData.from_json(data.to_json()) == data


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5])
def test_reports_before_version_7_did_not_record_why_there_is_no_forecast(version: int) -> None:
    raw = json.loads((SAMPLES / f"report-v{version}.json").read_text(encoding="utf-8"))
    assert "forecast_note" not in raw
    data = ReportData.from_dict(raw)
    assert data.forecast_note == ""  # unknown: the report says it did not record the reason
    assert ReportData.from_json(data.to_json()) == data


def test_a_version_7_report_reads_back_why_it_has_no_forecast() -> None:
    raw = json.loads((SAMPLES / "report-v5.json").read_text(encoding="utf-8"))
    note = "De landelijke bezetting in week 2021-W45 is afgeschermd."
    raw |= {"format_version": 7, "need_policy": None, "forecast": None, "forecast_note": note}
    data = ReportData.from_dict(raw)
    assert data.forecast_note.startswith("De landelijke bezetting")
    assert ReportData.from_json(data.to_json()) == data


def test_a_version_from_the_future_is_refused_in_dutch() -> None:
    raw = json.loads((SAMPLES / "report-v1.json").read_text(encoding="utf-8"))
    raw["format_version"] = FORMAT_VERSION + 1
    with pytest.raises(ValueError, match="onbekende rapportversie"):
        ReportData.from_dict(raw)


def test_reports_before_version_8_did_not_record_which_weeks_were_afgeschermd() -> None:
    """Not recorded is not "no week was afgeschermd" either: the flags stay empty, and the
    sparkline text and the Excel cells read as they did when published."""
    raw = json.loads((SAMPLES / "report-v5.json").read_text(encoding="utf-8"))
    raw |= {"format_version": 7, "need_policy": None, "forecast": None, "forecast_note": ""}
    data = ReportData.from_dict(raw)
    for figure in data.key_figures:
        assert figure.trend_suppressed == ()
        assert figure.previous_suppressed is False
    assert ReportData.from_json(data.to_json()) == data


def test_a_version_8_report_keeps_its_progress_numbers() -> None:
    """Version 9 lets housed and what follows from it be null (no realisation known). A
    version 8 report has numbers everywhere; they are read as published, never changed."""
    raw = json.loads((SAMPLES / "report-v5.json").read_text(encoding="utf-8"))
    raw |= {"format_version": 7, "need_policy": None, "forecast": None, "forecast_note": ""}
    raw["scope"] = "PV27"  # a province report keeps its municipality rows
    data = ReportData.from_dict(raw)
    as_v8 = data.to_dict() | {"format_version": 8}
    upgraded = ReportData.from_dict(as_v8)
    assert upgraded.format_version == FORMAT_VERSION
    assert upgraded.taakstelling == data.taakstelling
    national = upgraded.taakstelling.national
    assert national is not None
    assert (national.housed, national.on_schedule, national.far_behind) == (510, 1, 1)
    amsterdam = upgraded.taakstelling.municipalities[0]
    assert (amsterdam.housed, amsterdam.schedule) == (300, "ver-achter")


def test_a_version_9_forecast_says_its_tables_were_not_recorded() -> None:
    """Version 10 freezes the Prognose page's tables with the fan; a version 9 report has
    none and says so (not an empty table that reads as "no targets")."""
    raw = json.loads((SAMPLES / "report-v5.json").read_text(encoding="utf-8"))
    assert raw["forecast"] is not None
    assert raw["format_version"] == 5  # upgraded through 9 to 10
    data = ReportData.from_dict(raw)
    assert data.forecast is not None
    assert data.forecast.tables == ()
    assert data.forecast.tables_recorded is False
    assert ReportData.from_json(data.to_json()) == data


def test_a_version_10_national_report_is_read_without_municipality_rows() -> None:
    """Before format 11 the national report froze every municipality, which every PRT
    reads, though a PRT may see only its own municipalities in detail. Read as format 11 it
    has none; the province totals and the national figures stay as published. A province
    report keeps its own municipalities."""
    raw = json.loads((SAMPLES / "report-v5.json").read_text(encoding="utf-8"))
    raw |= {"format_version": 7, "need_policy": None, "forecast": None, "forecast_note": ""}
    raw["scope"] = "PV27"
    province = ReportData.from_dict(raw)
    assert province.taakstelling.municipalities  # the sample's rows, kept
    as_v10 = province.to_dict() | {"format_version": 10}
    kept = ReportData.from_dict(as_v10)
    assert kept.taakstelling == province.taakstelling
    national = ReportData.from_dict(as_v10 | {"scope": "NL"})
    assert national.taakstelling.municipalities == ()
    assert national.taakstelling.provinces == province.taakstelling.provinces
    assert national.taakstelling.national == province.taakstelling.national
    assert national.key_figures == province.key_figures


def test_a_version_11_timeline_gets_the_total_it_showed() -> None:
    """Version 12 stores the core's total capacity per week; an older report gets the
    structural plus temporary places its renderers added, once, on reading."""
    raw = json.loads((SAMPLES / "report-v5.json").read_text(encoding="utf-8"))
    timeline = raw["timeline"]
    assert timeline is not None
    data = ReportData.from_dict(raw)
    assert data.timeline is not None
    assert (timeline["structural"][0], timeline["temporary"][0]) == (30_000, 2_000)
    assert data.timeline.total[0] == 32_000
    assert len(data.timeline.total) == len(timeline["week_starts"])
    assert ReportData.from_json(data.to_json()) == data


def test_a_version_12_report_did_not_record_why_a_figure_had_no_value() -> None:
    """Version 13 freezes why a key figure has no value (the taakstelling of the half year
    was not set). A version 12 report did not record it: "" (not recorded), never a reason
    made up on reading, and its figures stay as published."""
    raw = json.loads((SAMPLES / "report-v5.json").read_text(encoding="utf-8"))
    data = ReportData.from_dict(raw)
    as_v12 = data.to_dict() | {"format_version": 12}
    as_v12["key_figures"] = [
        {k: v for k, v in figure.items() if k != "reason"} for figure in as_v12["key_figures"]
    ]
    upgraded = ReportData.from_dict(as_v12)
    assert upgraded.format_version == FORMAT_VERSION
    assert {figure.reason for figure in upgraded.key_figures} == {""}
    assert upgraded.no_data_reasons == ()
    assert [f.value for f in upgraded.key_figures] == [f.value for f in data.key_figures]


def test_a_version_12_report_keeps_its_shopping_list_as_published() -> None:
    """Version 13 counts the replacements of closing locations in the gap items (a changed
    definition) and records which kinds the list leaves out as afgeschermd. A version 12
    report keeps its items as published, double count and all, and did not record what it
    left out: "" and none, never a guess; its web page, PDF and Excel show no such note."""
    from regietafel.rapportage.render.html import ReportMeta, render_print_html

    raw = json.loads((SAMPLES / "report-v5.json").read_text(encoding="utf-8"))
    current = ReportData.from_dict(raw).to_dict()
    as_v12b = {
        key: value
        for key, value in current.items()
        if key not in {"shopping_note", "shopping_hidden"}
    } | {"format_version": 12}
    shopping = [
        {**raw["shopping"][0], "key": "regulier-plaatsen-lang", "quantity": 1199},
        {**raw["shopping"][0], "key": "sluitingen-2022-05", "quantity": 160},
    ]
    data = ReportData.from_dict(as_v12b | {"shopping": shopping})
    assert data.format_version == FORMAT_VERSION
    assert [(s.key, s.quantity) for s in data.shopping or ()] == [
        ("regulier-plaatsen-lang", 1199),
        ("sluitingen-2022-05", 160),
    ]
    assert (data.shopping_note, data.shopping_hidden) == ("", ())
    assert ReportData.from_json(data.to_json()) == data
    section = render_print_html(data, ReportMeta(1, None, "rapportage")).split('id="boodschappen"')[
        1
    ]
    assert "afgeschermd" not in section.split("</section>")[0]
