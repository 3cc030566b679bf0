"""Dates and amounts beyond the data: refused or said in the output, in the one notation."""

from __future__ import annotations

import pytest

from regietafel import reference
from regietafel.cli.main import main
from regietafel.core.formatting import format_date_nl


def test_peildatum_after_the_newest_inhabitants_says_which_it_used(
    capsys: pytest.CaptureFixture[str],
) -> None:
    newest = reference.population_dates()[-1]
    asked = newest.replace(month=6)
    assert main(["taakstelling", "--periode", "2021-II", "--peildatum", asked.isoformat()]) == 0
    out = capsys.readouterr().out
    assert f"peildatum inwoners: {format_date_nl(newest)}" in out
    assert (
        f"Peildatum {format_date_nl(asked)} ligt na de nieuwste inwonertallen: gerekend met de "
        f"inwoners (CBS) op {format_date_nl(newest)}." in out
    )
    argv = ["verdeel", "--totaal", "600", "--niveau", "provincie", "--peildatum"]
    assert main([*argv, asked.isoformat()]) == 0
    out = capsys.readouterr().out
    assert f"peildatum inwoners: {format_date_nl(newest)}" in out  # not the date asked
    assert "ligt na de nieuwste inwonertallen" in out


def test_peildatum_far_beyond_the_data_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    newest = reference.population_dates()[-1]
    assert main(["taakstelling", "--periode", "2021-II", "--peildatum", "2099-01-01"]) == 2
    assert capsys.readouterr().err == (
        "regietafel taakstelling: fout: --peildatum: 1 januari 2099 ligt te ver na de nieuwste "
        f"inwonertallen (CBS, {format_date_nl(newest)}); kies een peildatum tot en met "
        f"31 december {newest.year + 1}\n"
    )


def test_minima_are_written_with_thousands_dots(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verdeel", "--totaal", "600", "--niveau", "provincie", "--minimum", "100"]) == 2
    assert capsys.readouterr().err == (
        "regietafel verdeel: fout: de minima (1.200) zijn samen groter dan het totaal (600)\n"
    )


def test_prognose_far_after_the_data_warns(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["prognose", "--tot", "2099-01-01", "--paden", "100", "--weken", "4"]
    assert main(argv) == 0
    captured = capsys.readouterr()
    warning = captured.err.splitlines()[0]
    assert warning.startswith(
        "Let op: --tot 1 januari 2099 ligt meer dan een jaar na de nieuwste gegevens ("
    )
    assert warning in captured.out  # in the output's notes too, not only on the terminal
    assert " 3.927 weken vóór de eerste prognoseweek" in captured.out
    assert main(["prognose", "--paden", "100", "--weken", "4"]) == 0
    assert "Let op: --tot" not in capsys.readouterr().err
