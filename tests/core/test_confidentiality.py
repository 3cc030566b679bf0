"""The small-cell rule (core.confidentiality): hand-computed plans and a property."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from regietafel.core.capacity import Location
from regietafel.core.confidentiality import MIN_CONTRIBUTORS, contributors, suppression_plan
from regietafel.core.rules import LocationType, NeedCategory

MONDAY = date(2021, 11, 8)
AMV = NeedCategory.AMV


def amv(code: str, province: str, *, end: date | None = None) -> Location:
    return Location(code, code, "GM0014", province, LocationType.AMV, 50, 40, date(2020, 1, 1), end)


def test_one_confidential_location_in_the_nation_hides_province_and_nation() -> None:
    plan = suppression_plan([amv("a", "PV20")], {"a"}, on=MONDAY)
    assert plan.categories("PV20") == {AMV}
    assert plan.categories("NL") == {AMV}
    assert plan.categories("PV27") == frozenset()


def test_a_lone_province_gets_a_partner_so_the_nation_cannot_give_it_back() -> None:
    # Groningen 1, Drenthe 2, Noord-Holland 5: nation 8 is published; Groningen alone would be
    # nation minus the rest, so the smallest other province (Drenthe, 2) is hidden with it.
    locations = [amv("g1", "PV20")] + [amv(f"d{i}", "PV22") for i in range(2)]
    locations += [amv(f"n{i}", "PV27") for i in range(5)]
    plan = suppression_plan(locations, {loc.id for loc in locations}, on=MONDAY)
    assert plan.categories("PV20") == {AMV}
    assert plan.categories("PV22") == {AMV}
    assert plan.categories("PV27") == frozenset()
    assert plan.categories("NL") == frozenset()


def test_partner_added_until_three_locations_are_hidden_together() -> None:
    # Groningen 1 and Drenthe 1 are both small; together 2 < 3, so Noord-Holland (4) joins.
    locations = [amv("g", "PV20"), amv("d", "PV22")] + [amv(f"n{i}", "PV27") for i in range(4)]
    plan = suppression_plan(locations, {loc.id for loc in locations}, on=MONDAY)
    assert {code for code in ("PV20", "PV22", "PV27") if plan.categories(code)} == {
        "PV20",
        "PV22",
        "PV27",
    }
    assert not plan.categories("NL")


def test_closed_and_public_locations_do_not_count() -> None:
    locations = [amv(f"n{i}", "PV27") for i in range(3)] + [
        amv("closed", "PV27", end=date(2021, 1, 1))
    ]
    plan = suppression_plan(locations, {"n0", "n1", "n2", "closed"}, on=MONDAY)
    assert not plan
    # Only two of the three are confidential: the cell holds two and is hidden.
    assert suppression_plan(locations, {"n0", "n1"}, on=MONDAY).categories("PV27") == {AMV}


@given(st.lists(st.tuples(st.sampled_from(["PV20", "PV21", "PV22", "PV27"]), st.booleans())))
def test_no_published_cell_or_difference_holds_one_or_two(spec: list[tuple[str, bool]]) -> None:
    """Every published province cell and the nation minus the published provinces hold 0 or
    at least three confidential locations."""
    locations = [amv(f"x{i}", province) for i, (province, _) in enumerate(spec)]
    secret = {f"x{i}" for i, (_, hidden) in enumerate(spec) if hidden}
    plan = suppression_plan(locations, secret, on=MONDAY)
    counts = {code: per[AMV] for code, per in contributors(locations, secret, on=MONDAY).items()}
    published = {code: n for code, n in counts.items() if AMV not in plan.categories(code)}
    assert all(n == 0 or n >= MIN_CONTRIBUTORS for n in published.values())
    if AMV not in plan.categories("NL"):
        national = sum(counts.values())
        assert national == 0 or national >= MIN_CONTRIBUTORS
        residual = national - sum(published.values())
        assert residual == 0 or residual >= MIN_CONTRIBUTORS
