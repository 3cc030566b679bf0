"""A small trend line (sparkline) as inline SVG: no JavaScript, no chart engine, no files.

The overview shows one beside every headline figure and the weekly report one beside every key
figure, so it must be cheap: plain string building, kept in a bounded cache keyed by the values
themselves (the data identity of a trend). A week without data breaks the line (a gap, never a
drop to 0); a projection ahead, where the figures model has one, is drawn dashed after it. The
text alternative (``label``) goes in ``<title>`` and ``aria-label``, so a screen reader hears
the first and last value instead of a picture.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

Values = tuple[float | None, ...]

WIDTH = 120
HEIGHT = 28
_PAD = 3


def _runs(points: list[tuple[float, float | None]]) -> list[list[tuple[float, float]]]:
    """Consecutive known points; a gap (None) ends a run."""
    runs: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    for x, y in points:
        if y is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append((x, y))
    if current:
        runs.append(current)
    return runs


_STYLE = {
    "sparkline__line": 'fill="none" stroke="#154273" stroke-width="1.5"',
    "sparkline__projection": (
        'fill="none" stroke="#154273" stroke-width="1.5" stroke-dasharray="3 2"'
    ),
}
"""Presentation attributes, not a style sheet: the same SVG looks alike on the page and in
the PDF, in the blue of the site (the PDF drew ``currentColor`` inside the SVG as black)."""


def _shape(run: list[tuple[float, float]], css: str) -> str:
    if len(run) == 1:
        x, y = run[0]
        return f'<circle class="{css}" cx="{x:.1f}" cy="{y:.1f}" r="1.5" fill="#154273"/>'
    coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
    return f'<polyline class="{css}" points="{coords}" {_STYLE[css]}/>'


@lru_cache(maxsize=2048)
def sparkline_svg(
    values: Values,
    projection: Values = (),
    *,
    label: str,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> str:
    """An SVG trend of ``values`` (oldest first) with ``projection`` dashed after it.

    The vertical scale runs from the lowest to the highest known value (a flat line sits in
    the middle); weeks are evenly spaced. Without any known value there is no line, only the
    text alternative.
    """
    known = [v for v in (*values, *projection) if v is not None]
    total = len(values) + len(projection)
    title = escape(label)
    head = (
        f'<svg class="sparkline" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label="{title}" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" focusable="false"><title>{title}</title>'
    )
    if not known or total == 0:
        return head + "</svg>"
    low, high = min(known), max(known)
    span = high - low
    step = (width - 2 * _PAD) / (total - 1) if total > 1 else 0.0

    def y_of(value: float | None) -> float | None:
        if value is None:
            return None
        if span == 0:
            return height / 2
        return _PAD + (height - 2 * _PAD) * (high - value) / span

    xs = [_PAD + i * step if total > 1 else width / 2 for i in range(total)]
    past = [(xs[i], y_of(v)) for i, v in enumerate(values)]
    parts = [_shape(run, "sparkline__line") for run in _runs(past)]
    if projection:
        last = past[-1] if past and past[-1][1] is not None else None
        ahead = [(xs[len(values) + i], y_of(v)) for i, v in enumerate(projection)]
        joined = ([last] if last is not None else []) + ahead
        parts += [_shape(run, "sparkline__projection") for run in _runs(joined)]
    end = next(((x, y) for x, y in reversed(past) if y is not None), None)
    if end is not None:
        parts.append(
            f'<circle class="sparkline__end" cx="{end[0]:.1f}" cy="{end[1]:.1f}" r="2" '
            'fill="#154273"/>'
        )
    return head + "".join(parts) + "</svg>"
