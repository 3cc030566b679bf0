"""One notation on a page: a number in a table reads as the same number on a card.

The browser check found "-120" in tables beside "−120" on cards, "94,0%" beside "81,0 %",
and empty cells for "no data" in the provinces table of a week without a register. These
tests read the pages as a person does: the cells and the cards' values.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

import pytest

from regietafel.core.catalogue import definition
from regietafel.core.formatting import MINUS, NBSP, NO_DATA_TEXT
from regietafel.taakstelling.models import TaakstellingEntry
from regietafel.taakstelling.services import taakstelling_set
from tests.factories import realisation

pytestmark = pytest.mark.django_db

Client = Callable[[str | None], Any]

_NUMBER_CELL = re.compile(r'<td class="num">(.*?)</td>', re.S)
_TAG = re.compile(r"<[^>]+>")


def _cells(body: str) -> list[str]:
    """The text of every numeric cell of the page."""
    return [html.unescape(_TAG.sub("", c)).strip() for c in _NUMBER_CELL.findall(body)]


def _card(body: str, code: str) -> str:
    """The value a key-figure card of the page shows for ``code``."""
    name = re.escape(html.escape(definition(code).name))
    found = re.search(
        rf'figure__label">{name}</span><span class="figure__value">(.*?)</span>', body, re.S
    )
    assert found, code
    return html.unescape(_TAG.sub("", found.group(1))).strip()


def _table(body: str, table_id: str) -> str:
    found = re.search(rf'<table id="{table_id}".*?</table>', body, re.S)
    assert found, table_id
    return found.group(0)


def _assert_one_notation(cells: list[str]) -> None:
    """No ASCII hyphen before a digit, and "%" only after a no-break space."""
    for text in cells:
        assert not re.search(r"(?<![\w])-\d", text), text
        assert not re.search(r"\d%|\d %", text), text


def test_taakstelling_page_writes_negatives_and_percentages_as_its_cards(
    client_as: Client,
) -> None:
    """Hand-set: Groningen (GM0014) carries an advance of 1.234 (arrears −1.234, the only
    arrears in the country), corrected 60, and housed 70 of it: 10 more than its task. The
    national card of the arrears and that municipality's arrears cell are the same number;
    the national card of the share housed and the totals row of the table of all
    municipalities are the same share. Before: the table wrote "-1.234", "-10" and
    "...%", the card "−1.234" and "... %"."""
    period = taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    TaakstellingEntry.objects.filter(period=period).update(arrears=0)
    TaakstellingEntry.objects.filter(period=period, municipality_code="GM0014").update(
        arrears=-1_234, corrected=60
    )
    realisation("2021-W44", "2021-II", {"GM0014": ("PV20", 70), "GM0363": ("PV27", 123)})
    body = client_as("landelijk").get("/taakstelling/2021-II/?week=2021-W45").content.decode()

    arrears_card = _card(body, "achterstand_meegenomen")
    assert arrears_card == f"{MINUS}1.234"
    row = re.search(r"<tr><th scope=\"row\">Groningen <span.*?</tr>", body, re.S)
    assert row
    groningen = _cells(row.group(0))
    assert groningen[1] == arrears_card  # the arrears cell: the card's notation
    assert groningen[4] == f"{MINUS}10"  # remaining: housed 70 of 60
    assert groningen[6] == "0"  # achter op schema: ahead of it
    assert groningen[7] == f"116,7{NBSP}%"  # 70 / 60

    share_card = _card(body, "gehuisvest_procent")
    assert share_card.endswith(f"{NBSP}%")
    total = re.search(r"<tfoot>.*?</tfoot>", body, re.S)
    assert total
    assert _cells(total.group(0))[7] == share_card  # the same share, written the same way

    provinces = re.search(r"Voortgang per provincie.*?</table>", body, re.S)
    assert provinces
    province_cells = _cells(provinces.group(0))
    assert any(c.endswith(f"{NBSP}%") for c in province_cells)
    _assert_one_notation(_cells(body))


def test_provinces_table_of_a_week_without_register_says_no_data(client_as: Client) -> None:
    """Without a register the provinces' figures are unknown: every number cell says "geen
    gegevens" (it was empty: a reader could not tell it from a rendering fault), none is 0."""
    body = client_as("landelijk").get("/opvangbeeld/?week=2021-W45").content.decode()
    assert "Er is nog geen locatieregister aangeleverd." in body
    table = _table(body, "tabel-provincies")
    rows = re.findall(r"<tbody>(.*?)</tbody>", table, re.S)[0].count("<tr>")
    assert rows == 12
    cells = _cells(table)
    assert len(cells) == 12 * 5  # capacity, occupancy and three shortfalls per province
    assert set(cells) == {NO_DATA_TEXT}
    assert '<td class="num"></td>' not in table
    assert table.count(f'<span class="muted">{NO_DATA_TEXT}</span>') == 12 * 5


def test_opvangbeeld_cells_and_cards_share_the_notation(client_as: Client) -> None:
    """With a register: no number cell of the reception picture carries an ASCII hyphen or a
    "%" without its no-break space, and neither does a card."""
    from tests.opvangbeeld.factories import standard_register

    standard_register()
    body = client_as("coa").get("/opvangbeeld/?week=2021-W45").content.decode()
    cards = [
        html.unescape(_TAG.sub("", v))
        for v in re.findall(r'class="figure__value">(.*?)</span>', body, re.S)
    ]
    assert cards
    need = _cells(_table(body, "tabel-behoefte"))
    # Short term, regular: 930 + 417 = 1.347 needed against 1.000 places; regular care has
    # no standard location size, so its locations cannot be counted: "n.v.t.", not "no
    # data". AMV: 40 needed against 50 places, a surplus of ten (the gap is positive for a
    # shortage), no location to find.
    assert need[:7] == ["4", "930", "417", "1.347", "1.000", "347", "n.v.t."]
    assert need[7:14] == ["4", "40", "0", "40", "50", f"{MINUS}10", "0"]
    _assert_one_notation(_cells(body) + cards)
