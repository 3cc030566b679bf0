"""Stored downloads of published reports: PDF and Excel made once, served from their bytes.

A published version is frozen, so its PDF and Excel never change: they are made once and
kept with their SHA-256 (``ReportFile``). Publishing schedules them (after the commit; in a
background thread of the server process, see :func:`background_enable`); a version without
them (published before files were kept, or whose background job did not finish) gets them
on its first download. Either way a download never lays out a PDF twice.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Literal

from django.db import IntegrityError, close_old_connections, connections, transaction

from regietafel.rapportage.models import PublishedReport, ReportFile

logger = logging.getLogger(__name__)

StoredFormat = Literal["pdf", "xlsx"]
STORED_FORMATS: tuple[StoredFormat, ...] = ("pdf", "xlsx")

_lock = threading.Lock()
_executor: ThreadPoolExecutor | None = None
#: How many files this process has rendered (tests and benchmarks count with it).
renders = 0


def report_file_stored(report: PublishedReport, fmt: StoredFormat) -> ReportFile | None:
    return ReportFile.objects.filter(report=report, format=fmt).first()


def report_files_state(report: PublishedReport) -> dict[StoredFormat, ReportFile | None]:
    """Which downloads of ``report`` are made (size and checksum, without the bytes)."""
    stored = {
        f.format: f
        for f in ReportFile.objects.filter(report=report).only("format", "sha256", "size")
    }
    return {fmt: stored.get(fmt) for fmt in STORED_FORMATS}


def report_file_get(report: PublishedReport, fmt: StoredFormat) -> ReportFile:
    """The stored file of ``report`` in ``fmt``, made and stored first when it is missing."""
    stored = report_file_stored(report, fmt)
    if stored is not None:
        return stored
    from regietafel.rapportage.render import render_report

    return _store(report, fmt, render_report(report, fmt).content)


def report_files_get(reports: Sequence[PublishedReport], fmt: StoredFormat) -> list[ReportFile]:
    """Stored files of several reports; the missing ones are rendered together (PDFs in
    parallel worker processes) and stored."""
    from regietafel.rapportage.render import render_many

    found = {
        f.report_id: f for f in ReportFile.objects.filter(report__in=list(reports), format=fmt)
    }
    missing = [r for r in reports if r.pk not in found]
    for report, output in zip(missing, render_many(missing, fmt), strict=True):
        found[report.pk] = _store(report, fmt, output.content)
    return [found[r.pk] for r in reports]


def _store(report: PublishedReport, fmt: StoredFormat, content: bytes) -> ReportFile:
    global renders  # noqa: PLW0603 - a plain per-process counter
    with _lock:
        renders += 1
    try:
        with transaction.atomic():
            return ReportFile.objects.create(
                report=report,
                format=fmt,
                content=content,
                sha256=hashlib.sha256(content).hexdigest(),
                size=len(content),
            )
    except IntegrityError:  # made at the same moment by another request: keep that one
        return ReportFile.objects.get(report=report, format=fmt)


def background_enable() -> None:
    """Let publishing make the files in a background thread of this process (the server).

    Call it in the serving process itself (after a fork, never before). Without it, as in
    the command line and the tests, files are made on their first use.
    """
    global _executor  # noqa: PLW0603 - one background worker per process
    with _lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rapportbestanden")


def report_files_schedule(report_id: int) -> None:
    """After a publication commits: make its PDF and Excel in the background, if enabled.

    One background thread per process, so PDFs are laid out one at a time and never
    crowd out the requests of that process.
    """
    if _executor is not None:
        _executor.submit(_make_all, report_id)


def report_files_make(report: PublishedReport) -> list[ReportFile]:
    """Every stored format of ``report`` (the background job's work), made where missing."""
    return [report_file_get(report, fmt) for fmt in STORED_FORMATS]


def _make_all(report_id: int) -> None:
    """The background job: its own database connection, closed when done."""
    close_old_connections()
    try:
        report_files_make(PublishedReport.objects.get(pk=report_id))
    except Exception:  # a failure here only means the first download makes the file
        logger.exception("rapportbestanden van rapport %s niet gemaakt", report_id)
    finally:
        connections.close_all()
