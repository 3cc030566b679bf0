"""How far a province's share may move, as the parameter table states it."""

from __future__ import annotations

from regietafel.prognose.inputs import share_source


def test_the_share_source_states_the_spread_the_draw_gives() -> None:
    """Dirichlet with concentration 400: a share p moves by √((1 − p) / (401 p)) relative,
    5 % for p = 0.5 and 10 % for p = 0.2 (hand-computed), reached in 26 weeks."""
    text = share_source("aandelen: x", (0.5, 0.3, 0.2))
    assert text.startswith("aandelen: x; onzekerheid Dirichlet met concentratie 400")
    assert "van 5 % (grootste aandeel) tot 10 % (kleinste)" in text
    assert "bereikt in 26 weken vanaf het aandeel bij de start" in text
