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
    assert data.format_version == FORMAT_VERSION == 3
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


def test_version_2_sample_is_upgraded_without_a_forecast() -> None:
    """Reports published before version 3 had no forecast: they read back with none."""
    raw = json.loads((SAMPLES / "report-v2.json").read_text(encoding="utf-8"))
    assert raw["format_version"] == 2
    assert "forecast" not in raw
    data = ReportData.from_dict(raw)
    assert data.format_version == 3
    assert data.forecast is None
    assert data.key_figure("bezetting_nu").value == 31_250


def test_a_version_from_the_future_is_refused_in_dutch() -> None:
    raw = json.loads((SAMPLES / "report-v1.json").read_text(encoding="utf-8"))
    raw["format_version"] = FORMAT_VERSION + 1
    with pytest.raises(ValueError, match="onbekende rapportversie"):
        ReportData.from_dict(raw)
