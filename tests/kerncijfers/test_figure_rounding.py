"""A figure rounds half up on every surface: the template filter reads the core's one rule."""

from __future__ import annotations

from pathlib import Path

import pytest

import regietafel
from regietafel.core.catalogue import definition, figure_delta, round_half_up_to
from regietafel.kerncijfers.templatetags.regietafel_figures import figure_value


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (222.5, "223"),  # Python's round() gives 222 (half to even)
        (0.5, "1"),  # round() gives 0
        (1.5, "2"),
        (1234.5, "1.235"),
        (None, "geen gegevens"),
    ],
)
def test_whole_figure_rounds_half_up(value: float | None, text: str) -> None:
    assert figure_value(value, "bezetting_nu") == text


def test_percentage_figure_rounds_half_up_on_the_number_as_written() -> None:
    # 36,25 % with one decimal: half up is 36,3 (round(36.25, 1) gives 36.2).
    assert figure_value(36.25, "gehuisvest_procent") == "36,3\u00a0%"
    assert round_half_up_to(36.25, 1) == 36.3
    assert figure_delta(36.25, 0.0, 1) == 36.3
    assert definition("gehuisvest_procent").decimals == 1


def test_no_template_formats_a_number_with_floatformat() -> None:
    """Templates write numbers through the core's filters (``getal``, ``procent``,
    ``figure_value``): ``floatformat`` writes no "geen gegevens" for None (an empty text)
    and an ASCII hyphen for a negative, so the same figure read differently on two pages."""
    root = Path(regietafel.__file__).parent
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("templates/**/*.html")
        if "floatformat" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
