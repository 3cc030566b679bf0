"""No data is never zero: a week without data says so everywhere, and nothing is published."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from regietafel.cli.main import main
from regietafel.core.catalogue import definition
from regietafel.core.periods import IsoWeek
from regietafel.kerncijfers.selectors import figures_for
from regietafel.rapportage.models import PublishedReport
from regietafel.verdeling.selectors import province_distribution
from tests.opvangbeeld.factories import standard_register

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_migrate(monkeypatch: Any) -> None:
    monkeypatch.setattr("regietafel.cli.webcommands.django_setup", lambda: None)


@pytest.mark.parametrize("command", ["opvang", "boodschappenlijst", "kerncijfers"])
def test_database_commands_refuse_a_week_without_data(
    command: str, no_migrate: None, capsys: Any
) -> None:
    assert main([command, "--week", "2021-W45"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "2021-W45" in captured.err
    assert "niets geschreven" in captured.err
    assert len(captured.err.strip().splitlines()) == 1


def test_an_expired_register_is_named_not_called_missing(no_migrate: None, capsys: Any) -> None:
    """A register of 2021-W45 holds for that week and the 4 after it: in 2021-W51 the
    command said no register had been imported "van die week of eerder", which was false."""
    standard_register("2021-W45")
    assert main(["opvang", "--week", "2021-W51"]) == 2
    assert capsys.readouterr().err.endswith(
        "fout: Het laatste locatieregister is van week 2021-W45 en geldt voor die week en de 4 "
        "weken erna, niet meer voor week 2021-W51: er zijn geen gegevens voor deze week. Er is "
        "niets geschreven.\n"
    )


def test_report_of_an_empty_week_is_not_published(
    no_migrate: None, capsys: Any, tmp_path: Path
) -> None:
    target = tmp_path / "rapport.html"
    assert (
        main(["rapport", "--week", "2021-W45", "--formaat", "html", "--uitvoer", str(target)]) == 2
    )
    assert "niets gepubliceerd" in capsys.readouterr().err
    assert not target.exists()
    assert PublishedReport.objects.count() == 0


def test_publish_form_defaults_to_the_newest_week_with_data(
    client_as: Callable[[str | None], Any],
) -> None:
    empty = client_as("landelijk").get("/rapport/").content.decode()
    assert 'name="week" value="20' not in empty  # never the calendar week
    standard_register("2021-W45")
    body = client_as("landelijk").get("/rapport/").content.decode()
    assert 'value="2021-W45"' in body
    refused = client_as("landelijk").post(
        "/rapport/publiceren/", {"week": "2021-W40", "scope": "NL", "note": ""}
    )
    assert refused.status_code == 400
    assert "geen locatieregister en geen taakstelling" in refused.content.decode()
    assert PublishedReport.objects.count() == 0


def test_figures_without_a_register_are_unknown_not_zero(make_user: Callable[[str], Any]) -> None:
    figures = figures_for(user=make_user("landelijk"), week=IsoWeek.parse("2021-W45"))
    assert figures.reception is None
    assert definition("capaciteit_nu").value(figures) is None
    assert definition("capaciteit_nu").text(None) == "geen gegevens"


def test_other_horizon_lengths_keep_every_short_term_figure(
    make_user: Callable[[str], Any], settings: Any, client_as: Callable[[str | None], Any]
) -> None:
    """With REGIETAFEL_HORIZONS=5,26,104 the short horizon is found by its role, not by being
    equal to the default 4-week horizon: card, distribution and report keep their figure."""
    settings.REGIETAFEL_HORIZONS = "5,26,104"
    standard_register("2021-W45")
    week = IsoWeek.parse("2021-W45")
    figures = figures_for(user=make_user("landelijk"), week=week)
    # Regular: 930 + 417 - 1.000 = 347 short in the fifth week too (B closes in February).
    assert definition("tekort_regulier_kort").value(figures) == 347
    assert province_distribution(user=make_user("landelijk"), week=week).total == 347
    body = client_as("landelijk").get("/opvangbeeld/?week=2021-W45").content.decode()
    assert 'data-kerncijfer="tekort_kort"' in body
    assert ">347</span>" in body
