"""The reception picture a reader gets offers no raw location list (confidential occupancy,
other provinces' locations); location rows come from ``opvang.selectors.locations_list``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from regietafel.core.periods import IsoWeek
from regietafel.opvang.selectors import locations_list
from regietafel.opvangbeeld.selectors import reception_picture
from tests.opvangbeeld.factories import standard_register

W45 = IsoWeek.parse("2021-W45")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("key", "province", "codes", "d_occupancy"),
    [
        ("landelijk", None, ["A", "B", "C", "D"], None),
        ("provincie", "PV27", ["A", "B"], None),  # Noord-Holland's PRT: its own province
        ("coa", None, ["A", "B", "C", "D"], 40),  # only COA sees D's occupancy
    ],
)
def test_picture_has_no_raw_locations_and_the_rows_are_scoped(
    key: str,
    province: str | None,
    codes: list[str],
    d_occupancy: int | None,
    make_user: Callable[[str], Any],
) -> None:
    standard_register()
    user = make_user(key)
    picture = reception_picture(user=user, week=W45, province_code=province)
    assert not hasattr(picture, "locations")
    rows = locations_list(user=user, week=W45)
    assert sorted(r.code for r in rows) == codes
    d = [r for r in rows if r.code == "D"]
    if d:
        assert d[0].occupancy == d_occupancy
