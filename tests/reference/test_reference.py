"""The bundled reference data against published CBS facts, and the loader's date rules."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regietafel import reference as ref
from regietafel.reference import MunicipalityMergedError, ReferenceDataError

REPO = Path(__file__).resolve().parents[2]

# Published CBS figures (StatLine: 37230ned "Bevolkingsontwikkeling; regio per maand" and the
# Kerncijfers wijken en buurten tables), per 1 January: number of municipalities and registered
# inhabitants of the Netherlands. 1 January 2023 has 342 municipalities (a CBS table that says
# 344 gives the count of 24 March to 31 December 2022). Caveat for 2025: the figure is CBS
# 37230ned "population at the end of 2024"; it agrees with CBS's reported growth of about
# 103,000 to 18.05 million but could not be checked against a second source.
CBS_COUNTS = {2020: 355, 2021: 352, 2022: 345, 2023: 342, 2024: 342, 2025: 342}
CBS_INHABITANTS = {
    2020: 17_407_585,
    2021: 17_475_415,
    2022: 17_590_672,
    2023: 17_811_291,
    2024: 17_942_942,
    2025: 18_045_532,
}
NATIONAL_BY_DATE = {date(year, 1, 1): total for year, total in CBS_INHABITANTS.items()}


def test_population_dates_are_every_first_of_january_2020_to_2025() -> None:
    assert ref.population_dates() == tuple(date(y, 1, 1) for y in range(2020, 2026))


@pytest.mark.parametrize("year", sorted(CBS_COUNTS))
def test_counts_and_national_totals_equal_cbs(year: int) -> None:
    division = ref.municipalities(date(year, 1, 1))
    assert len(division) == CBS_COUNTS[year]
    assert sum(m.inhabitants for m in division) == CBS_INHABITANTS[year]
    assert {m.population_date for m in division} == {date(year, 1, 1)}


def test_twelve_provinces_in_cbs_spelling() -> None:
    items = ref.provinces()
    assert [p.code for p in items] == [f"PV{n}" for n in range(20, 32)]
    assert ref.province("PV21").name == "Fryslân"
    assert ref.province("PV27").name == "Noord-Holland"


@pytest.mark.parametrize("year", sorted(CBS_COUNTS))
def test_provincial_sums_equal_national(year: int) -> None:
    division = ref.municipalities(date(year, 1, 1))
    by_province = Counter[str]()
    for m in division:
        by_province[m.province_code] += m.inhabitants
    assert set(by_province) == {p.code for p in ref.provinces()}
    assert sum(by_province.values()) == CBS_INHABITANTS[year]


@pytest.mark.parametrize(
    "text", ["PV27", "pv27", " Noord-Holland ", "noord-holland", "Noord Holland"]
)
def test_province_lookup_is_forgiving(text: str) -> None:
    assert ref.province(text).code == "PV27"


@pytest.mark.parametrize("text", ["Fryslân", "Fryslan", "fryslan", "Friesland", "PV21"])
def test_province_friesland_spellings(text: str) -> None:
    assert ref.province(text).code == "PV21"


def test_unknown_province_lists_valid_names() -> None:
    with pytest.raises(ReferenceDataError, match="onbekende provincie") as caught:
        ref.province("Holland")
    assert "Zuid-Holland" in str(caught.value)
    assert "Fryslân" in str(caught.value)


def test_every_merger_matches_the_divisions_around_it() -> None:
    items = ref.mergers()
    assert items
    for merger in items:
        before = max(d for d in ref.population_dates() if d < merger.date)
        after = min(d for d in ref.population_dates() if d >= merger.date)
        assert merger.old_code in {m.code for m in ref.municipalities(before)}, merger
        codes_after = {m.code for m in ref.municipalities(after)}
        assert merger.old_code not in codes_after, merger
        assert merger.new_code in codes_after, merger
        assert merger.kind in {"samenvoeging", "splitsing"}
        assert (merger.inhabitants_transferred is not None) == (merger.kind == "splitsing")


def test_haaren_is_the_only_split_and_its_parts_add_up() -> None:
    splits = [m for m in ref.mergers() if m.kind == "splitsing"]
    assert {m.old_code for m in splits} == {"GM0788"}
    assert {m.new_name for m in splits} == {"Boxtel", "Oisterwijk", "Tilburg", "Vught"}
    # CBS: Haaren had 14,318 inhabitants at the end of 2020.
    assert sum(m.inhabitants_transferred or 0 for m in splits) == 14_318


def test_weesp_joins_amsterdam_on_24_march_2022() -> None:
    # CBS, 1 January 2022: Amsterdam 882,633 and Weesp 20,766 inhabitants.
    before = {m.code: m for m in ref.municipalities(date(2022, 3, 23))}
    assert before["GM0457"].inhabitants == 20_766
    assert before["GM0363"].inhabitants == 882_633
    after = ref.municipalities(date(2022, 6, 1))
    codes = {m.code for m in after}
    assert len(after) == 344
    assert "GM0457" not in codes
    amsterdam = ref.municipality("GM0363", date(2022, 6, 1))
    assert amsterdam.inhabitants == 882_633 + 20_766
    assert amsterdam.population_date == date(2022, 1, 1)
    assert sum(m.inhabitants for m in after) == CBS_INHABITANTS[2022]
    assert len(ref.municipalities(date(2022, 3, 24))) == 344


@pytest.mark.parametrize("text", ["GM0363", "gm0363", "0363", "363", " gm363 ", "Gm0363"])
def test_normalise_code_accepts_common_forms(text: str) -> None:
    assert ref.normalise_code(text) == "GM0363"
    assert ref.municipality(text, date(2024, 1, 1)).name == "Amsterdam"


@pytest.mark.parametrize("text", ["", "GM", "Amsterdam", "GM12345", "GM03a3", "PV27", "-363"])
def test_normalise_code_rejects_junk(text: str) -> None:
    with pytest.raises(ReferenceDataError, match="ongeldige gemeentecode"):
        ref.normalise_code(text)


def test_unknown_code() -> None:
    with pytest.raises(ReferenceDataError, match="onbekende gemeentecode GM9999"):
        ref.municipality("9999", date(2024, 1, 1))


def test_merged_code_names_its_successor() -> None:
    with pytest.raises(MunicipalityMergedError) as caught:
        ref.municipality("GM0003", date(2021, 1, 1))
    error = caught.value
    assert isinstance(error, ReferenceDataError)
    assert error.code == "GM0003"
    assert error.name == "Appingedam"
    assert error.merged_on == date(2021, 1, 1)
    assert error.successors == (("GM1979", "Eemsdelta"),)
    assert str(error) == (
        "GM0003 (Appingedam) bestaat niet meer op 1 januari 2021: "
        "op 1 januari 2021 opgegaan in GM1979 (Eemsdelta)"
    )


def test_split_code_names_all_receivers() -> None:
    with pytest.raises(MunicipalityMergedError, match="verdeeld over") as caught:
        ref.municipality("GM0788", date(2024, 7, 1))
    assert [code for code, _ in caught.value.successors] == [
        "GM0757",
        "GM0824",
        "GM0855",
        "GM0865",
    ]


def test_weesp_error_uses_the_mid_year_date() -> None:
    with pytest.raises(MunicipalityMergedError, match="op 24 maart 2022 opgegaan in GM0363"):
        ref.municipality("GM0457", date(2022, 3, 24))
    assert ref.municipality("GM0457", date(2022, 3, 23)).name == "Weesp"


def test_code_that_does_not_exist_yet() -> None:
    with pytest.raises(ReferenceDataError, match="bestaat pas vanaf 1 januari 2021") as caught:
        ref.municipality("GM1979", date(2020, 12, 31))
    assert not isinstance(caught.value, MunicipalityMergedError)


def test_dates_before_2020_are_refused_and_later_dates_keep_the_last_figures() -> None:
    with pytest.raises(ReferenceDataError, match="1 januari 2020"):
        ref.municipalities(date(2019, 12, 31))
    late = ref.municipalities(date(2031, 5, 5))
    assert {m.population_date for m in late} == {date(2025, 1, 1)}
    assert sum(m.inhabitants for m in late) == CBS_INHABITANTS[2025]


def test_datetime_is_accepted_as_a_date() -> None:
    assert ref.municipalities(datetime(2022, 6, 1, 12, 0)) == ref.municipalities(date(2022, 6, 1))  # noqa: DTZ001


def test_successors_follow_reorganisations() -> None:
    assert [m.code for m in ref.successors("GM0003", date(2025, 1, 1))] == ["GM1979"]
    assert [m.code for m in ref.successors("GM0788", date(2021, 1, 1))] == [
        "GM0757",
        "GM0824",
        "GM0855",
        "GM0865",
    ]
    assert [m.code for m in ref.successors("GM0457", date(2022, 3, 23))] == ["GM0457"]
    assert [m.code for m in ref.successors("457", date(2023, 1, 1))] == ["GM0363"]
    with pytest.raises(ReferenceDataError, match="onbekende gemeentecode"):
        ref.successors("GM9999", date(2023, 1, 1))


def _geometry_codes(on: date) -> set[str]:
    topology = ref.geometry("municipalities", on)
    geometries = topology["objects"]["gemeenten"]["geometries"]
    ids = [g["id"] for g in geometries]
    assert len(ids) == len(set(ids))
    assert all(g["properties"]["gemeentecode"] == g["id"] for g in geometries)
    return set(ids)


@pytest.mark.parametrize(
    "on", [date(2021, 1, 1), date(2022, 1, 1), date(2022, 6, 1), date(2023, 1, 1), date(2025, 7, 1)]
)
def test_geometry_codes_equal_municipality_codes(on: date) -> None:
    assert _geometry_codes(on) == {m.code for m in ref.municipalities(on)}


def test_weesp_geometry_becomes_part_of_amsterdam() -> None:
    geometries = ref.geometry("municipalities", date(2022, 6, 1))["objects"]["gemeenten"]
    amsterdam = next(g for g in geometries["geometries"] if g["id"] == "GM0363")
    assert amsterdam["type"] == "MultiPolygon"
    assert amsterdam["properties"]["gemeentenaam"] == "Amsterdam"
    untouched = ref.geometry("municipalities", date(2022, 1, 1))["objects"]["gemeenten"]
    assert "GM0457" in {g["id"] for g in untouched["geometries"]}


def test_province_geometry() -> None:
    topology = ref.geometry("provinces", date(2024, 1, 1))
    ids = sorted(g["id"] for g in topology["objects"]["provincies"]["geometries"])
    assert ids == [p.code for p in ref.provinces()]


def test_geometry_is_cached() -> None:
    assert ref.geometry("municipalities", date(2023, 3, 1)) is ref.geometry(
        "municipalities", date(2024, 3, 1)
    )


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31)))
def test_any_date_gives_a_consistent_division(on: date) -> None:
    division = ref.municipalities(on)
    codes = [m.code for m in division]
    assert codes == sorted(set(codes))
    population_date = division[0].population_date
    assert population_date == max(d for d in ref.population_dates() if d <= on)
    assert sum(m.inhabitants for m in division) == NATIONAL_BY_DATE[population_date]
    for m in division:
        assert ref.municipality(m.code[2:], on) == m


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31)))
def test_every_code_ever_resolves_to_people_on_any_date(on: date) -> None:
    dates = ref.population_dates()
    known = {m.code for d in dates for m in ref.municipalities(d)}
    current = {m.code for m in ref.municipalities(on)}
    existed = current | {m.code for d in dates if d <= on for m in ref.municipalities(d)}
    for code in sorted(known - existed):
        with pytest.raises(ReferenceDataError, match="bestaat pas vanaf"):
            ref.successors(code, on)
    for code in sorted(existed):
        heirs = ref.successors(code, on)
        assert heirs
        assert {m.code for m in heirs} <= current


def test_repeated_lookups_return_the_same_cached_tuple() -> None:
    """Lookups are cached (their speed is measured in ``benchmarks/bench_startup.py``)."""
    first = ref.municipalities(date(2022, 6, 1))
    assert ref.municipalities(date(2022, 6, 1)) is first


def _shared_folder() -> Path | None:
    candidates = [os.environ.get("REGIETAFEL_SHARED"), REPO.parent / "shared"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "data" / "gemeenten_2025.csv").is_file():
            return Path(candidate)
    return None


def test_build_script_regenerates_identical_files(tmp_path: Path) -> None:
    shared = _shared_folder()
    if shared is None:
        pytest.skip(
            "shared raw data not found (set REGIETAFEL_SHARED or place it at <repo>/../shared)"
        )
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "tools" / "build_reference_data.py"),
            "--shared",
            str(shared),
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    packaged = REPO / "src" / "regietafel" / "reference" / "data"
    built = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    bundled = sorted(p.relative_to(packaged) for p in packaged.rglob("*") if p.is_file())
    assert built == bundled
    for relative in built:
        assert (tmp_path / relative).read_bytes() == (packaged / relative).read_bytes(), relative
