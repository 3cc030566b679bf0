"""Publishing freezes a week; a correction is a new version with what changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from regietafel.audit.models import AuditEntry
from regietafel.rapportage.data import ReportData
from regietafel.rapportage.models import PublishedReport
from regietafel.rapportage.services import ReportUnchangedError, report_publish_all_provinces
from tests.rapportage.conftest import FakeCollector
from tests.rapportage.factories import report_data, with_changes

Publish = Callable[..., PublishedReport]


def test_json_round_trip_is_exact() -> None:
    data = report_data()
    assert ReportData.from_json(data.to_json()) == data


def test_first_publication_is_version_one_with_audit(publish: Publish, make_user: Any) -> None:
    report = publish(actor=make_user("landelijk"))
    assert (report.week, report.scope, report.version) == ("2021-W45", "NL", 1)
    assert report.report_data().key_figure("bezetting").value == 31_250
    entry = AuditEntry.objects.get()
    assert entry.object_id == "2021-W45/NL/v1"
    assert entry.actor_name == "landelijk"


def test_unchanged_figures_are_refused(publish: Publish) -> None:
    publish()
    with pytest.raises(ReportUnchangedError, match="geen wijzigingen ten opzichte van versie 1"):
        publish()
    assert PublishedReport.objects.count() == 1


def test_a_correction_without_its_explanation_is_refused(
    publish: Publish, collector: FakeCollector
) -> None:
    """The form says "verplicht bij een correctie"; version 2 was published without one."""
    from regietafel.rapportage.services import CorrectionNoteMissingError

    publish()
    collector.current["NL"] = with_changes(report_data(), bezetting=31_400)
    for note in ("", "   "):
        with pytest.raises(CorrectionNoteMissingError) as refused:
            publish(note=note)
        assert str(refused.value) == (
            "versie 2 is een correctie van versie 1: geef een toelichting (wat is er veranderd "
            "en waarom)"
        )
    assert PublishedReport.objects.count() == 1
    assert AuditEntry.objects.count() == 1


def test_correction_is_new_version_with_diff(publish: Publish, collector: FakeCollector) -> None:
    first = publish()
    collector.current["NL"] = with_changes(report_data(), bezetting=31_400)
    second = publish(note="bezetting Ter Apel gecorrigeerd")
    assert second.version == 2
    assert second.is_correction
    assert second.correction_note == "bezetting Ter Apel gecorrigeerd"
    assert second.changes["vorige_versie"] == 1
    assert second.changes["kerncijfers"] == [
        {
            "key": "bezetting",
            "label": "mensen in de opvang",
            "unit": "personen",
            "old": 31_250,
            "new": 31_400,
            "decimals": 0,
        }
    ]
    first.refresh_from_db()
    assert first.report_data().key_figure("bezetting").value == 31_250


def test_publish_permissions(publish: Publish, make_user: Any) -> None:
    with pytest.raises(PermissionDenied):
        publish(actor=make_user("provincie"), scope="NL")
    with pytest.raises(PermissionDenied):
        publish(actor=make_user("provincie"), scope="PV20")
    with pytest.raises(PermissionDenied):
        publish(actor=make_user("coa"), scope="NL")
    own = publish(actor=make_user("provincie"), scope="Noord-Holland")
    assert own.scope == "PV27"


def test_unknown_province_is_a_lookup_error(publish: Publish) -> None:
    with pytest.raises(LookupError):
        publish(scope="Atlantis")


def test_publish_all_provinces(db: Any) -> None:
    def collect(**kwargs: Any) -> ReportData:
        return replace(report_data(scope="PV27"), scope=kwargs["scope"])

    published, skipped = report_publish_all_provinces(actor=None, week="2021-W45", collect=collect)
    assert len(published) == 12
    assert skipped == []
    published, skipped = report_publish_all_provinces(actor=None, week="2021-W45", collect=collect)
    assert published == []
    assert len(skipped) == 12
