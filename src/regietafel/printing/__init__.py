"""The A4 house style and HTML to PDF, shared by every printed document; no Django.

The weekly report, the action list and the annex are printed in one house style: one
stylesheet (``css/house.css``, also served to the web pages as ``huisstijl/house.css``) and one
A4 wrapper with running header, page numbers and the "synthetic data" mark. Each document
renders its own body; :func:`a4_document` wraps it. Charts are rendered to SVG in the parent
(vl-convert runs threads that must not be forked); PDF workers are spawned fresh and only lay
out the finished HTML, so this module must import without configuring Django.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

CSS_DIR = Path(__file__).resolve().parent / "css"
"""Folder of the house-style stylesheets (also a static-files folder, prefix ``huisstijl``)."""
HOUSE_CSS = CSS_DIR / "house.css"

_PAGE = """@page {{
  size: A4;
  margin: 22mm 16mm 20mm 16mm;
  @top-left {{ content: {header}; font-size: 8.5pt; color: #333; }}
  @top-right {{ content: {corner}; font-size: 8.5pt; font-weight: bold; color: #8a4b00; }}
  @bottom-left {{ content: "regietafel"; font-size: 8.5pt; color: #555; }}
  @bottom-right {{
    content: "pagina " counter(page) " van " counter(pages); font-size: 8.5pt; color: #333;
  }}
}}"""


def css_string(text: str) -> str:
    """Text as a CSS ``content: "..."`` value."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def house_css(*extra: Path) -> str:
    """The house stylesheet followed by a document's own additions."""
    return "".join(p.read_text(encoding="utf-8") for p in (HOUSE_CSS, *extra))


def a4_document(
    *, title: str, body: str, header: str, synthetic: bool, css: str | None = None
) -> str:
    """A standalone A4 HTML document around ``body`` (already rendered, trusted HTML).

    ``header`` runs at the top of every page; synthetic (demo) data is marked on every page.
    """
    page = _PAGE.format(
        header=css_string(header),
        corner=css_string("synthetische demodata" if synthetic else ""),
    )
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>\n{page}\n{house_css() if css is None else css}"
        f'\n</style>\n</head>\n<body class="report--print">\n{body}\n</body>\n</html>\n'
    )


def html_to_pdf(job: tuple[str, str]) -> bytes:
    """PDF bytes of ``(html, base_url)``; a job tuple so it maps over a process pool."""
    from weasyprint import HTML

    html, base_url = job
    pdf: bytes = HTML(string=html, base_url=base_url).write_pdf()
    return pdf


def pdf_of(html: str) -> bytes:
    """PDF bytes of a document made by :func:`a4_document` (resources relative to the CSS)."""
    return html_to_pdf((html, str(CSS_DIR)))
