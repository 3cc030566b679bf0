"""svg_for_html output, and a full example page rendered to PDF with WeasyPrint."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zlib
from datetime import date
from typing import Any

import pytest

from regietafel.charts import (
    bar_chart,
    capacity_timeline_chart,
    municipality_map,
    render_svg,
    svg_for_html,
)
from tests.charts.conftest import SOURCE
from tests.charts.helpers import SVG_NS, texts


@pytest.fixture(scope="module")
def bar_svg() -> str:
    return render_svg(
        bar_chart(
            labels=["Groningen", "Utrecht"],
            values=[87.5, 12_500],
            title="Realisatie",
            source=SOURCE,
            x_title="gerealiseerd (%)",
        )
    )


def test_svg_for_html_accessible(bar_svg: str) -> None:
    html = svg_for_html(
        "<?xml version='1.0' encoding='utf-8'?>\n" + bar_svg,
        title="Realisatie <per> provincie",
        description="Groningen 87,5 & Utrecht 12.500",
        id_prefix="fig1",
    )
    assert html.startswith("<svg")
    root = ET.fromstring(html)  # noqa: S314 - our own output
    assert root.get("role") == "img"
    title = root.find(f"{SVG_NS}title")
    desc = root.find(f"{SVG_NS}desc")
    assert title is not None
    assert desc is not None
    assert title.text == "Realisatie <per> provincie"
    assert desc.text == "Groningen 87,5 & Utrecht 12.500"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    # title and desc are the first children (where axe and screen readers look)
    assert list(root)[:2] == [title, desc]


def test_svg_for_html_ids_unique_and_references_follow(bar_svg: str) -> None:
    first = svg_for_html(bar_svg, title="a", description="a")
    second = svg_for_html(bar_svg, title="b", description="b")
    ids_first = re.findall(r'\sid="([^"]+)"', first)
    ids_second = re.findall(r'\sid="([^"]+)"', second)
    assert len(set(ids_first)) == len(ids_first)
    assert not set(ids_first) & set(ids_second)
    for ref in re.findall(r"url\(#([^)]+)\)", first):
        assert ref in ids_first


def test_svg_for_html_is_reproducible_with_prefix(bar_svg: str) -> None:
    one = svg_for_html(bar_svg, title="t", description="d", id_prefix="x")
    two = svg_for_html(bar_svg, title="t", description="d", id_prefix="x")
    assert one == two
    with pytest.raises(ValueError, match="voorvoegsel"):
        svg_for_html(bar_svg, title="t", description="d", id_prefix="1 bad")


def _pdf_text_objects(pdf: bytes) -> int:
    """Count text objects (BT operators) in the PDF's content streams."""
    count = 0
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            content = zlib.decompress(stream)
        except zlib.error:
            continue
        count += len(re.findall(rb"\bBT\b", content))
    return count


def test_example_page_to_pdf(gemeenten: dict[str, Any], weeks: list[date]) -> None:
    weasyprint = pytest.importorskip("weasyprint")
    n = len(weeks)
    cap = render_svg(
        capacity_timeline_chart(
            week_starts=weeks,
            structural=[50_000 + 200 * i for i in range(n)],
            temporary=[12_500 if i < 18 else 3_000 for i in range(n)],
            need=[64_000] * n,
            title="Opvangcapaciteit per week",
            source=SOURCE,
        )
    )
    bar = render_svg(
        bar_chart(
            labels=["Groningen", "Utrecht", "Limburg"],
            values=[87.5, 102.0, 64.25],
            title="Taakstelling gerealiseerd",
            source=SOURCE,
            x_title="gerealiseerd (%)",
        )
    )
    codes = [str(g["id"]) for g in gemeenten["objects"]["gemeenten"]["geometries"]]
    order = ["op schema", "enigszins achter", "ver achter"]
    kaart = render_svg(
        municipality_map(
            topology=gemeenten,
            object_name="gemeenten",
            classes={code: order[i % 3] for i, code in enumerate(codes)},
            class_order=order,
            title="Voortgang per gemeente",
            source=SOURCE,
        )
    )
    figures = "".join(
        f"<figure>{svg_for_html(svg, title=t, description=t)}</figure>"
        for svg, t in ((cap, "capaciteit"), (bar, "taakstelling"), (kaart, "kaart"))
    )
    html = (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Weekrapport</title>'
        "<style>@page { size: A4; margin: 15mm } svg { max-width: 100%; height: auto }"
        "figure { break-inside: avoid }</style></head>"
        f"<body><h1>Weekrapport</h1>{figures}</body></html>"
    )
    pdf = weasyprint.HTML(string=html).write_pdf()
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 20_000
    # WeasyPrint drew the SVG <text> elements as real PDF text (not dropped):
    # one text object per SVG text, plus the heading.
    expected = sum(len(texts(svg)) for svg in (cap, bar, kaart))
    assert _pdf_text_objects(pdf) >= expected
