"""The e-mail about a published report, built from its frozen data and sent after commit.

The figures and their changes since last week are read from the frozen report (each key
figure holds its value and last week's), named and formatted by the catalogue; nothing is
recomputed here.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.urls import reverse

from regietafel.core.catalogue import FigureChange, definition, format_value
from regietafel.meldingen.services import CorrectedFigure, ReportNotice, report_notify
from regietafel.rapportage.models import PublishedReport

logger = logging.getLogger(__name__)


def _absolute(path: str) -> str:
    return f"{settings.BASE_URL}{path}"


def report_notice(report: PublishedReport) -> ReportNotice:
    """What the e-mail about ``report`` says: figures that changed since last week first."""
    data = report.report_data()
    changed: list[FigureChange] = []
    unchanged = 0
    for figure in data.key_figures:
        try:
            figure_definition = definition(figure.key)
        except KeyError:
            continue  # a figure from an older report format without a catalogue entry
        change = FigureChange(
            figure_definition, figure.value, figure.previous, new_period=figure.new_period
        )
        if change.change or change.new_period:  # a new half year is news, not "unchanged"
            changed.append(change)
        else:
            unchanged += 1
    corrected = tuple(
        CorrectedFigure(
            name=str(c["label"]),
            old=format_value(c["old"], int(c.get("decimals", 0)), str(c.get("unit", ""))),
            new=format_value(c["new"], int(c.get("decimals", 0)), str(c.get("unit", ""))),
        )
        for c in report.changes.get("kerncijfers", [])
    )
    args = {"week": report.week, "scope": report.scope}
    version = f"?versie={report.version}"
    return ReportNotice(
        scope=report.scope,
        scope_name=data.scope_name,
        week=report.week,
        version=report.version,
        synthetic=report.synthetic,
        changes=tuple(changed),
        unchanged=unchanged,
        corrected=corrected,
        note=report.correction_note,
        page_url=_absolute(reverse("rapport", kwargs=args) + version),
        pdf_url=_absolute(reverse("rapport-pdf", kwargs=args) + version),
        xlsx_url=_absolute(reverse("rapport-xlsx", kwargs=args) + version),
    )


def report_notify_published(report_pk: int) -> None:
    """Run after the publication committed: mail the subscribers; never raises."""
    try:
        report = PublishedReport.objects.get(pk=report_pk)
        report_notify(report_notice(report))
    except Exception:  # a notification problem must never look like a failed publication
        logger.exception("meldingen voor rapport %s niet verstuurd", report_pk)
