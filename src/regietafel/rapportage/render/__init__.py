"""The three outputs of a published report; all render from its frozen ``ReportData``."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Literal

from django.utils import timezone

from regietafel.rapportage.data import ReportData
from regietafel.rapportage.models import PublishedReport
from regietafel.rapportage.render.html import ReportMeta

Format = Literal["html", "pdf", "xlsx"]
FORMATS: tuple[Format, ...] = ("html", "pdf", "xlsx")

CONTENT_TYPES: dict[Format, str] = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True, slots=True)
class Output:
    content: bytes
    content_type: str
    filename: str


def meta_of(report: PublishedReport) -> ReportMeta:
    published_by = report.published_by.get_username() if report.published_by else "systeem"
    return ReportMeta(
        version=report.version,
        published_at=timezone.localtime(report.published_at) if report.published_at else None,
        published_by=published_by,
        correction_note=report.correction_note,
        changes=dict(report.changes or {}),
    )


def file_name(report: PublishedReport, fmt: Format) -> str:
    version = f"-v{report.version}" if report.version > 1 else ""
    return f"rapport-{report.week}-{report.scope}{version}.{fmt}"


def render_report(report: PublishedReport, fmt: Format) -> Output:
    """The report in ``fmt``; html is the standalone print document (as the PDF sees it)."""
    content = render_frozen(report.report_data(), meta_of(report), fmt)
    return Output(content, CONTENT_TYPES[fmt], file_name(report, fmt))


def render_many(reports: Sequence[PublishedReport], fmt: Format) -> list[Output]:
    """Render several reports; PDFs are laid out in parallel worker processes.

    The HTML (with its SVG charts) is made here; fresh spawned workers only run WeasyPrint on
    it, so nothing with threads (the chart engine) or connections (the database) is shared.
    """
    if fmt != "pdf" or len(reports) < 2 or (os.cpu_count() or 1) < 2:
        return [render_report(report, fmt) for report in reports]
    from regietafel.printing import CSS_DIR, html_to_pdf
    from regietafel.rapportage.render.html import render_print_html

    jobs = [(render_print_html(r.report_data(), meta_of(r)), str(CSS_DIR)) for r in reports]
    workers = min(len(jobs), os.cpu_count() or 1)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        contents = list(pool.map(html_to_pdf, jobs))
    return [
        Output(content, CONTENT_TYPES[fmt], file_name(report, fmt))
        for report, content in zip(reports, contents, strict=True)
    ]


def render_frozen(data: ReportData, meta: ReportMeta, fmt: Format) -> bytes:
    """The bytes of one output of frozen report data."""
    if fmt == "pdf":
        from regietafel.rapportage.render.pdf import render_pdf

        content = render_pdf(data, meta)
    elif fmt == "xlsx":
        from regietafel.rapportage.render.xlsx import render_xlsx

        content = render_xlsx(data, meta)
    else:
        from regietafel.rapportage.render.html import render_print_html

        content = render_print_html(data, meta).encode("utf-8")
    return content
