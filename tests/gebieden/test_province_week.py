"""The province page of a chosen week: totals as the key figures write them.

Hand-computed on Groningen (PV20) in 2021-II: corrected tasks Groningen 60, Het Hogeland 12,
Oldambt 31 and 0 elsewhere (103). Week 45 reads week 44's delivery (state of 1 November): four
months, expected 103 × 4 / 6 = 68,67, which the key figure ``verwacht_gehuisvest`` rounds to
69 (API, command line); the page's total row said 68,7. Oldambt's own row keeps its decimal:
31 × 4 / 6 = 20,7.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

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
