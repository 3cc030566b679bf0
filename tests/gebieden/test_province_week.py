"""The province page of a chosen week: totals as the key figures write them, and the
municipal division of that week when it has no taakstelling.

Hand-computed on Groningen (PV20) in 2021-II: corrected tasks Groningen 60, Het Hogeland 12,
Oldambt 31 and 0 elsewhere (103). Week 45 reads week 44's delivery (state of 1 November): four
months, expected 103 × 4 / 6 = 68,67, which the key figure ``verwacht_gehuisvest`` rounds to
69 (API, command line); the page's total row said 68,7. Oldambt's own row keeps its decimal:
31 × 4 / 6 = 20,7.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from regietafel.core.formatting import format_date_nl
from regietafel.taakstelling.models import TaakstellingEntry
from regietafel.taakstelling.services import taakstelling_set
from tests.factories import realisation

pytestmark = pytest.mark.django_db

Client = Callable[[str | None], Any]


def _cells(fragment: str) -> list[str]:
    return re.findall(r'<td class="num">([^<]*)</td>', fragment)


def test_the_total_row_shows_expected_as_the_key_figure(client_as: Client) -> None:
    period = taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    entries = TaakstellingEntry.objects.filter(period=period, province_code="PV20")
    entries.update(corrected=0)
    for code, corrected in {"GM0014": 60, "GM0037": 12, "GM0047": 31}.items():
        entries.filter(municipality_code=code).update(corrected=corrected)
    realisation("2021-W44", "2021-II", {"GM0014": ("PV20", 30)})
    client = client_as("landelijk")
    api = client.get("/api/v1/kerncijfers/?week=2021-W45&scope=PV20").json()
    figure = {e["code"]: e["waarde"] for e in api["kerncijfers"]}
    assert figure["verwacht_gehuisvest"] == 69
    page = client.get("/provincies/PV20/?week=2021-W45").content.decode()
    foot = re.search(r"<tfoot>(.*?)</tfoot>", page, re.S)
    assert foot is not None
    # taakstelling, achterstand, gecorrigeerd, gehuisvest, resterend, verwacht, ...
    assert _cells(foot.group(1))[2:6] == ["103", "30", "73", "69"]
    oldambt = re.search(r"GM0047</span></th>(.*?)</tr>", page, re.S)
    assert oldambt is not None
    assert _cells(oldambt.group(1))[5] == "20,7"


def test_a_week_without_taakstelling_shows_the_division_of_that_week(client_as: Client) -> None:
    """With only 2021-II set, week 2020-W10 listed today's municipalities ("op 29 november
    2026") beside an old week. It now says there is no taakstelling for the week and lists
    the division of its Monday: Beemster still existed on 2 March 2020 (it joined Purmerend on
    1 January 2022); Weesp still existed on Monday 3 January 2022 (it joined Amsterdam on 24
    March 2022)."""
    taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    client = client_as("provincie")  # Noord-Holland
    today = format_date_nl(timezone.localdate())
    old = client.get("/provincies/PV27/?week=2020-W10").content.decode()
    assert (
        "De taakstelling voor 2020-I (het halfjaar van week 2020-W10) is niet vastgesteld." in old
    )
    assert "Gemeenten in Noord-Holland op 2 maart 2020" in old
    assert f"op {today}" not in old
    assert "Beemster" in old
    assert "?formaat=csv&amp;week=2020-W10" in old
    later = client.get("/provincies/PV27/?week=2022-W01").content.decode()
    assert (
        "De taakstelling voor 2022-I (het halfjaar van week 2022-W01) is niet vastgesteld." in later
    )
    assert "Gemeenten in Noord-Holland op 3 januari 2022" in later
    assert "Beemster" not in later
    text = client.get("/provincies/PV27/?week=2022-W01&formaat=csv").content.decode("utf-8")
    codes = [row[0] for row in csv.reader(io.StringIO(text.lstrip("\ufeff")))][1:]
    assert "GM0457" in codes  # Weesp
    assert "GM0370" not in codes  # Beemster
    listed = client.get("/gemeenten/?week=2020-W10").content.decode()
    assert "indeling van 2 maart 2020" in listed
    assert "Voor week 2020-W10 is geen taakstelling vastgesteld" in listed
