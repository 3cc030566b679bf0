"""Option values: one rule for whole numbers (1.000 is a thousand, 1.5 is no 15), the
limits of the API, no blank province, and Dutch errors for every refused value."""

from __future__ import annotations

import pytest

from regietafel.cli.main import build_parser, main


def refusal(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    return err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["prognose", "--weken", "1.5"], "--weken: '1.5' is geen geheel getal"),
        (["prognose", "--percentiel", "0.5"], "--percentiel: '0.5' is geen geheel getal"),
        (["prognose", "--percentiel", "92.5"], "--percentiel: '92.5' is geen geheel getal"),
        (["prognose", "--seed", "1.23"], "--seed: '1.23' is geen geheel getal"),
        (["prognose", "--paden", "0"], "--paden: 0 ligt buiten 1 tot en met 100.000"),
        (["prognose", "--doel", "1.5:2022-01-01"], "--doel: '1.5:2022-01-01' is geen doel"),
        (
            ["prognose", "--doel=-100:2022-01-01"],
            "--doel: '-100:2022-01-01' is geen doel: het aantal extra plekken is 0 of meer",
        ),
        (
            ["prognose", "--doel", "-100:2022-01-01"],
            (
                "--doel: hier hoort een waarde bij (een waarde die met '-' begint: schrijf "
                "--doel=WAARDE)"
            ),
        ),
        (["kerncijfers"], "niet opgegeven, maar verplicht: --week"),
        (["kerncijfers", "--week", "2021-W45", "--provincie", ""], "--provincie: leeg kan niet"),
        (["opvang", "--week", "2021-W45", "--provincie", " "], "--provincie: leeg kan niet"),
        (["prognose", "--provincie", ""], "--provincie: leeg kan niet"),
        (
            ["taakstelling", "--periode", "2021-II", "--totaal", "99999999999999"],
            "--totaal: 99.999.999.999.999 ligt buiten 0 tot en met 10.000.000",
        ),
        (["verdeel", "--totaal", "1.5"], "--totaal: '1.5' is geen geheel getal"),
        (["verdeel", "--totaal", "600", "--minimum", "-1"], "--minimum: −1 is negatief; kies 0"),
        (["onderhoud", "--minuten", "-5"], "--minuten: '-5' kan niet; kies een getal van 0"),
        (["onderhoud", "--minuten", "abc"], "--minuten: 'abc' is geen getal"),
    ],
)
def test_refused_numbers(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    err = refusal(argv, capsys)
    assert err.startswith(f"regietafel {argv[0]}: fout: {message}")


def test_thousands_dots_in_groups_of_three_are_read() -> None:
    parser = build_parser()
    read = parser.parse_args(["prognose", "--paden", "1.000", "--seed", "12.345.678"])
    assert (read.paden, read.seed) == (1000, 12345678)
    assert (
        parser.parse_args(["taakstelling", "--periode", "2021-II", "--totaal", "11.000"]).totaal
        == 11000
    )
    assert parser.parse_args(["onderhoud", "--minuten", "2,5"]).minuten == 2.5


TWICE = "staat er meer dan één keer in; geef deze optie één keer"


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (
            ["kerncijfers", "--week", "2021-W45", "--provincie", "Utrecht", "--provincie", "PV25"],
            "--provincie",
        ),
        (["kerncijfers", "--week", "2021-W45", "--week", "2021-W46"], "--week"),
        (["opvang", "--week=2021-W45", "--week", "2021-W45"], "--week"),  # same value, too
        (["prognose", "--provincie", "Utrecht", "--provincie", "Utrecht"], "--provincie"),
        (["verdeel", "--totaal", "600", "--totaal", "700"], "--totaal"),
        (["taakstelling", "--periode", "2021-II", "--periode", "2022-I"], "--periode"),
    ],
)
def test_a_single_valued_option_given_twice_is_refused(
    argv: list[str], option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: the last one silently won (--provincie A --provincie B answered for B)."""
    err = refusal(argv, capsys)
    assert err == f"regietafel {argv[0]}: fout: {option}: {TWICE}\n"


def test_options_meant_to_repeat_still_do() -> None:
    parser = build_parser()
    read = parser.parse_args(
        ["prognose", "--doel", "100:2022-01-01", "--doel", "200:2022-07-01", "--weken", "10"]
    )
    assert len(read.doel) == 2
    assert not hasattr(read, "_regietafel_given")


def test_options_that_exclude_each_other_are_refused_in_dutch(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """argparse's own "not allowed with argument" reached the user in English."""
    argv = ["rapport", "--week", "2021-W46", "--provincie", "Utrecht", "--alle-provincies"]
    assert refusal([*argv, "--formaat", "pdf"], capsys) == (
        "regietafel rapport: fout: --alle-provincies en --provincie gaan niet samen; kies er één\n"
    )
