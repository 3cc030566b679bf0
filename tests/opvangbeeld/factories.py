"""Small location registers for tests: one accepted Import with its LocationRecord rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from regietafel.core.periods import IsoWeek
from regietafel.imports.models import Import
from regietafel.opvang.models import LocationRecord


@dataclass(frozen=True)
class Loc:
    code: str
    province_code: str
    municipality_code: str
    type: str
    capacity: int
    occupancy: int
    start: date
    end: date | None = None
    confidential: bool = False
    durability: str = ""
    extension_option: bool | None = None


def make_register(week: str, locations: list[Loc], *, version: int = 1) -> Import:
    iso = IsoWeek.parse(week)
    batch = Import.objects.create(
        kind="locaties",
        week=iso.label,
        week_start=iso.monday,
        version=version,
        status="verwerkt",
        original=f"imports/locaties/{iso.label}/test.csv",
        file_name="test.csv",
        checksum="0" * 64,
        size=1,
        row_count=len(locations),
    )
    LocationRecord.objects.bulk_create(
        LocationRecord(
            batch=batch,
            code=loc.code,
            name=f"Locatie {loc.code}",
            municipality_code=loc.municipality_code,
            province_code=loc.province_code,
            type=loc.type,
            capacity=loc.capacity,
            occupancy=loc.occupancy,
            start_date=loc.start,
            end_date=loc.end,
            address="" if loc.confidential else "Straat 1",
            confidential=loc.confidential,
            durability=loc.durability,
            extension_option=loc.extension_option,
        )
        for loc in locations
    )
    return batch


# The standard register of 2021-W45 (Monday 8 November 2021), hand-checked figures:
# regular occupancy 450 + 180 + 300 = 930; regular capacity 1.000 until B closes after
# Sunday 27 February 2022, 800 afterwards; AMV 40 residents in 50 places.
STANDARD: list[Loc] = [
    Loc("A", "PV27", "GM0363", "regulier", 500, 450, date(2020, 1, 1)),
    Loc("B", "PV27", "GM0363", "noodopvang", 200, 180, date(2021, 6, 1), date(2022, 2, 27)),
    Loc("C", "PV20", "GM0014", "regulier", 300, 300, date(2019, 1, 1)),
    Loc("D", "PV20", "GM0014", "amv", 50, 40, date(2021, 1, 1), confidential=True),
]


def standard_register(week: str = "2021-W45", **kwargs: Any) -> Import:
    return make_register(week, STANDARD, **kwargs)
