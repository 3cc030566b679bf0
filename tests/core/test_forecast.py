"""The stock-and-flow forecast: weeks by hand, conservation, seeds, zero variance."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regietafel.core import forecast
from regietafel.core.forecast import SCENARIOS, ForecastError, ModelInputs, Scenario
from tests.core.forecast_reference import simulate_loop

SHARES = (0.5, 0.3, 0.2)


def make_inputs(**changes: object) -> ModelInputs:
    base = ModelInputs(
        start=date(2021, 11, 1),
        inflow_level=100.0,
        share_first=0.8,
        share_repeat=0.0,
        seasonal=(1.0,) * 12,
        level_sigma=0.05,
        noise_sigma=0.15,
        shock_df=4.0,
        decision_weeks=2,
        recognition_share=0.5,
        departure_rate=0.5,
        housing_pace=30.0,
        housing_sigma=0.1,
        occupancy=100,
        status_holders=20,
        province_names=("A", "B", "C"),
        province_shares=SHARES,
        share_concentration=50.0,
    )
    return base.replace(**changes)


def test_two_weeks_by_hand() -> None:
    """Computed on paper from the rules in the module docstring (see comments)."""
    result = forecast.deterministic(make_inputs(), SCENARIOS["midden"], weeks=2)
    # Start: 80 without permit; steady-state split 2 : (0.5/0.5) -> 53 waiting, 27 rejected;
    # the pipeline holds 27 and 26. Week 1: 100 in (80 enter, 20 nareizigers, who use 20 of
    # the pace of 30); 27 decided, 14 recognised (13.5 rounds to even), 14 of 27 rejected
    # leave; holders 20 + 14 = 34, 10 housed. Occupancy 106 waiting + 26 rejected + 24
    # holders = 156 = 100 + 80 - 10 - 14.
    assert result.occupancy[0].tolist() == [156, 213]
    assert result.housed[0].tolist() == [10, 10]
    assert result.departed[0].tolist() == [14, 13]
    assert result.status_holders[0].tolist() == [24, 27]


@settings(deadline=None, max_examples=60)
@given(
    occupancy=st.integers(0, 80_000),
    holders_share=st.floats(0, 1),
    level=st.floats(1, 5_000),
    decision=st.integers(1, 60),
    recognition=st.floats(0, 1),
    departure=st.floats(0.001, 1),
    pace=st.floats(0, 2_000),
    share_first=st.floats(0, 1),
    seed=st.integers(0, 2**32 - 1),
)
def test_conservation_in_every_week_of_every_path(  # noqa: PLR0917 (hypothesis)
    occupancy: int, holders_share: float, level: float, decision: int, recognition: float,
    departure: float, pace: float, share_first: float, seed: int,
) -> None:  # fmt: skip
    inputs = make_inputs(
        occupancy=occupancy, status_holders=int(occupancy * holders_share), inflow_level=level,
        decision_weeks=decision, recognition_share=recognition, departure_rate=departure,
        housing_pace=pace, share_first=share_first,
    )  # fmt: skip
    result = forecast.run(inputs, SCENARIOS["hoog"], paths=50, weeks=30, seed=seed)
    assert not forecast.conservation_residual(result).any()
    for stock in (result.asylum_seekers, result.status_holders, result.occupancy):
        assert (stock >= 0).all()
    assert (result.inflow >= 0).all()
    national = result.occupancy.astype(np.float64)
    provinces = forecast.province_values(result)
    assert (provinces >= 0).all()
    assert (provinces <= national[:, :, None] + 1e-9).all()  # a share lies in [0, 1]


def test_same_seed_same_paths_other_seed_other_paths() -> None:
    inputs = make_inputs()
    first = forecast.run(inputs, SCENARIOS["midden"], paths=300, weeks=20, seed=7)
    again = forecast.run(inputs, SCENARIOS["midden"], paths=300, weeks=20, seed=7)
    other = forecast.run(inputs, SCENARIOS["midden"], paths=300, weeks=20, seed=8)
    assert np.array_equal(first.occupancy, again.occupancy)
    assert np.array_equal(first.shares, again.shares)
    assert not np.array_equal(first.occupancy, other.occupancy)


def test_zero_variance_median_is_the_deterministic_model_exactly() -> None:
    inputs = make_inputs(seasonal=(0.9, 1.1) * 6, occupancy=30_000, status_holders=9_000,
                         inflow_level=600.0, decision_weeks=26, housing_pace=400.0)  # fmt: skip
    calm = SCENARIOS["midden"].deterministic
    result = forecast.run(inputs, calm, paths=500, weeks=104, seed=3)
    reference = forecast.deterministic(inputs, calm, weeks=104)
    for name in ("occupancy", "status_holders", "inflow", "housed"):
        median = forecast.fan(name, getattr(result, name)).at(0.5)
        assert np.array_equal(median, getattr(reference, name)[0].astype(np.float64))
    exact = np.rint(forecast.province_values(reference)[0])
    assert np.array_equal(forecast.province_fans(result)[2], exact)


def test_province_fans_are_the_quantiles_of_what_the_surfaces_show() -> None:
    """The benchmark times ``province_fans``; the pages show ``province_occupancy`` (rounded
    per path). They were two computations that differed in 954 of 6,240 rounded cells
    (found in review); now every fan equals the quantiles of its province's paths."""
    result = forecast.run(make_inputs(), SCENARIOS["hoog"], paths=400, weeks=30, seed=5)
    fans = forecast.province_fans(result)
    for index, base in enumerate(SHARES):
        shown = forecast.province_occupancy(
            result.occupancy, base, result.shares[:, index], result.weeks
        )
        assert np.array_equal(fans[:, :, index], forecast.quantiles(shown)), index


