"""The forms of the agreements pages: meeting, agreement, state of affairs, review round."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from regietafel.afspraken.models import Agreement, AgreementUpdate, Meeting
from tests.afspraken.conftest import LRT_AUTUMN, LRT_NOVEMBER

pytestmark = pytest.mark.django_db


def test_national_user_records_a_meeting_and_an_agreement(
    client_as: Callable[[str | None], Any],
) -> None:
    client = client_as("landelijk")
    response = client.post(
        "/afspraken/overleggen/",
        {
            "kind": "LRT",
            "on": "2021-10-25",
            "parties": ["jenv", "coa"],
            "agenda": "Opvang\nProvinciale verdeling\n",
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/afspraken/overleggen/{meeting.pk}/"
    assert list(meeting.agenda_items.values_list("number", "title")) == [
        (1, "Opvang"),
        (2, "Provinciale verdeling"),
    ]
    assert meeting.parties == ["jenv", "coa"]
    response = client.post(
        "/afspraken/",
        {
            "meeting": meeting.pk,
            "agenda_number": 2,
            "text": "Voorstel provinciale verdeling",
            "owner_party": "jenv",
            "owner_role": "HLRT",
            "deadline_rule": "volgende-lrt",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/afspraken/LRT-2021-01/"
    made = Agreement.objects.get()
    # No later LRT recorded: "volgende LRT" is proposed by the cadence, 28 days later.
    assert made.deadline == date(2021, 11, 22)
    page = client.get("/afspraken/overleggen/?datum=2021-10-25").content.decode()
    assert "22 november 2021" in page  # the proposed next LRT


def test_bad_form_input_shows_dutch_errors_and_stores_nothing(
    client_as: Callable[[str | None], Any], lrt_meetings: dict[date, Any]
) -> None:
    response = client_as("landelijk").post(
        "/afspraken/",
        {
            "meeting": lrt_meetings[LRT_AUTUMN].pk,
            "agenda_number": 7,
            "text": "x",
            "owner_party": "jenv",
            "deadline_rule": "datum",
        },
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "agendapunt 7 staat niet op de agenda" in text
    assert "geef een deadline" in text
    assert not Agreement.objects.exists()


def test_province_user_cannot_add_to_the_lrt(
    client_as: Callable[[str | None], Any], lrt_meetings: dict[date, Any]
) -> None:
    client = client_as("provincie")
    page = client.get("/afspraken/").content.decode()
    assert "Nieuwe afspraak vastleggen" not in page
    response = client.post(
        "/afspraken/",
        {"meeting": lrt_meetings[LRT_AUTUMN].pk, "text": "x", "owner_party": "jenv"},
    )
    assert response.status_code == 403


def test_coa_updates_its_own_agreement_on_the_page(
    agree: Callable[..., Any], client_as: Callable[[str | None], Any]
) -> None:
    made = agree(owner_party="coa")
    client = client_as("coa")
    page = client.get(f"/afspraken/{made.number}/").content.decode()
    assert "Stand van zaken bijwerken" in page
    response = client.post(
        f"/afspraken/{made.number}/",
        {"on": "2021-11-12", "status": "in-uitvoering", "note": "Twee locaties in voorbereiding"},
    )
    assert response.status_code == 302
    last = AgreementUpdate.objects.filter(agreement=made).last()
    assert last is not None
    assert (last.status, last.note, last.by.username if last.by else "") == (
        "in-uitvoering",
        "Twee locaties in voorbereiding",
        "coa",
    )
    other = agree(owner_party="bzk")
    assert (
        "Stand van zaken bijwerken"
        not in client.get(f"/afspraken/{other.number}/").content.decode()
    )
    refused = client.post(f"/afspraken/{other.number}/", {"on": "2021-11-12", "status": "open"})
    assert refused.status_code == 403


def test_review_round_on_the_meeting_page(
    agree: Callable[..., Any],
    lrt_meetings: dict[date, Any],
    client_as: Callable[[str | None], Any],
) -> None:
    first, second = agree(), agree()
    november = lrt_meetings[LRT_NOVEMBER]
    client = client_as("landelijk")
    page = client.get(f"/afspraken/overleggen/{november.pk}/").content.decode()
    assert "Alles markeren als besproken" in page
    response = client.post(
        f"/afspraken/overleggen/{november.pk}/",
        {f"deadline-{second.number}": "2021-12-13", f"note-{first.number}": "Loopt"},
        follow=True,
    )
    assert "2 afspraken nieuw gemarkeerd als besproken." in response.content.decode()
    reviews = AgreementUpdate.objects.filter(reviewed_at=november).order_by("agreement__sequence")
    assert [(u.agreement.number, u.deadline, u.note) for u in reviews] == [
        (first.number, None, "Loopt"),
        (second.number, date(2021, 12, 13), ""),
    ]
    bad = client.post(
        f"/afspraken/overleggen/{november.pk}/",
        {f"deadline-{first.number}": "13-12-2021"},
        follow=True,
    )
    assert "onbekende datum '13-12-2021'" in html.unescape(bad.content.decode())
    assert AgreementUpdate.objects.filter(reviewed_at=november).count() == 2
    # Submitted again (found in the browser check: every row was written twice): nothing new.
    twice = client.post(
        f"/afspraken/overleggen/{november.pk}/",
        {f"deadline-{second.number}": "2021-12-13", f"note-{first.number}": "Loopt"},
        follow=True,
    )
    assert (
        "0 afspraken nieuw gemarkeerd als besproken. 2 waren in dit overleg al als besproken "
        "gemarkeerd."
    ) in twice.content.decode()
    assert AgreementUpdate.objects.filter(reviewed_at=november).count() == 2
    assert client_as("coa").post(f"/afspraken/overleggen/{november.pk}/").status_code == 403


def test_province_user_records_a_meeting_of_the_own_prt_only(
    client_as: Callable[[str | None], Any],
) -> None:
    client = client_as("provincie")
    page = client.get("/afspraken/overleggen/").content.decode()
    assert '<option value="PRT"' in page
    assert '<option value="LRT"' not in page
    assert '<option value="PV20"' not in page
    response = client.post(
        "/afspraken/overleggen/", {"kind": "PRT", "province_code": "PV27", "on": "2021-11-01"}
    )
    assert response.status_code == 302
    assert Meeting.objects.get().province_code == "PV27"
    refused = client.post("/afspraken/overleggen/", {"kind": "LRT", "on": "2021-11-01"})
    assert refused.status_code == 400  # not a choice for this user
    assert Meeting.objects.count() == 1


def test_schema_documents_the_agreement_endpoints(client_as: Callable[[str | None], Any]) -> None:
    schema = client_as("landelijk").get("/api/schema/", {"format": "json"}).json()
    for path in (
        "/api/v1/afspraken/",
        "/api/v1/afspraken/{number}/",
        "/api/v1/afspraken/overleggen/",
        "/api/v1/afspraken/actielijst/",
    ):
        assert path in schema["paths"], path
    params = {p["name"] for p in schema["paths"]["/api/v1/afspraken/"]["get"]["parameters"]}
    assert {"datum", "overleg", "provincie"} <= params


def test_register_filter_prt_without_province_shows_the_readable_prts(
    client_as: Callable[[str | None], Any], prt_agreements: None
) -> None:
    own = client_as("provincie").get("/afspraken/?overleg=PRT&datum=2021-11-01")
    assert own.status_code == 200
    assert "PRT-NH-2021-01" in own.content.decode()
    assert "PRT-GR-2021-01" not in own.content.decode()
    every = client_as("coa").get("/afspraken/?overleg=PRT&datum=2021-11-01").content.decode()
    assert "PRT-NH-2021-01" in every
    assert "PRT-GR-2021-01" in every


@pytest.mark.django_db
def test_dates_outside_the_years_we_hold_are_a_dutch_400(
    client_as: Callable[[str | None], Any],
) -> None:
    """Found by the schema fuzzer: year 209 or 9175 reached the week arithmetic (500)."""
    client = client_as("landelijk")
    for url in (
        "/api/v1/afspraken/?datum=0209-01-26",
        "/api/v1/afspraken/actielijst/?overleg=LRT&datum=9175-12-21",
    ):
        response = client.get(url)
        assert response.status_code == 400, url
        assert "t/m" in response.content.decode()
    page = client.get("/afspraken/actielijst/?overleg=LRT&datum=9175-12-21")
    assert page.status_code == 400


def test_the_review_round_note_fields_take_what_the_service_takes(
    agree: Callable[..., Any],
    lrt_meetings: dict[date, Any],
    client_as: Callable[[str | None], Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The meeting page restated the service's 2000 in its template; it reads NOTE_MAX, as a
    plain number (the Dutch "2.000" is no maxlength a browser reads)."""
    from regietafel.afspraken import services

    agree()
    url = f"/afspraken/overleggen/{lrt_meetings[LRT_NOVEMBER].pk}/"
    for limit in (services.NOTE_MAX, 321):
        monkeypatch.setattr(services, "NOTE_MAX", limit)
        page = client_as("landelijk").get(url).content.decode()
        fields = re.findall(r'name="note-[^"]+" maxlength="(\d+)"', page)
        assert fields, "geen velden voor de stand van zaken"
        assert set(fields) == {str(limit)}
