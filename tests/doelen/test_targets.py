"""Recording LRT targets (bad counts and dates refused in Dutch) and who reads which target."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from regietafel.core.periods import IsoWeek
from regietafel.core.rules import TargetStatus
from regietafel.doelen.models import Target
from regietafel.doelen.selectors import targets_visible_to
from regietafel.doelen.services import target_create
from regietafel.kerncijfers.selectors import targets_for
from tests.opvangbeeld.factories import STANDARD, Loc, make_register

W45 = IsoWeek.parse("2021-W45")

FORM = {
    "title": "300 plaatsen in Noord-Holland",
    "category": "regulier",
    "unit": "places",
    "quantity": "300",
    "start": "2021-10-01",
    "deadline": "2021-12-31",
    "province_code": "PV27",
}


def _create(actor: Any, **changes: Any) -> Target:
    spec: dict[str, Any] = {
        "title": "doel",
        "category": "regulier",
        "unit": "places",
        "quantity": 100,
        "start": date(2021, 10, 1),
        "deadline": date(2021, 12, 31),
        **changes,
    }
    return target_create(actor=actor, **spec)


@pytest.mark.django_db
def test_twenty_nines_on_the_page_are_a_dutch_message_not_a_500(
    client_as: Callable[[str | None], Any],
) -> None:
    """The user test typed 99999999999999999999 places: an OverflowError (500) before."""
    response = client_as("landelijk").post("/doelen/", {**FORM, "quantity": "9" * 20})
    assert response.status_code == 400
    page = response.content.decode()
    assert "10000000" in page or "10.000.000" in page  # Django's own max_value message
    assert not Target.objects.exists()


@pytest.mark.django_db
def test_the_service_refuses_counts_above_ten_million(make_user: Callable[[str], Any]) -> None:
    lrt = make_user("landelijk")
    with pytest.raises(ValidationError) as refused:
        _create(lrt, quantity=10**20, quantity_max=10**21)
    assert refused.value.message_dict == {
        "quantity": ["het aantal mag hoogstens 10.000.000 zijn"],
        "quantity_max": ["het maximum mag hoogstens 10.000.000 zijn"],
    }
    assert not Target.objects.exists()
    assert _create(lrt, quantity=10_000_000).quantity == 10_000_000  # the limit itself is fine


@pytest.mark.django_db
def test_agreed_after_the_deadline_is_refused(
    make_user: Callable[[str], Any], client_as: Callable[[str | None], Any]
) -> None:
    """Agreed on 2030-01-01 for a deadline of 2021-12-31: it was stored and then counted in
    no week at all."""
    with pytest.raises(ValidationError) as refused:
        _create(make_user("landelijk"), agreed_on=date(2030, 1, 1))
    assert refused.value.message_dict == {
        "agreed_on": [
            (
                "afgesproken op 1 januari 2030 ligt na de deadline (31 december 2021): dan "
                "telt het doel in geen enkele week"
            )
        ]
    }
    response = client_as("landelijk").post("/doelen/", {**FORM, "agreed_on": "2030-01-01"})
    assert response.status_code == 400
    assert "ligt na de deadline (31 december 2021)" in response.content.decode()
    assert not Target.objects.exists()
    # On the deadline itself it still counts (in the week after), so it is taken.
    assert _create(make_user("landelijk"), agreed_on=date(2021, 12, 31)).pk is not None


@pytest.mark.django_db
def test_dates_outside_the_years_of_regietafel_are_refused_per_field(
    make_user: Callable[[str], Any], client_as: Callable[[str | None], Any]
) -> None:
    with pytest.raises(ValidationError) as refused:
        _create(make_user("landelijk"), start=date(1999, 6, 1), deadline=date(9999, 12, 31))
    assert refused.value.message_dict == {
        "start": ["kies een datum in de jaren 2000 t/m 2100"],
        "deadline": ["kies een datum in de jaren 2000 t/m 2100"],
    }
    # The page reads JJJJ-MM-DD only, as its labels say; 01-10-2021 is no date there.
    response = client_as("landelijk").post("/doelen/", {**FORM, "start": "01-10-2021"})
    assert response.status_code == 400
    assert "onbekende datum &#x27;01-10-2021&#x27;: schrijf JJJJ-MM-DD" in (
        response.content.decode()
    )
    assert not Target.objects.exists()


def _register_with_new_places() -> None:
    """The standard register plus 150 regular places in Noord-Holland opened on 1 November."""
    make_register(
        "2021-W45",
        [*STANDARD, Loc("N", "PV27", "GM0363", "regulier", 150, 0, date(2021, 11, 1))],
    )


@pytest.mark.django_db
def test_province_targets_are_listed_for_who_may_see_the_province(
    make_user: Callable[[str], Any],
) -> None:
    """A target for Noord-Holland was on no list of targets (only the national ones were).

    Hand-computed on Monday 8 November 2021, all from 1 October to 31 December (91 days,
    38 elapsed): the 150 new places in Noord-Holland count for the national target (400)
    and Noord-Holland's (300), not for Groningen's (100). Expected now: 400 × 38 // 91 =
    167 (behind), 300 × 38 // 91 = 125 (on track), 100 × 38 // 91 = 41 (behind).
    """
    _register_with_new_places()
    lrt = make_user("landelijk")
    national = _create(lrt, title="landelijk", quantity=400)
    holland = _create(lrt, title="Noord-Holland", quantity=300, province_code="PV27")
    groningen = _create(
        lrt, title="Groningen", quantity=100, province_code="PV20", deadline=date(2021, 12, 30)
    )

    def shown(key: str) -> list[tuple[str, int, int, TargetStatus]]:
        progress = targets_for(user=make_user(key), week=W45) or ()
        return [(p.target.id, p.achieved, p.expected_by_now, p.status) for p in progress]

    everything = [
        (str(groningen.pk), 0, 100 * 38 // 90, TargetStatus.BEHIND),  # deadline 30 Dec: first
        (str(national.pk), 150, 167, TargetStatus.BEHIND),
        (str(holland.pk), 150, 125, TargetStatus.ON_TRACK),
    ]
    assert shown("landelijk") == everything
    assert shown("coa") == everything
    assert shown("provincie") == everything[1:]  # Noord-Holland: national + own
    assert shown("provincie_andere") == everything[:2]  # Groningen: own + national


@pytest.mark.django_db
def test_a_province_target_made_on_the_page_is_on_the_page_and_its_csv(
    client_as: Callable[[str | None], Any],
) -> None:
    """The reported case: "Het doel is vastgelegd." and then on neither /doelen/ nor its CSV."""
    _register_with_new_places()
    lrt = client_as("landelijk")
    made = lrt.post("/doelen/", FORM)
    assert made.status_code == 302
    page = lrt.get("/doelen/?week=2021-W45").content.decode()
    assert "300 plaatsen in Noord-Holland (PV27)" in page
    text = lrt.get("/doelen/?week=2021-W45&formaat=csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    # doel, gebied, soort, eenheid, aantal, maximaal, gerealiseerd, nog nodig, verwacht (as
    # hand-computed above: 300 × 38 // 91 = 125), deadline
    assert [r[:10] for r in rows[1:]] == [
        [FORM["title"], "Noord-Holland", rows[1][2], "plaatsen", "300", "", "150", "150",
         "125", "2021-12-31"],
    ]  # fmt: skip
    own = client_as("provincie").get("/doelen/?week=2021-W45").content.decode()
    assert "300 plaatsen in Noord-Holland (PV27)" in own
    other = client_as("provincie_andere").get("/doelen/?week=2021-W45").content.decode()
    assert "300 plaatsen in Noord-Holland" not in other


@pytest.mark.django_db
def test_without_a_register_the_same_targets_are_listed_unmeasured(
    make_user: Callable[[str], Any], client_as: Callable[[str | None], Any]
) -> None:
    lrt = make_user("landelijk")
    national = _create(lrt, title="landelijk")
    holland = _create(lrt, title="Noord-Holland", province_code="PV27")
    groningen = _create(lrt, title="Groningen", province_code="PV20")
    monday = W45.monday

    def ids(key: str) -> list[str]:
        return [t.id for t in targets_visible_to(make_user(key), running_on=monday)]

    assert targets_for(user=lrt, week=W45) is None  # no register: progress unknown
    assert ids("landelijk") == [str(national.pk), str(holland.pk), str(groningen.pk)]
    assert ids("provincie") == [str(national.pk), str(holland.pk)]
    assert ids("provincie_andere") == [str(national.pk), str(groningen.pk)]
    page = client_as("provincie_andere").get("/doelen/?week=2021-W45").content.decode()
    assert "Groningen (PV20)" in page
    assert "Noord-Holland (PV27)" not in page
