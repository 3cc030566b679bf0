"""E-mail after publishing: who gets it, what it says, and that it never harms a publication."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings

from regietafel.audit.models import Action, AuditEntry
from regietafel.meldingen.models import Subscription
from regietafel.rapportage.data import KeyFigure, ReportData
from regietafel.rapportage.models import PublishedReport
from regietafel.rapportage.services import ReportUnchangedError, report_publish
from tests.rapportage.conftest import FakeCollector
from tests.rapportage.factories import report_data

pytestmark = pytest.mark.django_db

Publish = Callable[..., PublishedReport]


def _figures(occupancy: int = 33_057) -> tuple[KeyFigure, ...]:
    """Catalogue figures with last week's values: three changed, one equal, one unknown."""
    return (
        KeyFigure("bezetting_nu", "Bezetting nu", "personen", occupancy, 32_937),
        KeyFigure("capaciteit_nu", "Capaciteit nu", "plaatsen", 34_500, 34_500),
        KeyFigure("tekort_kort", "Tekort, korte termijn", "plaatsen", 1_200, 1_500),
        KeyFigure(
            "gehuisvest_procent",
            "Gehuisvest als deel van de gecorrigeerde taakstelling",
            "%",
            58.2,
            55.0,
            1,
        ),
        KeyFigure(
            "vergunninghouders_in_opvang", "Vergunninghouders in de opvang", "personen", None, 9
        ),
    )


def _data(scope: str = "NL", occupancy: int = 33_057) -> ReportData:
    return replace(report_data(scope=scope), key_figures=_figures(occupancy))


@pytest.fixture
def subscribers(make_user: Callable[[str], Any]) -> dict[str, Any]:
    """landelijk: national; provincie (Noord-Holland): own province; provincie_andere
    (Groningen): own province and national; coa: nothing chosen."""
    wishes = {
        "landelijk": (True, False),
        "provincie": (False, True),
        "provincie_andere": (True, True),
        "coa": (False, False),
    }
    users = {}
    for key, (national, own) in wishes.items():
        user = make_user(key)
        user.email = f"{key}@example.nl"
        user.save()
        Subscription.objects.create(user=user, national=national, own_province=own)
        users[key] = user
    return users


def _publish(
    collector: FakeCollector, capture: Any, scope: str = "NL", **kwargs: Any
) -> PublishedReport:
    collector.current[scope] = kwargs.pop("data", None) or _data(scope)
    with capture(execute=True):
        return report_publish(actor=None, week="2021-W45", scope=scope, collect=collector, **kwargs)


def _recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ("NL", ["landelijk@example.nl", "provincie_andere@example.nl"]),
        ("PV27", ["provincie@example.nl"]),
        ("PV20", ["provincie_andere@example.nl"]),
        ("PV22", []),
    ],
)
def test_each_report_goes_to_its_subscribers_only(
    scope: str,
    expected: list[str],
    subscribers: dict[str, Any],
    collector: FakeCollector,
    django_capture_on_commit_callbacks: Any,
) -> None:
    _publish(collector, django_capture_on_commit_callbacks, scope)
    assert _recipients() == expected
    sent = AuditEntry.objects.filter(action=Action.SENT, object_type="melding")
    assert sorted(e.changes["aan"] for e in sent) == expected
    assert all(e.object_id == f"2021-W45/{scope}/v1" for e in sent)


def test_a_province_subscriber_of_another_province_gets_nothing(
    subscribers: dict[str, Any],
    collector: FakeCollector,
    django_capture_on_commit_callbacks: Any,
) -> None:
    """A province user who is moved to another province keeps the box, not the old reports."""
    user = subscribers["provincie"]
    user.province_code = "PV20"
    user.save()
    _publish(collector, django_capture_on_commit_callbacks, "PV27")
    assert _recipients() == []


def test_no_address_or_inactive_account_gets_nothing(
    subscribers: dict[str, Any],
    collector: FakeCollector,
    django_capture_on_commit_callbacks: Any,
) -> None:
    subscribers["landelijk"].email = ""
    subscribers["landelijk"].save()
    subscribers["provincie_andere"].is_active = False
    subscribers["provincie_andere"].save()
    _publish(collector, django_capture_on_commit_callbacks, "NL")
    assert mail.outbox == []


