"""Meetings and agreements made through the services, as the users of each role would."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

LRT_AUTUMN = date(2021, 10, 25)
LRT_NOVEMBER = date(2021, 11, 15)


@pytest.fixture
def national(make_user: Callable[[str], Any]) -> Any:
    return make_user("landelijk")


@pytest.fixture
def lrt_meetings(national: Any) -> dict[date, Any]:
    from regietafel.afspraken.services import meeting_create

    return {
        day: meeting_create(
            actor=national,
            kind="LRT",
            on=day,
            parties=["jenv", "bzk", "coa"],
            agenda=["Opvang", "Provinciale verdeling"],
        )
        for day in (LRT_AUTUMN, LRT_NOVEMBER)
    }


@pytest.fixture
def agree(national: Any, lrt_meetings: dict[date, Any]) -> Callable[..., Any]:
    """Make an LRT agreement at the autumn meeting (keyword overrides)."""
    from regietafel.afspraken.services import agreement_create

    def make(**kwargs: Any) -> Any:
        spec: dict[str, Any] = {
            "actor": national,
            "meeting": lrt_meetings[LRT_AUTUMN],
            "text": "Een afspraak",
            "owner_party": "jenv",
            "deadline": date(2021, 11, 30),
            **kwargs,
        }
        return agreement_create(**spec)

    return make


@pytest.fixture
def prt_agreements(make_user: Callable[[str], Any]) -> None:
    """One agreement at the PRT of Noord-Holland (PRT-NH-2021-01) and of Groningen."""
    from regietafel.afspraken.services import agreement_create, meeting_create

    for key, code in (("provincie", "PV27"), ("provincie_andere", "PV20")):
        user = make_user(key)
        meeting = meeting_create(actor=user, kind="PRT", province_code=code, on=LRT_AUTUMN)
        agreement_create(
            actor=user,
            meeting=meeting,
            text=f"afspraak {code}",
            owner_party="provincie",
            deadline=LRT_NOVEMBER,
        )
