"""Municipal tasks (taakstelling) reproduced from published national totals and CBS inhabitants.

Every expected number is a published fact; the computation is the product's own: the national
total apportioned by inhabitants (largest remainder) on the default reference date of the
period, and on the 1 January before it, since the circulaire is prepared months ahead.

Hof van Twente 2022-I = 20 and 2022-II = 27
    The council letter of the college of Hof van Twente (June 2022), as quoted by Wegdam
    Nieuws, https://wegdamnieuws.nl/hofnieuws/gemeente-niet-op-schema-met-opvang-asielzoekers-nog-een-taakstelling-van-45-statushouders/:
    "Vervolgens is de taakstelling voor het kalenderjaar 2022, 1e halfjaar 20 en 2e halfjaar
    27". Goors Nieuws (https://www.goorsnieuws.nl/?p=122658) gives the same 47 for the year.
    National totals: 2022-I 9,979 (de Volkskrant: "De taakstelling [...] was 9.979",
    https://www.volkskrant.nl/nieuws-achtergrond/gemeenten-krijgen-achterstand-in-huisvesting-statushouders-niet-weggewerkt-en-de-opdracht-wordt-alleen-maar-groter~b3981bab/);
    2022-II 13,500 (https://www.gemeente.nu/ruimte-milieu/wonen/taakstelling-gemeenten-huisvesting-voor-13-500-statushouders/).

Gorinchem 2021-I = 29
    Hou van Gorinchem, https://www.houvangorinchem.nl/4275/gorinchem-moet-29-statushouders-huisvesten-eerste-helft-2021/:
    "een door het Rijk opgelegde taakstelling van 29 te huisvesten statushouders in de periode
    van 1 januari 2021 tot 1 juli 2021"; the same article gives the national 13,500.

Krimpenerwaard 2021 = 88
    Krimpenerwaard Verbindt, newsletter November 2020,
    https://krimpenerwaardverbindt.nl/huisvesting-taakstelling-huisvesting-statushouders-2021-bekend/:
    "Het aantal statushouders dat de gemeente Krimpenerwaard in 2021 moet opnemen wordt flink
    verhoogd naar 88 personen". In November 2020 both halves of 2021 stood at 13,500 (2021-II
    was lowered to 11,000 only in March 2021; blikopnieuws.nl, March 2021), so 88 = 44 + 44.
"""

from __future__ import annotations

from datetime import date

import pytest

from regietafel import reference
from regietafel.core.periods import Period
from regietafel.core.taakstelling import MunicipalityShare, compute_taakstelling


def task(code: str, period: str, total: int, on: date | None = None) -> int:
    day = on or reference.default_population_date(Period.parse(period))
    shares = [
        MunicipalityShare(m.code, m.name, m.province_code, m.inhabitants)
        for m in reference.municipalities(day)
    ]
    outcome = compute_taakstelling(municipalities=shares, total=total)
    return next(r.taakstelling for r in outcome.rows if r.code == code)


@pytest.mark.parametrize("on", [None, date(2021, 1, 1)])
def test_hof_van_twente_2022(on: date | None) -> None:
    assert task("GM1735", "2022-I", 9_979, on) == 20
    assert task("GM1735", "2022-II", 13_500, on) == 27


@pytest.mark.parametrize("on", [None, date(2020, 1, 1)])
def test_gorinchem_2021_first_half(on: date | None) -> None:
    assert task("GM0512", "2021-I", 13_500, on) == 29


def test_krimpenerwaard_2021_as_announced_in_november_2020() -> None:
    assert task("GM1931", "2021-I", 13_500) + task("GM1931", "2021-II", 13_500) == 88
