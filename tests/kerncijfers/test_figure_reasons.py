"""A figure without a value says why, where the week says why, on every surface that shows it.

Hand-built week 2021-W45: a location register and a realisation over 2021-II in which
Groningen (GM0014) housed 30 people. Without the taakstelling of 2021-II "gehuisvest in de
periode" has no value, and the start page, the API, the command line and the weekly report
(web page, Excel) name that half year as the reason; with it the figure is 30 (the only
municipality in the realisation; the others housed nobody), and no reason is given.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import replace
from io import BytesIO
from typing import Any

import pytest
from openpyxl import load_workbook

from regietafel.cli.main import main
from regietafel.core.catalogue import CATALOGUE, definition
from regietafel.core.periods import IsoWeek
from regietafel.kerncijfers.selectors import figure_reasons, figures_for
from regietafel.rapportage.render import render_report
from regietafel.rapportage.services import report_publish
from tests.factories import realisation
from tests.opvangbeeld.factories import standard_register

pytestmark = pytest.mark.django_db

WEEK = IsoWeek.parse("2021-W45")
REASON = "De taakstelling voor 2021-II (het halfjaar van week 2021-W45) is niet vastgesteld."


@pytest.fixture
def week_without_taakstelling(monkeypatch: Any) -> None:
    monkeypatch.setattr("regietafel.cli.webcommands.django_setup", lambda: None)
    standard_register("2021-W45")
    realisation("2021-W45", "2021-II", {"GM0014": ("PV20", 30)})


def _set_taakstelling() -> None:
    from regietafel.taakstelling.services import taakstelling_set

    taakstelling_set(actor=None, period="2021-II", national_total=11_000)


def _card(body: str, code: str) -> str:
    start = body.index(f'data-kerncijfer="{code}"')
    return body[start : body.index("</li>", start)]


def _cli(capsys: Any) -> dict[str, dict[str, str]]:
    assert main(["kerncijfers", "--week", "2021-W45", "--formaat", "csv"]) == 0
    out = capsys.readouterr().out
    return {row["code"]: row for row in csv.DictReader(io.StringIO(out))}


def test_without_the_taakstelling_every_surface_names_the_half_year(
    week_without_taakstelling: None,
    make_user: Callable[[str], Any],
    client_as: Callable[[str | None], Any],
    capsys: Any,
) -> None:
    figures = figures_for(user=make_user("landelijk"), week=WEEK)
    assert figures.has_data  # the register: the week is not empty, so no week-wide reason
    assert definition("gehuisvest").value(figures) is None
    reasons = figure_reasons(figures)
    assert reasons["gehuisvest"] == REASON
    # Every figure read from the taakstelling says the same; a register figure says nothing.
    assert reasons["gecorrigeerde_taakstelling"] == REASON
    assert reasons["plekken_vrij_bij_inlopen_achterstand"] == REASON
    assert "capaciteit_nu" not in reasons

    client = client_as("landelijk")
    card = _card(client.get("/?week=2021-W45").content.decode(), "gehuisvest")
    assert '<span class="figure__value">geen gegevens</span>' in card
    assert f'<span class="figure__note" data-reden="gehuisvest">{REASON}</span>' in card

    api = client.get("/api/v1/kerncijfers/?week=2021-W45").json()
    entry = next(e for e in api["kerncijfers"] if e["code"] == "gehuisvest")
    assert (entry["waarde"], entry["reden"]) == (None, REASON)
    capacity = next(e for e in api["kerncijfers"] if e["code"] == "capaciteit_nu")
    assert capacity["reden"] is None

    row = _cli(capsys)["gehuisvest"]
    assert (row["waarde"], row["reden"]) == ("", REASON)

    report = report_publish(actor=None, week="2021-W45", scope="NL")
    frozen = report.report_data().key_figure("gehuisvest")
    assert (frozen.value, frozen.reason) == (None, REASON)
    page = client.get("/rapport/2021-W45/NL/").content.decode()
    assert "Gehuisvest in de periode" in page.split("data-reden>", 1)[1].split("</p>", 1)[0]
    assert f"{REASON}</p>" in page
    book = load_workbook(BytesIO(render_report(report, "xlsx").content))
    cells = {r[0]: r for r in book["kerncijfers"].iter_rows(min_row=2, values_only=True)}
    assert cells["gehuisvest"][3:] == (None, None, None, REASON)
    assert cells["capaciteit_nu"][6] is None


def test_with_the_taakstelling_the_figure_is_a_number_without_reason(
    week_without_taakstelling: None,
    make_user: Callable[[str], Any],
    client_as: Callable[[str | None], Any],
    capsys: Any,
) -> None:
    _set_taakstelling()
    figures = figures_for(user=make_user("landelijk"), week=WEEK)
    assert definition("gehuisvest").value(figures) == 30
    assert "gehuisvest" not in figure_reasons(figures)
    client = client_as("landelijk")
    card = _card(client.get("/?week=2021-W45").content.decode(), "gehuisvest")
    assert '<span class="figure__value">30</span>' in card
    assert "data-reden" not in card
    api = client.get("/api/v1/kerncijfers/?week=2021-W45").json()
    entry = next(e for e in api["kerncijfers"] if e["code"] == "gehuisvest")
    assert (entry["waarde"], entry["reden"]) == (30, None)
    row = _cli(capsys)["gehuisvest"]
    assert (row["waarde"], row["reden"]) == ("30", "")
    frozen = report_publish(actor=None, week="2021-W45", scope="NL").report_data()
    assert (frozen.key_figure("gehuisvest").value, frozen.key_figure("gehuisvest").reason) == (
        30,
        "",
    )


def test_every_figure_read_from_the_taakstelling_is_declared_so(
    week_without_taakstelling: None, make_user: Callable[[str], Any]
) -> None:
    """The reason is given by the catalogue's ``per_period``: a figure that loses its
    value without the taakstelling must say so, or its "geen gegevens" would have no reason."""
    _set_taakstelling()
    for scope in ("NL", "PV20"):
        figures = figures_for(user=make_user("landelijk"), week=WEEK, scope=scope)
        without = replace(figures, housing=None)
        for figure in CATALOGUE:
            if not figure.applies_to(figures):
                continue
            if figure.per_period:
                assert figure.value(without) is None, (scope, figure.code)
            else:
                assert figure.value(without) == figure.value(figures), (scope, figure.code)


def test_unknown_carried_arrears_give_the_stored_periods_note(
    week_without_taakstelling: None, make_user: Callable[[str], Any]
) -> None:
    """2021-I was never set here: the arrears carried into 2021-II are unknown, and the
    figure gives the reason the period stored (the start page said it only in its header)."""
    _set_taakstelling()
    figures = figures_for(user=make_user("landelijk"), week=WEEK)
    assert figure_reasons(figures) == {
        "achterstand_meegenomen": "Geen achterstand meegenomen (2021-I is niet vastgesteld)."
    }


def test_without_a_realisation_the_housed_figures_say_none_was_delivered(
    make_user: Callable[[str], Any], client_as: Callable[[str | None], Any]
) -> None:
    """The taakstelling of 2021-II is set but no realisation was delivered in or before the
    week: "gehuisvest" and every figure that counts the housed say so (with the register's
    sentence for a realisation), while the task itself has its value and no reason."""
    standard_register("2021-W45")
    _set_taakstelling()
    figures = figures_for(user=make_user("landelijk"), week=WEEK)
    reasons = figure_reasons(figures)
    assert definition("gecorrigeerde_taakstelling").value(figures) == 11_000
    assert "gecorrigeerde_taakstelling" not in reasons
    assert definition("gehuisvest").value(figures) is None
    assert reasons["gehuisvest"] == "Er is nog geen realisatiebestand aangeleverd."
    assert reasons["gehuisvest_procent"] == reasons["gehuisvest"]
    api = client_as("landelijk").get("/api/v1/kerncijfers/?week=2021-W45").json()
    entry = next(e for e in api["kerncijfers"] if e["code"] == "gehuisvest")
    assert (entry["waarde"], entry["reden"]) == (None, reasons["gehuisvest"])

    realisation("2021-W47", "2021-II", {"GM0014": ("PV20", 30)})  # after the week only
    later = figure_reasons(figures_for(user=make_user("landelijk"), week=WEEK))
    assert later["gehuisvest"].startswith("Voor week 2021-W45 of eerder is geen realisatie")
