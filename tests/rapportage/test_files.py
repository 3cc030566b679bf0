"""Downloads of a published report are its stored bytes, made once, with their SHA-256."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import pytest
from django.db import transaction

from regietafel.rapportage import files
from regietafel.rapportage.files import report_file_get
from regietafel.rapportage.models import PublishedReport, ReportFile

Publish = Callable[..., PublishedReport]


@pytest.mark.parametrize(
    ("suffix", "fmt", "magic"), [("pdf/", "pdf", b"%PDF"), ("excel/", "xlsx", b"PK")]
)
def test_a_download_is_the_stored_bytes_and_renders_only_once(
    publish: Publish, client_as: Any, suffix: str, fmt: str, magic: bytes
) -> None:
    report = publish(scope="NL")
    assert not ReportFile.objects.exists()  # published before files were kept: made on demand
    client = client_as("landelijk")
    before = files.renders

    first = client.get(f"/rapport/2021-W45/NL/{suffix}")
    assert first.status_code == 200
    stored = ReportFile.objects.get(report=report, format=fmt)
    assert first.content == bytes(stored.content)
    assert first.content.startswith(magic)
    assert stored.sha256 == hashlib.sha256(first.content).hexdigest()
    assert stored.size == len(first.content)
    assert first["ETag"] == f'"{stored.sha256}"'
    assert files.renders == before + 1

    second = client.get(f"/rapport/2021-W45/NL/{suffix}")
    assert second.content == first.content
    assert files.renders == before + 1  # served from the stored bytes, not rendered again
    assert ReportFile.objects.count() == 1

    unchanged = client.get(f"/rapport/2021-W45/NL/{suffix}", HTTP_IF_NONE_MATCH=first["ETag"])
    assert unchanged.status_code == 304
    assert files.renders == before + 1


def test_each_version_has_its_own_files(publish: Publish, collector: Any) -> None:
    from tests.rapportage.factories import report_data

    first = publish(scope="NL")
    collector.current["NL"] = report_data(scope="NL", week="2021-W45", occupancy=30_000)
    second = publish(scope="NL", note="correctie")
    one, two = report_file_get(first, "xlsx"), report_file_get(second, "xlsx")
    assert one.pk != two.pk
    assert one.sha256 != two.sha256
    assert report_file_get(first, "xlsx").pk == one.pk


def test_publishing_schedules_the_files_after_commit(
    publish: Publish, django_capture_on_commit_callbacks: Any
) -> None:
    """The callback runs only when the publication commits; without a background worker
    (command line, tests) it leaves the files to their first use."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks, transaction.atomic():
        publish(scope="NL")
    assert len(callbacks) == 2  # the files, then the e-mails to subscribers (meldingen)
    callbacks[0]()  # no background worker in this process: nothing is made yet
    assert not ReportFile.objects.exists()


def test_the_background_job_makes_both_files_once(publish: Publish) -> None:
    report = publish(scope="PV27")
    before = files.renders
    made = files.report_files_make(report)
    assert [f.format for f in made] == ["pdf", "xlsx"]
    assert files.renders == before + 2
    again = files.report_files_make(report)
    assert [f.pk for f in again] == [f.pk for f in made]
    assert files.renders == before + 2


def test_the_report_page_says_which_downloads_are_made(publish: Publish, client_as: Any) -> None:
    """Before the files are made the page says "wordt gemaakt"; once made, their size."""
    report = publish(scope="NL")
    client = client_as("landelijk")
    before = client.get("/rapport/2021-W45/NL/").content.decode()
    assert "PDF wordt gemaakt" in before
    assert "Excel wordt gemaakt" in before
    made = files.report_file_get(report, "xlsx")
    middle = client.get("/rapport/2021-W45/NL/").content.decode()
    assert "PDF wordt gemaakt" in middle
    assert "Excel klaar (" in middle
    assert made.size > 0
    files.report_file_get(report, "pdf")
    after = client.get("/rapport/2021-W45/NL/").content.decode()
    assert "wordt gemaakt" not in after
    assert "PDF klaar (" in after


def test_stored_files_of_older_national_reports_are_made_again(
    publish: Publish, collector: Any
) -> None:
    """Migration 0003: a national report before format 11 listed every municipality in its
    stored PDF and Excel; those files go (made again on the next download, without the
    rows). A format 11 national report and a province report keep theirs."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module(
        "regietafel.rapportage.migrations.0003_national_files_without_municipalities"
    )
    from tests.rapportage.factories import report_data

    old_national = publish(scope="NL")
    collector.current["NL"] = report_data(scope="NL", occupancy=30_000)
    new_national = publish(scope="NL", note="correctie")
    old_province = publish(scope="PV27")
    for report in (old_national, old_province):
        PublishedReport.objects.filter(pk=report.pk).update(
            data={**report.data, "format_version": 10}
        )
    for report in (old_national, new_national, old_province):
        ReportFile.objects.create(report=report, format="pdf", content=b"%PDF", sha256="x", size=4)

    migration.drop_national_files_with_municipalities(apps, None)

    kept = set(ReportFile.objects.values_list("report_id", flat=True))
    assert kept == {new_national.pk, old_province.pk}
