"""Template filters that write any number a person reads on a web page in the one notation.

Django's own localisation writes a negative with an ASCII hyphen ("-120") and has no notion
of "%", so a page that printed ``{{ value }}`` or ``floatformat`` beside a card differed from
the card ("94,0%" against "81,0 %"). These filters write what
:mod:`regietafel.core.formatting` writes, and an unknown value as the marker the result
tables show ("geen gegevens", never 0 and never an empty cell).
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from regietafel.core.formatting import (
    NO_DATA_TEXT,
    format_change_nl,
    format_decimal_nl,
    format_percent_nl,
)

register = template.Library()


def no_data() -> SafeString:
    """The marker of an unknown value, as the result tables draw it."""
    return format_html('<span class="muted">{}</span>', NO_DATA_TEXT)


@register.filter
def getal(value: float | None, decimals: int = 0) -> str:
    """ "1.234", "−120", "87,5" (with ``decimals``); the no-data marker for None."""
    return no_data() if value is None else format_decimal_nl(value, decimals)


@register.filter
def procent(value: float | None, decimals: int = 1) -> str:
    """ "81,0 %" (no-break space), "−2,5 %"; the no-data marker for None."""
    return no_data() if value is None else format_percent_nl(value, decimals)


@register.filter
def verschil(value: float | None, decimals: int = 0) -> str:
    """ "+120", "−300", "0"; the no-data marker for None."""
    return no_data() if value is None else format_change_nl(value, decimals)
