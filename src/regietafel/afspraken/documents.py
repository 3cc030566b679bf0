"""The action list and the annex as A4 PDF (WeasyPrint, the report's house style) and Word.

The PDF is the same template body as the web page inside a standalone print wrapper (as the
weekly report); the Word document (python-docx) has the same rows and columns, so a
secretary can paste the table into an agenda. Both are built from the same selector data.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from regietafel.afspraken.selectors import ActionList, AgreementState, Annex, is_synthetic
from regietafel.afspraken.tables import date_text, deadline_text
from regietafel.core.confidentiality import SUPPRESSED_TEXT
from regietafel.printing import a4_document, house_css, pdf_of

_OWN_CSS = Path(__file__).resolve().parent / "static" / "afspraken" / "print.css"


def _print_html(title: str, body: str, context: dict[str, Any], *, synthetic: bool) -> str:
    with translation.override("nl"):
        rendered = render_to_string(
            body,
            {**context, "title": title, "synthetic": synthetic, "link": False, "printed": True},
        )
    return a4_document(
        title=title, body=rendered, header=title, synthetic=synthetic, css=house_css(_OWN_CSS)
    )


def action_list_pdf(listed: ActionList) -> bytes:
    html = _print_html(
        listed.title, "afspraken/_actielijst.html", {"listed": listed}, synthetic=is_synthetic()
    )
    return pdf_of(html)


def annex_pdf(annex: Annex) -> bytes:
    html = _print_html(
        annex.title, "afspraken/_bijlage.html", {"annex": annex}, synthetic=annex.synthetic
    )
    return pdf_of(html)


def _progress_cell(state: AgreementState) -> str:
    parts = [state.progress_text] if state.progress_text else []
    if state.health is not None:
        parts.append(state.health.label)
    return "\n".join(parts)


def _status_cell(state: AgreementState) -> str:
    text = state.status.label
    if state.note:
        text += f"\n{state.note}"
        if state.note_date:
            text += f" ({date_text(state.note_date)})"
    return text


ACTION_HEADERS = (
    "Nr.",
    "Actie",
    "Eigenaar",
    "Deadline",
    "Status en stand van zaken",
    "Voortgang en signaal",
)


def action_cells(state: AgreementState) -> tuple[str, ...]:
    """One row of the action list as the Word table shows it (also used by the tests)."""
    number = state.number + ("\nnieuw" if state.new else "")
    action = state.agreement.text + f"\n{date_text(state.agreement.meeting.date)}"
    if state.agenda:
        action += f", agendapunt {state.agenda}"
    deadline = deadline_text(state) + ("\nverlopen" if state.overdue else "")
    return (number, action, state.owner, deadline, _status_cell(state), _progress_cell(state))


def _document(title: str, intro: str, *, synthetic: bool) -> Any:
    from docx import Document
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(16)
    section.top_margin, section.bottom_margin = Mm(20), Mm(18)
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(9)
    document.core_properties.title = title
    document.core_properties.author = "regietafel"
    document.add_heading(title, level=1)
    if synthetic:
        document.add_paragraph().add_run("Synthetische demodata").bold = True
    document.add_paragraph(intro)
    return document


def _table(document: Any, headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(header).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text


def _save(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def action_list_docx(listed: ActionList) -> bytes:
    intro = f"{len(listed.rows)} lopende afspraken"
    if listed.previous:
        intro += f"; vorig overleg {date_text(listed.previous)}"
    intro += (
        f". Gemeten voortgang uit het locatieregister van de week van {date_text(listed.on)}. "
        "Verlopen afspraken eerst, dan op deadline."
    )
    document = _document(listed.title, intro, synthetic=is_synthetic())
    _table(document, ACTION_HEADERS, [action_cells(s) for s in listed.rows])
    if not listed.rows:
        document.add_paragraph("Geen lopende afspraken.")
    return _save(document)


ANNEX_HEADERS = (
    "Provincie",
    "Locaties",
    "Capaciteit",
    "Bezetting",
    "Gecorrigeerde taakstelling",
    "Gehuisvest",
    "Lopende PRT-afspraken",
)


def _number(value: int | None) -> str:
    return "–" if value is None else f"{value:,}".replace(",", ".")


def annex_rows(annex: Annex) -> list[tuple[str, ...]]:
    return [
        (
            p.name,
            _number(p.locations),
            _number(p.capacity),
            SUPPRESSED_TEXT if p.occupancy_suppressed else _number(p.occupancy),
            _number(p.corrected),
            _number(p.housed),
            "–" if p.running_agreements is None else str(p.running_agreements),
        )
        for p in annex.provinces
    ]


def _agreement_line(state: AgreementState) -> str:
    details = [state.owner, deadline_text(state), state.status.label]
    if state.progress_text:
        details.append(state.progress_text)
    if state.health is not None:
        details.append(state.health.label)
    return f"{state.number} {state.agreement.text} ({'; '.join(details)})"


def annex_docx(annex: Annex) -> bytes:
    intro = (
        f"Opvang: capaciteit en bezetting volgens het locatieregister van week {annex.week.label}. "
    )
    if annex.period:
        intro += (
            f"Huisvesting: gecorrigeerde taakstelling {annex.period} en gehuisvest, "
            f"{annex.months_elapsed} van de 6 maanden verstreken. "
        )
    intro += "Afspraken: de lopende afspraken van de regietafels aan het eind van de week."
    document = _document(annex.title, intro, synthetic=annex.synthetic)
    document.add_heading("Opgave per provincie", level=2)
    _table(document, ANNEX_HEADERS, annex_rows(annex))
    document.add_heading("Bestuurlijke afspraken aan de LRT", level=2)
    for state in annex.national:
        document.add_paragraph(_agreement_line(state), style="List Bullet")
    document.add_heading("Afspraken per provincie", level=2)
    for province in annex.provinces:
        if not province.agreements_readable:
            continue
        document.add_heading(province.name, level=3)
        if not province.agreements:
            document.add_paragraph("Geen lopende afspraken.")
        for state in province.agreements:
            document.add_paragraph(_agreement_line(state), style="List Bullet")
    return _save(document)
