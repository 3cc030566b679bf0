"""How far a province's share may move, as the parameter table states it."""

from __future__ import annotations

from regietafel.prognose.inputs import share_source, share_spread


def test_the_spread_at_hand_computed_shares() -> None:
    """Dirichlet with concentration 400: a share p moves by √((1 − p) / (401 p)) relative."""
    assert round(share_spread(0.5), 4) == 0.0499  # √(0.5 / 200.5)
    assert round(share_spread(0.2), 4) == 0.0999  # √(0.8 / 80.2)
    assert round(share_spread(0.05), 4) == 0.2177  # √(0.95 / 20.05)


def test_the_source_names_example_shares_never_the_shares_used() -> None:
    """The shares used come from the register; stating the spread at the smallest of them
    gave away the smallest province's share, and with the national total its afgeschermd
    occupancy (found in the browser check). The text is the same whatever the shares."""
    text = share_source("aandelen: x")
    assert text.startswith("aandelen: x; onzekerheid Dirichlet met concentratie 400 (aanname)")
    assert (
        "5 % bij een aandeel van 50 %, 10 % bij een aandeel van 20 %, 22 % bij een aandeel van 5 %"
    ).replace(" %", "\u00a0%") in text
    assert "geleidelijk vanaf het aandeel bij de start: driekwart na 26 weken, helemaal na 52" in (
        text
    )


def test_two_registers_with_other_shares_give_the_same_source_text() -> None:
    from datetime import date

    from regietafel.prognose.inputs import StartState, model_inputs, with_start

    monday = date(2021, 11, 15)
    bundle = model_inputs(monday)
    key = "concentratie provincie-aandelen (Dirichlet)"
    small = with_start(bundle, StartState(monday, 1_000, (("Drenthe", 10), ("Utrecht", 990))))
    large = with_start(bundle, StartState(monday, 1_000, (("Drenthe", 500), ("Utrecht", 500))))
    assert small.province_shares != large.province_shares
    assert small.sources[key] == large.sources[key]
