from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from regietafel.audit.models import Action
from regietafel.audit.services import audit_record

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("key", "status"),
    [("beheerder", 200), ("landelijk", 403), ("provincie", 403), ("coa", 403)],
)
def test_only_beheerder_reads_the_audit_trail(
    client_as: Callable[[str], Any], key: str, status: int
) -> None:
    assert client_as(key).get("/audit/").status_code == status


def test_anonymous_is_sent_to_login(client_as: Callable[[str | None], Any]) -> None:
    response = client_as(None).get("/audit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


def test_page_and_csv_show_the_same_rows(
    client_as: Callable[[str], Any], make_user: Callable[[str], Any]
) -> None:
    coa = make_user("coa")
    audit_record(
        actor=coa,
        action=Action.IMPORTED,
        object_type="import",
        object_id="7",
        summary="Opvanglocaties 2021-W45 versie 1: 3 rijen",
    )
    audit_record(
        actor=None, action=Action.CREATED, object_type="gebruiker", summary="gebruiker x aangemaakt"
    )
    client = client_as("beheerder")
    page = client.get("/audit/").content.decode()
    assert "Opvanglocaties 2021-W45 versie 1: 3 rijen" in page
    assert "systeem" in page
    csv_text = client.get("/audit/?formaat=csv").content.decode("utf-8-sig")
    lines = csv_text.strip().splitlines()
    assert lines[0] == "tijdstip,gebruiker,handeling,soort,kenmerk,omschrijving"
    assert len(lines) == 3
    filtered = client.get("/audit/?formaat=csv&soort=import").content.decode("utf-8-sig")
    assert len(filtered.strip().splitlines()) == 2
    assert ",coa,geïmporteerd,import,7," in filtered


@pytest.mark.django_db
def test_an_entry_reads_in_local_time_without_repeating_its_action() -> None:
    """The admin's detail page names an entry by its text: it said "11:28 beheerder ingelogd
    ingelogd" in UTC while the list said 12:28 (found in the browser check)."""
    from datetime import UTC, datetime

    from regietafel.audit.models import AuditEntry

    entry = audit_record(actor=None, action=Action.LOGGED_IN, summary="ingelogd")
    AuditEntry.objects.filter(pk=entry.pk).update(at=datetime(2026, 11, 28, 11, 28, tzinfo=UTC))
    entry.refresh_from_db()
    text = str(entry)
    assert text.startswith("2026-11-28 12:28 ")  # Amsterdam, winter time
    assert text.endswith(" ingelogd")
    assert "ingelogd ingelogd" not in text
