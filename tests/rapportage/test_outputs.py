"""The PDF (every page has content, week, version and the demo mark) and the Excel numbers."""

from __future__ import annotations

import json
import shutil
import subprocess
import zlib
from collections.abc import Callable
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from regietafel.rapportage.data import ReportData
from regietafel.rapportage.models import PublishedReport
from regietafel.rapportage.render import render_report
from regietafel.rapportage.render.html import ReportMeta, render_print_html
from tests.rapportage.conftest import FakeCollector
from tests.rapportage.factories import report_data, with_changes
from tests.rapportage.test_versions import SAMPLES

Publish = Callable[..., PublishedReport]


def pgm_ink(path: Path) -> int:
    """Pixels darker than near-white in a binary PGM (P5) written by ``pdftoppm -gray``."""
    raw = path.read_bytes()
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:
        while raw[pos : pos + 1].isspace():
            pos += 1
        if raw[pos : pos + 1] == b"#":
            pos = raw.index(b"\n", pos)
            continue
        end = pos
        while not raw[end : end + 1].isspace():
            end += 1
        fields.append(raw[pos:end])
        pos = end
    assert fields[0] == b"P5"
    width, height = int(fields[1]), int(fields[2])
    pixels = raw[pos + 1 : pos + 1 + width * height]
    return sum(1 for value in pixels if value < 200)


def pdf_pages(pdf: bytes, tmp_path: Path) -> tuple[list[int], list[str]]:
    if shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        pytest.skip(
            "poppler-utils (pdftoppm, pdftotext) ontbreekt: PDF-pagina's niet gecontroleerd"
        )
    source = tmp_path / "rapport.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-gray", "-r", "30", str(source), str(tmp_path / "p")], check=True)
    images = sorted(tmp_path.glob("p-*.pgm"))
    texts = []
    for number in range(1, len(images) + 1):
        result = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), "-layout", str(source), "-"],
            check=True,
            capture_output=True,
            text=True,
        )
        texts.append(result.stdout)
    return [pgm_ink(image) for image in images], texts


@pytest.mark.parametrize("scope", ["NL", "PV27"])
def test_pdf_every_page_has_content_week_version_and_demo_mark(
    publish: Publish, collector: FakeCollector, tmp_path: Path, scope: str
) -> None:
    publish(scope=scope)
    collector.current[scope] = with_changes(report_data(scope=scope), bezetting=31_400)
    report = publish(scope=scope, note="correctie")
    pdf = render_report(report, "pdf").content
    assert pdf.startswith(b"%PDF")
    ink, texts = pdf_pages(pdf, tmp_path)
    assert len(ink) >= 2
    assert all(count > 500 for count in ink), ink
    for number, text in enumerate(texts, start=1):
        assert "week 2021-W45" in text, number
        assert "versie 2 (correctie)" in text, number
        assert "synthetische demodata" in text, number
        assert f"pagina {number} van {len(texts)}" in text
    everything = "\n".join(texts)
    assert "31.400" in everything  # Dutch thousands separator
    assert "Correctie van versie 1" in everything


def test_pdf_without_demo_data_has_no_demo_mark(
    publish: Publish, collector: FakeCollector, tmp_path: Path
) -> None:
    collector.current["NL"] = report_data(synthetic=False)
    pdf = render_report(publish(), "pdf").content
    _, texts = pdf_pages(pdf, tmp_path)
    assert not any("synthetische demodata" in text for text in texts)
    assert all("versie 1" in text for text in texts)


def test_pdf_charts_are_vectors(publish: Publish) -> None:
    pdf = render_report(publish(), "pdf").content
    assert b"/Subtype /Image" not in pdf
    streams = [zlib.decompress(s) for s in _streams(pdf)]
    assert sum(s.count(b" re\n") + s.count(b" l\n") for s in streams) > 100


