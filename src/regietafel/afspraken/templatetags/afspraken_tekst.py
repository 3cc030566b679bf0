"""Agreement texts in print: a long unbroken word gets break opportunities.

WeasyPrint breaks a word that does not fit its column one candidate at a time: one word of
2.000 characters took over half a minute, 200.000 characters hung the PDF action list (100 %
CPU). A zero-width space every ``CHUNK`` characters of such a word lets it break at once;
the text reads the same. Only the PDF needs it: the browser wraps with ``overflow-wrap``.
"""

from __future__ import annotations

import re

from django import template

register = template.Library()

CHUNK = 20
"""Characters between two break opportunities; narrower than the narrowest column."""
_LONG_WORD = re.compile(rf"\S{{{CHUNK + 1},}}")
ZERO_WIDTH_SPACE = "\u200b"


def _split(match: re.Match[str]) -> str:
    word = match.group(0)
    return ZERO_WIDTH_SPACE.join(word[i : i + CHUNK] for i in range(0, len(word), CHUNK))


@register.filter
def breakable(text: str) -> str:
    """``text`` with a zero-width space every ``CHUNK`` characters of each longer word."""
    return _LONG_WORD.sub(_split, str(text))
