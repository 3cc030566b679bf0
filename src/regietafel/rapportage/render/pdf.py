"""The report as an A4 PDF: the print wrapper of the report template through WeasyPrint.

Charts are inline SVG, so WeasyPrint draws them as vectors; page numbers, the week, the
version and (for demo data) "synthetische demodata" are in the page margins of every page.
"""

from __future__ import annotations

from regietafel.printing import html_to_pdf
from regietafel.rapportage.data import ReportData
from regietafel.rapportage.render.html import STATIC, ReportMeta, render_print_html


def render_pdf(data: ReportData, meta: ReportMeta) -> bytes:
    return html_to_pdf((render_print_html(data, meta), str(STATIC)))
