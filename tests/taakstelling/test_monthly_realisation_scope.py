"""Monthly realisation per municipality is province detail: scoped to the reader's role."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from regietafel.taakstelling import selectors
from regietafel.taakstelling.services import taakstelling_set
from tests.factories import realisation

pytestmark = pytest.mark.django_db

AMSTERDAM, GRONINGEN = "GM0363", "GM0014"  # Noord-Holland (PV27), Groningen (PV20)


@pytest.mark.parametrize(
    ("key", "readable"),
    [
        ("landelijk", {AMSTERDAM, GRONINGEN}),
        ("provincie", {AMSTERDAM}),
        ("provincie_andere", {GRONINGEN}),
        ("coa", {AMSTERDAM, GRONINGEN}),
    ],
)
def test_monthly_realisation_per_role(
    key: str, readable: set[str], make_user: Callable[[str], Any]
) -> None:
    period = taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    # Week 2021-W39 holds 1 October 2021.
    realisation("2021-W39", "2021-II", {AMSTERDAM: ("PV27", 100), GRONINGEN: ("PV20", 30)})
    user = make_user(key)
    for code, housed in ((AMSTERDAM, 100), (GRONINGEN, 30)):
        if code in readable:
            months = selectors.monthly_realisation(
                user=user, period=period, municipality_codes=[code]
            )
            october = next(m for m in months[code] if m.first_day == date(2021, 10, 1))
            assert (october.week, october.housed) == ("2021-W39", housed)
        else:
            with pytest.raises(PermissionDenied):
                selectors.monthly_realisation(user=user, period=period, municipality_codes=[code])
