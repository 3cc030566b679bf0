"""The forecast's reads are scoped to the reader, per role, on the standard register.

The standard register of 2021-W45 (``tests/opvangbeeld/factories.py``): Noord-Holland (PV27)
has A (500 places, open) and B (200 places until 27 February 2022); Groningen (PV20) has C
(300 places) and the confidential AMV location D (50 places, 40 residents). One confidential
location in the country: Groningen's and the national occupancy are afgeschermd for every
role but COA.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from regietafel.core.periods import IsoWeek
from regietafel.opvangprognose import selectors
from regietafel.opvangprognose.selectors import ForecastSuppressedError
from tests.opvangbeeld.factories import standard_register

W45 = IsoWeek.parse("2021-W45")
MONDAY = date(2021, 11, 8)
AFTER_B = date(2022, 2, 28)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("key", "allowed"),
    [
        ("landelijk", {None: 1050, "PV27": 700, "PV20": 350}),
        ("provincie", {None: 1050, "PV27": 700}),  # Noord-Holland's PRT
        ("provincie_andere", {None: 1050, "PV20": 350}),  # Groningen's PRT
        ("coa", {None: 1050, "PV27": 700, "PV20": 350}),
    ],
)
def test_register_contracted_per_role(
    key: str, allowed: dict[str | None, int], make_user: Callable[[str], Any]
) -> None:
    standard_register()
    user = make_user(key)
    for code in (None, "PV27", "PV20"):
        if code in allowed:
            contracted = selectors.register_contracted(user=user, week=W45, code=code)
            assert contracted is not None
            assert contracted.on(MONDAY) == allowed[code]
        else:
            with pytest.raises(PermissionDenied):
                selectors.register_contracted(user=user, week=W45, code=code)
    if "PV27" in allowed:  # B's 200 places end on Sunday 27 February 2022
        own = selectors.register_contracted(user=user, week=W45, code="PV27")
        assert own is not None
        assert own.on(AFTER_B) == 500


def test_register_contracted_needs_a_role(make_user: Callable[[str], Any]) -> None:
    from regietafel.accounts.models import User

    standard_register()
    with pytest.raises(PermissionDenied):
        selectors.register_contracted(user=User(username="zonder-rol"), week=W45, code=None)


def test_the_unmasked_start_is_no_public_read() -> None:
    """The start of a run reads the register unmasked (one cached run for every reader):
    a building block, not a selector a page or the API could call without a user."""
    assert not hasattr(selectors, "start_state")
    assert not hasattr(selectors, "register_start")


@pytest.mark.parametrize("key", ["landelijk", "provincie", "provincie_andere"])
def test_the_public_start_is_refused_where_occupancy_is_afgeschermd(
    key: str, make_user: Callable[[str], Any]
) -> None:
    standard_register()
    user = make_user(key)
    own = {"landelijk": None, "provincie": "PV27", "provincie_andere": "PV20"}[key]
    with pytest.raises(ForecastSuppressedError):
        selectors.visible_start(user, W45, own)


def test_coa_gets_the_register_start(make_user: Callable[[str], Any]) -> None:
    standard_register()
    state, _note = selectors.visible_start(make_user("coa"), W45, None)
    assert state is not None
    assert state.occupancy == 450 + 180 + 300 + 40