OFFICIAL_LIKE = Scenario("mpp-min", "officieel min", inflow_per_year=49_000.0)


@pytest.mark.parametrize("scenario", [SCENARIOS["hoog"], OFFICIAL_LIKE], ids=["hoog", "mpp"])
def test_vectorised_equals_the_per_path_loop(scenario: Scenario) -> None:
    inputs = make_inputs(seasonal=(0.8, 1.0, 1.2) * 4, occupancy=27_000, status_holders=6_000,
                         inflow_level=550.0, decision_weeks=26, recognition_share=0.68,
                         departure_rate=1 / 26, housing_pace=420.0)  # fmt: skip
    draws = forecast.draw(np.random.default_rng(11), inputs, scenario, 200, 60)
    fast = forecast.simulate(inputs, scenario, draws, weeks=60)
    slow = simulate_loop(inputs, scenario, draws, 60)
    for name in ("inflow", "housed", "departed", "status_holders", "occupancy"):
        assert np.array_equal(getattr(fast, name), slow[name]), name
    assert np.array_equal(forecast.province_values(fast), slow["provinces"])


def test_scenarios_order_the_medians() -> None:
    inputs = make_inputs(occupancy=30_000, status_holders=9_000, inflow_level=600.0,
                         decision_weeks=26, housing_pace=400.0)  # fmt: skip
    medians = {
        name: forecast.fan("b", forecast.run(inputs, SCENARIOS[name], paths=400, weeks=52)
                           .occupancy).at(0.5)[-1]
        for name in ("laag", "midden", "hoog", "traag", "snel")
    }  # fmt: skip
    assert medians["laag"] < medians["midden"] < medians["hoog"]
    assert medians["snel"] < medians["midden"] < medians["traag"]


def test_a_scenario_is_copied_and_edited_not_changed() -> None:
    mine = SCENARIOS["midden"].replace(name="eigen", inflow_factor=1.5)
    assert isinstance(mine, Scenario)
    assert mine.inflow_factor == 1.5
    assert SCENARIOS["midden"].inflow_factor == 1.0


def test_parameters_carry_a_source() -> None:
    inputs = make_inputs(sources={"beslistermijn (weken)": "Vw 2000 art. 42"})
    found = {p.name: p for p in inputs.parameters()}
    assert found["beslistermijn (weken)"].value == 2
    assert found["beslistermijn (weken)"].source == "Vw 2000 art. 42"
    assert found["bezetting bij de start"].source == "standaardwaarde"


def test_inconsistent_inputs_are_refused_in_dutch() -> None:
    with pytest.raises(ForecastError, match="meer vergunninghouders"):
        make_inputs(status_holders=101)
    with pytest.raises(ForecastError, match="12 maandfactoren"):
        make_inputs(seasonal=(1.0,))


