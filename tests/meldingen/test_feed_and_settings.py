"""Atom feeds per scope (session or HTTP Basic through the log-in throttle) and the page
where a user chooses which reports come by e-mail."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from regietafel.audit.models import Action, AuditEntry
from regietafel.meldingen.models import Subscription
from regietafel.rapportage.services import report_publish
from tests.conftest import PASSWORD
from tests.rapportage.conftest import FakeCollector

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def published(collector: FakeCollector) -> None:
    """Week 45 for NL (two versions), Noord-Holland and Groningen; week 44 for NL."""
    from dataclasses import replace

    from tests.rapportage.factories import report_data

    for week, scope in (("2021-W44", "NL"), ("2021-W45", "NL"), ("2021-W45", "PV27")):
        report_publish(actor=None, week=week, scope=scope, collect=collector)
    report_publish(actor=None, week="2021-W45", scope="PV20", collect=collector)
    collector.current["NL"] = replace(report_data(), synthetic=False)
    report_publish(actor=None, week="2021-W45", scope="NL", collect=collector, note="herzien")


def _entries(response: Any) -> list[str]:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}title") is not None
    return [
        entry.find(f"{ATOM}link").get("href", "")  # type: ignore[union-attr]
        for entry in root.findall(f"{ATOM}entry")
    ]


def test_national_feed_lists_every_version_newest_first(
    published: None, client_as: Callable[[str | None], Any]
) -> None:
    links = _entries(client_as("provincie").get("/rapport/feed/landelijk.atom"))
    assert links == [
        "http://testserver/rapport/2021-W45/NL/?versie=2",
        "http://testserver/rapport/2021-W45/NL/?versie=1",
        "http://testserver/rapport/2021-W44/NL/?versie=1",
    ]


@pytest.mark.parametrize(
    ("key", "slug", "expected"),
    [
        ("provincie", "noord-holland", 200),
        ("provincie", "groningen", 403),
        ("provincie", "PV20", 403),
        ("landelijk", "groningen", 200),
        ("coa", "fryslan", 200),
        ("landelijk", "atlantis", 404),
    ],
)
def test_province_feed_follows_the_report_access(
    key: str,
    slug: str,
    expected: int,
    published: None,
    client_as: Callable[[str | None], Any],
) -> None:
    response = client_as(key).get(f"/rapport/feed/{slug}.atom")
    assert response.status_code == expected
    if expected == 200 and slug == "noord-holland":
        assert _entries(response) == ["http://testserver/rapport/2021-W45/PV27/?versie=1"]
    if slug == "fryslan":
        assert _entries(response) == []


def _basic(username: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


def test_feed_reader_logs_in_with_http_basic(
    published: None, make_user: Callable[[str], Any]
) -> None:
    make_user("provincie")
    anonymous = Client()
    refused = anonymous.get("/rapport/feed/noord-holland.atom")
    assert refused.status_code == 401
    assert refused["WWW-Authenticate"].startswith("Basic")
    ok = anonymous.get("/rapport/feed/noord-holland.atom", **_basic("provincie", PASSWORD))
    assert _entries(ok) == ["http://testserver/rapport/2021-W45/PV27/?versie=1"]
    other = anonymous.get("/rapport/feed/groningen.atom", **_basic("provincie", PASSWORD))
    assert other.status_code == 403
    assert anonymous.get("/rapport/feed/landelijk.atom").status_code == 401  # no session kept


def test_feed_basic_goes_through_the_log_in_throttle(
    published: None, make_user: Callable[[str], Any]
) -> None:
    make_user("landelijk")
    client = Client()
    url = "/rapport/feed/landelijk.atom"
    for _ in range(5):
        assert client.get(url, **_basic("landelijk", "fout")).status_code == 401
    assert client.get(url, **_basic("landelijk", PASSWORD)).status_code == 429
    failures = AuditEntry.objects.filter(action=Action.LOGIN_FAILED, object_id="landelijk")
    assert failures.count() == 5


def test_settings_page_stores_the_choice_with_audit(client_as: Callable[[str | None], Any]) -> None:
    client = client_as("provincie")
    page = client.get("/meldingen/").content.decode()
    assert "Weekrapport van mijn provincie (Noord-Holland)" in page
    assert "geen e-mailadres" in page
    assert "/rapport/feed/noord-holland.atom" in page
    response = client.post("/meldingen/", {"own_province": "on"})
    assert response.status_code == 302
    assert response["Location"] == "/meldingen/"
    subscription = Subscription.objects.get(user__username="provincie")
    assert (subscription.national, subscription.own_province) == (False, True)
    entry = AuditEntry.objects.get(object_type="aanmelding voor meldingen")
    assert entry.changes == {"landelijk": False, "eigen_provincie": True}
    box = re.search(
        r'<input[^>]*id="id_own_province"[^>]*>', client.get("/meldingen/").content.decode()
    )
    assert box is not None
    assert "checked" in box.group(0)


def test_national_user_has_no_province_box(client_as: Callable[[str | None], Any]) -> None:
    client = client_as("landelijk")
    assert "mijn provincie" not in client.get("/meldingen/").content.decode()
    client.post("/meldingen/", {"national": "on", "own_province": "on"})
    subscription = Subscription.objects.get(user__username="landelijk")
    assert (subscription.national, subscription.own_province) == (True, False)


def test_unticking_every_box_switches_mail_off(client_as: Callable[[str | None], Any]) -> None:
    client = client_as("landelijk")
    client.post("/meldingen/", {"national": "on"})
    assert client.post("/meldingen/", {}).status_code == 302
    assert not Subscription.objects.get(user__username="landelijk").national


def test_beheerder_sets_a_subscription_in_the_admin_with_audit(
    make_user: Callable[[str], Any], client_as: Callable[[str | None], Any]
) -> None:
    target = make_user("landelijk")
    admin = client_as("beheerder")
    assert admin.get("/beheer/meldingen/subscription/").status_code == 200
    response = admin.post(
        "/beheer/meldingen/subscription/add/", {"user": target.pk, "national": "on"}
    )
    assert response.status_code == 302
    assert Subscription.objects.get(user=target).national
    entry = AuditEntry.objects.get(object_type="aanmelding voor meldingen")
    assert entry.actor_name == "beheerder"
    assert "door de beheerder gezet" in entry.summary
    assert client_as("landelijk").get("/beheer/meldingen/subscription/").status_code == 302
