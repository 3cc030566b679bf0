"""Line, area, bar and fan charts: valid SVG, Dutch titles, Dutch number and date format."""

from __future__ import annotations

import re
from datetime import date

import pytest

from regietafel.charts import (
    ChartError,
    bar_chart,
    capacity_timeline_chart,
    fan_chart,
    need_vs_capacity_chart,
    render_svg,
)
from tests.charts.conftest import SOURCE
from tests.charts.helpers import aria_labels, texts

THOUSANDS_TICK = re.compile(r"^\d{1,3}(\.\d{3})+$")


def _capacity(weeks: list[date]) -> dict[str, object]:
    n = len(weeks)
    return capacity_timeline_chart(
        week_starts=weeks,
        structural=[50_000 + 200 * i for i in range(n)],
        temporary=[12_500 if i < 18 else 3_000 for i in range(n)],
        need=[64_000 + 150 * i for i in range(n)],
        title="Opvangcapaciteit per week",
        source=SOURCE,
    )


def test_capacity_timeline_renders_dutch(weeks: list[date]) -> None:
    svg = render_svg(_capacity(weeks))
    labels = texts(svg)
    assert "Opvangcapaciteit per week" in labels
    assert SOURCE in labels
    assert "aantal plaatsen" in labels
    assert "week (begindatum)" in labels
    # y ticks use the Dutch thousands separator: 10.000, 20.000, ...
    ticks = [t for t in labels if THOUSANDS_TICK.match(t)]
    assert "10.000" in ticks
    assert not any("," in t for t in ticks)
    # Dutch month abbreviations from the time locale (March = "mrt", May = "mei").
    assert any("mrt" in t for t in labels)
    assert any("mei" in t for t in labels)
    assert {"structurele plaatsen", "tijdelijke plaatsen", "benodigde plaatsen"} <= set(labels)


def test_capacity_timeline_cliff_is_a_step(weeks: list[date]) -> None:
    spec = _capacity(weeks)
    area = spec["vconcat"][0]["layer"][0]  # type: ignore[index]
    assert area["mark"]["interpolate"] == "step-after"


def test_capacity_timeline_without_need(weeks: list[date]) -> None:
    spec = capacity_timeline_chart(
        week_starts=weeks[:4],
        structural=[1, 2, 3, 4],
        temporary=[4, 3, 2, 1],
        title="Zonder behoefte",
        source=SOURCE,
    )
    labels = texts(render_svg(spec))
    assert "benodigde plaatsen" not in labels
    assert "Zonder behoefte" in labels


def test_capacity_timeline_rejects_mismatched_lengths(weeks: list[date]) -> None:
    with pytest.raises(ValueError, match="structural"):
        capacity_timeline_chart(
            week_starts=weeks, structural=[1], temporary=[1] * len(weeks), title="t", source="s"
        )


def test_need_vs_capacity_shows_values() -> None:
    spec = need_vs_capacity_chart(
        rows=[
            ("nu", "regulier", 64_000, 62_500),
            ("over 3 maanden", "regulier", 66_000, 55_000),
            ("nu", "AMV", 4_000, 3_500),
            ("over 3 maanden", "AMV", 4_200, 3_300),
        ],
        title="Behoefte en capaciteit per horizon",
        source=SOURCE,
    )
    labels = texts(render_svg(spec))
    assert "Behoefte en capaciteit per horizon" in labels
    for value in ("64.000", "62.500", "55.000", "4.200", "3.300"):
        assert value in labels
    assert {"regulier", "AMV", "behoefte", "capaciteit", "aantal plaatsen"} <= set(labels)
    assert SOURCE in labels


def test_fan_chart_bands_and_legend(weeks: list[date]) -> None:
    n = len(weeks)
    cut = 20
    spec = fan_chart(
        dates=weeks,
        observed=[60_000 + 100 * i if i < cut else None for i in range(n)],
        median=[None if i < cut - 1 else 62_000 + 150.0 * i for i in range(n)],
        bands=[
            (
                0.5,
                [None if i < cut - 1 else 61_000.0 + 100 * i for i in range(n)],
                [None if i < cut - 1 else 63_000.0 + 250 * i for i in range(n)],
            ),
            (
                0.9,
                [None if i < cut - 1 else 60_000.0 + 50 * i for i in range(n)],
                [None if i < cut - 1 else 64_000.0 + 400 * i for i in range(n)],
            ),
        ],
        title="Prognose bezetting",
        source=SOURCE,
    )
    svg = render_svg(spec)
    labels = texts(svg)
    assert "Prognose bezetting" in labels
    assert {
        "waargenomen",
        "verwachting (mediaan)",
        "50\u00a0%-interval",
        "90\u00a0%-interval",
    } <= set(labels)
    assert any(THOUSANDS_TICK.match(t) for t in labels)


