"""The report as an Excel workbook: one sheet per table, real numbers, and a "toelichting".

Every number is a numeric cell with a Dutch-looking number format (Excel shows the
separators of the reader's locale), so a table can be summed and charted as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from regietafel.core.confidentiality import SUPPRESSED_TEXT
from regietafel.presentation.cells import export_row
from regietafel.rapportage.data import (
    KeyFigure,
    NeedPolicyLine,
    Number,
    ReportData,
)
from regietafel.rapportage.render.html import ReportMeta, report_title

INTEGER = "#,##0"
DECIMAL = "#,##0.0"
PERCENT = '0.0" %"'

Column = tuple[str, str | None]
"""A header and the number format of its cells (None: text)."""


def _sheet(
    book: Workbook, title: str, columns: Sequence[Column], rows: Sequence[Sequence[Any]]
) -> Worksheet:
    sheet: Worksheet = book.create_sheet(title)
    sheet.append(export_row(header for header, _ in columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(export_row(row))
    for index, (header, number_format) in enumerate(columns, start=1):
        letter = get_column_letter(index)
        if number_format is not None:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = number_format
        width = max([len(header)] + [len(str(row[index - 1] or "")) for row in rows[:200]])
        sheet.column_dimensions[letter].width = min(60, max(10, width + 2))
    sheet.freeze_panes = "A2"
    return sheet


def _date(text: str) -> date:
    return date.fromisoformat(text)


def _agreements_sheet(book: Workbook, data: ReportData) -> None:
    """The running agreements of the report's tables (format version 4 and later)."""
    if not data.agreements:
        return
    _sheet(
        book,
        "afspraken",
        [
            ("nummer", None),
            ("afspraak", None),
            ("overleg", None),
            ("eigenaar", None),
            ("deadline", "d-m-yyyy"),
            ("status", None),
            ("stand van zaken", None),
            ("voortgang", None),
            ("signaal", None),
        ],
        [
            (
                a.number,
                a.text,
                a.table,
                a.owner,
                _date(a.deadline) if a.deadline else None,
                a.status_label,
                a.note,
                a.progress,
                a.health_label,
            )
            for a in data.agreements
        ],
    )


def _forecast_sheet(book: Workbook, data: ReportData) -> None:
    """The forecast's fan per week (format version 5 and later)."""
    if data.forecast is None:
        return
    fan = data.forecast
    levels = ("2,5%", "10%", "mediaan", "90%", "97,5%")
    _sheet(
        book,
        "prognose",
        [("week vanaf", "d-m-yyyy")]
        + [(f"bezetting {label}", INTEGER) for label in levels]
        + [(f"benodigd {label}", INTEGER) for label in levels],
        [
            (
                _date(day),
                *(row[i] for row in fan.occupancy),
                *(row[i] for row in fan.need),
            )
            for i, day in enumerate(fan.week_starts)
        ],
    )
    for table in fan.tables:  # format version 10 and later: as the page's downloads
        dates = table.date_columns
        sheet = _sheet(
            book,
            f"prognose-{table.name}"[:31],
            [(h, "d-m-yyyy" if i in dates else None) for i, h in enumerate(table.headers)],
            [
                [_date(v) if i in dates and isinstance(v, str) and v else v
                 for i, v in enumerate(row)]
                for row in table.values
            ],
        )  # fmt: skip
        if not table.values:
            sheet.append([table.empty])  # said, as on the page: not an empty sheet


