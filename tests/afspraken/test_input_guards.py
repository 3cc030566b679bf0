"""Input the browser check found accepted: dates outside the years regietafel holds, texts
without a length limit, unknown key figures and a review round submitted twice. Each is
refused with a Dutch reason naming the field, by the form and by the service (the path of
the API, the command line and the demo), and nothing is stored."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from regietafel.afspraken.models import Agreement, AgreementUpdate, Meeting
from regietafel.afspraken.services import (
    agreement_create,
    agreement_update,
    meeting_create,
    meeting_review,
)
from regietafel.core.formatting import format_date_nl
from tests.afspraken.conftest import LRT_AUTUMN, LRT_NOVEMBER

pytestmark = pytest.mark.django_db

RANGE = "kies een datum in de jaren 2000 t/m 2100"


def _page(response: Any) -> str:
    return html.unescape(response.content.decode())


def test_a_meeting_on_9999_12_31_is_refused_and_one_stored_breaks_no_page(
    client_as: Callable[[str | None], Any], make_user: Callable[[str], Any]
) -> None:
    """As prt-noord-holland, a PRT meeting on 9999-12-31 was stored; /afspraken/overleggen/
    was then a 500 for every role (OverflowError proposing the next meeting)."""
    client = client_as("provincie")
    response = client.post(
        "/afspraken/overleggen/", {"kind": "PRT", "province_code": "PV27", "on": "9999-12-31"}
    )
    assert response.status_code == 400
    assert RANGE in _page(response)
    assert not Meeting.objects.exists()
    with pytest.raises(ValidationError) as refused:
        meeting_create(
            actor=make_user("provincie"), kind="PRT", province_code="PV27", on=date(9999, 12, 31)
        )
    assert refused.value.message_dict == {"on": [RANGE]}
    assert not Meeting.objects.exists()
    # One stored before this fix: the page shows it as the next meeting and proposes none
    # after it (the calendar ends), for every role.
    Meeting.objects.create(kind="PRT", province_code="PV27", date=date(9999, 12, 31))
    for role in ("landelijk", "provincie", "provincie_andere", "coa", "beheerder"):
        page = client_as(role).get("/afspraken/overleggen/")
        assert page.status_code == 200, role
    assert "31 december 9999" in _page(client.get("/afspraken/overleggen/"))


def test_every_date_of_the_services_is_checked(
    national: Any, agree: Callable[..., Any], lrt_meetings: dict[date, Any]
) -> None:
    """The API, the command line and the demo call the services directly: they refuse what
    the forms refuse."""
    cases: list[tuple[Callable[[], Any], dict[str, list[str]]]] = [
        (lambda: agree(deadline=date(2101, 1, 1)), {"deadline": [RANGE]}),
        (
            lambda: agree(figure_code="capaciteit_nu", figure_date=date(9999, 12, 31)),
            {"figure_date": [RANGE]},
        ),
    ]
    for call, expected in cases:
        with pytest.raises(ValidationError) as refused:
            call()
        assert refused.value.message_dict == expected
    assert not Agreement.objects.exists()
    made = agree()
    last_day = date(9999, 12, 31)
    for kwargs, field in (({"on": last_day}, "on"), ({"deadline": last_day}, "deadline")):
        spec = {"on": LRT_NOVEMBER, "status": "open", **kwargs}
        with pytest.raises(ValidationError) as refused:
            agreement_update(actor=national, agreement=made, **spec)
        assert refused.value.message_dict == {field: [RANGE]}
    with pytest.raises(ValidationError) as refused:
        meeting_review(
            actor=national,
            meeting=lrt_meetings[LRT_NOVEMBER],
            deadlines={made.number: date(9999, 12, 31)},
        )
    assert refused.value.messages == [f"{made.number}: {RANGE}"]
    assert AgreementUpdate.objects.filter(agreement=made).count() == 1  # only the first row


def test_a_review_round_of_a_meeting_not_yet_held_is_refused_with_the_one_message(
    national: Any, agree: Callable[..., Any]
) -> None:
    """The review round says what every "not after today" check says (core.periods)."""
    agree()
    ahead = timezone.localdate() + timedelta(days=7)
    meeting = meeting_create(actor=national, kind="LRT", on=ahead)
    with pytest.raises(ValidationError) as refused:
        meeting_review(actor=national, meeting=meeting)
    expected = (
        f"de dag van het overleg ({format_date_nl(ahead)}) ligt na vandaag "
        f"({format_date_nl(timezone.localdate())}); dat kan pas vanaf die dag"
    )
    assert refused.value.message_dict == {"deadlines": [expected]}
    assert not AgreementUpdate.objects.filter(reviewed_at=meeting).exists()


def test_every_date_field_reads_jjjj_mm_dd_only(
    client_as: Callable[[str | None], Any],
    agree: Callable[..., Any],
    lrt_meetings: dict[date, Any],
) -> None:
    """The forms took "12-11-2021" (Django's DateField) while the review round refused
    "31-12-2021": every date field now reads JJJJ-MM-DD, as its label says."""
    made = agree()
    client = client_as("landelijk")
    unknown = "onbekende datum '12-11-2021': schrijf JJJJ-MM-DD"
    response = client.post(
        "/afspraken/",
        {
            "meeting": lrt_meetings[LRT_AUTUMN].pk,
            "text": "Een afspraak",
            "owner_party": "jenv",
            "deadline_rule": "datum",
            "deadline": "12-11-2021",
        },
    )
    assert response.status_code == 400
    assert unknown in _page(response)
    response = client.post(f"/afspraken/{made.number}/", {"on": "12-11-2021", "status": "open"})
    assert response.status_code == 400
    assert unknown in _page(response)
    response = client.post("/afspraken/overleggen/", {"kind": "LRT", "on": "12-11-2021"})
    assert response.status_code == 400
    assert unknown in _page(response)
    review = client.post(
        f"/afspraken/overleggen/{lrt_meetings[LRT_NOVEMBER].pk}/",
        {f"deadline-{made.number}": "31-12-2021"},
        follow=True,
    )
    assert f"{made.number}: onbekende datum '31-12-2021': schrijf JJJJ-MM-DD" in _page(review)
    assert Agreement.objects.count() == 1
    assert Meeting.objects.count() == 2
    assert AgreementUpdate.objects.count() == 1


def test_a_status_update_after_today_is_refused_with_the_reason(
    client_as: Callable[[str | None], Any], agree: Callable[..., Any]
) -> None:
    """An update dated 9999-12-31 said "De stand van zaken is opgeslagen." while the status
    stayed "open" (a step counts from its date). A step is dated today or earlier."""
    made = agree()
    client = client_as("landelijk")
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        f"/afspraken/{made.number}/", {"on": tomorrow.isoformat(), "status": "afgerond"}
    )
    assert response.status_code == 400
    assert (
        f"de datum van de stand van zaken ({format_date_nl(tomorrow)}) ligt na vandaag "
        f"({format_date_nl(timezone.localdate())}); dat kan pas vanaf die dag"
    ) in _page(response)
    far = client.post(f"/afspraken/{made.number}/", {"on": "9999-12-31", "status": "afgerond"})
    assert far.status_code == 400
    assert RANGE in _page(far)
    assert "opgeslagen" not in _page(far)
    assert AgreementUpdate.objects.filter(agreement=made).count() == 1


def test_an_update_after_the_day_the_page_shows_says_so(
    client_as: Callable[[str | None], Any], agree: Callable[..., Any]
) -> None:
    """With a register of week 2021-W46 the page shows the state on its Sunday, 21 November
    2021 (the demo); a step of 1 December 2021 is stored and the message says the page shows
    an earlier day, instead of a plain "opgeslagen" above a status that did not change."""
    from tests.opvangbeeld.factories import STANDARD, make_register

    make_register("2021-W46", STANDARD)
    made = agree()
    client = client_as("landelijk")
    response = client.post(
        f"/afspraken/{made.number}/", {"on": "2021-12-01", "status": "afgerond"}, follow=True
    )
    assert (
        "De stand van zaken is opgeslagen met datum 1 december 2021; deze pagina toont de "
        "stand op 21 november 2021."
    ) in _page(response)
    same_day = client.post(
        f"/afspraken/{made.number}/", {"on": "2021-11-21", "status": "in-uitvoering"}, follow=True
    )
    assert "De stand van zaken is opgeslagen.</" in same_day.content.decode()


def test_agreement_text_and_notes_have_a_length_limit(
    client_as: Callable[[str | None], Any],
    national: Any,
    agree: Callable[..., Any],
    lrt_meetings: dict[date, Any],
) -> None:
    """A text of 200.000 characters was stored; the PDF action list then hung. Text, stand
    van zaken and meeting notes are limited to 2.000 characters, in the form and in the
    service."""
    with pytest.raises(ValidationError) as refused:
        agree(text="x" * 2001, note="y" * 200_000)
    assert refused.value.message_dict == {
        "text": ["de afspraak is langer dan 2.000 tekens (nu 2.001)"],
        "note": ["de stand van zaken is langer dan 2.000 tekens (nu 200.000)"],
    }
    made = agree(text="x" * 2000)  # the limit itself is allowed
    with pytest.raises(ValidationError) as refused:
        agreement_update(
            actor=national, agreement=made, on=LRT_NOVEMBER, status="open", note="z" * 2001
        )
    assert refused.value.message_dict == {
        "note": ["de stand van zaken is langer dan 2.000 tekens (nu 2.001)"]
    }
    with pytest.raises(ValidationError) as refused:
        meeting_review(
            actor=national, meeting=lrt_meetings[LRT_NOVEMBER], notes={made.number: "z" * 2001}
        )
    assert refused.value.messages == [
        f"{made.number}: de stand van zaken van {made.number} is langer dan 2.000 tekens (nu 2.001)"
    ]
    with pytest.raises(ValidationError) as refused:
        meeting_create(actor=national, kind="WG", on=LRT_NOVEMBER, note="n" * 2001)
    assert refused.value.message_dict == {
        "note": ["de toelichting is langer dan 2.000 tekens (nu 2.001)"]
    }
    response = client_as("landelijk").post(
        "/afspraken/",
        {
            "meeting": lrt_meetings[LRT_AUTUMN].pk,
            "text": "x" * 200_000,
            "owner_party": "jenv",
            "deadline_rule": "datum",
            "deadline": "2021-11-30",
        },
    )
    assert response.status_code == 400
    assert "de afspraak is langer dan 2.000 tekens" in _page(response)
    assert 'maxlength="2000"' in response.content.decode()
    assert list(Agreement.objects.values_list("number", flat=True)) == [made.number]
    assert AgreementUpdate.objects.count() == 1
    assert Meeting.objects.count() == 2


def test_a_long_unbroken_word_wraps_on_the_pages_and_in_the_pdf(
    client_as: Callable[[str | None], Any], national: Any, agree: Callable[..., Any]
) -> None:
    """The longest text allowed, one word of 2.000 characters: the register and agreement
    pages load the style that wraps it inside its cell, and the PDF action list breaks it
    every 20 characters, so it is written in seconds (WeasyPrint took over half a minute for
    this word, and hung on 200.000 characters)."""
    from regietafel.afspraken import documents
    from regietafel.afspraken.selectors import action_list
    from regietafel.afspraken.templatetags.afspraken_tekst import breakable

    css = (Path(documents.__file__).parent / "static" / "afspraken" / "print.css").read_text(
        encoding="utf-8"
    )
    rule = css[: css.index("{ overflow-wrap: anywhere; }")]
    for selector in ("#tabel-afspraken td", "#tabel-actielijst td", ".afspraak__tekst"):
        assert selector in rule
    made = agree(text="w" * 2000, note="n" * 45)
    client = client_as("landelijk")
    for url in ("/afspraken/?datum=2021-11-01", f"/afspraken/{made.number}/"):
        assert "afspraken/print.css" in client.get(url).content.decode(), url
    # 45 characters: 20 + 20 + 5; words of 20 or fewer stay as they are.
    assert breakable("kort woord " + "n" * 45) == (
        "kort woord " + "n" * 20 + "\u200b" + "n" * 20 + "\u200b" + "nnnnn"
    )
    listed = action_list(user=national, kind="LRT", on=LRT_NOVEMBER)
    printed = documents._print_html(
        listed.title, "afspraken/_actielijst.html", {"listed": listed}, synthetic=False
    )
    assert "\u200b".join(["w" * 20] * 100) in printed
    assert "\u200b".join(["n" * 20, "n" * 20, "nnnnn"]) in printed
    web = client.get("/afspraken/actielijst/?overleg=LRT&datum=2021-11-15").content.decode()
    assert "w" * 2000 in web  # the page keeps the text as typed; the browser wraps it
    # How long the PDF takes is measured by benchmarks/bench_actielijst_pdf.py, not here.
    assert documents.action_list_pdf(listed).startswith(b"%PDF")


def test_an_unknown_key_figure_is_refused(
    client_as: Callable[[str | None], Any],
    agree: Callable[..., Any],
    lrt_meetings: dict[date, Any],
    make_user: Callable[[str], Any],
) -> None:
    """figure_code=bestaat-niet made an agreement that read "niet gemeten: geen gegevens"
    with the signal "risico". The code must be in the catalogue, for the table's scope."""
    with pytest.raises(ValidationError) as refused:
        agree(figure_code="bestaat-niet", figure_threshold=10)
    assert refused.value.message_dict == {
        "figure_code": ["onbekend kerncijfer 'bestaat-niet': kies een code uit de catalogus"]
    }
    nh = make_user("provincie")
    prt = meeting_create(actor=nh, kind="PRT", province_code="PV27", on=LRT_AUTUMN)
    with pytest.raises(ValidationError) as refused:
        agreement_create(
            actor=nh,
            meeting=prt,
            text="Doorstroom",
            owner_party="provincie",
            deadline=LRT_NOVEMBER,
            figure_code="vergunninghouders_in_opvang",
            figure_threshold=100,
        )
    assert refused.value.message_dict == {
        "figure_code": [
            "kerncijfer 'vergunninghouders_in_opvang' bestaat alleen landelijk, niet per provincie"
        ]
    }
    assert not Agreement.objects.exists()
    client = client_as("landelijk")
    form = client.get("/afspraken/").content.decode()
    assert '<option value="capaciteit_nu">Capaciteit nu (capaciteit_nu)</option>' in form
    response = client.post(
        "/afspraken/",
        {
            "meeting": lrt_meetings[LRT_AUTUMN].pk,
            "text": "Meer plaatsen",
            "owner_party": "coa",
            "deadline_rule": "datum",
            "deadline": "2021-11-30",
            "figure_code": "bestaat-niet",
            "figure_threshold": "10",
        },
    )
    assert response.status_code == 400
    assert "bestaat-niet" in _page(response)
    assert not Agreement.objects.exists()
    made = agree(figure_code="capaciteit_nu", figure_threshold=2000)
    assert made.figure_code == "capaciteit_nu"


def test_the_review_round_marks_each_agreement_once(
    national: Any, agree: Callable[..., Any], lrt_meetings: dict[date, Any]
) -> None:
    """Submitted twice, the review round wrote every "besproken in LRT 2021-11-15" row twice.
    An agreement already marked in this meeting is not marked again; one made since is."""
    november = lrt_meetings[LRT_NOVEMBER]
    first, second = agree(), agree()
    done = meeting_review(actor=national, meeting=november, notes={first.number: "Loopt"})
    assert [u.agreement.number for u in done] == [first.number, second.number]
    again = meeting_review(actor=national, meeting=november, notes={first.number: "Loopt"})
    assert again == []
    third = agree()
    later = meeting_review(actor=national, meeting=november)
    assert [u.agreement.number for u in later] == [third.number]
    rows = AgreementUpdate.objects.filter(reviewed_at=november)
    assert sorted(rows.values_list("agreement__number", flat=True)) == sorted(
        [first.number, second.number, third.number]
    )
    # Another note for one already marked is a new stand van zaken, not a second mark.
    with pytest.raises(ValidationError) as refused:
        meeting_review(actor=national, meeting=november, notes={second.number: "Nieuw"})
    assert refused.value.messages == [
        (
            f"al besproken in dit overleg: {second.number}; leg een nieuwe deadline of stand "
            "van zaken vast op de pagina van de afspraak"
        )
    ]
    assert rows.count() == 3
