"""One figure, one number: every catalogue figure read from every surface that shows it.

Like the access matrix enumerates URLs, this test enumerates the catalogue
(``core.catalogue.CATALOGUE``): for three demo weeks (the first, 2021-W45 and 2021-W52),
nationally and for two provinces, each figure is read from the start page, the reception
picture page, the API, the command line and the published report (web page, Excel cells, PDF
text), and compared with the core's value. A figure a surface shows that is not in the
catalogue (or not declared for that surface), and a declared figure a surface does not show,
fail the test.
"""

from __future__ import annotations

import csv
import html
import io
import re
import shutil
import subprocess
from collections import defaultdict
from collections.abc import Callable
from datetime import timedelta
from io import BytesIO
from typing import Any

import pytest
from openpyxl import load_workbook

from regietafel.core.catalogue import BY_CODE, CATALOGUE, Surface, round_half_up
from regietafel.core.confidentiality import SUPPRESSED_TEXT
from regietafel.core.figures import ScopeFigures
from regietafel.core.periods import IsoWeek
from regietafel.core.rules import CLOSURE_LOOKAHEAD, STANDARD_LOCATION_SIZE, need_category
from regietafel.imports.models import Import, Kind
from regietafel.kerncijfers.selectors import figures_for
from regietafel.rapportage.format import number_nl
from regietafel.rapportage.models import PublishedReport
from regietafel.rapportage.render import render_report
from regietafel.rapportage.services import report_publish

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

SCOPES = {"NL": "landelijk", "PV27": "provincie", "PV20": "provincie_andere"}
"""Each scope with the test user that reads its pages (a province user reads its own)."""

_CARD = re.compile(
    r'<li class="figure" data-kerncijfer="(?P<code>[^"]+)">.*?'
    r'<span class="figure__value">(?P<value>[^<]*)</span>',
    re.S,
)
_LIST = re.compile(
    r'<ul class="figures[^"]*" data-scope="(?P<scope>[^"]+)">(?P<body>.*?)</ul>', re.S
)
_REPORT_ROW = re.compile(
    r'<tr data-kerncijfer="(?P<code>[^"]+)">\s*<th scope="row">[^<]*</th>\s*'
    r'<td class="num">(?P<value>[^<]*)</td>',
    re.S,
)

Seen = dict[Surface, dict[str, object]]


def _cards(body: str, scope: str) -> dict[str, str]:
    lists: dict[str, str] = {}
    for m in _LIST.finditer(body):  # a page may group a scope's figures in several lists
        lists[m["scope"]] = lists.get(m["scope"], "") + m["body"]
    assert scope in lists, f"geen kerncijfers voor {scope} op de pagina"
    return {m["code"]: html.unescape(m["value"]) for m in _CARD.finditer(lists[scope])}


def _check_page(seen: Seen, surface: Surface, cards: dict[str, str], core: ScopeFigures) -> None:
    for code, text in cards.items():
        assert code in BY_CODE, f"{surface}: '{code}' staat niet in de catalogus"
        definition = BY_CODE[code]
        assert surface in definition.surfaces, f"{surface} toont {code}, niet zo gedeclareerd"
        expected = definition.text(definition.value(core), suppressed=definition.suppressed(core))
        assert text == expected, (surface, code, text)
        seen[surface][code] = text


def _cli_rows(capsys: Any, week: str, scope: str) -> dict[str, str]:
    from regietafel.cli.main import main

    args = ["kerncijfers", "--week", week, "--formaat", "csv"]
    if scope != "NL":
        args += ["--provincie", scope]
    assert main(args) == 0
    out = capsys.readouterr().out
    return {row["code"]: row["waarde"] for row in csv.DictReader(io.StringIO(out))}


def _pdf_lines(content: bytes, tmp_path: Any) -> list[str]:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return text.splitlines()


def _report_text(figure: Any) -> str:
    return SUPPRESSED_TEXT if figure.suppressed else number_nl(figure.value, figure.decimals)


