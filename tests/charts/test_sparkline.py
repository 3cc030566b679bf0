"""The sparkline: coordinates counted by hand, gaps break the line, the label is the text."""

from __future__ import annotations

import re

from regietafel.charts.sparkline import sparkline_svg


def test_gaps_break_the_line_and_points_are_placed_by_hand() -> None:
    # Width 120, height 28, padding 3: x = 3, 60, 117 (step 57); low 0 -> y 25, high 10 -> y 3.
    svg = sparkline_svg((0.0, None, 10.0), label="Capaciteit <nu>")
    assert "<polyline" not in svg  # no two known neighbours: no line across the gap
    assert '<circle class="sparkline__line" cx="3.0" cy="25.0"' in svg
    assert '<circle class="sparkline__line" cx="117.0" cy="3.0"' in svg
    assert '<circle class="sparkline__end" cx="117.0" cy="3.0" r="2"' in svg
    assert 'aria-label="Capaciteit &lt;nu&gt;"' in svg
    assert "<title>Capaciteit &lt;nu&gt;</title>" in svg
    assert 'role="img"' in svg


def test_a_run_is_one_polyline_and_a_flat_line_sits_in_the_middle() -> None:
    svg = sparkline_svg((None, 5.0, 5.0, 5.0), label="vlak")
    # x = 3 + i * 38 for i = 0..3; a flat line at half the height (14).
    assert re.search(
        r'<polyline class="sparkline__line" points="41.0,14.0 79.0,14.0 117.0,14.0"', svg
    )


def test_a_projection_is_dashed_and_continues_from_the_last_value() -> None:
    svg = sparkline_svg((0.0, 10.0), (20.0,), label="met prognose")
    # x = 3, 60, 117; y: 0 -> 25, 10 -> 14, 20 -> 3.
    assert 'points="3.0,25.0 60.0,14.0"' in svg
    assert 'class="sparkline__projection" points="60.0,14.0 117.0,3.0"' in svg
    assert 'stroke-dasharray="3 2"' in svg


def test_without_any_value_only_the_text_remains() -> None:
    svg = sparkline_svg((None, None), label="geen gegevens")
    assert "<polyline" not in svg
    assert "<circle" not in svg
    assert "<title>geen gegevens</title>" in svg