def _streams(pdf: bytes) -> list[bytes]:
    import re

    found = []
    for match in re.finditer(rb"/FlateDecode.*?stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            zlib.decompress(match.group(1))
        except zlib.error:
            continue
        found.append(match.group(1))
    return found


def test_excel_numbers_equal_the_frozen_data(publish: Publish) -> None:
    report = publish()
    data = report.report_data()
    book = load_workbook(BytesIO(render_report(report, "xlsx").content))
    assert "toelichting" in book.sheetnames
    info = {row[0]: row[1] for row in book["toelichting"].iter_rows(values_only=True)}
    assert info["week"] == "2021-W45"
    assert info["versie"] == 1
    assert info["synthetische demodata"] == "ja"
    assert info["behoeftebeleid"] == "vaste buffer van 417 plekken (LRT voorjaar 2021)"
    assert info["bron behoeftebeleid"] == "LRT-notulen voorjaar 2021"

    figures = {
        row[1]: row[3:6] for row in book["kerncijfers"].iter_rows(min_row=2, values_only=True)
    }
    assert figures["mensen in de opvang"] == (31_250, 30_900, 350)
    assert figures["gehuisvest (%)"] == (58.2, 55.0, 3.2)

    # Every PRT reads the national report: per municipality is the province reports'.
    assert "taakstelling gemeenten" not in book.sheetnames
    province = load_workbook(BytesIO(render_report(publish(scope="PV27"), "xlsx").content))
    sheet = province["taakstelling gemeenten"]
    header = [c.value for c in sheet[1]]
    rows = {
        r[0]: dict(zip(header, r, strict=True))
        for r in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert {row["provinciecode"] for row in rows.values()} == {"PV27"}
    assert rows["GM0363"]["gecorrigeerde taakstelling"] == 600
    assert rows["GM0363"]["gehuisvest"] == 300
    assert rows["GM0363"]["gehuisvest (%)"] == 50.0
    assert rows["GM0363"]["klasse"] == "ver achter"
    assert sheet["H2"].number_format == "#,##0"
    assert isinstance(sheet["H2"].value, int)

    gaps = list(book["capaciteit en behoefte"].iter_rows(min_row=2, values_only=True))
    assert [(g[2], g[5], g[6], g[7]) for g in gaps] == [
        (line.category_label, line.need, line.capacity, line.gap) for line in data.gaps
    ]
    provinces = {
        r[0]: r for r in book["taakstelling provincies"].iter_rows(min_row=2, values_only=True)
    }
    assert provinces["NL"][7] == 300 + 100 + 110
    assert book["doelen"]["H2"].value == 450
    assert book["boodschappenlijstje"]["C2"].value == 1_200


def test_html_output_is_the_print_document(publish: Publish) -> None:
    html = render_report(publish(), "html").content.decode()
    assert "@page" in html
    assert 'counter(page) " van " counter(pages)' in html
    assert html.count('role="img"') >= 4
    assert "31.250" in html
    assert (
        "Behoeftebeleid van deze week: <strong>vaste buffer van 417 plekken (LRT voorjaar "
        "2021)</strong> (het beleid dat op de maandag van de week gold (gedateerde lijst); "
        "bron: LRT-notulen voorjaar 2021)." in html
    )


def test_a_report_before_version_6_says_its_need_policy_was_not_recorded() -> None:
    raw = json.loads((SAMPLES / "report-v5.json").read_text(encoding="utf-8"))
    data = ReportData.from_dict(raw)
    html = render_print_html(data, ReportMeta(1, None, "rapportage"))
    assert "Behoeftebeleid van deze week: niet vastgelegd." in html


def test_pgm_reader_counts_only_dark_pixels(tmp_path: Path) -> None:
    path = tmp_path / "wit.pgm"
    path.write_bytes(b"P5\n# commentaar\n2 2\n255\n" + bytes([255, 255, 199, 201]))
    assert pgm_ink(path) == 1


def test_pdf_status_badges_stay_whole(
    publish: Publish, collector: FakeCollector, tmp_path: Path
) -> None:
    # A status is one word group in a box: "op koers" on one line, never "op" above "koers".
    data = report_data()
    target = replace(
        data.targets[0], title="600 extra opvangplekken vóór 1 december 2021 in alle provincies"
    )
    collector.current["NL"] = replace(data, targets=(target,))
    _, texts = pdf_pages(render_report(publish(), "pdf").content, tmp_path)
    lines = [line for text in texts for line in text.splitlines()]
    start = next(n for n, line in enumerate(lines) if "600 extra opvangplekken" in line)
    row = lines[start : start + 3]
    assert any("op koers" in line for line in row), row