def _check_report(
    seen: Seen, core: ScopeFigures, *, week: str, scope: str, client: Any, tmp_path: Any
) -> None:
    # The demo publishes its reports of 2021-W44 and W45; other weeks are published here.
    report = PublishedReport.objects.filter(week=week, scope=scope).order_by("-version").first()
    if report is None:
        report = report_publish(actor=None, week=week, scope=scope)
    data = report.report_data()
    for figure in data.key_figures:
        definition = BY_CODE[figure.key]
        assert Surface.RAPPORT in definition.surfaces, figure.key
        assert figure.label == definition.name
        assert figure.value == definition.value(core), (week, scope, figure.key)
        assert figure.suppressed == definition.suppressed(core), (week, scope, figure.key)
        seen[Surface.RAPPORT][figure.key] = figure.value
    # The web page of the published report shows the frozen values.
    body = client.get(f"/rapport/{week}/{scope}/").content.decode()
    rows = {m["code"]: html.unescape(m["value"]) for m in _REPORT_ROW.finditer(body)}
    assert set(rows) == {f.key for f in data.key_figures}
    for figure in data.key_figures:
        assert rows[figure.key] == _report_text(figure), figure.key
    # Excel: one numeric cell per code.
    book = load_workbook(BytesIO(render_report(report, "xlsx").content))
    cells = {r[0]: r[3] for r in book["kerncijfers"].iter_rows(min_row=2, values_only=True)}
    assert cells == {f.key: SUPPRESSED_TEXT if f.suppressed else f.value for f in data.key_figures}
    terms = {r[0]: r[2] for r in book["begrippen"].iter_rows(min_row=2, values_only=True)}
    assert terms == {f.key: BY_CODE[f.key].definition for f in data.key_figures}
    # PDF text: each figure's row holds its name and its value (national and one province).
    if week == "2021-W45" and shutil.which("pdftotext"):
        lines = _pdf_lines(render_report(report, "pdf").content, tmp_path)
        for figure in data.key_figures:
            start = figure.label[:24]
            row = next((line for line in lines if start in line), None)
            assert row is not None, f"PDF mist '{figure.label}'"
            assert _report_text(figure) in row, (figure.key, row)


def _check_shopping_covers_every_gap(core: ScopeFigures) -> None:
    """The list of every scope asks, by each horizon's deadline, at least that horizon's gap,
    counting the replacements of the closures on the list whose last day lies before its
    peildatum (the gap already counts them); of a kind afgeschermd for the reader it asks
    nothing (an item would give the gap back)."""
    if core.reception is None:
        return
    monday = core.week.monday
    listed = [
        c
        for c in core.reception.closures
        if monday <= c.end < monday + timedelta(weeks=CLOSURE_LOOKAHEAD.weeks) and c.capacity
    ]
    for row in core.reception.gaps:
        unit = "plaatsen" if row.gap_locations is None else "locaties"
        prefix = f"{row.category.value}-{unit}-"
        if core.reception.row_suppressed(row):
            assert not [i for i in core.shopping if i.key.startswith(prefix)], core.scope
            continue
        wanted = max(0, row.gap) if row.gap_locations is None else row.gap_locations
        deadline = core.week.monday + timedelta(weeks=row.horizon.weeks)
        asked = sum(
            i.quantity for i in core.shopping if i.key.startswith(prefix) and i.deadline <= deadline
        ) + sum(
            p.remaining
            for p in core.targets
            if p.target.category is row.category
            and p.target.province_code == (None if core.is_national else core.scope)
            and {"places": "plaatsen", "locations": "locaties"}[p.target.unit] == unit
        )
        replaced = sum(
            c.capacity
            for c in listed
            if need_category(c.type) is row.category and c.end < row.horizon.reference_day(monday)
        )
        size = STANDARD_LOCATION_SIZE.get(row.category)
        if size is None:
            assert asked + replaced >= wanted, (core.scope, row.horizon.name, asked, replaced)
        else:  # locations of the standard size, and the replaced places
            covered = size * asked + replaced
            assert covered >= max(0, row.gap), (core.scope, row.horizon.name, row.category)


