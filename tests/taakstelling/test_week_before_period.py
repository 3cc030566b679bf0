"""A taakstelling page of a week before its period shows no figures of that period.

2021-I is set, its final delivery (week 26) puts Groningen city at 50 housed, and 2021-II is
set with the arrears of that delivery: corrected 11.000 + (13.500 - 50) = 24.450 nationally.
``/taakstelling/2021-II/?week=2021-W10`` showed that corrected task, its arrears "(realisatie
2021-W26 v1)" — delivered after the week shown — and "0 van 6 maanden". A week whose Monday
lies before 1 July 2021 (week 26 too: Monday 28 June) has no progress of 2021-II: the page
says why, a download of it is a 404.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from regietafel.errors import NoDataError
from regietafel.taakstelling.models import TaakstellingPeriod
from regietafel.taakstelling.selectors import default_week, progress
from regietafel.taakstelling.services import taakstelling_set
from tests.factories import realisation

pytestmark = pytest.mark.django_db

Client = Callable[[str | None], Any]


@pytest.fixture
def second_half() -> TaakstellingPeriod:
    taakstelling_set(actor=None, period="2021-I", national_total=13_500)
    realisation("2021-W26", "2021-I", {"GM0014": ("PV20", 50)})
    return taakstelling_set(actor=None, period="2021-II", national_total=11_000)


@pytest.mark.parametrize("week", ["2020-W10", "2021-W10", "2021-W26"])
def test_a_week_before_the_period_has_no_figures_of_it(
    second_half: TaakstellingPeriod, client_as: Client, week: str
) -> None:
    client = client_as("landelijk")
    response = client.get(f"/taakstelling/2021-II/?week={week}")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Geen gegevens" in body
    assert (
        f"Week {week} ligt vóór taakstelling 2021-II, die loopt van 1 juli 2021 tot en met "
        "31 december 2021"
    ) in body
    assert "De voortgang begint in week 2021-W27." in body
    assert "24.450" not in body
    assert second_half.arrears_source not in body
    assert "van 6 maanden" not in body
    csv = client.get(f"/taakstelling/2021-II/?week={week}&formaat=csv")
    assert csv.status_code == 404


def test_the_selector_refuses_it_and_the_first_week_shows(
    second_half: TaakstellingPeriod, make_user: Callable[[str], Any], client_as: Client
) -> None:
    with pytest.raises(NoDataError, match="ligt vóór taakstelling 2021-II"):
        progress(user=make_user("landelijk"), label="2021-II", week="2021-W26")
    view = progress(user=make_user("landelijk"), label="2021-II", week="2021-W27")
    assert (view.national.row.corrected, view.months_elapsed, view.realisation) == (
        24_450,
        0,
        None,
    )
    # The newest delivery (week 26) lies before 2021-II: its page opens at its first week.
    assert default_week(second_half) == "2021-W27"
    body = client_as("landelijk").get("/taakstelling/2021-II/").content.decode()
    assert "Stand in week 2021-W27" in body
    assert "24.450" in body
