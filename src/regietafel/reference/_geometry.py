"""Regroup TopoJSON municipalities after a merger that happened between two geometry files.

Only one such case exists (Weesp joined Amsterdam on 24 March 2022, while the geometry is of
1 January 2022), but a map of 1 June 2022 must have the same codes as the table beside it.
The merged municipality becomes a MultiPolygon of its parts' rings: it fills correctly, and
the former boundary stays as an edge between the parts (dissolving would mean re-stitching
arcs, which no map in this product needs).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from regietafel.reference.model import Merger, ReferenceDataError, dutch_date

Geometry = dict[str, Any]


def _polygons(geometry: Geometry) -> list[Any]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def apply_mergers(topology: dict[str, Any], mergers: Sequence[Merger]) -> dict[str, Any]:
    """A new topology with ``mergers`` applied; ``topology`` itself is left untouched."""
    geometries: list[Geometry] = list(topology["objects"]["gemeenten"]["geometries"])
    for merger in mergers:
        if merger.kind != "samenvoeging":
            raise ReferenceDataError(
                f"geen kaart voor de splitsing van {merger.old_code} op {dutch_date(merger.date)}"
            )
        by_code = {g["id"]: g for g in geometries}
        old = by_code[merger.old_code]
        new = by_code.get(merger.new_code)
        base = new if new is not None else old
        properties = {
            **base["properties"],
            "gemeentecode": merger.new_code,
            "gemeentenaam": merger.new_name,
        }
        parts = (_polygons(new) if new is not None else []) + _polygons(old)
        merged: Geometry = {
            "type": "MultiPolygon",
            "arcs": parts,
            "properties": properties,
            "id": merger.new_code,
        }
        geometries = [merged if g is base else g for g in geometries if g is base or g is not old]
    objects = {
        **topology["objects"],
        "gemeenten": {**topology["objects"]["gemeenten"], "geometries": geometries},
    }
    return {**topology, "objects": objects}
