"""The overview compares each key figure with last week and with a chosen earlier week."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from tests.opvangbeeld.factories import STANDARD, make_register

pytestmark = pytest.mark.django_db


def _card(body: str, code: str) -> str:
    match = re.search(rf'data-kerncijfer="{code}">(.*?)</li>', body, re.S)
    assert match is not None, code
    return match.group(1)


def test_change_since_the_previous_meeting_beside_last_week(
    client_as: Callable[[str | None], Any],
) -> None:
    """Capacity: 850 in week 40 (without location B), 1.050 in weeks 44 and 45 (with B's 200)."""
    make_register("2021-W40", [loc for loc in STANDARD if loc.code != "B"])
    make_register("2021-W44", STANDARD)
    make_register("2021-W45", STANDARD)
    body = client_as("landelijk").get("/?week=2021-W45&sinds=2021-W40").content.decode()
    card = _card(body, "capaciteit_nu")
    assert '<span class="figure__value">1.050</span>' in card
    assert "gelijk aan vorige week" in card
    assert (
        '<span class="figure__note" data-sinds="2021-W40">+200 t.o.v. week 2021-W40</span>' in card
    )
    # Without a chosen week there is no second comparison.
    plain = _card(client_as("landelijk").get("/?week=2021-W45").content.decode(), "capaciteit_nu")
    assert "data-sinds" not in plain


def test_a_comparison_week_after_the_shown_week_is_refused(
    client_as: Callable[[str | None], Any],
) -> None:
    response = client_as("landelijk").get("/?week=2021-W45&sinds=2021-W46")
    assert response.status_code == 400
    assert "vóór de getoonde week" in response.content.decode()
