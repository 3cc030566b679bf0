"""The bundled safety regions and labour-market regions, per municipal division 2020-2025."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from regietafel import reference
from regietafel.reference.model import ReferenceDataError
from regietafel.reference.regions import kind_of, membership, regions

YEARS = range(2020, 2026)
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("kind", "count"), [("veiligheidsregio", 25), ("arbeidsmarktregio", 35)])
@pytest.mark.parametrize("year", YEARS)
def test_every_municipality_in_exactly_one_of_all_regions(kind: str, count: int, year: int) -> None:
    on = date(year, 1, 1)
    members = membership(kind, on)
    codes = [m.code for m in reference.municipalities(on)]
    assert sorted(members) == sorted(codes)  # every municipality, each once (a mapping)
    assert len(regions(kind)) == count
    assert {r.code for r in members.values()} == {r.code for r in regions(kind)}


@pytest.mark.parametrize("year", YEARS)
def test_known_memberships(year: int) -> None:
    on = date(year, 1, 1)
    safety = membership("veiligheidsregio", on)
    labour = membership("arbeidsmarktregio", on)
    assert safety["GM0363"].name == "Amsterdam-Amstelland"
    assert labour["GM0363"].name == "Groot Amsterdam"
    assert safety["GM0599"].name == "Rotterdam-Rijnmond"
    assert safety["GM1735"].name == "Twente"  # Hof van Twente
    assert labour["GM0344"].name == "Midden-Utrecht"
    assert safety["GM0088"].name == "Fryslân"  # Schiermonnikoog


def test_published_member_counts() -> None:
    """Midden- en West-Brabant "omvat 24 gemeenten" (Rijksoverheid, 26 March 2019,
    https://www.rijksoverheid.nl/actueel/nieuws/2019/03/26/koning-en-minister-grapperhaus-brengen-werkbezoek-aan-veiligheidsregio-midden--en-west-brabant);
    Brabant-Noord has 16 member municipalities in its Gemeenschappelijke regeling 2021
    (https://lokaleregelgeving.overheid.nl/CVDR651418/1), 17 with Haaren in 2020.
    """

    def count(year: int, region: str) -> int:
        members = membership("veiligheidsregio", date(year, 1, 1)).values()
        return sum(1 for r in members if r.code == region)

    assert count(2020, "VR20") == count(2021, "VR20") == 24
    assert count(2021, "VR21") == 16
    assert count(2020, "VR21") == 17
    assert membership("veiligheidsregio", date(2020, 1, 1))["GM0788"].name == "Brabant-Noord"


def test_weesp_moves_with_its_merger() -> None:
    # On 1 January 2022 Weesp is in Gooi en Vechtstreek; from 24 March 2022 its people count
    # in Amsterdam, so in Amsterdam-Amstelland.
    assert membership("veiligheidsregio", date(2022, 1, 1))["GM0457"].code == "VR14"
    later = membership("veiligheidsregio", date(2022, 6, 1))
    assert "GM0457" not in later
    assert later["GM0363"].code == "VR13"


def test_merged_municipalities_follow_their_successor() -> None:
    # Heerhugowaard and Langedijk (Dijk en Waard from 2022) were in Noord-Holland Noord.
    safety_2021 = membership("veiligheidsregio", date(2021, 1, 1))
    assert safety_2021["GM0398"].code == safety_2021["GM0416"].code == "VR10"
    # Voorne aan Zee (2023) lies where Brielle, Hellevoetsluis and Westvoorne lay.
    assert membership("veiligheidsregio", date(2023, 1, 1))["GM1992"].code == "VR17"
    assert membership("arbeidsmarktregio", date(2023, 1, 1))["GM1992"].code == "AM22"


def test_unknown_kind_is_a_dutch_error() -> None:
    with pytest.raises(ReferenceDataError, match="veiligheidsregio of arbeidsmarktregio"):
        kind_of("gemeente")
    assert kind_of(" Veiligheidsregio ") == "veiligheidsregio"


def test_build_script_reproduces_the_bundled_files_byte_for_byte(tmp_path: Path) -> None:
    shared = Path(os.environ.get("REGIETAFEL_SHARED", ROOT.parent / "shared"))
    if not (shared / "data").is_dir():
        pytest.skip("the shared raw data folder is not on this machine")
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_reference_data.py"), "--shared",
         str(shared), "--out", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    bundled = ROOT / "src" / "regietafel" / "reference" / "data"
    for name in ("regions.csv", "region_memberships.csv", "SOURCES.md"):
        assert (tmp_path / name).read_bytes() == (bundled / name).read_bytes(), name
