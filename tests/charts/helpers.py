"""Small SVG helpers for the chart tests."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG_NS = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # noqa: S314 - our own rendered SVG, not untrusted input
    assert root.tag == f"{SVG_NS}svg"
    return root


def texts(svg: str) -> list[str]:
    """Every ``<text>`` content in document order (vl-convert writes text as <text>)."""
    root = parse(svg)
    return ["".join(el.itertext()) for el in root.iter(f"{SVG_NS}text")]


def aria_labels(svg: str) -> list[str]:
    return re.findall(r'aria-label="([^"]*)"', svg)
