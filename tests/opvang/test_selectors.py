"""Selectors: which import holds for a week, what each role sees, and the hand-computed sums."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from regietafel.core.periods import IsoWeek
from regietafel.core.rules import LocationType
from regietafel.errors import NotFoundError
from regietafel.imports.models import Kind
from regietafel.opvang import selectors
from regietafel.opvang.models import SeriesMetric
from tests.opvang.factories import ImportFactory, locations_week45, series_import

pytestmark = pytest.mark.django_db

W45 = IsoWeek(2021, 45)


def _by_code(rows: list[selectors.LocationRow]) -> dict[str, selectors.LocationRow]:
    return {row.code: row for row in rows}


def test_current_import_takes_highest_accepted_version_of_latest_week_on_or_before() -> None:
    data = locations_week45()
    assert selectors.current_import(kind=Kind.LOCATIES, week=W45) == data["v2"]
    # W46 has no import of its own: W45 still holds; W47 has its own.
    assert selectors.current_import(kind=Kind.LOCATIES, week="2021-W46") == data["v2"]
    assert selectors.current_import(kind=Kind.LOCATIES, week="2021-W48") == data["later"]
    assert selectors.current_import(kind=Kind.LOCATIES, week="2021-W44") is None
    assert selectors.current_import(kind=Kind.REEKSEN, week=W45) is None
    assert selectors.latest_week(kind=Kind.LOCATIES) == IsoWeek(2021, 47)


def test_later_week_with_lower_version_beats_earlier_week() -> None:
    ImportFactory(week="2021-W44", version=3)
    w45 = ImportFactory(week="2021-W45", version=1)
    assert selectors.current_import(kind=Kind.LOCATIES, week=W45) == w45


def test_national_user_sees_all_locations_with_confidential_details_masked(
    make_user: Callable[[str], Any],
) -> None:
    locations_week45()
    rows = _by_code(selectors.locations_list(user=make_user("landelijk"), week=W45))
    assert sorted(rows) == ["GR-AMV", "GR-AZC", "NH-AMV", "NH-AZC"]
    amv = rows["NH-AMV"]
    assert (amv.occupancy, amv.address, amv.masked, amv.capacity) == (None, None, True, 50)
    azc = rows["NH-AZC"]
    assert (azc.occupancy, azc.address, azc.masked, azc.capacity) == (550, "Dijkweg 1", False, 600)
    assert azc.municipality_name == "Amsterdam"
    assert azc.province_name == "Noord-Holland"
    assert rows["GR-AZC"].municipality_name == "Groningen"


def test_coa_sees_confidential_details(make_user: Callable[[str], Any]) -> None:
    locations_week45()
    rows = _by_code(selectors.locations_list(user=make_user("coa"), week=W45))
    assert (rows["NH-AMV"].occupancy, rows["NH-AMV"].address) == (37, "Geheimstraat 7")
    assert rows["NH-AMV"].masked is False


def test_province_user_sees_only_own_province_and_masked_confidential(
    make_user: Callable[[str], Any],
) -> None:
    locations_week45()
    user = make_user("provincie")
    rows = _by_code(selectors.locations_list(user=user, week=W45))
    assert sorted(rows) == ["NH-AMV", "NH-AZC"]
    assert rows["NH-AMV"].occupancy is None
    # Asking for another province by filter is refused, not answered with other data.
    with pytest.raises(PermissionDenied):
        selectors.locations_list(user=user, week=W45, province_code="PV20")


def test_filters_by_province_and_type(make_user: Callable[[str], Any]) -> None:
    locations_week45()
    user = make_user("landelijk")
    rows = selectors.locations_list(user=user, week=W45, province_code="PV20")
    assert [r.code for r in rows] == ["GR-AMV", "GR-AZC"]
    rows = selectors.locations_list(user=user, week=W45, type=LocationType.AMV)
    assert [r.code for r in rows] == ["GR-AMV", "NH-AMV"]


def test_location_get_scoping(make_user: Callable[[str], Any]) -> None:
    locations_week45()
    with pytest.raises(PermissionDenied):
        selectors.location_get(user=make_user("provincie"), week=W45, code="GR-AZC")
    own = selectors.location_get(user=make_user("provincie"), week=W45, code="NH-AMV")
    assert (own.occupancy, own.address) == (None, None)
    other = selectors.location_get(user=make_user("provincie_andere"), week=W45, code="GR-AZC")
    assert other.occupancy == 380
    with pytest.raises(NotFoundError, match="Locatie NH-NIEUW staat niet in de gegevens"):
        selectors.location_get(user=make_user("coa"), week=W45, code="NH-NIEUW")


def test_anonymous_user_is_refused() -> None:
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        selectors.locations_list(user=AnonymousUser(), week=W45)
    with pytest.raises(PermissionDenied):
        selectors.province_aggregates(user=AnonymousUser(), week=W45)


def test_province_aggregates_include_confidential_locations_for_every_role(
    make_user: Callable[[str], Any],
) -> None:
    locations_week45()
    for key in ("provincie", "landelijk", "coa"):
        totals = {
            a.province_code: a for a in selectors.province_aggregates(user=make_user(key), week=W45)
        }
        assert sorted(totals) == ["PV20", "PV27"]
        nh = totals["PV27"]
        # 600 + 50 places, 550 + 37 occupied, the AMV location closes: 50 temporary. With
        # one confidential location in the province, its occupancy total is COA's only.
        occupancy = {"PV27": 587, "PV20": 409} if key == "coa" else {"PV27": None, "PV20": None}
        assert (nh.locations, nh.capacity, nh.occupancy) == (2, 650, occupancy["PV27"])
        assert (nh.structural_capacity, nh.temporary_capacity) == (600, 50)
        gr = totals["PV20"]
        # 400 + 48 places, 380 + 29 occupied; the azc closes (400 temporary), the AMV stays.
        assert (gr.locations, gr.capacity, gr.occupancy) == (2, 448, occupancy["PV20"])
        assert (gr.structural_capacity, gr.temporary_capacity) == (48, 400)
        assert gr.province_name == "Groningen"


def test_series_values_and_change_since_previous_week(make_user: Callable[[str], Any]) -> None:
    series_import(
        "2021-W44",
        {SeriesMetric.EERSTE_AANVRAGEN: 1180, SeriesMetric.WACHTEND: 13750},
    )
    series_import(
        "2021-W45",
        {SeriesMetric.EERSTE_AANVRAGEN: 1020, SeriesMetric.WACHTEND: 13900},
        version=1,
    )
    series_import(
        "2021-W45",
        {SeriesMetric.EERSTE_AANVRAGEN: 1050, SeriesMetric.WACHTEND: 13910},
        version=2,
    )
    overview = selectors.series_latest(user=make_user("provincie"), week=W45)
    values = {v.metric: v for v in overview.values}
    first = values[SeriesMetric.EERSTE_AANVRAGEN]
    assert (first.value, first.previous, first.delta) == (1050, 1180, -130)
    waiting = values[SeriesMetric.WACHTEND]
    assert (waiting.value, waiting.previous, waiting.delta) == (13910, 13750, 160)
    missing = values[SeriesMetric.NAREIZIGERS]
    assert (missing.value, missing.previous, missing.delta) == (None, None, None)
    assert (overview.source_week, overview.previous_source_week) == ("2021-W45", "2021-W44")

    # No figures for W46: W45 still holds, and there is no change to report.
    stale = selectors.series_latest(user=make_user("landelijk"), week="2021-W46")
    stale_first = {v.metric: v for v in stale.values}[SeriesMetric.EERSTE_AANVRAGEN]
    assert (stale_first.value, stale_first.previous, stale_first.delta) == (1050, None, None)
    assert stale.source_week == "2021-W45"