def test_fan_chart_without_observations_has_no_observed_line(weeks: list[date]) -> None:
    """A forecast only: no empty (unlabelled) line mark and no legend entry "waargenomen"."""
    n = len(weeks)
    spec = fan_chart(
        dates=weeks,
        observed=[None] * n,
        median=[1_000.0 + i for i in range(n)],
        bands=[(0.8, [900.0] * n, [1_200.0 + i for i in range(n)])],
        title="Alleen prognose",
        source=SOURCE,
    )
    labels = set(texts(render_svg(spec)))
    assert {"verwachting (mediaan)", "80\u00a0%-interval"} <= labels
    assert "waargenomen" not in labels


def test_fan_chart_rejects_bad_level(weeks: list[date]) -> None:
    with pytest.raises(ValueError, match="tussen 0 en 1"):
        fan_chart(
            dates=weeks[:2],
            observed=[1, 2],
            median=[1.0, 2.0],
            bands=[(90, [1.0, 1.0], [2.0, 2.0])],
            title="t",
            source="s",
        )


def test_bar_chart_dutch_decimals() -> None:
    spec = bar_chart(
        labels=["Groningen", "Fryslân", "Drenthe"],
        values=[87.5, 102.25, 12_500],
        title="Taakstelling gerealiseerd per provincie",
        source=SOURCE,
        x_title="gerealiseerd (% van taakstelling)",
    )
    svg = render_svg(spec)
    labels = texts(svg)
    assert "Taakstelling gerealiseerd per provincie" in labels
    assert "Fryslân" in labels
    assert "87,5" in labels  # decimal comma
    assert "12.500,0" in labels  # thousands point, one decimal as the tables
    assert "102,3" in labels  # 102,25 rounded half up; no trailing zero dropped ("60,0")
    assert "0,0" not in labels  # the axis ticks stay round: "0", "5.000"
    assert "gerealiseerd (% van taakstelling)" in labels
    # bar marks carry an aria description for screen readers
    assert aria_labels(svg)
    # ... but axes and legends no English one ("X-axis titled ... for a linear scale")
    assert not [label for label in aria_labels(svg) if "axis" in label or "legend" in label]


def test_chart_requires_title_and_source() -> None:
    with pytest.raises(ValueError, match="titel"):
        bar_chart(labels=["a"], values=[1.0], title=" ", source=SOURCE, x_title="x")
    with pytest.raises(ValueError, match="bronvermelding"):
        bar_chart(labels=["a"], values=[1.0], title="t", source="", x_title="x")


def test_render_is_deterministic(weeks: list[date]) -> None:
    spec = _capacity(weeks)
    assert render_svg(spec) == render_svg(spec)


def test_render_error_is_dutch() -> None:
    with pytest.raises(ChartError, match="kon niet worden getekend"):
        render_svg({"mark": "geen-bestaand-marktype", "data": {"values": []}})
    with pytest.raises(ChartError, match="geen geldige JSON"):
        render_svg({"data": {"values": [{"x": float("nan")}]}, "mark": "point"})


def test_render_refuses_remote_data() -> None:
    spec = {"data": {"url": "https://example.invalid/data.json"}, "mark": "point"}
    with pytest.raises(ChartError):
        render_svg(spec)


def test_import_leaves_the_chart_engine_out() -> None:
    """Importing the package must not pull in Altair or vl-convert (its time is measured in
    ``benchmarks/bench_startup.py``, not asserted here)."""
    import subprocess
    import sys

    code = (
        "import sys, regietafel.charts; print('altair' in sys.modules, 'vl_convert' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "False"]


@pytest.mark.parametrize(
    ("value", "decimals", "trim", "expected"),
    [
        (12_500, 0, False, "12.500"),
        (12_500.5, 1, False, "12.500,5"),
        (87.5, 1, True, "87,5"),
        (64.0, 1, True, "64"),
        (-1_234_567.891, 2, False, "\u22121.234.567,89"),  # U+2212, as d3's axes
    ],
)
def test_format_number_dutch(value: float, decimals: int, trim: bool, expected: str) -> None:
    from regietafel.charts._common import format_number

    assert format_number(value, decimals, trim=trim) == expected


def test_tradeoff_chart_places_each_policy_and_says_both_costs() -> None:
    from regietafel.charts import tradeoff_chart

    spec = tradeoff_chart(
        labels=["vaste buffer +417", "bestellen tot 90e percentiel"],
        x_values=[55_294.4, 495_927.0],
        y_values=[302_135.2, 24_477.0],
        title="Tekort tegen lege plekken",
        source=SOURCE,
        x_title="lege plekweken",
        y_title="tekort (persoonweken)",
    )
    svg = render_svg(spec)
    labels = texts(svg)
    assert {"vaste buffer +417", "bestellen tot 90e percentiel"} <= set(labels)
    assert {"lege plekweken", "tekort (persoonweken)"} <= set(labels)
    description = spec["description"]
    assert "vaste buffer +417: lege plekweken 55.294, tekort (persoonweken) 302.135" in description
    assert "bestellen tot 90e percentiel: lege plekweken 495.927" in description
    with pytest.raises(ValueError, match="Geen labels"):
        tradeoff_chart(labels=[], x_values=[], y_values=[], title="t", source="s",
                       x_title="x", y_title="y")  # fmt: skip
