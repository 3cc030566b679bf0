"""Choropleth maps: one shape per area, legend labels with counts, province values."""

from __future__ import annotations

from typing import Any

import pytest

from regietafel.charts import municipality_map, province_map, render_svg
from regietafel.charts.maps import class_labels, classify, label_points, sequential_palette
from tests.charts.conftest import SOURCE
from tests.charts.helpers import aria_labels, texts

ORDER = ["op schema", "enigszins achter", "ver achter", "geen gegevens"]


def _codes(topology: dict[str, Any], name: str) -> list[str]:
    return [str(g["id"]) for g in topology["objects"][name]["geometries"]]


def test_municipality_map_one_shape_per_municipality(gemeenten: dict[str, Any]) -> None:
    codes = _codes(gemeenten, "gemeenten")
    classes = {code: ORDER[i % 3] for i, code in enumerate(codes[:-10])}
    spec = municipality_map(
        topology=gemeenten,
        object_name="gemeenten",
        classes=classes,
        class_order=ORDER,
        title="Voortgang taakstelling per gemeente",
        source=SOURCE,
    )
    svg = render_svg(spec)
    assert svg.count("<path") >= len(codes)
    labels = aria_labels(svg)
    # every municipality is described by name, code and class (Vega writes aria-label)
    for code in codes:
        assert any(f"({code}): " in label for label in labels), code
    assert any(label.startswith("Amsterdam (GM0363): ") for label in labels)

    n = len(codes) - 10
    expected = {
        "op schema": len(range(0, n, 3)),
        "enigszins achter": len(range(1, n, 3)),
        "ver achter": len(range(2, n, 3)),
        "geen gegevens": 10,
    }
    shown = texts(svg)
    for name, count in expected.items():
        assert f"{name} ({count})" in shown
    assert "Voortgang taakstelling per gemeente" in shown
    assert SOURCE in shown


def test_municipality_map_legend_keeps_class_order(gemeenten: dict[str, Any]) -> None:
    codes = _codes(gemeenten, "gemeenten")
    classes = dict.fromkeys(codes, "ver achter")
    classes[codes[0]] = "op schema"
    svg = render_svg(
        municipality_map(
            topology=gemeenten,
            object_name="gemeenten",
            classes=classes,
            class_order=ORDER,
            title="Kaart",
            source=SOURCE,
        )
    )
    shown = texts(svg)
    legend = [t for t in shown if t.endswith(")") and t.split(" (")[0] in ORDER]
    assert legend == [
        "op schema (1)",
        "enigszins achter (0)",
        f"ver achter ({len(codes) - 1})",
        "geen gegevens (0)",
    ]


def test_municipality_map_rejects_unknown_class(gemeenten: dict[str, Any]) -> None:
    code = _codes(gemeenten, "gemeenten")[0]
    with pytest.raises(ValueError, match="class_order"):
        municipality_map(
            topology=gemeenten,
            object_name="gemeenten",
            classes={code: "onbekend"},
            class_order=ORDER,
            title="t",
            source=SOURCE,
        )


def test_municipality_map_rejects_wrong_object(gemeenten: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="ontbreekt"):
        municipality_map(
            topology=gemeenten,
            object_name="provincies",
            classes={},
            class_order=ORDER,
            title="t",
            source=SOURCE,
        )


def test_province_map_values_and_classes(provincies: dict[str, Any]) -> None:
    codes = _codes(provincies, "provincies")
    values = {code: 70.0 + 7 * i for i, code in enumerate(codes)}
    spec = province_map(
        topology=provincies,
        object_name="provincies",
        values=values,
        title="Capaciteit als % van redelijk aandeel",
        source=SOURCE,
        legend_title="capaciteit (% van redelijk aandeel)",
        class_breaks=[80, 100, 120],
    )
    svg = render_svg(spec)
    assert svg.count("<path") >= len(codes)
    shown = texts(svg)
    counts = [0, 0, 0, 0]
    for value in values.values():
        counts[classify(value, [80, 100, 120])] += 1
    for label, count in zip(class_labels([80, 100, 120]), counts, strict=True):
        assert f"{label} ({count})" in shown
    # each province shows its value as text (twice: halo + text)
    assert shown.count("70\u00a0%") == 2
    assert "capaciteit (% van redelijk aandeel)" in shown


def test_province_map_missing_values_get_no_data_class(provincies: dict[str, Any]) -> None:
    codes = _codes(provincies, "provincies")
    values = dict.fromkeys(codes[:-2], 95.5)
    svg = render_svg(
        province_map(
            topology=provincies,
            object_name="provincies",
            values=values,
            title="t",
            source=SOURCE,
            legend_title="x",
            class_breaks=[100],
            decimals=1,
        )
    )
    shown = texts(svg)
    assert "geen gegevens (2)" in shown
    assert f"minder dan 100,0\u00a0% ({len(codes) - 2})" in shown
    assert "95,5\u00a0%" in shown


def test_label_points_inside_the_netherlands(provincies: dict[str, Any]) -> None:
    points = label_points(provincies, "provincies")
    assert len(points) == 12
    for lon, lat in points.values():
        assert 3.3 < lon < 7.3
        assert 50.7 < lat < 53.6
    # Utrecht (PV26) lies south-east of Noord-Holland (PV27)
    assert points["PV26"][1] < points["PV27"][1]