EXPECTED_BODY = """Beste landelijk,

Het weekrapport van week 2021-W45 voor Nederland is gepubliceerd.
Let op: dit rapport bevat synthetische demodata.

Belangrijkste veranderingen sinds vorige week:
- Bezetting nu: 33.057, +120 t.o.v. vorige week
- Tekort, korte termijn: 1.200, −300 t.o.v. vorige week
- Gehuisvest als deel van de gecorrigeerde taakstelling: 58,2\u00a0%, +3,2 procentpunt t.o.v. vorige week
2 andere kerncijfers zijn gelijk gebleven of niet te vergelijken.

Rapport: https://regietafel.example.nl/rapport/2021-W45/NL/?versie=1
PDF: https://regietafel.example.nl/rapport/2021-W45/NL/pdf/?versie=1
Excel: https://regietafel.example.nl/rapport/2021-W45/NL/excel/?versie=1

U krijgt dit bericht omdat u zich voor deze meldingen hebt aangemeld. Afmelden of wijzigen: https://regietafel.example.nl/meldingen/

regietafel
"""  # noqa: E501 - the mail's lines are as long as the figure names


@override_settings(BASE_URL="https://regietafel.example.nl")
def test_mail_names_the_changes_and_links_absolutely(
    subscribers: dict[str, Any],
    collector: FakeCollector,
    django_capture_on_commit_callbacks: Any,
) -> None:
    """Hand-checked: 33.057 − 32.937 = +120; 1.200 − 1.500 = −300; 58,2 − 55,0 = +3,2 points;
    capacity equal and refugees without this week's figure are not listed as changes."""
    _publish(collector, django_capture_on_commit_callbacks, "NL")
    message = next(m for m in mail.outbox if m.to == ["landelijk@example.nl"])
    assert message.subject == "Weekrapport 2021-W45 Nederland gepubliceerd"
    assert message.body == EXPECTED_BODY


@override_settings(BASE_URL="https://regietafel.example.nl")
def test_correction_mail_names_what_was_corrected(
    subscribers: dict[str, Any],
    collector: FakeCollector,
    django_capture_on_commit_callbacks: Any,
) -> None:
    _publish(collector, django_capture_on_commit_callbacks, "NL")
    mail.outbox.clear()
    _publish(
        collector,
        django_capture_on_commit_callbacks,
        "NL",
        data=_data("NL", occupancy=33_157),
        note="register COA hersteld",
    )
    message = next(m for m in mail.outbox if m.to == ["landelijk@example.nl"])
    assert message.subject == "Weekrapport 2021-W45 Nederland gepubliceerd (correctie, versie 2)"
    assert "gepubliceerd als correctie (versie 2)." in message.body
    assert "Toelichting: register COA hersteld\n" in message.body
    assert "- Bezetting nu: 33.057 wordt 33.157\n" in message.body
    assert "- Bezetting nu: 33.157, +220 t.o.v. vorige week\n" in message.body
    assert "/rapport/2021-W45/NL/?versie=2\n" in message.body


def test_no_mail_when_publishing_is_refused(
    subscribers: dict[str, Any],
    collector: FakeCollector,
    django_capture_on_commit_callbacks: Any,
) -> None:
    _publish(collector, django_capture_on_commit_callbacks, "NL")
    mail.outbox.clear()
    with pytest.raises(ReportUnchangedError):
        _publish(collector, django_capture_on_commit_callbacks, "NL")
    assert mail.outbox == []


def test_no_mail_when_the_publication_is_rolled_back(
    subscribers: dict[str, Any],
    collector: FakeCollector,
    django_capture_on_commit_callbacks: Any,
) -> None:
    """A publication inside a transaction that fails later is not published, nor announced."""
    collector.current["NL"] = _data("NL")

    def publish_then_fail() -> None:
        with transaction.atomic():
            report_publish(actor=None, week="2021-W45", scope="NL", collect=collector)
            raise RuntimeError("iets anders mislukt in dezelfde transactie")

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        publish_then_fail()
    assert callbacks == []
    assert not PublishedReport.objects.exists()
    assert mail.outbox == []
    assert not AuditEntry.objects.filter(object_type="melding").exists()


class BrokenMailServer:
    """An e-mail backend whose server refuses every message (as a down SMTP server does)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def send_messages(self, messages: Any) -> int:
        raise ConnectionRefusedError("mailserver weigert de verbinding")


@override_settings(EMAIL_BACKEND="tests.meldingen.test_notifications.BrokenMailServer")
def test_a_broken_mail_server_does_not_fail_the_publication(
    subscribers: dict[str, Any],
    collector: FakeCollector,
    django_capture_on_commit_callbacks: Any,
) -> None:
    report = _publish(collector, django_capture_on_commit_callbacks, "NL")
    assert PublishedReport.objects.get(pk=report.pk).version == 1
    failed = AuditEntry.objects.filter(action=Action.SEND_FAILED).order_by("object_id", "id")
    assert sorted(e.changes["gebruiker"] for e in failed) == ["landelijk", "provincie_andere"]
    assert "ConnectionRefusedError" in failed[0].summary
    assert not AuditEntry.objects.filter(action=Action.SENT).exists()
