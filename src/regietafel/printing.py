"""HTML to PDF, also in worker processes: WeasyPrint only, no Django, no chart rendering.

Charts are rendered to SVG in the parent (vl-convert runs threads that must not be forked);
workers are spawned fresh and only lay out and write the finished HTML. This module lives
outside the Django apps so a spawned worker can import it without configuring Django.
"""

from __future__ import annotations


def html_to_pdf(job: tuple[str, str]) -> bytes:
    from weasyprint import HTML

    html, base_url = job
    pdf: bytes = HTML(string=html, base_url=base_url).write_pdf()
    return pdf
