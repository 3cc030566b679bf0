"""A figure of the taakstelling has no change against a week of another half year.

2021-I is set with a final delivery in week 26 (Groningen city housed 50 of its period),
2021-II with the arrears of that delivery and a first delivery in week 27 (3 housed). Week 26
belongs to 2021-I (its Monday is 28 June), week 27 to 2021-II: "−47 t.o.v. vorige week"
compared two periods. Every surface now says "nieuw halfjaar (2021-II)" instead, with the
same words; a week 28 delivery (10 housed) is again a change of +7.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Callable
from io import BytesIO
from typing import Any

import pytest
from openpyxl import load_workbook

from regietafel.rapportage.data import ReportData
from regietafel.rapportage.notify import report_notice
from regietafel.rapportage.render import render_report
from regietafel.rapportage.services import report_publish
from regietafel.taakstelling.services import taakstelling_set
from tests.factories import realisation

pytestmark = pytest.mark.django_db

Client = Callable[[str | None], Any]
NEW = "nieuw halfjaar (2021-II)"


@pytest.fixture
def two_periods() -> None:
    taakstelling_set(actor=None, period="2021-I", national_total=13_500)
    realisation("2021-W26", "2021-I", {"GM0014": ("PV20", 50)})
    taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    realisation("2021-W27", "2021-II", {"GM0014": ("PV20", 3)})
    realisation("2021-W28", "2021-II", {"GM0014": ("PV20", 10)})


def _card_notes(body: str, code: str) -> list[str]:
    card = re.search(rf'<li class="figure" data-kerncijfer="{code}">(.*?)</li>', body, re.S)
    assert card is not None, code
    notes = re.findall(r'<span class="figure__note"[^>]*>([^<]*)</span>', card.group(1))
    return [html.unescape(n) for n in notes]


def test_cards_say_new_half_year(two_periods: None, client_as: Client) -> None:
    client = client_as("landelijk")
    body = client.get("/?week=2021-W27&sinds=2021-W20").content.decode()
    assert _card_notes(body, "gehuisvest") == [NEW, f"{NEW} t.o.v. week 2021-W20"]
    assert "−47" not in body
    later = client.get("/?week=2021-W28").content.decode()
    assert _card_notes(later, "gehuisvest") == ["+7 t.o.v. vorige week"]


def test_api_and_cli_say_new_half_year(
    two_periods: None,
    client_as: Client,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    api = client_as("landelijk").get("/api/v1/kerncijfers/?week=2021-W27").json()
    housed = next(e for e in api["kerncijfers"] if e["code"] == "gehuisvest")
    assert (housed["waarde"], housed["vorige_week"], housed["verandering"]) == (3, 50, None)
    assert housed["verandering_toelichting"] == NEW
    capacity = next(e for e in api["kerncijfers"] if e["code"] == "capaciteit_nu")
    assert capacity["verandering_toelichting"] is None  # not of a period (and no register)
    later = client_as("landelijk").get("/api/v1/kerncijfers/?week=2021-W28").json()
    housed = next(e for e in later["kerncijfers"] if e["code"] == "gehuisvest")
    assert (housed["verandering"], housed["verandering_toelichting"]) == (7, None)

    from regietafel.cli.main import main

    monkeypatch.setattr("regietafel.cli.webcommands.django_setup", lambda: None)
    assert main(["kerncijfers", "--week", "2021-W27", "--formaat", "csv"]) == 0
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert rows["gehuisvest"]["verandering"] == NEW
    assert rows["gecorrigeerde_taakstelling"]["verandering"] == NEW


def test_report_and_its_email_say_new_half_year(two_periods: None, client_as: Client) -> None:
    report = report_publish(actor=None, week="2021-W27", scope="NL")
    housed = report.report_data().key_figure("gehuisvest")
    assert (housed.value, housed.previous, housed.change) == (3, 50, None)
    assert (housed.new_period, housed.change_note) == ("2021-II", NEW)
    page = client_as("landelijk").get("/rapport/2021-W27/NL/").content.decode()
    row = re.search(r'<tr data-kerncijfer="gehuisvest">(.*?)</tr>', page, re.S)
    assert row is not None
    cells = re.findall(r'<td class="num">([^<]*)</td>', row.group(1))
    assert cells == ["3", "50", NEW]
    book = load_workbook(BytesIO(render_report(report, "xlsx").content))
    excel = {r[0]: r for r in book["kerncijfers"].iter_rows(min_row=2, values_only=True)}
    assert excel["gehuisvest"][3:6] == (3, 50, NEW)
    # The e-mail lists it with the same words (it counted as "unchanged" or said −47).
    from regietafel.kerncijfers.templatetags.regietafel_figures import figure_change

    notice = report_notice(report)
    change = next(c for c in notice.changes if c.definition.code == "gehuisvest")
    assert figure_change(change) == NEW


def test_a_report_published_before_version_13_keeps_its_change(two_periods: None) -> None:
    """A published report never changes: one stored before the rule (format 12) did not
    record the half year and reads with the change it was published with."""
    report = report_publish(actor=None, week="2021-W27", scope="NL")
    raw = report.report_data().to_dict()
    raw["format_version"] = 12
    raw["key_figures"] = [
        {k: v for k, v in f.items() if k != "new_period"} for f in raw["key_figures"]
    ]
    old = ReportData.from_dict(raw).key_figure("gehuisvest")
    assert (old.new_period, old.change, old.change_note) == ("", -47, "")