def test_class_helpers() -> None:
    assert class_labels([80, 100]) == [
        "minder dan 80\u00a0%",
        "80\u00a0% tot 100\u00a0%",
        "100\u00a0% of meer",
    ]
    assert classify(79.9, [80, 100]) == 0
    assert classify(80, [80, 100]) == 1
    assert classify(100, [80, 100]) == 2
    assert len(set(sequential_palette(4))) == 4


def test_municipality_map_areas_are_named_links_with_class_symbols(
    gemeenten: dict[str, Any],
) -> None:
    import re

    from regietafel.charts import svg_for_html, topology_subset

    groningen = {
        str(g["id"])
        for g in gemeenten["objects"]["gemeenten"]["geometries"]
        if (g.get("properties") or {}).get("provinciecode") == "PV20"
    }
    topology = topology_subset(gemeenten, "gemeenten", groningen)
    classes = {code: ORDER[i % 3] for i, code in enumerate(sorted(groningen))}
    spec = municipality_map(
        topology=topology,
        object_name="gemeenten",
        classes=classes,
        class_order=ORDER[:3],
        title="Voortgang",
        source=SOURCE,
        links={code: f"/gemeenten/{code}/" for code in groningen},
        marked=True,
    )
    html = svg_for_html(render_svg(spec), title="Voortgang", description="d", id_prefix="k")
    links = re.findall(r'<a href="([^"]+)" aria-label="([^"]+)">', html)
    assert sorted(href for href, _ in links) == sorted(f"/gemeenten/{c}/" for c in groningen)
    assert ("/gemeenten/GM0014/", f"Groningen (GM0014): {classes['GM0014']}") in links
    assert "vega.github.io" not in html
    assert 'role="group"' in html  # a map of links is no single image
    # One symbol per class in the legend, so the classes read without colour.
    shown = texts(html)
    assert {"symbool", "op schema", "enigszins achter", "ver achter"} <= set(shown)


def test_a_long_source_line_is_wrapped_not_cut(gemeenten: dict[str, Any]) -> None:
    """The map's source line (87 characters) was cut at the chart's width: "grenzen CBS
    (CC B…". Now it is drawn as two lines, with the licence whole."""
    source = "Bron: taakstelling en realisatie (demodata waar gemarkeerd); grenzen CBS (CC BY 4.0)"
    codes = _codes(gemeenten, "gemeenten")
    svg = render_svg(
        municipality_map(
            topology=gemeenten,
            object_name="gemeenten",
            classes=dict.fromkeys(codes, "op schema"),
            class_order=ORDER,
            title="Voortgang",
            source=source,
        )
    )
    shown = texts(svg)
    assert not any("…" in line for line in shown)
    drawn = "".join(shown)
    assert "grenzen CBS" in drawn
    assert "(CC BY 4.0)" in drawn


def test_class_symbols_have_a_white_edge_for_dark_fills(gemeenten: dict[str, Any]) -> None:
    """The cross of "ver achter" is dark on the darkest fill: without an edge it vanished."""
    codes = _codes(gemeenten, "gemeenten")
    spec = municipality_map(
        topology=gemeenten,
        object_name="gemeenten",
        classes={code: ORDER[i % 3] for i, code in enumerate(codes)},
        class_order=ORDER,
        title="Voortgang",
        source=SOURCE,
        marked=True,
    )
    symbols = [layer for layer in spec["vconcat"][0]["layer"] if layer["mark"]["type"] == "point"]
    assert [s["mark"]["stroke"] for s in symbols] == ["#ffffff"]
    svg = render_svg(spec)
    assert 'stroke="#ffffff"' in svg or "stroke: #ffffff" in svg or 'stroke="#fff"' in svg


def test_a_map_of_links_says_nothing_in_english_to_screen_readers(
    gemeenten: dict[str, Any], provincies: dict[str, Any]
) -> None:
    """Inside a map of links Vega's own words reached the accessibility tree: "group mark
    container", "geoshape", "Title text '...'"; and each province value "lon: 6,7; lat: ...".
    """
    from regietafel.charts import svg_for_html, topology_subset

    groningen = {
        str(g["id"])
        for g in gemeenten["objects"]["gemeenten"]["geometries"]
        if (g.get("properties") or {}).get("provinciecode") == "PV20"
    }
    spec = municipality_map(
        topology=topology_subset(gemeenten, "gemeenten", groningen),
        object_name="gemeenten",
        classes=dict.fromkeys(groningen, "op schema"),
        class_order=ORDER[:1],
        title="Voortgang",
        source=SOURCE,
        links={code: f"/gemeenten/{code}/" for code in groningen},
    )
    svg = render_svg(spec)
    assert "aria-roledescription" in svg  # what Vega writes ...
    html = svg_for_html(svg, title="Voortgang", description="d", id_prefix="k")
    assert "aria-roledescription" not in html  # ... and what the page gets
    assert "Title text" not in html
    assert html.count('aria-hidden="true"') >= svg.count("Title text")

    values = province_map(
        topology=provincies,
        object_name="provincies",
        values={str(g["id"]): 90.0 for g in provincies["objects"]["provincies"]["geometries"]},
        title="t",
        source=SOURCE,
        legend_title="x",
        class_breaks=[100],
    )
    labels = aria_labels(render_svg(values))
    assert not [label for label in labels if label.startswith("lon:")]
    assert any(label.startswith("Groningen (PV20): ") for label in labels)
