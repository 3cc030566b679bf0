"""Choropleth maps of municipalities and provinces from a parsed TopoJSON topology.

The caller passes the topology as a dict (the package bundles the files; these functions
never read files). Classes are computed here in Python, so the legend can say what each
class means and how many areas fall in it ("ver achter (37)"): the map legend does not
rely on colour alone. Colours run from light to dark with clearly different lightness
(viridis, colour-blind safe); areas without data are white with a dashed outline.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from regietafel.charts._common import INK, format_number, with_title_and_source
from regietafel.core.formatting import NBSP

MAP_WIDTH = 420
MAP_HEIGHT = 500
NO_DATA = "geen gegevens"
NO_DATA_COLOUR = "#ffffff"

#: Viridis, light to dark. Lightness differs by 10+ L* between neighbours at every
#: selection we make, so classes are distinguishable in greyscale too.
_VIRIDIS = ("#fde725", "#a0da39", "#4ac16d", "#1fa187", "#277f8e", "#365c8d", "#46327e", "#440154")


def sequential_palette(n: int) -> list[str]:
    """``n`` viridis colours from light to dark, spread as far apart as possible."""
    if n < 1:
        return []
    if n == 1:
        return [_VIRIDIS[3]]
    last = len(_VIRIDIS) - 1
    return [_VIRIDIS[round(i * last / (n - 1))] for i in range(n)]


def _features(topology: Mapping[str, Any], object_name: str) -> list[dict[str, Any]]:
    if topology.get("type") != "Topology":
        raise ValueError("Geen TopoJSON-topologie (type is niet 'Topology').")
    objects = topology.get("objects", {})
    if object_name not in objects:
        raise ValueError(
            f"Object {object_name!r} ontbreekt in de topologie; aanwezig: {sorted(objects)}."
        )
    geometries: list[dict[str, Any]] = objects[object_name].get("geometries", [])
    return geometries


def _feature_code(geometry: Mapping[str, Any]) -> str:
    if "id" in geometry:
        return str(geometry["id"])
    raise ValueError("Een geometrie in de topologie heeft geen 'id'.")


def _feature_name(geometry: Mapping[str, Any]) -> str:
    props = geometry.get("properties") or {}
    for key in ("gemeentenaam", "provincienaam", "naam", "name"):
        if key in props:
            return str(props[key])
    return _feature_code(geometry)


def _decoded_arcs(topology: Mapping[str, Any]) -> list[list[tuple[float, float]]]:
    transform = topology.get("transform")
    arcs: list[list[tuple[float, float]]] = []
    for arc in topology.get("arcs", []):
        points: list[tuple[float, float]] = []
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            for dx, dy, *_ in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(p[0]), float(p[1])) for p in arc]
        arcs.append(points)
    return arcs


def _ring(
    arcs: list[list[tuple[float, float]]], indexes: Sequence[int]
) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def _ring_area_centroid(ring: Sequence[tuple[float, float]]) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        xs, ys = zip(*ring, strict=True)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(area / 2), cx / (3 * area), cy / (3 * area)


def topology_subset(
    topology: Mapping[str, Any], object_name: str, keep: set[str]
) -> dict[str, Any]:
    """The topology with only the geometries in ``keep`` (the map then zooms to them)."""
    objects = dict(topology["objects"])
    layer = dict(objects[object_name])
    layer["geometries"] = [g for g in layer["geometries"] if str(g.get("id")) in keep]
    objects[object_name] = layer
    result = dict(topology)
    result["objects"] = objects
    return result


def label_points(topology: Mapping[str, Any], object_name: str) -> dict[str, tuple[float, float]]:
    """Code -> (longitude, latitude) of the centroid of each feature's largest polygon.

    Good enough to place a label inside compact areas such as provinces; computed in
    plain Python from the TopoJSON arcs (planar, in degrees).
    """
    arcs = _decoded_arcs(topology)
    points: dict[str, tuple[float, float]] = {}
    for geometry in _features(topology, object_name):
        kind = geometry.get("type")
        if kind == "Polygon":
            polygons = [geometry["arcs"]]
        elif kind == "MultiPolygon":
            polygons = list(geometry["arcs"])
        else:
            continue
        best = max(
            (_ring_area_centroid(_ring(arcs, polygon[0])) for polygon in polygons if polygon),
            default=None,
        )
        if best is not None:
            points[_feature_code(geometry)] = (round(best[1], 5), round(best[2], 5))
    return points


def _choropleth(
    *,
    topology: Mapping[str, Any],
    object_name: str,
    codes_to_class: Mapping[str, str],
    class_order: Sequence[str],
    colours: Sequence[str],
    extra_text: Mapping[str, str],
    legend_title: str,
    title: str,
    source: str,
    overlay: Sequence[dict[str, Any]] = (),
    links: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    geometries = _features(topology, object_name)
    counts = Counter(codes_to_class.get(_feature_code(g), NO_DATA) for g in geometries)
    order = list(class_order)
    palette = list(colours)
    if counts[NO_DATA] and NO_DATA not in order:
        order.append(NO_DATA)
        palette.append(NO_DATA_COLOUR)
    unknown = set(counts) - set(order)
    if unknown:
        raise ValueError(f"Klassen {sorted(unknown)} staan niet in class_order.")
    labels = {name: f"{name} ({counts[name]})" for name in order}

    lookup_rows = []
    for geometry in geometries:
        code = _feature_code(geometry)
        klass = codes_to_class.get(code, NO_DATA)
        name = _feature_name(geometry)
        extra = extra_text.get(code)
        lookup_rows.append(
            {
                "code": code,
                "klasse": labels[klass],
                "geen_gegevens": klass == NO_DATA,
                "omschrijving": f"{name} ({code}): {klass}" + (f", {extra}" if extra else ""),
                "naam": name,
                **({"href": links.get(code, "")} if links is not None else {}),
            }
        )
    data = {
        "values": dict(topology),
        "format": {"type": "topojson", "feature": object_name},
    }
    lookup = {
        "lookup": "id",
        "from": {
            "data": {"values": lookup_rows},
            "key": "code",
            "fields": ["klasse", "omschrijving", "naam", "geen_gegevens"]
            + (["href"] if links is not None else []),
        },
    }
    legend_domain = [labels[name] for name in order]
    fill_layer: dict[str, Any] = {
        "data": data,
        "transform": [lookup],
        "mark": {"type": "geoshape", "stroke": "#6b6b6b", "strokeWidth": 0.35},
        "encoding": {
            "color": {
                "field": "klasse",
                "type": "nominal",
                "scale": {"domain": legend_domain, "range": palette},
                "legend": {
                    "title": legend_title,
                    "symbolType": "square",
                    "symbolSize": 220,
                    "symbolStrokeColor": "#4d4d4d",
                    "symbolStrokeWidth": 1,
                    "symbolOpacity": 1,
                    "orient": "bottom",
                    "direction": "vertical",
                    "labelFontSize": 12,
                },
            },
            "description": {"field": "omschrijving", "type": "nominal"},
            "tooltip": [
                {"field": "naam", "type": "nominal", "title": "naam"},
                {"field": "id", "type": "nominal", "title": "code"},
                {"field": "klasse", "type": "nominal", "title": legend_title},
            ],
        },
    }
    if links is not None:
        # Vega draws each area with a link inside an <a>, so the map leads to its pages.
        fill_layer["encoding"]["href"] = {"field": "href", "type": "nominal"}
    layers: list[dict[str, Any]] = [fill_layer]
    if counts[NO_DATA]:
        # Texture for "no data": a dashed darker outline, so it is not a colour-only cue.
        layers.append(
            {
                "data": data,
                "transform": [lookup, {"filter": "datum.geen_gegevens"}],
                "mark": {
                    "type": "geoshape",
                    "fill": None,
                    "filled": False,
                    "stroke": "#333333",
                    "strokeWidth": 0.8,
                    "strokeDash": [2, 2],
                },
                "encoding": {"description": {"field": "omschrijving", "type": "nominal"}},
            }
        )
    layers.extend(overlay)
    chart = {
        "width": MAP_WIDTH,
        "height": MAP_HEIGHT,
        "projection": {"type": "mercator"},
        "layer": layers,
    }
    summary = ", ".join(f"{name}: {counts[name]}" for name in order)
    description = f"{title}. Kaart met {len(geometries)} gebieden. {legend_title}: {summary}."
    return with_title_and_source(
        chart, title=title, source=source, width=MAP_WIDTH, description=description
    )


def municipality_map(
    *,
    topology: dict[str, Any],
    object_name: str,
    classes: Mapping[str, str],
    class_order: Sequence[str],
    title: str,
    source: str,
    legend_title: str = "voortgang",
    colours: Sequence[str] | None = None,
    links: Mapping[str, str] | None = None,
    marked: bool = False,
) -> dict[str, Any]:
    """Choropleth of municipalities: code (``GM0363``) -> class label.

    ``class_order`` lists the classes from best to worst (light to dark). The class
    ``"geen gegevens"`` always gets white with a dashed outline; municipalities in the
    topology without an entry in ``classes`` fall in it. Legend labels carry counts.
    ``links`` (code -> site path) makes every area a link to its page, named by its
    description; ``marked`` puts a symbol per class (circle, triangle, cross) in each area,
    so the classes read without colour.
    """
    order = list(class_order)
    if len(set(order)) != len(order):
        raise ValueError("class_order bevat een klasse twee keer.")
    data_classes = [name for name in order if name != NO_DATA]
    if colours is None:
        palette_iter = iter(sequential_palette(len(data_classes)))
        palette = [NO_DATA_COLOUR if name == NO_DATA else next(palette_iter) for name in order]
    else:
        if len(colours) != len(order):
            raise ValueError("Geef precies één kleur per klasse in class_order.")
        palette = list(colours)
    return _choropleth(
        topology=topology,
        object_name=object_name,
        codes_to_class=classes,
        class_order=order,
        colours=palette,
        extra_text={},
        legend_title=legend_title,
        title=title,
        source=source,
        links=links,
        overlay=_class_symbols(topology, object_name, classes, data_classes) if marked else (),
    )


_SYMBOLS = ("circle", "triangle-up", "cross", "square", "diamond", "triangle-down")


def _class_symbols(
    topology: Mapping[str, Any],
    object_name: str,
    classes: Mapping[str, str],
    order: Sequence[str],
) -> list[dict[str, Any]]:
    """A small dark symbol per class at each area's centre, with its own legend."""
    if len(order) > len(_SYMBOLS):
        raise ValueError(f"Hoogstens {len(_SYMBOLS)} klassen met een symbool.")
    points = label_points(topology, object_name)
    size = 30 if len(points) <= 100 else 8  # a country of 352 areas needs small symbols
    rows = [
        {"lon": lon, "lat": lat, "klasse": classes[code]}
        for code, (lon, lat) in sorted(points.items())
        if code in classes
    ]
    return [
        {
            "data": {"values": rows},
            # A white edge keeps the dark symbol visible on the darkest fill (a cross on "ver
            # achter" was invisible on its dark purple).
            "mark": {
                "type": "point",
                "filled": True,
                "size": size,
                "opacity": 1,
                "stroke": "#ffffff",
                "strokeWidth": 1 if size > 10 else 0.5,
                "aria": False,
            },
            "encoding": {
                "longitude": {"field": "lon", "type": "quantitative"},
                "latitude": {"field": "lat", "type": "quantitative"},
                "shape": {
                    "field": "klasse",
                    "type": "nominal",
                    "scale": {"domain": list(order), "range": list(_SYMBOLS[: len(order)])},
                    "legend": {"title": "symbool", "orient": "bottom", "direction": "vertical"},
                },
                "color": {"value": INK},
            },
        }
    ]


