"""Writing meetings and agreements: numbers, history, permissions and the audit trail."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from regietafel.afspraken.models import Agreement, AgreementUpdate, NumberSequence
from regietafel.afspraken.selectors import action_list, agreement_get
from regietafel.afspraken.services import (
    agreement_create,
    agreement_update,
    meeting_create,
    meeting_review,
)
from regietafel.audit.models import AuditEntry
from tests.afspraken.conftest import LRT_AUTUMN, LRT_NOVEMBER

pytestmark = pytest.mark.django_db


def test_numbers_count_per_table_and_year_and_are_never_reused(
    agree: Callable[..., Any], national: Any
) -> None:
    first, second = agree(), agree()
    assert (first.number, second.number) == ("LRT-2021-01", "LRT-2021-02")
    # An agreement that cannot be deleted keeps its number; the series only goes up.
    NumberSequence.objects.filter(prefix="LRT").update(last=2)
    hlrt = meeting_create(actor=national, kind="HLRT", on=date(2021, 11, 1))
    other = agreement_create(
        actor=national, meeting=hlrt, text="x", owner_party="bzk", deadline=date(2021, 12, 1)
    )
    assert other.number == "HLRT-2021-01"
    assert agree().number == "LRT-2021-03"
    assert sorted(Agreement.objects.values_list("sequence", flat=True)) == [1, 1, 2, 3]


def test_prt_numbers_name_the_province(make_user: Callable[[str], Any]) -> None:
    nh = make_user("provincie")
    meeting = meeting_create(actor=nh, kind="PRT", province_code="Noord-Holland", on=LRT_AUTUMN)
    made = agreement_create(
        actor=nh, meeting=meeting, text="x", owner_party="provincie", deadline=LRT_NOVEMBER
    )
    assert made.number == "PRT-NH-2021-01"
    assert meeting.province_code == "PV27"


@pytest.mark.django_db(transaction=True)
def test_concurrent_allocation_gives_distinct_gapless_numbers(
    agree: Callable[..., Any],
) -> None:
    """Eight threads at once, each in its own transaction, each retrying when the database
    refuses a concurrent writer (SQLite's "table is locked"): nine distinct numbers 01-09,
    and a refused attempt leaves no gap."""
    from django.db import OperationalError, connection

    agree()  # the series exists
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _attempt in range(10_000):
                try:
                    agree()
                except OperationalError:
                    continue
                return
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    numbers = sorted(Agreement.objects.values_list("number", flat=True))
    assert numbers == [f"LRT-2021-{n:02d}" for n in range(1, 10)]


def test_next_lrt_deadline_resolves_to_the_next_meeting(agree: Callable[..., Any]) -> None:
    made = agree(deadline_rule="volgende-lrt", deadline=None)
    assert made.deadline == LRT_NOVEMBER
    ongoing = agree(deadline_rule="doorlopend", deadline=None)
    assert ongoing.deadline is None


def test_bad_input_is_refused_in_dutch_and_stores_nothing(agree: Callable[..., Any]) -> None:
    with pytest.raises(ValidationError) as caught:
        agree(text=" ", owner_party="kabinet", deadline=None, agenda_number=9)
    errors = caught.value.message_dict
    assert errors["text"] == ["schrijf de afspraak op"]
    assert errors["owner_party"] == ["onbekende partij 'kabinet'"]
    assert "deadline" in errors
    assert errors["agenda_number"] == ["agendapunt 9 staat niet op de agenda"]
    assert not Agreement.objects.exists()
    assert not NumberSequence.objects.exists()


def test_history_is_appended_and_audited(agree: Callable[..., Any], national: Any) -> None:
    made = agree(agenda_number=1)
    agreement_update(
        actor=national,
        agreement=made,
        on=date(2021, 11, 8),
        status="in-uitvoering",
        note="Loopt",
    )
    agreement_update(
        actor=national, agreement=made, on=date(2021, 11, 20), status="afgerond", note="Klaar"
    )
    assert list(made.updates.values_list("status", flat=True)) == [
        "open",
        "in-uitvoering",
        "afgerond",
    ]
    assert agreement_get(user=national, number=made.number, on=date(2021, 11, 10)).status == (
        "in-uitvoering"
    )
    later = agreement_get(user=national, number=made.number, on=date(2021, 11, 21))
    assert later.status == "afgerond"
    assert later.note == "Klaar"
    assert later.health is None
    audit = AuditEntry.objects.filter(object_id=made.number).order_by("id")
    assert [a.action for a in audit] == ["aangemaakt", "gewijzigd", "gewijzigd"]
    assert "LRT-2021-01 vastgelegd" in audit[0].summary


def test_who_may_manage_which_table(make_user: Callable[[str], Any]) -> None:
    national, nh, gr, coa = (
        make_user(k) for k in ("landelijk", "provincie", "provincie_andere", "coa")
    )
    with pytest.raises(PermissionDenied):
        meeting_create(actor=national, kind="PRT", province_code="PV27", on=LRT_AUTUMN)
    with pytest.raises(PermissionDenied):
        meeting_create(actor=nh, kind="LRT", on=LRT_AUTUMN)
    with pytest.raises(PermissionDenied):
        meeting_create(actor=gr, kind="PRT", province_code="PV27", on=LRT_AUTUMN)
    with pytest.raises(PermissionDenied):
        meeting_create(actor=coa, kind="LRT", on=LRT_AUTUMN)
    prt = meeting_create(actor=nh, kind="PRT", province_code="PV27", on=LRT_AUTUMN)
    with pytest.raises(PermissionDenied):
        agreement_create(
            actor=national, meeting=prt, text="x", owner_party="coa", deadline=LRT_NOVEMBER
        )


def test_coa_updates_the_state_of_what_it_owns_only(
    agree: Callable[..., Any], make_user: Callable[[str], Any]
) -> None:
    coa = make_user("coa")
    owned, other = agree(owner_party="coa"), agree(owner_party="bzk")
    agreement_update(
        actor=coa, agreement=owned, on=date(2021, 11, 12), status="in-uitvoering", note="Bezig"
    )
    with pytest.raises(ValidationError, match="deadline"):
        agreement_update(
            actor=coa,
            agreement=owned,
            on=date(2021, 11, 12),
            status="in-uitvoering",
            deadline=date(2022, 1, 31),
        )
    with pytest.raises(PermissionDenied):
        agreement_update(actor=coa, agreement=other, on=date(2021, 11, 12), status="afgerond")
    with pytest.raises(PermissionDenied):
        agreement_update(
            actor=make_user("provincie"), agreement=owned, on=date(2021, 11, 12), status="open"
        )
    assert AgreementUpdate.objects.filter(agreement=owned).count() == 2


def test_review_round_marks_the_action_list_with_new_deadlines(
    agree: Callable[..., Any], national: Any, lrt_meetings: dict[date, Any]
) -> None:
    first, second = agree(), agree(deadline=date(2021, 11, 10))
    done = agree()
    agreement_update(actor=national, agreement=done, on=date(2021, 11, 1), status="afgerond")
    november = lrt_meetings[LRT_NOVEMBER]
    listed = action_list(user=national, kind="LRT", on=LRT_NOVEMBER)
    assert [s.number for s in listed.rows] == [second.number, first.number]  # overdue first
    assert listed.rows[0].overdue
    updates = meeting_review(
        actor=national, meeting=november, deadlines={second.number: date(2021, 12, 13)}
    )
    assert len(updates) == 2
    assert {u.reviewed_at_id for u in updates} == {november.pk}
    state = agreement_get(user=national, number=second.number, on=LRT_NOVEMBER)
    assert state.deadline == date(2021, 12, 13)
    assert not state.overdue
    assert state.status == "open"  # reviewed, status unchanged
    with pytest.raises(ValidationError, match=done.number):
        meeting_review(actor=national, meeting=november, deadlines={done.number: LRT_NOVEMBER})
