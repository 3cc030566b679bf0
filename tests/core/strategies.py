"""Hypothesis strategies shared by the core tests: small random registers of locations."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from regietafel.core.capacity import Location
from regietafel.core.rules import LocationType

EPOCH = date(2021, 1, 1)
PROVINCES = ("PV20", "PV21", "PV22")
MUNICIPALITIES = ("GM0001", "GM0002", "GM0003")


@st.composite
def locations(draw: st.DrawFn, index: int = 0) -> Location:
    capacity = draw(st.integers(0, 500))
    start = EPOCH + timedelta(days=draw(st.integers(0, 900)))
    end = draw(st.one_of(st.none(), st.integers(0, 700).map(lambda d: start + timedelta(days=d))))
    return Location(
        id=f"L{index}",
        name=f"Locatie {index}",
        municipality_code=draw(st.sampled_from(MUNICIPALITIES)),
        province_code=draw(st.sampled_from(PROVINCES)),
        type=draw(st.sampled_from(list(LocationType))),
        capacity=capacity,
        occupancy=draw(st.integers(0, capacity)),
        start=start,
        end=end,
    )


@st.composite
def registers(draw: st.DrawFn, max_size: int = 25) -> list[Location]:
    size = draw(st.integers(0, max_size))
    return [draw(locations(index=i)) for i in range(size)]


window_starts = st.integers(0, 1000).map(lambda d: EPOCH + timedelta(days=d))
