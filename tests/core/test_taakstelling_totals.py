"""The totals row of a taakstelling: one definition in the core, and no data is no total."""

from __future__ import annotations

import pytest

from regietafel.core.apportionment import Method
from regietafel.core.taakstelling import (
    MunicipalityShare,
    TaakstellingResult,
    TaakstellingRow,
    compute_taakstelling,
)

SHARES = [
    MunicipalityShare("GM0001", "Een", "Noord", 100),
    MunicipalityShare("GM0002", "Twee", "Noord", 300),
    MunicipalityShare("GM0003", "Drie", "Zuid", 600),
]


def test_totals_per_province_and_nationally_by_hand() -> None:
    # 10 over 100:300:600 -> 1, 3, 6; arrears 2 and -1 carried, none for Drie (0).
    result = compute_taakstelling(
        municipalities=SHARES, total=10, arrears={"GM0001": 2, "GM0002": -1}
    )
    national = result.totals()
    assert (national.municipalities, national.inhabitants, national.taakstelling) == (3, 1000, 10)
    assert national.quota == pytest.approx(10.0)
    assert (national.arrears, national.corrected) == (1, 11)  # 2 - 1 + 0; 3 + 2 + 6
    north = result.totals("Noord")
    assert (north.municipalities, north.inhabitants, north.taakstelling) == (2, 400, 4)
    assert (north.arrears, north.corrected) == (1, 5)  # 2 - 1; (1 + 2) + (3 - 1)
    earlier = compute_taakstelling(municipalities=SHARES, total=20)
    assert result.change_from(earlier) == -10
    assert result.change_from(earlier, "Zuid") == 6 - 12


def test_unknown_arrears_make_no_total_not_zero() -> None:
    rows = (
        TaakstellingRow("GM0001", "Een", "Noord", 100, 1.0, 1, arrears=2, corrected=3),
        TaakstellingRow("GM0002", "Twee", "Noord", 300, 3.0, 3, arrears=None, corrected=None),
    )
    totals = TaakstellingResult(total=4, method=Method.HAMILTON, rows=rows).totals()
    assert totals.taakstelling == 4
    assert totals.arrears is None
    assert totals.corrected is None
