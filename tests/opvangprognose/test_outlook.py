"""The forecast summary behind the page and the API: hand-checked cases without Django."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from regietafel.core import forecast
from regietafel.core.need_policy import policy_by_key
from regietafel.prognose.inputs import StartState, model_inputs, with_start
from regietafel.prognose.outlook import (
    START_NOTE_BUNDLE,
    START_NOTE_REGISTER,
    data_identity,
    deadline_probability,
    outlook,
    run_forecast,
    run_key,
)

ORIGIN = date(2021, 11, 8)
FIXED_417 = policy_by_key("lrt-voorjaar-2021")
RATE_96 = policy_by_key("coa-2022-11")


def _deterministic_run(paths: int = 5):  # type: ignore[no-untyped-def]
    scenario = forecast.SCENARIOS["midden"].deterministic
    return run_forecast(run_key(scenario, origin=ORIGIN, paths=paths))


def test_zero_variance_every_band_is_the_deterministic_model() -> None:
    run = _deterministic_run()
    model = forecast.deterministic(run.inputs, forecast.SCENARIOS["midden"])
    view = outlook(run, province=None, policy=FIXED_417)
    start = run.inputs.occupancy
    for level in range(len(forecast.QUANTILE_LEVELS)):
        # Column 0 is the start, then the stock at the end of each forecast week.
        assert view.occupancy[level].tolist() == [start, *model.occupancy[0].tolist()]
        # The need under the LRT's fixed buffer is occupancy + 417, exactly.
        assert view.need[level].tolist() == [start + 417, *(model.occupancy[0] + 417).tolist()]
    assert view.holders is not None
    assert view.holders[2].tolist() == [
        run.inputs.status_holders,
        *model.status_holders[0].tolist(),
    ]
    assert view.week_starts[0] == ORIGIN
    assert view.week_starts[1] == date(2021, 11, 15)
    assert len(view.week_starts) == view.occupancy.shape[1] == 105
    assert view.start_occupancy == 27_000  # the last COA point known before the origin (bundle)
    assert view.start_capacity == 27_417


def test_a_fixed_buffer_adds_nothing_inside_a_province() -> None:
    """As in the weekly figures: the 417 is a national number. Noord-Holland's need under it
    is its occupancy; at 96 % it is the occupancy ÷ 0,96 rounded up, in every band."""
    run = _deterministic_run()
    fixed = outlook(run, province="Noord-Holland", policy=FIXED_417)
    assert fixed.policy.key == "lrt-voorjaar-2021"  # shown as chosen
    assert fixed.need[2].tolist() == fixed.occupancy[2].tolist()
    assert fixed.start_capacity == fixed.start_occupancy
    # The page says why the need equals the occupancy there (it named the 417 bare).
    assert fixed.policy_text.endswith("; die telt alleen landelijk, in een provincie geen buffer")
    assert outlook(run, province=None, policy=FIXED_417).policy_text == FIXED_417.label
    rate = outlook(run, province="Noord-Holland", policy=RATE_96)
    assert rate.policy_text == RATE_96.label
    expected = [-(-int(v) * 100 // 96) for v in rate.occupancy[2]]
    assert rate.need[2].tolist() == expected
    # Nor is "+417" one of the capacity policies compared inside a province; nationally it is.
    assert "vast-417" not in {b.key for b in fixed.buffers}
    assert "vast-417" in {b.key for b in outlook(run, province=None, policy=FIXED_417).buffers}
    from regietafel.opvangprognose.tables import outlook_buffer_table

    assert outlook_buffer_table(fixed).title.endswith("vaste buffer +417 alleen landelijk)")
    national = outlook(run, province=None, policy=FIXED_417)
    assert "alleen landelijk" not in outlook_buffer_table(national).title


def test_deadline_probability_is_a_step_at_the_need() -> None:
    run = _deterministic_run()
    model = forecast.deterministic(run.inputs, forecast.SCENARIOS["midden"])
    day = date(2022, 7, 1)
    week = forecast.weeks_until(run.inputs.start, day)
    need = int(np.ceil(model.occupancy[0, week] / 0.96 - 1e-9))
    assert deadline_probability(run, province=None, policy=RATE_96, places=need, day=day) == 1.0
    chance = deadline_probability(run, province=None, policy=RATE_96, places=need - 1, day=day)
    assert chance == 0.0
    late = date(2030, 1, 1)
    assert deadline_probability(run, province=None, policy=RATE_96, places=need, day=late) is None


def test_same_key_same_numbers_and_the_key_names_the_data() -> None:
    scenario = forecast.SCENARIOS["hoog"]
    first = run_forecast(run_key(scenario, origin=ORIGIN, paths=300, seed=7))
    again = run_forecast(run_key(scenario, origin=ORIGIN, paths=300, seed=7))
    other = run_forecast(run_key(scenario, origin=ORIGIN, paths=300, seed=8))
    assert np.array_equal(first.occupancy, again.occupancy)
    assert not np.array_equal(first.occupancy, other.occupancy)
    assert first.key == again.key != other.key
    assert first.key.data == data_identity()
    assert len(data_identity()) == 12


def test_province_is_its_share_of_the_national_paths() -> None:
    run = run_forecast(run_key(forecast.SCENARIOS["midden"], origin=ORIGIN, paths=400))
    national = outlook(run, province=None, policy=RATE_96)
    holland = outlook(run, province="Noord-Holland", policy=RATE_96)
    assert holland.holders is None  # status holders are national only
    share = run.inputs.province_shares[run.inputs.province_names.index("Noord-Holland")]
    assert holland.start_occupancy == round(27_000 * share)
    ratio = holland.occupancy[2] / national.occupancy[2]
    assert np.all(np.abs(ratio - share) < 0.03)  # Dirichlet spread around the inhabitants' share
    # The same policies compared, but for the national-only fixed +417.
    assert [b.key for b in national.buffers if b.key != "vast-417"] == [
        b.key for b in holland.buffers
    ]


def test_target_dates_are_first_of_january_and_july() -> None:
    view = outlook(_deterministic_run(), province=None, policy=FIXED_417)
    assert [d.day for d in view.dates] == [
        date(2022, 1, 1), date(2022, 7, 1), date(2023, 1, 1), date(2023, 7, 1),
    ]  # fmt: skip
    for item in view.dates:
        assert item.quantiles[0] == item.quantiles[4]  # no spread
        assert item.chance_enough in (0.0, 1.0)


@pytest.mark.parametrize("name", ["laag", "midden", "hoog"])
def test_more_inflow_more_occupancy(name: str) -> None:
    scenario = forecast.SCENARIOS[name].deterministic
    run = run_forecast(run_key(scenario, origin=ORIGIN, paths=1))
    base = run_forecast(run_key(forecast.SCENARIOS["midden"].deterministic, origin=ORIGIN, paths=1))
    last_run, last_base = run.occupancy[0, -1], base.occupancy[0, -1]
    expected = {"laag": last_run < last_base, "midden": last_run == last_base,
                "hoog": last_run > last_base}[name]  # fmt: skip
    assert expected


def test_threshold_probability_in_both_directions() -> None:
    from regietafel.prognose.outlook import threshold_probability

    run = _deterministic_run()
    day = date(2022, 3, 1)
    week = forecast.weeks_until(run.inputs.start, day)
    holders = int(run.holder_paths[0, week])
    occupancy = int(run.occupancy[0, week])
    at_most = {"measure": "vergunninghouders", "province": None, "at_least": False, "day": day}
    assert threshold_probability(run, threshold=holders, **at_most) == 1.0  # type: ignore[arg-type]
    assert threshold_probability(run, threshold=holders - 1, **at_most) == 0.0  # type: ignore[arg-type]
    at_least = {"measure": "bezetting", "province": None, "at_least": True, "day": day}
    assert threshold_probability(run, threshold=occupancy, **at_least) == 1.0  # type: ignore[arg-type]
    assert threshold_probability(run, threshold=occupancy + 1, **at_least) == 0.0  # type: ignore[arg-type]
    # Status holders are forecast nationally only.
    assert (
        threshold_probability(
            run,
            measure="vergunninghouders",
            province="Zeeland",
            threshold=0,
            at_least=True,
            day=day,
        )
        is None
    )


def test_deadline_probability_starts_from_the_registers_occupancy() -> None:
    """Scaled to a register of 30.000 instead of the bundle's start: the need on the day is
    the deterministic path × 30.000 / start, plus the 417."""
    run = _deterministic_run()
    model = forecast.deterministic(run.inputs, forecast.SCENARIOS["midden"])
    day = date(2022, 7, 1)
    week = forecast.weeks_until(run.inputs.start, day)
    scaled = round(int(model.occupancy[0, week]) * 30_000 / run.inputs.occupancy)
    need = scaled + 417
    args = {"province": None, "policy": FIXED_417, "day": day, "occupancy_now": 30_000}
    assert deadline_probability(run, places=need, **args) == 1.0  # type: ignore[arg-type]
    assert deadline_probability(run, places=need - 1, **args) == 0.0  # type: ignore[arg-type]


REGISTER = StartState(
    monday=ORIGIN,
    occupancy=996,
    provinces=(("Groningen", 409), ("Noord-Holland", 587)),
)


def test_a_run_from_the_register_starts_there_nationally_and_per_province() -> None:
    run = run_forecast(
        run_key(forecast.SCENARIOS["midden"], origin=ORIGIN, paths=300, start=REGISTER)
    )
    assert run.from_register
    assert run.inputs.occupancy == 996
    # No series of status holders in the week: the bundle's share of occupancy, applied.
    bundle = run_forecast(run_key(forecast.SCENARIOS["midden"], origin=ORIGIN, paths=1))
    share = bundle.inputs.status_holders / bundle.inputs.occupancy
    assert run.inputs.status_holders == round(996 * share)
    national = outlook(run, province=None, policy=FIXED_417)
    holland = outlook(run, province="Noord-Holland", policy=FIXED_417)
    groningen = outlook(run, province="Groningen", policy=FIXED_417)
    assert national.start_occupancy == 996
    assert holland.start_occupancy == 587
    assert groningen.start_occupancy == 409
    assert national.start_capacity == 996 + 417  # the fixed 417 of spring 2021 ...
    assert holland.start_capacity == 587  # ... is national: a province adds nothing
    for view, start in ((national, 996), (holland, 587), (groningen, 409)):
        assert view.occupancy[:, 0].tolist() == [start] * 5  # week 0: every path, every band
        assert view.start_note == START_NOTE_REGISTER
    # The register's shares: Noord-Holland 587/996 of national, with Dirichlet spread.
    ratio = holland.occupancy[2, 1:] / national.occupancy[2, 1:]
    assert np.all(np.abs(ratio - 587 / 996) < 0.05)
    # A province without anyone in the register has no one in any path.
    utrecht = outlook(run, province="Utrecht", policy=FIXED_417)
    assert utrecht.start_occupancy == 0
    assert float(utrecht.occupancy.max()) == 0.0


def test_a_run_from_the_register_conserves_persons() -> None:
    inputs = with_start(model_inputs(ORIGIN), REGISTER)
    assert abs(sum(inputs.province_shares) - 1.0) < 1e-12
    paths = forecast.run(inputs, forecast.SCENARIOS["hoog"], paths=200, weeks=30, seed=3)
    assert paths.start_occupancy == 996
    assert not forecast.conservation_residual(paths).any()
    assert paths.shares.sum(axis=1).mean() == pytest.approx(1.0, abs=0.01)  # on average
    zero = [i for i, name in enumerate(inputs.province_names)
            if name not in {"Groningen", "Noord-Holland"}]  # fmt: skip
    assert not paths.shares[:, zero].any()


def test_the_status_holders_of_the_week_are_the_start_when_known() -> None:
    inputs = with_start(model_inputs(ORIGIN), replace(REGISTER, status_holders=300))
    assert inputs.status_holders == 300
    capped = with_start(model_inputs(ORIGIN), replace(REGISTER, status_holders=5_000))
    assert capped.status_holders == 996  # never more than occupancy


def test_the_bundle_start_says_so() -> None:
    """With the day it was counted: the last COA point before 8 November 2021 is of
    15 August 2021, 12 weeks earlier (2021-08-15 to 2021-11-08 is 85 days), more than
    OLD_START_WEEKS (8), so it says the forecast knows nothing of the weeks between."""
    view = outlook(_deterministic_run(), province=None, policy=FIXED_417)
    assert view.start_note == (
        f"{START_NOTE_BUNDLE}; bezetting geteld op 15 augustus 2021, 12 weken vóór de eerste "
        "prognoseweek: let op, wat sindsdien gebeurde, zit niet in deze prognose"
    )
    assert (
        START_NOTE_BUNDLE
        == "start uit de meegeleverde landelijke reeks, geen register in deze week"
    )


def test_each_target_date_shows_the_places_if_nothing_is_extended() -> None:
    """COA's capacity decision: need on the target date − the portfolio "if contracts are not
    extended" = what must be added. Zero variance, so the need on 1 July 2022 is one number N
    in every path. With a structural N − 300 and a temporary 200 ending 30 June 2022, 300 must
    be added on 1 July (the 200 have gone that day, though open on Monday 27 June) and the
    chance the contracted places suffice is 0; with N + 5 structural, nothing and 1."""
    from regietafel.core.capacity import ContractedCapacity
    from regietafel.opvangprognose.tables import outlook_dates_table

    run = _deterministic_run()
    plain = outlook(run, province=None, policy=FIXED_417)
    july = next(item for item in plain.dates if item.day == date(2022, 7, 1))
    need = round(july.quantiles[2])
    assert july.quantiles[0] == july.quantiles[4]  # one number in every path
    assert (july.contracted, july.extra_needed(0.5), july.contracted_chance) == (None,) * 3
    ending = (date(2021, 6, 1), date(2022, 6, 30), 200)
    for contracts, added, chance in (
        (((date(2021, 1, 1), None, need - 300), ending), 300, 0.0),
        (((date(2021, 1, 1), None, need + 5),), 0, 1.0),
    ):
        contracted = ContractedCapacity(contracts)
        view = outlook(run, province=None, policy=FIXED_417, contracted=contracted)
        item = next(i for i in view.dates if i.day == date(2022, 7, 1))
        assert (item.contracted, item.extra_needed(0.5), item.extra_needed(0.9)) == (
            contracts[0][2], added, added,
        )  # fmt: skip
        assert item.contracted_chance == chance
        row = next(r for r in outlook_dates_table(view).rows if r["datum"] == "2022-07-01")
        assert (row["gecontracteerd"], row["erbij_p50"], row["kans_gecontracteerd"]) == (
            contracts[0][2], added, chance,
        )  # fmt: skip
    # A goal of 500 extra places on that day: the chance and what is still needed both count
    # the goal on top of the contracted places (they contradicted each other; found in review).
    contracted = ContractedCapacity(((date(2021, 1, 1), None, need - 300),))
    goal = outlook(run, province=None, policy=FIXED_417, contracted=contracted,
                   goals=[(200, date(2022, 7, 1))])  # fmt: skip
    row = next(i for i in goal.dates if i.extra == 200)
    assert (row.extra_needed(0.5), row.contracted_chance) == (100, 0.0)
    more = outlook(run, province=None, policy=FIXED_417, contracted=contracted,
                   goals=[(500, date(2022, 7, 1))])  # fmt: skip
    row = next(i for i in more.dates if i.extra == 500)
    assert (row.extra_needed(0.5), row.contracted_chance) == (0, 1.0)
    # The title names goals only when the table has goal rows (the page has none).
    assert outlook_dates_table(view).title.startswith("Benodigde plekken op peildata, met")
    assert outlook_dates_table(more).title.startswith("Benodigde plekken op peildata en doelen")
    # So does the contracted chance's header.
    header = {c.key: c.header for c in outlook_dates_table(view).columns}
    assert header["kans_gecontracteerd"] == "kans dat die genoeg zijn"
    goal_header = {c.key: c.header for c in outlook_dates_table(more).columns}
    assert goal_header["kans_gecontracteerd"] == "kans dat die (plus het doel) genoeg zijn"
    assert ContractedCapacity((ending,)).on(date(2022, 6, 27)) == 200
    assert ContractedCapacity((ending,)).on(date(2022, 7, 1)) == 0


def test_a_targets_chance_on_todays_capacity_and_on_what_is_still_contracted() -> None:
    """One computation for the page, API, command and agreements. Zero variance: the need
    on 30 June 2022 is one number N in every path (fixed +417: the occupancy then + 417).
    Today 'capacity' = N − 600, so a target of 600 makes it exactly (chance 1). If nothing
    is extended, a temporary 200 ending 31 May 2022 is gone by the deadline: N − 800 + 600
    falls short (chance 0), and with 800 more structural places it holds again."""
    from regietafel.core.capacity import ContractedCapacity
    from regietafel.core.rules import NeedCategory
    from regietafel.core.targets import Target
    from regietafel.opvangprognose.tables import target_chances_table
    from regietafel.prognose.outlook import target_chance

    run = _deterministic_run()
    deadline = date(2022, 6, 30)
    need = run.scope_occupancy(None)[0, run.week_of(deadline)] + 417
    assert len(set(run.scope_occupancy(None)[:, run.week_of(deadline)].tolist())) == 1
    target = Target("t", "600 extra", NeedCategory.REGULAR, "places", 600,
                    date(2021, 10, 1), deadline)  # fmt: skip
    register = (int(need) - 600, run.inputs.occupancy)  # starts where the run starts
    temporary = (date(2021, 1, 1), date(2022, 5, 31), 200)
    contracted = ContractedCapacity(((date(2021, 1, 1), None, int(need) - 800), temporary))
    result = target_chance(
        run, target, province=None, policy=FIXED_417, register=register, contracted=contracted
    )
    assert (result.capacity_now, result.chance) == (need - 600, 1.0)
    assert (result.contracted, result.contracted_chance) == (need - 800, 0.0)
    short = replace(target, quantity=599)
    assert target_chance(run, short, province=None, policy=FIXED_417, register=register).chance == 0
    more = ContractedCapacity(((date(2021, 1, 1), None, int(need)), temporary))
    held = target_chance(
        run, target, province=None, policy=FIXED_417, register=register, contracted=more
    )
    assert (held.contracted, held.contracted_chance) == (need, 1.0)
    row = target_chances_table([result]).rows[0]
    assert (row["capaciteit"], row["kans"], row["gecontracteerd"], row["kans_gecontracteerd"]) == (
        need - 600, 1.0, need - 800, 0.0,
    )  # fmt: skip
    # Without a register no number; in locations no number; beyond the run no number.
    assert target_chance(run, target, province=None, policy=FIXED_417, register=None).note == (
        "geen gegevens over de capaciteit"
    )
    locations = replace(target, unit="locations", quantity=6)
    assert target_chance(
        run, locations, province=None, policy=FIXED_417, register=register
    ).note == ("doel in locaties, niet in plekken")
    late = replace(target, deadline=date(2030, 6, 30))
    far = target_chance(run, late, province=None, policy=FIXED_417, register=register)
    assert (far.chance, far.contracted_chance, far.note) == (
        None,
        None,
        "deadline buiten de prognose",
    )
