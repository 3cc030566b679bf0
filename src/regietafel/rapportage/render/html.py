"""One template, two wrappers: the report body for the web page and for the PDF.

``rapportage/report.html`` holds every section; ``rapportage/page.html`` wraps it in the site
layout, :func:`regietafel.printing.a4_document` in the standalone A4 document of the house
style for WeasyPrint. Both get the same context from :func:`report_context`, built from the
frozen ``ReportData`` alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from regietafel.core.rules import ScheduleClass
from regietafel.printing import a4_document
from regietafel.rapportage.data import MunicipalityProgress, ReportData
from regietafel.rapportage.format import date_nl
from regietafel.rapportage.render.charts import CAPACITY_BREAKS, report_figures

TIMELINE_TABLE_STEP = 4
"""The data table under the capacity chart shows every fourth week (the chart shows all)."""


@dataclass(frozen=True, slots=True)
class ReportMeta:
    """What the publication adds to the frozen data: version, moment, who, corrections."""

    version: int
    published_at: datetime | None
    published_by: str
    correction_note: str = ""
    changes: dict[str, Any] = field(default_factory=dict)

    @property
    def is_correction(self) -> bool:
        return self.version > 1


def report_title(data: ReportData) -> str:
    table = "LRT" if data.is_national else f"PRT {data.scope_name}"
    return f"Kerncijfers week {data.week}, {data.scope_name} ({table})"


def running_header(data: ReportData, meta: ReportMeta) -> str:
    kind = " (correctie)" if meta.is_correction else ""
    return f"Kerncijfers {data.scope_name} · week {data.week} · versie {meta.version}{kind}"


def _by_province(data: ReportData) -> list[dict[str, Any]]:
    groups: dict[str, list[MunicipalityProgress]] = {}
    for row in data.taakstelling.municipalities:
        groups.setdefault(row.province_code, []).append(row)
    return [
        {"province": p, "municipalities": groups.get(p.code, [])}
        for p in data.taakstelling.provinces
        if p.code in groups
    ]


def _timeline_rows(data: ReportData) -> list[dict[str, Any]]:
    timeline = data.timeline
    if timeline is None:
        return []
    rows = []
    for i in range(0, len(timeline.week_starts), TIMELINE_TABLE_STEP):
        rows.append(
            {
                "week_start": timeline.week_starts[i],
                "structural": timeline.structural[i],
                "temporary": timeline.temporary[i],
                "total": timeline.total[i],
                "need": timeline.need[i] if timeline.need is not None else None,
            }
        )
    return rows


FORECAST_TABLE_STEP = 13
"""The report's forecast table shows every 13th week (the Excel workbook every week)."""


def _forecast_rows(data: ReportData) -> list[dict[str, Any]]:
    fan = data.forecast
    if fan is None:
        return []
    return [
        {
            "week_start": fan.week_starts[i],
            "median": fan.occupancy[2][i],
            "low80": fan.occupancy[1][i],
            "high80": fan.occupancy[3][i],
            "low95": fan.occupancy[0][i],
            "high95": fan.occupancy[4][i],
            "need": fan.need[2][i],
        }
        for i in range(0, len(fan.week_starts), FORECAST_TABLE_STEP)
    ]


def report_context(data: ReportData, meta: ReportMeta, *, for_print: bool) -> dict[str, Any]:
    figures = report_figures(data)
    breaks = [f"{b:g}".replace(".", ",") for b in CAPACITY_BREAKS]
    return {
        "data": data,
        "meta": meta,
        "title": report_title(data),
        "running_header": running_header(data, meta),
        "published_at_text": date_nl(meta.published_at) if meta.published_at else "",
        "figures": figures,
        "for_print": for_print,
        "province_groups": _by_province(data),
        "timeline_rows": _timeline_rows(data),
        "timeline_step": TIMELINE_TABLE_STEP,
        "forecast_rows": _forecast_rows(data),
        "forecast_step": FORECAST_TABLE_STEP,
        "capacity_breaks": breaks,
        "schedule_classes": [c.label for c in ScheduleClass],
        "change_rows": meta.changes.get("kerncijfers", []),
        "changed_sections": meta.changes.get("onderdelen", []),
        "previous_version": meta.changes.get("vorige_versie"),
    }


def render_print_html(data: ReportData, meta: ReportMeta) -> str:
    """The standalone document WeasyPrint turns into the PDF (styles embedded)."""
    context = report_context(data, meta, for_print=True)
    with translation.override("nl"):
        body = render_to_string("rapportage/report.html", context)
    return a4_document(
        title=f"{context['title']} · versie {meta.version}",
        body=body,
        header=context["running_header"],
        synthetic=data.synthetic,
    )
