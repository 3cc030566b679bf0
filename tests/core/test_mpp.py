"""The rules of an MPP's scenarios (``core.mpp``), shared by the importer and the forecast."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from regietafel.core import mpp


def test_the_published_mpp_2023_ii_range_is_whole_and_its_midpoint_is_62_500() -> None:
    # MPP 2023-II (10 November 2023): 49,000–76,000 for 2024, no middle published.
    assert mpp.missing({"min", "max"}) == ()
    assert mpp.out_of_order({"min": 49_000, "max": 76_000}) == []
    assert mpp.midpoint(49_000, 76_000) == 62_500


def test_a_range_needs_both_ends() -> None:
    assert mpp.missing({"midden"}) == ("min", "max")
    assert mpp.missing({"min", "midden"}) == ("max",)


def test_each_neighbour_out_of_order_is_named_once() -> None:
    assert mpp.out_of_order({"min": 50_000, "midden": 40_000, "max": 60_000}) == [("min", "midden")]
    assert mpp.out_of_order({"min": 50_000, "midden": 70_000, "max": 60_000}) == [("midden", "max")]
    # Without a middle, min and max are neighbours.
    assert mpp.out_of_order({"min": 60_000, "max": 50_000}) == [("min", "max")]


@given(st.dictionaries(st.sampled_from(mpp.WORDS), st.integers(0, 200_000), min_size=1))
def test_in_order_exactly_when_no_pair_is_named(inflow: dict[str, int]) -> None:
    ordered = [inflow[word] for word in mpp.WORDS if word in inflow]
    assert (mpp.out_of_order(inflow) == []) == (ordered == sorted(ordered))


@given(st.integers(0, 200_000), st.integers(0, 200_000))
def test_the_midpoint_lies_in_the_range(a: int, b: int) -> None:
    low, high = min(a, b), max(a, b)
    middle = mpp.midpoint(low, high)
    assert low <= middle <= high
    assert abs(2 * middle - (low + high)) <= 1


def test_the_stored_scenario_choices_are_the_core_words() -> None:
    from regietafel.opvang.models import OfficialScenario

    assert tuple(OfficialScenario.values) == mpp.WORDS