def _check_province_tables(client: Any, week: str, reader: Any) -> None:
    """Per-province totals elsewhere (API aggregates, the distribution) are the catalogue's."""
    aggregates = client.get(f"/api/v1/opvang-per-provincie/?week={week}&limit=20").json()
    for row in aggregates["results"]:
        province = figures_for(user=reader, week=IsoWeek.parse(week), scope=row["provincie"])
        assert row["capaciteit"] == BY_CODE["capaciteit_nu"].value(province)
        assert row["bezetting"] == BY_CODE["bezetting_nu"].value(province)
    shares = client.get(f"/api/v1/verdeling/?week={week}").json()["provincies"]
    fair = BY_CODE["evenredig_deel_reguliere_behoefte"]
    for row in shares:
        province = figures_for(user=reader, week=IsoWeek.parse(week), scope=row["code"])
        assert round_half_up(row["eerlijk_aandeel"]) == fair.value(province), row["code"]


def test_every_catalogue_figure_is_equal_on_every_surface(
    client_as: Callable[[str | None], Any],
    make_user: Callable[[str], Any],
    monkeypatch: Any,
    capsys: Any,
    tmp_path: Any,
) -> None:
    from regietafel.demo import services as demo

    monkeypatch.setattr("regietafel.cli.webcommands.django_setup", lambda: None)
    demo.demo_load(weeks=52)
    # The demo publishes 2021-W44 and W45 for the nation and the twelve provinces.
    for published_week in demo.PUBLISHED_WEEKS:
        assert PublishedReport.objects.filter(week=published_week, version=1).count() == 13
    first = (
        Import.objects.filter(kind=Kind.LOCATIES).order_by("week_start").values_list("week")[0][0]
    )
    reader = make_user("landelijk")
    shown: dict[Surface, set[str]] = defaultdict(set)
    for week in (first, "2021-W45", "2021-W52"):
        iso = IsoWeek.parse(week)
        for scope, user_key in SCOPES.items():
            core = figures_for(user=reader, week=iso, scope=scope)
            assert core.has_data
            seen: Seen = defaultdict(dict)
            client = client_as(user_key)
            home = client.get(f"/?week={week}").content.decode()
            _check_page(seen, Surface.OVERZICHT, _cards(home, scope), core)
            picture_url = "/opvangbeeld/" if scope == "NL" else f"/opvangbeeld/{scope}/"
            picture = client.get(f"{picture_url}?week={week}").content.decode()
            _check_page(seen, Surface.OPVANGBEELD, _cards(picture, scope), core)

            api = client.get(f"/api/v1/kerncijfers/?week={week}&scope={scope}").json()
            for entry in api["kerncijfers"]:
                definition = BY_CODE[entry["code"]]
                assert entry["naam"] == definition.name
                assert entry["waarde"] == definition.value(core), (week, scope, entry["code"])
                assert entry["afgeschermd"] == definition.suppressed(core), entry["code"]
                seen[Surface.API][entry["code"]] = entry["waarde"]

            for code, text in _cli_rows(capsys, week, scope).items():
                value = BY_CODE[code].value(core)
                expected = "" if value is None else str(value)
                if BY_CODE[code].suppressed(core):
                    expected = SUPPRESSED_TEXT
                assert text == expected, (week, scope, code)
                seen[Surface.CLI][code] = text

            _check_shopping_covers_every_gap(core)
            if scope == "NL":
                _check_province_tables(client, week, reader)

            _check_report(
                seen, core, week=week, scope=scope, client=client_as("landelijk"), tmp_path=tmp_path
            )

            # Every figure declared for a surface is on it, for every scope it applies to.
            for definition in CATALOGUE:
                if not definition.applies_to(core):
                    continue
                for surface in definition.surfaces:
                    assert definition.code in seen[surface], (
                        f"{definition.code} ontbreekt op {surface} ({week}, {scope})"
                    )
                    shown[surface].add(definition.code)
    assert {d.code for d in CATALOGUE} == set().union(*shown.values())
