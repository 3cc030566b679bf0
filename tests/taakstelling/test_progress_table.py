"""The progress rows rendered in Python equal what the former template rendered, in the one
notation of ``core.formatting`` (a negative with "−", "12,3 %" with a no-break space), where
Django's localisation writes "-7" and the template wrote "12,3%"."""

from __future__ import annotations

import re

import pytest
from django.template import Context, Template
from django.template.defaultfilters import floatformat
from django.utils import translation
from hypothesis import example, given, settings
from hypothesis import strategies as st

from regietafel.core.formatting import MINUS, NBSP
from regietafel.core.rules import ScheduleClass
from regietafel.core.taakstelling import ProgressRow
from regietafel.taakstelling.templatetags.taakstelling_tabel import (
    integer_nl,
    one_decimal_nl,
    progress_rows,
)

#: The row loop of ``_progress_table.html`` as it was, with its badge include inlined.
FORMER = """{% load l10n %}{% for row in rows %}
  <tr>
    <th scope="row">{{ row.name }} <span class="muted">{{ row.code }}</span></th>
    <td class="num">{{ row.taakstelling }}</td>
    <td class="num">{{ row.arrears }}</td>
    <td class="num">{{ row.corrected }}</td>
    <td class="num">{{ row.housed }}</td>
    <td class="num">{{ row.remaining }}</td>
    <td class="num">{{ row.expected|floatformat:1 }}</td>
    <td class="num">{{ row.schedule_arrears }}</td>
    <td class="num">{% if row.percentage is None %}–{% else %}{{ row.percentage|floatformat:1 }}\u00a0%{% endif %}</td>
    <td><span class="badge {% if row.schedule == 'op-schema' %}status--ok{% elif row.schedule == 'enigszins-achter' %}status--warn{% else %}status--bad{% endif %}">{{ row.schedule.label }}</span></td>
  </tr>
  {% endfor %}"""  # noqa: E501


def _normalise(html: str) -> str:
    return re.sub(r">\s+<", "><", html).strip()


def _with_minus(text: str) -> str:
    """Django's "-7" in the one notation: "−7"."""
    return text.replace("-", MINUS)


def _row(
    name: str, *, task: int, arrears: int, housed: int, months: int, schedule: ScheduleClass
) -> ProgressRow:
    return ProgressRow(
        code="GM0363", name=name, province="Noord-Holland", taakstelling=task, arrears=arrears,
        corrected=task + arrears, housed=housed, months_elapsed=months, schedule=schedule,
    )  # fmt: skip


ROWS = [
    _row(
        "'s-Hertogenbosch",
        task=112,
        arrears=-7,
        housed=49,
        months=3,
        schedule=ScheduleClass.ON_SCHEDULE,
    ),
    _row(
        "Amsterdam & Co <b>",
        task=1_234,
        arrears=56,
        housed=1_400,
        months=6,
        schedule=ScheduleClass.FAR_BEHIND,
    ),
    _row(
        "Vlieland", task=0, arrears=-2, housed=3, months=1, schedule=ScheduleClass.SOMEWHAT_BEHIND
    ),
    _row(
        "Teststad", task=400, arrears=0, housed=49, months=5, schedule=ScheduleClass.SOMEWHAT_BEHIND
    ),  # 12,25 %: a half-up tie
    _row("Nul", task=0, arrears=0, housed=0, months=0, schedule=ScheduleClass.ON_SCHEDULE),
]


def test_rows_equal_the_former_template() -> None:
    with translation.override("nl"):
        former = Template(FORMER).render(Context({"rows": ROWS}))
        fast = progress_rows(ROWS)
    former = re.sub(r'(<td class="num">)-', rf"\1{MINUS}", former)
    assert _normalise(fast) == _normalise(former)
    assert "&#x27;s-Hertogenbosch" in fast
    assert "Amsterdam &amp; Co &lt;b&gt;" in fast
    assert f"12,3{NBSP}%" in fast  # 12.25 rounds half up, as floatformat does
    assert f'<td class="num">{MINUS}7</td>' in fast  # the arrears of 's-Hertogenbosch
    assert "-" not in re.sub(r"<th.*?</th>|<span.*?</span>", "", fast)  # no hyphen in a number


@settings(deadline=None, max_examples=300)
@given(
    value=st.one_of(
        # The page's two decimals: expected = corrected x months / 6, 100 x housed / corrected.
        st.builds(lambda c, m: c * m / 6, st.integers(-(10**6), 10**6), st.integers(0, 6)),
        st.builds(lambda h, c: 100 * h / c, st.integers(0, 10**6), st.integers(1, 10**6)),
    )
)
@example(value=12.25)
@example(value=-0.04)
@example(value=0.05)
@example(value=1234.95)
def test_one_decimal_equals_floatformat(value: float) -> None:
    with translation.override("nl"):
        assert one_decimal_nl(value) == _with_minus(floatformat(value, 1))


@pytest.mark.parametrize("value", [0, 7, -7, 999, 1_000, -12_345, 10**7])
def test_integers_equal_django_localisation(value: int) -> None:
    with translation.override("nl"):
        assert integer_nl(value) == _with_minus(Template("{{ v }}").render(Context({"v": value})))
