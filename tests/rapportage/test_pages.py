"""Reading published reports per role, the web page, downloads and the publish button."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from regietafel.rapportage.models import PublishedReport
from tests.rapportage.conftest import FakeCollector
from tests.rapportage.factories import report_data, with_changes

Publish = Callable[..., PublishedReport]


@pytest.fixture
def published(publish: Publish) -> None:
    for scope in ("NL", "PV27", "PV20"):
        publish(scope=scope)


@pytest.mark.parametrize(
    ("key", "scope", "status"),
    [
        ("provincie", "NL", 200),
        ("provincie", "PV27", 200),
        ("provincie", "PV20", 403),
        ("provincie_andere", "PV27", 403),
        ("landelijk", "PV20", 200),
        ("coa", "PV27", 200),
        (None, "NL", 302),
    ],
)
@pytest.mark.parametrize("suffix", ["", "pdf/", "excel/"])
def test_report_access(  # noqa: PLR0917 - pytest passes fixtures and parameters positionally
    published: None, client_as: Any, key: str | None, scope: str, status: int, suffix: str
) -> None:
    response = client_as(key).get(f"/rapport/2021-W45/{scope}/{suffix}")
    assert response.status_code == status


def test_page_shows_frozen_figures_tables_and_charts(published: None, client_as: Any) -> None:
    response = client_as("provincie").get("/rapport/2021-W45/PV27/")
    html = response.content.decode()
    assert "Kerncijfers week 2021-W45, Noord-Holland (PRT Noord-Holland)" in html
    assert "31.250" in html
    assert '<th scope="col"' in html
    assert "<caption>" in html
    assert 'role="img"' in html
    assert "Haarlem" in html
    assert "Voortgang taakstelling per gemeente, Groningen" not in html
    assert "staan in het afsprakenregister" in html


def test_correction_page_and_older_version(
    publish: Publish, collector: FakeCollector, client_as: Any
) -> None:
    publish()
    collector.current["NL"] = with_changes(report_data(), bezetting=32_000)
    publish(note="nieuwe telling")
    client = client_as("landelijk")
    latest = client.get("/rapport/2021-W45/NL/").content.decode()
    assert "Correctie van versie 1: wat is er veranderd" in latest
    assert "nieuwe telling" in latest
    assert "32.000" in latest
    older = client.get("/rapport/2021-W45/NL/?versie=1").content.decode()
    assert "31.250" in older
    assert "er is een nieuwere versie" in older
    unknown = client.get("/rapport/2021-W45/NL/?versie=9")
    assert unknown.status_code == 404
    # The report is published: an unknown version is not "(nog) niet gepubliceerd".
    assert "Versie 9 van dit rapport bestaat niet." in unknown.content.decode()


def test_list_shows_only_readable_reports_with_csv(published: None, client_as: Any) -> None:
    client = client_as("provincie")
    html = client.get("/rapport/").content.decode()
    assert "/rapport/2021-W45/PV27/" in html
    assert "/rapport/2021-W45/PV20/" not in html
    csv = client.get("/rapport/?formaat=csv").content.decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("week,rapport,versie")
    assert sorted(line.split(",")[1] for line in csv.splitlines()[1:]) == ["NL", "PV27"]


def test_publish_button_by_role(db: Any, client_as: Any, monkeypatch: Any) -> None:
    collector = FakeCollector()
    from regietafel.rapportage import services

    original = services.report_publish

    def publish_with_fake(**kwargs: Any) -> PublishedReport:
        return original(collect=collector, **kwargs)

    monkeypatch.setattr("regietafel.rapportage.views.report_publish", publish_with_fake)
    assert "Publiceren" not in client_as("coa").get("/rapport/").content.decode()
    assert (
        client_as("coa")
        .post("/rapport/publiceren/", {"week": "2021-W45", "scope": "NL"})
        .status_code
        == 403
    )
    refused = client_as("provincie").post(
        "/rapport/publiceren/", {"week": "2021-W45", "scope": "NL"}
    )
    assert refused.status_code == 400
    ok = client_as("provincie").post("/rapport/publiceren/", {"week": "2021-W45", "scope": "PV27"})
    assert ok.status_code == 302
    assert ok["Location"] == "/rapport/2021-W45/PV27/"
    again = client_as("provincie").post(
        "/rapport/publiceren/", {"week": "2021-W45", "scope": "PV27"}
    )
    # A sentence on the page starts with a capital (the service's message does not).
    assert "Geen wijzigingen ten opzichte van versie 1" in again.content.decode()
    bad_week = client_as("landelijk").post(
        "/rapport/publiceren/", {"week": "2021-W99", "scope": "NL"}
    )
    assert "week 99 bestaat niet" in bad_week.content.decode()


def test_publication_time_is_the_same_on_the_list_and_the_page(
    published: None, client_as: Any
) -> None:
    """Stored in UTC, shown in the server's zone (Europe/Amsterdam) on both surfaces: the
    list once showed 18:47 where the report said 19:47."""
    from datetime import UTC, datetime

    from django.utils import timezone

    moment = datetime(2021, 11, 12, 17, 47, tzinfo=UTC)  # 18:47 in Amsterdam (CET)
    PublishedReport.objects.filter(week="2021-W45", scope="NL").update(published_at=moment)
    assert timezone.get_current_timezone_name() == "Europe/Amsterdam"
    client = client_as("landelijk")
    listed = client.get("/rapport/?week=2021-W45").content.decode()
    page = client.get("/rapport/2021-W45/NL/").content.decode()
    assert "12 november 2021 18:47" in listed
    assert "12 november 2021 18:47" in page
    assert "17:47" not in listed + page


def test_national_report_lists_no_municipality_and_links_the_readable_province_reports(
    published: None, client_as: Any
) -> None:
    """Every PRT reads the national report, and a PRT sees only its own municipalities in
    detail: the national report has no row per municipality; each province's name leads to
    its published report, if this reader may read it."""
    lrt = client_as("landelijk").get("/rapport/2021-W45/NL/").content.decode()
    prt = client_as("provincie").get("/rapport/2021-W45/NL/").content.decode()
    for html in (lrt, prt):
        assert "Haarlem" not in html
        assert "GM0014" not in html
        assert "De voortgang per gemeente staat in het rapport van elke provincie" in html
    assert 'href="/rapport/2021-W45/PV27/"' in lrt
    assert 'href="/rapport/2021-W45/PV20/"' in lrt
    assert 'href="/rapport/2021-W45/PV27/"' in prt
    assert 'href="/rapport/2021-W45/PV20/"' not in prt  # Groningen's report is not hers
    assert "Haarlem" in client_as("provincie").get("/rapport/2021-W45/PV27/").content.decode()


def test_report_says_what_a_dash_means(published: None, client_as: Any) -> None:
    """The report writes "–" where a figure has no data (the pages write "geen gegevens"):
    it says so once, under the key figures."""
    html = client_as("landelijk").get("/rapport/2021-W45/NL/").content.decode()
    assert "In dit rapport betekent – geen gegevens (nooit 0)" in html