def render_xlsx(data: ReportData, meta: ReportMeta) -> bytes:
    book = Workbook()
    info = book.active
    assert info is not None
    info.title = "toelichting"
    published = meta.published_at.replace(tzinfo=None) if meta.published_at else None
    facts: list[tuple[str, Any]] = [
        ("rapport", report_title(data)),
        ("week", data.week),
        ("maandag van de week", _date(data.week_start)),
        ("rapport voor", f"{data.scope_name} ({data.scope})"),
        ("versie", meta.version),
        ("correctie", "ja" if meta.is_correction else "nee"),
        ("toelichting correctie", meta.correction_note),
        ("gepubliceerd op", published),
        ("gepubliceerd door", meta.published_by),
        ("synthetische demodata", "ja" if data.synthetic else "nee"),
    ]
    policy = data.need_policy
    facts += [
        ("behoeftebeleid", policy.label if policy else NeedPolicyLine.NOT_RECORDED),
        ("bron behoeftebeleid", policy.source if policy else ""),
        ("waarom dit behoeftebeleid", policy.explanation if policy else ""),
    ]
    facts += [(f"bron: {s.label}", s.detail) for s in data.sources]
    facts += [("opmerking", note) for note in data.notes]
    for label, value in facts:
        info.append(export_row([label, value]))
    for row in info.iter_rows():
        row[0].font = Font(bold=True)
        if isinstance(row[1].value, datetime):
            row[1].number_format = "d-m-yyyy hh:mm"
        elif isinstance(row[1].value, date):
            row[1].number_format = "d-m-yyyy"
    info.column_dimensions["A"].width = 28
    info.column_dimensions["B"].width = 90

    _sheet(
        book,
        "kerncijfers",
        [
            ("code", None),
            ("kerncijfer", None),
            ("eenheid", None),
            ("deze week", INTEGER),
            ("vorige week", INTEGER),
            ("verandering", INTEGER),
            ("waarom geen gegevens", None),
        ],
        [
            (
                f.key,
                f.label,
                f.unit,
                SUPPRESSED_TEXT if f.suppressed else f.value,
                SUPPRESSED_TEXT if f.previous_suppressed else f.previous,
                f.change_note or f.change,
                f.reason or None,
            )
            for f in data.key_figures
        ],
    )
    _sheet(
        book,
        "begrippen",
        [("code", None), ("kerncijfer", None), ("definitie", None), ("eenheid", None)],
        [(f.key, f.label, f.definition, f.unit) for f in data.key_figures],
    )
    trended = [f for f in data.key_figures if f.trend_weeks]
    if trended:
        weeks = trended[0].trend_weeks
        _sheet(
            book,
            "verloop",
            [("week", None), *((f.key, DECIMAL if f.decimals else INTEGER) for f in trended)],
            [(week, *(_trend_cell(f, i) for f in trended)) for i, week in enumerate(weeks)],
        )
    for (cell_value, cell_previous, cell_change), figure in zip(
        book["kerncijfers"].iter_rows(min_row=2, min_col=4, max_col=6),
        data.key_figures,
        strict=True,
    ):
        if figure.decimals:
            for cell in (cell_value, cell_previous, cell_change):
                cell.number_format = DECIMAL

    t = data.taakstelling
    province_rows = list(t.provinces) + ([t.national] if t.national and data.is_national else [])
    _sheet(
        book,
        "taakstelling provincies",
        [
            ("provinciecode", None),
            ("provincie", None),
            ("gemeenten", INTEGER),
            ("taakstelling", INTEGER),
            ("achterstand vorige periode", INTEGER),
            ("gecorrigeerde taakstelling", INTEGER),
            ("verwacht nu", DECIMAL),
            ("gehuisvest", INTEGER),
            ("gehuisvest (%)", PERCENT),
            ("op schema", INTEGER),
            ("enigszins achter", INTEGER),
            ("ver achter", INTEGER),
        ],
        [
            (
                p.code,
                p.name,
                p.municipalities,
                p.taakstelling,
                p.arrears,
                p.corrected,
                p.expected,
                p.housed,
                p.percentage,
                p.on_schedule,
                p.somewhat_behind,
                p.far_behind,
            )
            for p in province_rows
        ],
    )
    _municipality_sheet(book, data)
    _sheet(
        book,
        "capaciteit en behoefte",
        [
            ("horizon", None),
            ("weken", INTEGER),
            ("soort opvang", None),
            ("bezetting", INTEGER),
            ("buffer", INTEGER),
            ("benodigd", INTEGER),
            ("capaciteit", INTEGER),
            ("tekort", INTEGER),
            ("tekort (locaties)", INTEGER),
        ],
        [
            (
                g.horizon_label,
                g.weeks,
                g.category_label,
                *((SUPPRESSED_TEXT,) * 3 if g.suppressed else (g.occupancy_used, g.buffer, g.need)),
                g.capacity,
                SUPPRESSED_TEXT if g.suppressed else g.gap,
                SUPPRESSED_TEXT if g.suppressed else g.gap_locations,
            )
            for g in data.gaps
        ],
    )
    if data.timeline is not None:
        tl = data.timeline
        _sheet(
            book,
            "capaciteit per week",
            [
                ("week vanaf", "d-m-yyyy"),
                ("structureel", INTEGER),
                ("tijdelijk", INTEGER),
                ("totaal", INTEGER),
                ("benodigd", INTEGER),
            ],
            [
                (
                    _date(day),
                    s,
                    tmp,
                    total,
                    tl.need[i] if tl.need is not None else None,
                )
                for i, (day, s, tmp, total) in enumerate(
                    zip(tl.week_starts, tl.structural, tl.temporary, tl.total, strict=True)
                )
            ],
        )
    _forecast_sheet(book, data)
    _sheet(
        book,
        "capaciteit provincies",
        [
            ("provinciecode", None),
            ("provincie", None),
            ("capaciteit", INTEGER),
            ("bezetting", INTEGER),
            ("evenredig deel", DECIMAL),
            ("capaciteit t.o.v. evenredig deel (%)", PERCENT),
        ],
        [
            (
                p.code,
                p.name,
                p.capacity,
                SUPPRESSED_TEXT if p.occupancy_suppressed else p.occupancy,
                p.fair_share,
                p.percentage,
            )
            for p in data.province_capacity
        ],
    )
    if data.targets is not None:
        _sheet(
            book,
            "doelen",
            [
                ("doel", None),
                ("soort", None),
                ("eenheid", None),
                ("aantal", INTEGER),
                ("maximaal", INTEGER),
                ("telt vanaf", "d-m-yyyy"),
                ("uiterlijk", "d-m-yyyy"),
                ("bereikt", INTEGER),
                ("nog te gaan", INTEGER),
                ("verwacht nu", INTEGER),
                ("stand", None),
            ],
            [
                (
                    x.title,
                    x.category_label,
                    x.unit,
                    x.quantity,
                    x.quantity_max,
                    _date(x.start),
                    _date(x.deadline),
                    x.achieved,
                    x.remaining,
                    x.expected_by_now,
                    x.status_label,
                )
                for x in data.targets
            ],
        )
    if data.shopping is not None:
        rows: list[Sequence[Any]] = [
            (
                s.description,
                s.category_label,
                s.quantity,
                s.unit,
                _date(s.deadline),
                s.party_label,
                s.partners,
                s.status,
            )
            for s in data.shopping
        ]
        # A kind left out as afgeschermd says so, as on the page (format 13 on).
        rows += [
            (data.shopping_note, category, SUPPRESSED_TEXT, None, None, "", "", "")
            for category in data.shopping_hidden
        ]
        _sheet(
            book,
            "boodschappenlijstje",
            [
                ("actie", None),
                ("soort", None),
                ("aantal", INTEGER),
                ("eenheid", None),
                ("uiterlijk", "d-m-yyyy"),
                ("trekker", None),
                ("met", None),
                ("status", None),
            ],
            rows,
        )
    _agreements_sheet(book, data)
    if meta.changes.get("kerncijfers"):
        _sheet(
            book,
            "wijzigingen",
            [
                ("kerncijfer", None),
                ("eenheid", None),
                ("vorige versie", DECIMAL),
                ("deze versie", DECIMAL),
            ],
            [(c["label"], c["unit"], c["old"], c["new"]) for c in meta.changes["kerncijfers"]],
        )
    book.properties.title = report_title(data)
    book.properties.creator = "regietafel"
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _trend_cell(figure: KeyFigure, index: int) -> Number | str | None:
    """A week of a figure's trend: "afgeschermd" where it was, empty where no data."""
    if figure.trend_suppressed and figure.trend_suppressed[index]:
        return SUPPRESSED_TEXT
    return figure.trend[index]


def _municipality_sheet(book: Workbook, data: ReportData) -> None:
    """Every municipality of a province report (the national report has none: every PRT reads
    it, and a PRT sees only its own municipalities in detail)."""
    if data.is_national:
        return
    _sheet(
        book,
        "taakstelling gemeenten",
        [
            ("gemeentecode", None),
            ("gemeente", None),
            ("provinciecode", None),
            ("taakstelling", INTEGER),
            ("achterstand vorige periode", INTEGER),
            ("gecorrigeerde taakstelling", INTEGER),
            ("verwacht nu", DECIMAL),
            ("gehuisvest", INTEGER),
            ("gehuisvest (%)", PERCENT),
            ("klasse", None),
        ],
        [
            (
                m.code,
                m.name,
                m.province_code,
                m.taakstelling,
                m.arrears,
                m.corrected,
                m.expected,
                m.housed,
                m.percentage,
                m.schedule_label,
            )
            for m in data.taakstelling.municipalities
        ],
    )
