"""The command line writes percentages as the rest of the product: "10 %" with a no-break
space (core.formatting.NBSP), never "10%"."""

from __future__ import annotations

import pytest

from regietafel.cli.main import main
from regietafel.core.formatting import NBSP


def test_forecast_headings_have_a_no_break_space_before_percent(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["prognose", "--paden", "100", "--weken", "4"]) == 0
    out = capsys.readouterr().out
    assert f"bezetting 10{NBSP}%" in out
    assert "10%" not in out
    assert main(["prognose", "backtest", "--reeks", "jaar"]) == 0
    out = capsys.readouterr().out
    assert f"dekking 80{NBSP}%-band" in out
    assert "80%-band" not in out
