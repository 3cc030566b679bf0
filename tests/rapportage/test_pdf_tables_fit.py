"""Every table of every PDF fits its A4 page: nothing is drawn in the outer strip of the
page's left and right margins (a table wider than the page runs into it and is cut off at
the paper's edge). Pages are rendered with pdftoppm (poppler). Data: the demo set."""

from __future__ import annotations

import shutil
import subprocess
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.django_db

DPI = 50
STRIP_MM = 8
"""The outer strip checked on each side; the documents' side margins are 12–16 mm."""

DOCUMENTS = {
    "rapport-NL": "/rapport/2021-W06/NL/pdf/",
    "rapport-PV27": "/rapport/2021-W06/PV27/pdf/",
    "actielijst-LRT": "/afspraken/actielijst/?overleg=LRT&datum=2021-11-15&formaat=pdf",
    "actielijst-PRT": (
        "/afspraken/actielijst/?overleg=PRT&provincie=PV27&datum=2021-11-29&formaat=pdf"
    ),
    "bijlage": "/afspraken/bijlage/?week=2021-W06&formaat=pdf",
}


def _pgm(path: Path) -> tuple[int, int, bytes]:
    """Width, height and grey pixels of a binary PGM (P5) from ``pdftoppm -gray``."""
    raw = path.read_bytes()
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:
        while raw[pos : pos + 1].isspace():
            pos += 1
        end = pos
        while not raw[end : end + 1].isspace():
            end += 1
        fields.append(raw[pos:end])
        pos = end
    assert fields[0] == b"P5"
    width, height = int(fields[1]), int(fields[2])
    return width, height, raw[pos + 1 : pos + 1 + width * height]


def ink_at_the_edges(pdf: bytes, folder: Path) -> list[str]:
    """Per page, where dark pixels lie in the outer strips (empty: everything fits)."""
    source = folder / "document.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-gray", "-r", str(DPI), str(source), str(folder / "p")], check=True
    )
    problems = []
    pages = sorted(folder.glob("p-*.pgm"))
    assert pages
    strip = round(STRIP_MM / 25.4 * DPI)
    for number, image in enumerate(pages, start=1):
        width, height, pixels = _pgm(image)
        for side, columns in (("links", range(strip)), ("rechts", range(width - strip, width))):
            dark = sum(1 for y in range(height) for x in columns if pixels[y * width + x] < 160)
            if dark:
                problems.append(f"pagina {number}: {dark} donkere pixels in de rand {side}")
    return problems


def test_the_edge_check_sees_a_table_cut_off(tmp_path: Path) -> None:
    from regietafel.printing import html_to_pdf

    cells = "".join(f"<td>kolom-{i}-met-lange-inhoud</td>" for i in range(30))
    wide = f"<table><tr>{cells}</tr></table>"
    assert ink_at_the_edges(html_to_pdf((wide, str(tmp_path))), tmp_path)
    narrow = tmp_path / "smal"
    narrow.mkdir()
    ok = "<style>@page { size: A4; margin: 16mm }</style><table><tr><td>past</td></tr></table>"
    assert not ink_at_the_edges(html_to_pdf((ok, str(tmp_path))), narrow)


@pytest.fixture
def demo(settings: Any, tmp_path: Any) -> None:
    from regietafel.demo.services import demo_load
    from regietafel.rapportage.services import report_publish

    settings.DEMO_MODE = True
    settings.MEDIA_ROOT = tmp_path
    demo_load(weeks=6)
    for scope in ("NL", "PV27"):
        report_publish(actor=None, week="2021-W06", scope=scope)


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_pdf_tables_fit_the_page(name: str, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftoppm) ontbreekt: PDF-pagina's niet gecontroleerd")
    from django.test import Client

    from regietafel.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username="lrt"))
    response = client.get(DOCUMENTS[name])
    assert response.status_code == 200, name
    assert response["Content-Type"] == "application/pdf"
    assert not ink_at_the_edges(response.content, tmp_path)


HYPHEN = "\u2010"
"""The hyphen WeasyPrint draws where it hyphenates a word (``hyphenate-character``)."""

WHOLE_WORDS = frozenset(
    {"provincie", "groningen", "schema", "gemeenten", "bezetting", "capaciteit", "taakstelling"}
)
"""Names and header words that narrow columns cut ("provin-cie", "sche-ma", "bezettin g")."""


def cut_words(text: str) -> list[str]:
    """Words of ``text`` (pdftotext) split over two lines: hyphenated anywhere, or one of
    :data:`WHOLE_WORDS` broken without a hyphen."""
    lines = [line.split() for line in text.splitlines()]
    cut = []
    for first, second in pairwise(lines):
        if not first:
            continue
        if first[-1].endswith(HYPHEN):
            cut.append(first[-1])
        elif second and (first[-1] + second[0]).casefold() in WHOLE_WORDS:
            cut.append(f"{first[-1]}|{second[0]}")
    return sorted(set(cut))


def test_cut_words_finds_a_hyphenated_and_a_broken_word() -> None:
    text = f"provin{HYPHEN}\ncie\nop\nschem\na\nNoord-\nHolland\nbezetting\n"
    assert cut_words(text) == [f"provin{HYPHEN}", "schem|a"]


@pytest.mark.usefixtures("demo")
def test_pdf_tables_hyphenate_no_word(tmp_path: Path) -> None:
    """A column is as wide as its longest word: names and header words are never hyphenated
    or cut in two while the table has room (a name breaks only at its own hyphen or space)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) ontbreekt: PDF-tekst niet gecontroleerd")
    from django.test import Client

    from regietafel.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username="lrt"))
    for name, url in DOCUMENTS.items():
        source = tmp_path / f"{name}.pdf"
        source.write_bytes(client.get(url).content)
        text = subprocess.run(
            ["pdftotext", str(source), "-"], check=True, capture_output=True, text=True
        ).stdout
        assert cut_words(text) == [], name