def test_quantiles_equal_numpy() -> None:
    rng = np.random.default_rng(3)
    for shape in [(101,), (1_000, 7), (500, 3, 4), (2, 5)]:
        values = rng.integers(0, 1_000, size=shape)
        assert np.array_equal(
            forecast.quantiles(values), np.quantile(values, forecast.QUANTILE_LEVELS, axis=0)
        )


def test_zero_shares_stay_zero_and_the_rest_is_drawn_around_its_share() -> None:
    """Each share has the Dirichlet's marginal Beta(c·p, c·(1 − p)): mean p and standard
    deviation √(p (1 − p) / (c + 1)); with c = 50 and p = 0.6 that is 0.0686."""
    inputs = make_inputs(province_shares=(0.6, 0.0, 0.4))
    draws = forecast.draw(np.random.default_rng(3), inputs, SCENARIOS["midden"], 20_000, 4)
    assert not draws.shares[:, 1].any()
    assert draws.shares[:, 0].mean() == pytest.approx(0.6, abs=0.003)
    assert draws.shares[:, 0].std() == pytest.approx((0.6 * 0.4 / 51) ** 0.5, rel=0.03)
    assert draws.shares.sum(axis=1).mean() == pytest.approx(1.0, abs=0.003)


def test_a_provinces_draw_does_not_depend_on_how_the_others_split() -> None:
    """With the same seed, province A's shares are the same whether B and C hold 0.3 and 0.2
    or 0.1 and 0.4: a visible province's band says nothing about how afgeschermde provinces
    split the occupancy (a joint Dirichlet draw did; found in review)."""
    one = make_inputs(province_shares=(0.5, 0.3, 0.2))
    other = make_inputs(province_shares=(0.5, 0.1, 0.4))
    first = forecast.run(one, SCENARIOS["midden"], paths=300, weeks=10, seed=11)
    second = forecast.run(other, SCENARIOS["midden"], paths=300, weeks=10, seed=11)
    assert np.array_equal(first.shares[:, 0], second.shares[:, 0])
    assert np.array_equal(
        forecast.province_fans(first)[:, :, 0], forecast.province_fans(second)[:, :, 0]
    )
    assert not np.array_equal(first.shares[:, 1], second.shares[:, 1])


def test_a_province_share_moves_smoothly_to_its_drawn_share_over_52_weeks() -> None:
    """Only the province draw is random here (level and noise uncertainty 0): national
    occupancy is the same in every path, so a province's deviation from base × occupancy is
    (drawn − base) × occupancy × w(t), with w(t) = 1 − (1 − t/52)² for forecast week t:
    1 − (51/52)² in the first week, 0.4375 after 13, 0.75 after 26, all of it from 52. Drawn
    at once the band jumped to its full width in week 1; a straight ramp bent the fan."""
    scenario = SCENARIOS["midden"].replace(level_uncertainty=0, noise_uncertainty=0)
    result = forecast.run(make_inputs(), scenario, paths=200, weeks=60, seed=7)
    values = forecast.province_values(result)
    occupancy = result.occupancy[0].astype(float)
    assert (result.occupancy == result.occupancy[0]).all()
    deviation = (result.shares - np.asarray(SHARES))[:, None, :] * occupancy[None, :, None]
    for week, weight in ((0, 1 - (51 / 52) ** 2), (12, 0.4375), (25, 0.75), (51, 1.0),
                         (59, 1.0)):  # fmt: skip
        expected = np.asarray(SHARES)[None, :] * occupancy[week] + deviation[:, week, :] * weight
        assert np.allclose(values[:, week, :], expected)
    spread = values[:, :, 0].std(axis=0)
    assert spread[0] < spread[12] < spread[25] < spread[51]
    # The page's province paths (``share_paths``) are the same shares.
    shares = forecast.share_paths(SHARES[0], result.shares[:, 0], 60)
    assert np.array_equal(occupancy[None, :] * shares, values[:, :, 0])


def test_stock_on_a_monday_is_the_end_of_the_week_before() -> None:
    """Week 0 ends on the Sunday before the Monday one week after the start."""
    path = np.array([110, 120, 130])
    assert forecast.stock_on(0, 100, path) == 100.0
    assert forecast.stock_on(1, 100, path) == 110.0
    assert forecast.stock_on(3, 100, path) == 130.0
    assert forecast.stock_on(9, 100, path) == 130.0  # beyond the run: its last week
