"""The command's progress bar: silent for a second, a bar in place on a terminal, a line per
stage elsewhere. A fake clock and stream, so nothing waits."""

from __future__ import annotations

import io

import pytest

from regietafel.cli.progress import BAR_WIDTH, Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_nothing_is_written_in_the_first_second() -> None:
    clock, stream = Clock(), Terminal()
    bar = Progress("regietafel prognose", stream=stream, clock=clock)
    bar.start("10.000 paden × 104 weken", 104)
    bar.update(50)
    clock.now += 0.99
    bar.update(80)
    bar.close()
    assert stream.getvalue() == ""


def test_on_a_terminal_the_bar_is_redrawn_in_place() -> None:
    clock, stream = Clock(), Terminal()
    bar = Progress("regietafel prognose", stream=stream, clock=clock)
    bar.start("10.000 paden × 104 weken", 104)
    clock.now += 1.5
    bar.update(52)  # half: 15 of 30 marks, 50 %
    half = "regietafel prognose: 10.000 paden × 104 weken [" + "#" * 15 + "-" * 15 + "]  50 %"
    assert stream.getvalue() == "\r" + half
    bar.update(52)  # the same bar again is not redrawn
    assert stream.getvalue() == "\r" + half
    bar.update(104)
    full = half.replace("#" * 15 + "-" * 15, "#" * BAR_WIDTH).replace(" 50 %", "100 %")
    assert stream.getvalue().endswith("\r" + full)
    bar.start("kwantielen en bufferbeleid")  # shorter: padded so no old text remains
    last = stream.getvalue().rsplit("\r", 1)[1]
    assert last.rstrip() == "regietafel prognose: kwantielen en bufferbeleid…"
    assert len(last) == len(full)
    bar.close()
    assert stream.getvalue().endswith("\n")


def test_elsewhere_one_line_per_stage() -> None:
    clock, stream = Clock(), io.StringIO()
    bar = Progress("regietafel prognose", stream=stream, clock=clock)
    bar.start("a", 10)
    clock.now += 2
    for done in range(11):
        bar.update(done)
    bar.start("b")
    bar.close()
    assert stream.getvalue() == "regietafel prognose: a…\nregietafel prognose: b…\n"


def test_steps_count_the_steps_begun_before() -> None:
    clock, stream = Clock(), Terminal()
    clock.now += 5
    bar = Progress("x", stream=stream, clock=clock, delay=0)
    bar.start("terugblik", 4)
    bar.step("weekreeks, 4 weken")
    assert (bar.done, bar.label) == (0, "weekreeks, 4 weken")
    bar.step("weekreeks, 13 weken")
    bar.step("maandreeks")
    assert bar.done == 2
    assert "[" + "#" * 15 + "-" * 15 + "]  50 %" in stream.getvalue()


@pytest.mark.parametrize("done", [-3, 0, 7, 10, 99])
def test_update_stays_within_the_stage(done: int) -> None:
    bar = Progress("x", stream=io.StringIO(), clock=Clock())
    bar.start("s", 10)
    bar.update(done)
    assert 0 <= bar.done <= 10


def test_the_backtest_reports_as_many_steps_as_it_announces() -> None:
    from regietafel.prognose.backtests import backtest_rows, backtest_steps

    seen: list[str] = []
    backtest_rows(["kwartaal", "jaar"], seen.append)
    assert len(seen) == backtest_steps(["kwartaal", "jaar"]) == 2 + 1
    assert backtest_steps(["week", "maand", "kwartaal", "jaar"]) == 3 + 3 + 2 + 1


def test_the_forecast_command_draws_its_weeks_to_100_percent(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The bar follows the simulated weeks (``on_week``), then the quantiles stage."""
    from regietafel.cli import forecast_run
    from regietafel.cli.main import main

    terminal = Terminal()

    def immediate(command: str) -> Progress:
        return Progress(command, stream=terminal, delay=0)

    monkeypatch.setattr(forecast_run, "Progress", immediate)
    assert main(["prognose", "--paden", "50", "--weken", "8", "--formaat", "csv"]) == 0
    drawn = terminal.getvalue().split("\r")
    weeks = [d.rstrip() for d in drawn if "50 paden × 8 weken" in d]
    assert weeks[0].endswith("[" + "-" * BAR_WIDTH + "]   0 %")
    assert weeks[-1].endswith("[" + "#" * BAR_WIDTH + "] 100 %")
    assert len(weeks) == 1 + 8  # the start and every simulated week
    assert drawn[-1].rstrip() == "regietafel prognose: kwantielen en bufferbeleid…"
    assert terminal.getvalue().endswith("\n")
    capsys.readouterr()
