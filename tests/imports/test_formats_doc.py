"""docs/bestandsformaten.md cannot drift from formats.py: every column, and working examples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regietafel.core.periods import IsoWeek
from regietafel.imports.formats import FORMATS, MPP_EXAMPLE_WEEK
from regietafel.imports.validation import validate_file

DOC = Path(__file__).resolve().parents[2] / "docs" / "bestandsformaten.md"


def sections() -> dict[str, str]:
    """The text of each format's section, keyed by kind (from the heading's `kind`)."""
    parts = re.split(r"^## ", DOC.read_text(encoding="utf-8"), flags=re.MULTILINE)
    found = {}
    for part in parts:
        heading = re.match(r"[^\n]*\(`(\w+)`\)", part)
        if heading:
            found[heading.group(1)] = part
    return found


def test_every_format_has_a_section() -> None:
    assert set(sections()) == set(FORMATS)


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_section_documents_every_column(kind: str) -> None:
    text = sections()[kind]
    for column in FORMATS[kind].columns:
        assert f"| `{column.name}` | {column.type.label} |" in text, column.name


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_section_example_is_accepted(kind: str) -> None:
    example = re.search(r"```csv\n(.*?)```", sections()[kind], flags=re.DOTALL)
    assert example is not None
    result = validate_file(
        FORMATS[kind],
        week=IsoWeek.parse(MPP_EXAMPLE_WEEK if kind == "mpp" else "2021-W45"),
        file_name=f"{kind}.csv",
        content=example.group(1).encode(),
    )
    assert [e.message for e in result.errors if not _only_incomplete(kind, e.message)] == []
    if kind == "realisatie":  # the first rows of a file that holds every municipality
        assert len(result.errors) == 1
        return
    assert len(result.rows) >= (2 if kind == "mpp" else 3)  # an MPP: min and max


def _only_incomplete(kind: str, message: str) -> bool:
    """A realisation example shows a few rows of a file that holds every municipality."""
    return kind == "realisatie" and "van de 352 gemeenten van 8 november 2021 ontbreken" in message