def with_unit(number: str, unit: str) -> str:
    """ "64 %" with a no-break space for a percentage; any other unit as it is given."""
    return f"{number}{NBSP}%" if unit == "%" else f"{number}{unit}"


def class_labels(breaks: Sequence[float], *, unit: str = "%", decimals: int = 0) -> list[str]:
    """Labels for the classes that ``breaks`` cut: 'minder dan 80 %', '80 % tot 100 %', ...
    (a no-break space before "%", as ``core.formatting`` writes a percentage)."""

    def fmt(value: float) -> str:
        return with_unit(format_number(value, decimals), unit)

    if not breaks:
        return ["alle waarden"]
    labels = [f"minder dan {fmt(breaks[0])}"]
    labels += [f"{fmt(low)} tot {fmt(high)}" for low, high in itertools.pairwise(breaks)]
    labels.append(f"{fmt(breaks[-1])} of meer")
    return labels


def classify(value: float, breaks: Sequence[float]) -> int:
    """Index of the class a value falls in: below the first break is 0; breaks are lower
    bounds (a value equal to a break goes to the upper class)."""
    index = 0
    for bound in breaks:
        if value >= bound:
            index += 1
    return index


def province_map(
    *,
    topology: dict[str, Any],
    object_name: str,
    values: Mapping[str, float],
    title: str,
    source: str,
    legend_title: str,
    class_breaks: Sequence[float],
    unit: str = "%",
    decimals: int = 0,
    show_values: bool = True,
) -> dict[str, Any]:
    """Choropleth of provinces (code ``PV20`` -> value), binned at ``class_breaks``.

    With ``show_values`` each province also shows its value as text (Dutch number
    format) at its centroid, so the map reads without colour.
    """
    breaks = list(class_breaks)
    if breaks != sorted(breaks) or len(set(breaks)) != len(breaks):
        raise ValueError("class_breaks moeten strikt oplopen.")
    labels = class_labels(breaks, unit=unit, decimals=decimals)
    codes_to_class: dict[str, str] = {}
    texts: dict[str, str] = {}
    for code, value in values.items():
        if value is None or not math.isfinite(value):
            continue
        codes_to_class[code] = labels[classify(value, breaks)]
        texts[code] = with_unit(format_number(value, decimals), unit)
    overlay: list[dict[str, Any]] = []
    if show_values:
        points = label_points(topology, object_name)
        rows = [
            {"code": code, "lon": lon, "lat": lat, "tekst": texts[code]}
            for code, (lon, lat) in sorted(points.items())
            if code in texts
        ]
        for halo in (True, False):
            # Hidden from screen readers (Vega would say "lon: 6,7; lat: 53,2; tekst: 245 %"):
            # each area's own description already gives its value.
            mark: dict[str, Any] = {
                "type": "text",
                "fontSize": 11,
                "fontWeight": "bold",
                "color": INK,
                "aria": False,
            }
            if halo:
                mark.update({"stroke": "white", "strokeWidth": 3, "strokeJoin": "round"})
            overlay.append(
                {
                    "data": {"values": rows},
                    "mark": mark,
                    "encoding": {
                        "longitude": {"field": "lon", "type": "quantitative"},
                        "latitude": {"field": "lat", "type": "quantitative"},
                        "text": {"field": "tekst", "type": "nominal"},
                    },
                }
            )
    return _choropleth(
        topology=topology,
        object_name=object_name,
        codes_to_class=codes_to_class,
        class_order=labels,
        colours=sequential_palette(len(labels)),
        extra_text=texts,
        legend_title=legend_title,
        title=title,
        source=source,
        overlay=overlay,
    )
