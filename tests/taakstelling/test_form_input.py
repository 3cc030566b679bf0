"""Bad input on the taakstelling forms: every field's error is shown, and dates are checked
(a revision cannot be decided in the future)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from regietafel.core.taakstelling import TaakstellingError
from regietafel.taakstelling import services
from regietafel.taakstelling.models import Judgement, TaakstellingPeriod, TaakstellingVersion
from regietafel.taakstelling.services import taakstelling_revise, taakstelling_set

Client = Callable[[str | None], Any]
TODAY = date(2021, 11, 29)


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> date:
    """The services read "today" from the clock; the tests fix it at 29 November 2021."""
    monkeypatch.setattr(services.timezone, "localdate", lambda *args: TODAY)
    return TODAY


def _errors(page: str) -> list[str]:
    return re.findall(r'<p class="form__error" role="alert">([^<]*)</p>', page)


@pytest.mark.django_db
def test_judgement_form_shows_the_error_of_every_field(client_as: Client) -> None:
    """A municipality of another province, or a reason of 2,001 characters: a 400 page
    without a word of what was wrong (only the verdict's errors were shown)."""
    taakstelling_set(actor=None, period="2021-I", national_total=13_500)
    nh = client_as("provincie")
    other = nh.post(
        "/taakstelling/2021-I/oordeel/",
        {"municipality": "GM0014", "verdict": "voldoet", "reason": ""},
    )
    assert other.status_code == 400
    [error] = _errors(other.content.decode())
    assert "GM0014" in error
    long = nh.post(
        "/taakstelling/2021-I/oordeel/",
        {"municipality": "GM0363", "verdict": "voldoet", "reason": "x" * 2001},
    )
    assert long.status_code == 400
    [error] = _errors(long.content.decode())
    assert "2000" in error
    assert "2001" in error
    assert not Judgement.objects.exists()


@pytest.mark.django_db
def test_a_revision_dated_after_today_is_refused_and_locks_nothing(
    make_user: Callable[[str], Any], today: date
) -> None:
    """Dated 2030-01-01 it was taken, and every later real revision was then refused as
    lying before version 2."""
    taakstelling_set(
        actor=None, period="2021-II", national_total=13_500, decided_on=date(2020, 10, 1)
    )
    lrt = make_user("landelijk")
    with pytest.raises(TaakstellingError) as refused:
        taakstelling_revise(
            actor=lrt,
            period="2021-II",
            national_total=11_000,
            decided_on=date(2030, 1, 1),
            source="x",
        )
    assert str(refused.value) == (
        "de datum van vaststelling (1 januari 2030) ligt na vandaag (29 november 2021); dat "
        "kan pas vanaf die dag"
    )
    assert TaakstellingVersion.objects.count() == 1
    revised = taakstelling_revise(
        actor=lrt, period="2021-II", national_total=11_000, decided_on=today, source="x"
    )
    assert revised.number == 2  # today itself is fine


@pytest.mark.django_db
def test_revision_page_refuses_a_future_or_unreadable_date(client_as: Client, today: date) -> None:
    taakstelling_set(
        actor=None, period="2021-II", national_total=13_500, decided_on=date(2020, 10, 1)
    )
    lrt = client_as("landelijk")
    form = {"national_total": "11000", "source": "Kamerbrief"}
    future = lrt.post("/taakstelling/2021-II/herzien/", {**form, "decided_on": "2030-01-01"})
    assert future.status_code == 400
    assert "ligt na vandaag (29 november 2021)" in future.content.decode()
    # The date reads JJJJ-MM-DD only (Django's own field also took 31-03-2021).
    other = lrt.post("/taakstelling/2021-II/herzien/", {**form, "decided_on": "31-03-2021"})
    assert other.status_code == 400
    assert _errors(other.content.decode()) == [
        "onbekende datum &#x27;31-03-2021&#x27;: schrijf JJJJ-MM-DD"
    ]
    assert TaakstellingVersion.objects.count() == 1


@pytest.mark.django_db
def test_setting_a_period_checks_its_dates(today: date) -> None:
    with pytest.raises(TaakstellingError) as future:
        taakstelling_set(
            actor=None, period="2022-I", national_total=100, decided_on=date(2021, 11, 30)
        )
    assert str(future.value).startswith(
        "de datum van vaststelling (30 november 2021) ligt na vandaag"
    )
    with pytest.raises(TaakstellingError) as old:
        taakstelling_set(
            actor=None, period="2022-I", national_total=100, population_date=date(1999, 1, 1)
        )
    assert str(old.value) == "de peildatum: kies een datum in de jaren 2000 t/m 2100"
    assert not TaakstellingPeriod.objects.exists()


@pytest.mark.django_db
def test_a_judgement_before_its_period_began_is_refused_with_the_one_message(
    make_user: Callable[[str], Any], today: date
) -> None:
    from regietafel.taakstelling.services import judgement_record

    taakstelling_set(actor=None, period="2022-I", national_total=100)
    with pytest.raises(TaakstellingError) as refused:
        judgement_record(
            actor=make_user("provincie"),
            period="2022-I",
            municipality_code="GM0363",
            verdict="voldoet",
            reason="",
        )
    assert str(refused.value) == (
        "het begin van periode 2022-I (1 januari 2022) ligt na vandaag (29 november 2021); dat "
        "kan pas vanaf die dag"
    )
