"""The report as an A4 PDF: the report template in the house-style A4 wrapper through WeasyPrint.

Charts are inline SVG, so WeasyPrint draws them as vectors; page numbers, the week, the
version and (for demo data) "synthetische demodata" are in the page margins of every page.
"""

from __future__ import annotations

from regietafel.printing import pdf_of
from regietafel.rapportage.data import ReportData
from regietafel.rapportage.render.html import ReportMeta, render_print_html


def render_pdf(data: ReportData, meta: ReportMeta) -> bytes:
    return pdf_of(render_print_html(data, meta))
