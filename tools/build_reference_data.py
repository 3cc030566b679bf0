"""Build the reference data bundled in ``regietafel.reference`` from the shared raw data.

The package must work without the shared data folder, so this script turns its CSV and
TopoJSON files into a few compact files under ``src/regietafel/reference/data/``. Everything
is validated before a single byte is written, and the output is deterministic: running it
twice gives identical files, so ``git diff`` shows only real changes in the data.

Usage, from the repository root::

    python tools/build_reference_data.py --shared ../shared

Without ``--shared`` it uses ``$REGIETAFEL_SHARED``, else ``<repo>/../shared``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The shared folder sits next to the main checkout; worktrees elsewhere set the variable.
DEFAULT_SHARED = Path(os.environ.get("REGIETAFEL_SHARED", ROOT.parent / "shared"))
DEFAULT_OUT = ROOT / "src" / "regietafel" / "reference" / "data"
# Region memberships copied from public copies of CBS area tables (see SOURCES.md there).
DEFAULT_REGIONS = ROOT / "tools" / "reference_sources"

# Published CBS counts of municipalities per 1 January; the input must match them.
EXPECTED_COUNTS = {2020: 355, 2021: 352, 2022: 345, 2023: 342, 2024: 342, 2025: 342}
YEARS = tuple(sorted(EXPECTED_COUNTS))
GEOMETRY_YEARS = (2020, 2021, 2022, 2023)
PROVINCE_CODES = tuple(f"PV{n}" for n in range(20, 32))

# The shared file describes each reorganisation in words; we keep two kinds.
KINDS = {
    "samenvoeging (nieuwe gemeente)": "samenvoeging",
    "toevoeging aan bestaande gemeente": "samenvoeging",
    "opheffing met verdeling over buurgemeenten": "splitsing",
}

CODE_RE = re.compile(r"GM[0-9]{4}")


class InputError(Exception):
    """The shared data is not what this script was written for; nothing was written."""


@dataclass(frozen=True, slots=True)
class MunicipalityRow:
    reference_date: date
    code: str
    name: str
    province_code: str
    inhabitants: int


@dataclass(frozen=True, slots=True)
class MergerRow:
    date: date
    old_code: str
    old_name: str
    new_code: str
    new_name: str
    kind: str
    inhabitants_transferred: int | None


def read_csv(path: Path) -> list[dict[str, str]]:
    """Read a UTF-8 CSV (with or without BOM, CRLF or LF) as a list of dicts."""
    if not path.is_file():
        raise InputError(f"missing input file: {path.name}")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def require(condition: bool, message: str) -> None:
    if not condition:
        raise InputError(message)


def parse_int(text: str, where: str) -> int:
    require(re.fullmatch(r"[0-9]+", text) is not None, f"{where}: not a whole number: {text!r}")
    return int(text)


def read_provinces(shared: Path) -> dict[str, str]:
    rows = read_csv(shared / "data" / "provincies.csv")
    provinces = {row["provinciecode"]: row["provincienaam"] for row in rows}
    require(len(rows) == len(provinces), "provincies.csv: duplicate province codes")
    require(tuple(sorted(provinces)) == PROVINCE_CODES, "provincies.csv: expected PV20..PV31")
    for name in provinces.values():
        require(unicodedata.is_normalized("NFC", name), f"province name not NFC: {name!r}")
    return provinces


def read_municipalities(shared: Path, provinces: dict[str, str]) -> list[MunicipalityRow]:
    result: list[MunicipalityRow] = []
    for year in YEARS:
        path = shared / "data" / f"gemeenten_{year}.csv"
        rows = read_csv(path)
        where = path.name
        require(
            len(rows) == EXPECTED_COUNTS[year],
            f"{where}: {len(rows)} rows, expected {EXPECTED_COUNTS[year]}",
        )
        codes = [row["gemeentecode"] for row in rows]
        require(len(set(codes)) == len(codes), f"{where}: municipality codes are not unique")
        for row in rows:
            code = row["gemeentecode"]
            require(CODE_RE.fullmatch(code) is not None, f"{where}: bad code {code!r}")
            require(row["gemeentecode_num"] == code[2:], f"{where}: {code} numeric code differs")
            require(row["peildatum"] == f"{year}-01-01", f"{where}: {code} has another date")
            require(row["provinciecode"] in provinces, f"{where}: {code} unknown province")
            require(
                row["provincienaam"] == provinces[row["provinciecode"]],
                f"{where}: {code} province name differs from provincies.csv",
            )
            name = row["gemeentenaam"].strip()
            require(bool(name) and name == row["gemeentenaam"], f"{where}: {code} bad name")
            inhabitants = parse_int(row["inwoners"], f"{where}: {code}")
            require(inhabitants > 0, f"{where}: {code} has no inhabitants")
            result.append(
                MunicipalityRow(date(year, 1, 1), code, name, row["provinciecode"], inhabitants)
            )
    totals = read_csv(shared / "data" / "provincies.csv")
    for year in YEARS:
        for total in totals:
            summed = sum(
                row.inhabitants
                for row in result
                if row.reference_date.year == year and row.province_code == total["provinciecode"]
            )
            require(
                summed == parse_int(total[f"inwoners_{year}"], "provincies.csv"),
                f"provincies.csv: {total['provinciecode']} {year} does not add up",
            )
    return sorted(result, key=lambda row: (row.reference_date, row.code))


def read_mergers(shared: Path, municipalities: Sequence[MunicipalityRow]) -> list[MergerRow]:
    path = shared / "data" / "herindelingen_2021_2025.csv"
    result: list[MergerRow] = []
    for row in read_csv(path):
        kind = KINDS.get(row["soort"])
        if kind is None:
            raise InputError(f"{path.name}: unknown kind {row['soort']!r}")
        transferred_text = row["inwoners_overgegaan"].strip()
        transferred = parse_int(transferred_text, path.name) if transferred_text else None
        require(
            (transferred is not None) == (kind == "splitsing"),
            f"{path.name}: {row['oude_gemeentecode']} transferred inhabitants only for splits",
        )
        result.append(
            MergerRow(
                date=date.fromisoformat(row["datum"]),
                old_code=row["oude_gemeentecode"],
                old_name=row["oude_gemeentenaam"],
                new_code=row["nieuwe_gemeentecode"],
                new_name=row["nieuwe_gemeentenaam"],
                kind=kind,
                inhabitants_transferred=transferred,
            )
        )
    links = [(m.date, m.old_code, m.new_code) for m in result]
    require(len(set(links)) == len(links), f"{path.name}: duplicate rows")
    check_mergers_against_divisions(result, municipalities)
    return sorted(result, key=lambda m: (m.date, m.new_code, m.old_code))


def check_mergers_against_divisions(
    mergers: Sequence[MergerRow], municipalities: Sequence[MunicipalityRow]
) -> None:
    """Every code that disappears between two 1 Januaries must be explained by a merger."""
    names = {(row.reference_date.year, row.code): row.name for row in municipalities}
    codes = {year: {code for (y, code) in names if y == year} for year in YEARS}
    for merger in mergers:
        before = merger.date.year if merger.date != date(merger.date.year, 1, 1) else None
        before_year = before if before is not None else merger.date.year - 1
        after_year = before_year + 1
        require(before_year in codes and after_year in codes, f"merger outside data: {merger}")
        require(merger.old_code in codes[before_year], f"{merger.old_code} absent before merger")
        require(merger.old_code not in codes[after_year], f"{merger.old_code} present after")
        require(merger.new_code in codes[after_year], f"{merger.new_code} absent after merger")
        require(names[before_year, merger.old_code] == merger.old_name, f"name {merger.old_code}")
        require(names[after_year, merger.new_code] == merger.new_name, f"name {merger.new_code}")
    for year in YEARS[1:]:
        gone = codes[year - 1] - codes[year]
        explained = {
            m.old_code for m in mergers if date(year - 1, 1, 1) < m.date <= date(year, 1, 1)
        }
        require(gone == explained, f"{year}: disappeared codes {sorted(gone ^ explained)}")


def read_geometry(shared: Path, municipalities: Sequence[MunicipalityRow]) -> dict[str, bytes]:
    """Read the TopoJSON files as bytes (copied unchanged) after checking their codes."""
    files: dict[str, bytes] = {}
    for year in GEOMETRY_YEARS:
        path = shared / "data" / "geo" / f"gemeenten_{year}.topojson"
        require(path.is_file(), f"missing input file: geo/{path.name}")
        raw = path.read_bytes()
        topology = json.loads(raw)
        geometries = topology["objects"]["gemeenten"]["geometries"]
        ids = [geometry["id"] for geometry in geometries]
        expected = {row.code for row in municipalities if row.reference_date.year == year}
        require(len(ids) == len(set(ids)), f"{path.name}: duplicate ids")
        require(set(ids) == expected, f"{path.name}: codes differ from gemeenten_{year}.csv")
        files[f"municipalities_{year}.topojson"] = raw
    path = shared / "data" / "geo" / "provincies.topojson"
    require(path.is_file(), "missing input file: geo/provincies.topojson")
    raw = path.read_bytes()
    ids = [g["id"] for g in json.loads(raw)["objects"]["provincies"]["geometries"]]
    require(sorted(ids) == list(PROVINCE_CODES), "provincies.topojson: expected PV20..PV31")
    files["provinces.topojson"] = raw
    return files


# Regions: every municipality of every 1 January in exactly one region of each kind.
REGION_KINDS = {"veiligheidsregio": 25, "arbeidsmarktregio": 35}
REGION_CODE_RE = {
    "veiligheidsregio": re.compile(r"VR[0-9]{2}"),
    "arbeidsmarktregio": re.compile(r"AM[0-9]{2}"),
}
# Memberships every later division must keep: (kind, municipality, region).
KNOWN_MEMBERSHIPS = (
    ("veiligheidsregio", "GM0363", "VR13"),  # Amsterdam in Amsterdam-Amstelland
    ("veiligheidsregio", "GM0599", "VR17"),  # Rotterdam in Rotterdam-Rijnmond
    ("arbeidsmarktregio", "GM0363", "AM18"),  # Amsterdam in Groot Amsterdam
    ("arbeidsmarktregio", "GM0344", "AM13"),  # Utrecht in Midden-Utrecht
)

# Published numbers of member municipalities, checked against the result: Midden- en
# West-Brabant "omvat 24 gemeenten" (Rijksoverheid, 26 March 2019; no municipal change there
# until 2021) and the 16 municipalities of the Gemeenschappelijke regeling Veiligheidsregio
# Brabant-Noord 2021 (lokaleregelgeving.overheid.nl, CVDR651418).
PUBLISHED_MEMBER_COUNTS = {
    ("veiligheidsregio", 2020, "VR20"): 24,
    ("veiligheidsregio", 2021, "VR20"): 24,
    ("veiligheidsregio", 2021, "VR21"): 16,
}
# Haaren (split over Boxtel, Oisterwijk, Tilburg and Vught on 1 January 2021) is not in the
# 2022 source. Most of its people went to Midden- en West-Brabant, but that region had 24
# members without Haaren, so Haaren was the seventeenth member of Brabant-Noord in 2020.
SPLIT_REGIONS = {("veiligheidsregio", "GM0788"): "VR21"}


@dataclass(frozen=True, slots=True)
class MembershipRow:
    reference_date: date
    kind: str
    municipality_code: str
    region_code: str


def read_region_names(path: Path, kind: str) -> dict[str, str]:
    rows = read_csv(path)
    names = {row["code"]: row["naam"] for row in rows}
    require(len(names) == len(rows), f"{path.name}: duplicate codes")
    require(len(names) == REGION_KINDS[kind], f"{path.name}: expected {REGION_KINDS[kind]} regions")
    for code in names:
        require(REGION_CODE_RE[kind].fullmatch(code) is not None, f"{path.name}: bad code {code}")
    return names


def read_region_links(path: Path, column: str, names: dict[str, str]) -> dict[str, str]:
    rows = read_csv(path)
    links = {row["gemeentecode"]: row[column] for row in rows}
    require(len(links) == len(rows), f"{path.name}: duplicate municipality codes")
    for code, region in links.items():
        require(CODE_RE.fullmatch(code) is not None, f"{path.name}: bad code {code!r}")
        require(region in names, f"{path.name}: {code} has unknown region {region!r}")
    return links


def region_of(
    code: str,
    links: dict[str, str],
    mergers: Sequence[MergerRow],
    *,
    seen: frozenset[str] = frozenset(),
) -> str | None:
    """The region of ``code``: its own, else that of its successors, else of its predecessors.

    A code absent from the source existed before or after the source's division. Successors
    are followed first (a merged municipality went into its successor's region); a split
    goes to the region that received most of its inhabitants. A code created after the
    source (Voorne aan Zee) takes the region its predecessors share.
    """
    if code in links:
        return links[code]
    if code in seen:
        return None
    later = [m for m in mergers if m.old_code == code]
    if later:
        weights: dict[str, int] = {}
        for link in later:
            region = region_of(link.new_code, links, mergers, seen=seen | {code})
            if region is not None:
                weights[region] = weights.get(region, 0) + (link.inhabitants_transferred or 1)
        if weights:
            return max(sorted(weights), key=lambda r: weights[r])
    before = (
        region_of(m.old_code, links, mergers, seen=seen | {code})
        for m in mergers
        if m.new_code == code
    )
    earlier = {region for region in before if region is not None}
    require(len(earlier) <= 1, f"{code}: predecessors lie in different regions {sorted(earlier)}")
    return next(iter(earlier), None)


def build_memberships(
    regions_dir: Path, municipalities: Sequence[MunicipalityRow], mergers: Sequence[MergerRow]
) -> tuple[list[tuple[str, str, str]], list[MembershipRow]]:
    """(kind, code, name) of every region and the membership of every municipality per year."""
    sources = {
        "veiligheidsregio": (
            "veiligheidsregios.csv",
            "veiligheidsregio_per_gemeente_2022.csv",
            "veiligheidsregiocode",
        ),
        "arbeidsmarktregio": (
            "arbeidsmarktregios.csv",
            "arbeidsmarktregio_per_gemeente.csv",
            "arbeidsmarktregiocode",
        ),
    }
    regions: list[tuple[str, str, str]] = []
    memberships: list[MembershipRow] = []
    for kind, (names_file, links_file, column) in sources.items():
        names = read_region_names(regions_dir / names_file, kind)
        links = read_region_links(regions_dir / links_file, column, names)
        regions += [(kind, code, name) for code, name in sorted(names.items())]
        for year in YEARS:
            day = date(year, 1, 1)
            codes = [row.code for row in municipalities if row.reference_date == day]
            found = {
                code: SPLIT_REGIONS.get((kind, code)) or region_of(code, links, mergers)
                for code in codes
            }
            missing = sorted(code for code, region in found.items() if region is None)
            require(not missing, f"{kind} {year}: no region for {missing[:5]}")
            used = set(found.values())
            require(
                len(used) == REGION_KINDS[kind],
                f"{kind} {year}: {len(used)} regions used, expected {REGION_KINDS[kind]}",
            )
            memberships += [
                MembershipRow(day, kind, code, region)
                for code, region in sorted(found.items())
                if region is not None
            ]
    for (kind, year, region), count in PUBLISHED_MEMBER_COUNTS.items():
        members = [m for m in memberships if m.kind == kind and m.reference_date.year == year]
        found_count = sum(1 for m in members if m.region_code == region)
        require(found_count == count, f"{kind} {year}: {region} has {found_count}, not {count}")
    for kind, code, region in KNOWN_MEMBERSHIPS:
        for year in YEARS:
            row = next(
                m
                for m in memberships
                if m.kind == kind and m.municipality_code == code and m.reference_date.year == year
            )
            require(row.region_code == region, f"{kind} {year}: {code} not in {region}")
    return regions, sorted(
        memberships, key=lambda m: (m.kind, m.reference_date, m.municipality_code)
    )


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else str(value) for value in row])
    return buffer.getvalue().encode("utf-8")


def sources_md(municipalities: Sequence[MunicipalityRow]) -> bytes:
    table = []
    for year in YEARS:
        rows = [row for row in municipalities if row.reference_date.year == year]
        total = sum(row.inhabitants for row in rows)
        table.append(f"| {year}-01-01 | {len(rows)} | {total:,} |")
    text = SOURCES_TEMPLATE.format(table="\n".join(table))
    return text.encode("utf-8")


SOURCES_TEMPLATE = """\
# Bundled reference data

Generated by `tools/build_reference_data.py` from the project's shared raw data folder
(`data/` next to its own, more detailed `SOURCES.md`). Do not edit these files by hand;
regenerate them:

    python tools/build_reference_data.py --shared ../shared

The script validates its input first (row counts per year, unique codes, every disappearing
code explained by a reorganisation, provincial sums, geometry codes equal to the CSV codes)
and writes deterministic output, so a second run gives identical bytes.

## Licence and attribution

- Municipalities, inhabitants and provinces: CBS (Statistics Netherlands), published under
  CC BY 4.0. Attribution: "Bron: CBS".
- Boundaries: CBS/PDOK (Kadaster) *gebiedsindelingen*, as simplified by the Dutch Ministry of
  Health (VWS) for the corona dashboard (GitHub `minvws/nl-covid19-data-dashboard`, code
  licence EUPL-1.2). CBS publishes the boundaries as open data.

## Files

### municipalities.csv
`reference_date,code,name,province_code,inhabitants`: one row per municipality in the
municipal division of each 1 January, sorted by date then code. Inhabitants are registered
inhabitants (BRP) on that date; asylum seekers in COA reception who are not registered in a
municipality are not included. From `gemeenten_2020.csv` … `gemeenten_2025.csv`:

- 2020: CBS Wijk- en buurtkaart 2020; 2021: Wijk- en buurtkaart 2021 v3;
  2022: PDOK/CBS wijkenbuurten 2022 v1; 2023: Wijk- en buurtkaart 2023 v1;
  2024: CBS StatLine 85984NED (Kerncijfers wijken en buurten 2024);
  2025: CBS StatLine 37230ned, population at the end of 2024, used as 1 January 2025.
- The 2025 figures were matched to codes by name, and their national total could not be
  checked against a second source (it agrees with the CBS news of about 18.05 million).
- 1 January 2023 has 342 municipalities. A CBS table gives 344 for that date, but 344 was the
  count from 24 March to 31 December 2022 (Weesp joined Amsterdam; Voorne aan Zee followed on
  1 January 2023).
- Four municipalities of 2020 that were gone by 2021 (Appingedam, Delfzijl, Loppersum,
  Haaren) got the province of their successor.

| reference date | municipalities | inhabitants |
|---|---|---|
{table}

### provinces.csv
`code,name`: the 12 provinces PV20–PV31 in CBS spelling (e.g. Fryslân), from `provincies.csv`.
The provinces did not change between 2020 and 2025.

### mergers.csv
`date,old_code,old_name,new_code,new_name,kind,inhabitants_transferred`: one row per link
from an old to a new municipality, from `herindelingen_2021_2025.csv` (verified against the
yearly code lists and the address-based transition matrices of the R package grenswijzigen).
`kind` is `samenvoeging` (merged into a new or an existing municipality) or `splitsing`
(dissolved over several neighbours: only Haaren on 1 January 2021). `inhabitants_transferred`
is given for the Haaren split only; it is derived from CBS figures (gain of each receiving
municipality) and adds up to Haaren's population at the end of 2020. Weesp joined Amsterdam
on 24 March 2022, not on a 1 January; that date is general knowledge, confirmed by the day the
corona dashboard's map went from 345 to 344 municipalities. Small boundary corrections
(grenscorrecties) are not listed.

### regions.csv and region_memberships.csv
`regions.csv` (`kind,code,name`): the 25 safety regions (veiligheidsregio's, VR01–VR25) and
the 35 labour-market regions (arbeidsmarktregio's, AM01–AM38 with gaps). `region_memberships.csv`
(`kind,reference_date,municipality_code,region_code`): the region of every municipality of
every 1 January 2020–2025, one row per municipality per kind and date. Built from the files in
`tools/reference_sources/` (copied facts only, no code):

- Safety regions: the municipality-to-region table of the corona dashboard of the Ministry of
  Health (GitHub `minvws/nl-covid19-data-dashboard`, `packages/common/src/data/gm.ts`, commit
  `1705ac930e912d250e3b510a6609ef18da7d0f00`, and `vr.ts` for the names), which follows the
  CBS *Gebieden in Nederland* classification for the division of 1 January 2022 (345
  municipalities, Weesp still in Gooi en Vechtstreek). Code licence EUPL-1.2; the facts are
  CBS's (CC BY 4.0).
- Labour-market regions: `data/reference/municipalities.csv` of GitHub `ahrnuld/jobmarket`
  (commit `a0b31834777e0385daa56c8614fb49af566c1e96`), generated from the CBS StatLine tables
  *Gebieden in Nederland* 2010–2026 (84721NED for 2020 … 86247NED for 2026): per
  municipality code the labour-market region of the latest year the code existed. CBS,
  CC BY 4.0.
- Other years are derived with `mergers.csv`: a municipality that no longer existed in the
  source's division takes the region of its successor; one created later (Voorne aan Zee) the
  region its predecessors share. Haaren (2020, split over four neighbours in two safety
  regions) is set to Brabant-Noord: Midden- en West-Brabant "omvat 24 gemeenten"
  (Rijksoverheid, 26 March 2019) without it, and Brabant-Noord had 16 members after Haaren
  was dissolved (Gemeenschappelijke regeling Veiligheidsregio Brabant-Noord 2021, CVDR651418);
  the script checks both counts. A municipality that still exists has the same
  labour-market region in every year (the region of the latest CBS table): changes of a
  continuing municipality's region between 2020 and 2025 are not in this data.
- Checked by the script: 25 and 35 regions used in every year, every municipality in exactly
  one, Amsterdam in Amsterdam-Amstelland (VR13) and Groot Amsterdam (AM18), Rotterdam in
  Rotterdam-Rijnmond (VR17) and Utrecht in Midden-Utrecht (AM13) in every year.
- No public copy of a CBS *Gebieden in Nederland* table itself was found in the repositories
  searched; both sources above are copies of its facts.

### geo/
Simplified boundaries in WGS84 (lon/lat), TopoJSON quantized to about 20 m, copied unchanged:

- `municipalities_2020.topojson` … `municipalities_2023.topojson` (from
  `geo/gemeenten_YYYY.topojson`): the division of 1 January of that year, one object
  `gemeenten`, properties `gemeentecode`, `gemeentenaam`, `provinciecode`, `provincienaam`,
  `id` = code. 2023 is the latest geometry found; its codes equal those of 2024 and 2025, so
  it serves those years (boundary corrections of 2024/2025 are not in it).
- `provinces.topojson` (from `geo/provincies.topojson`): object `provincies`, properties
  `provinciecode` and `provincienaam`; the 2023 municipalities dissolved by province with
  mapshaper.
"""


def build(shared: Path, regions_dir: Path = DEFAULT_REGIONS) -> dict[str, bytes]:
    """Every output file (relative path -> bytes), validated; nothing is written here."""
    if not (shared / "data").is_dir():
        raise InputError(f"no data/ folder in {shared}; pass --shared or set REGIETAFEL_SHARED")
    provinces = read_provinces(shared)
    municipalities = read_municipalities(shared, provinces)
    mergers = read_mergers(shared, municipalities)
    files = {
        "municipalities.csv": to_csv(
            ("reference_date", "code", "name", "province_code", "inhabitants"),
            (
                (r.reference_date.isoformat(), r.code, r.name, r.province_code, r.inhabitants)
                for r in municipalities
            ),
        ),
        "provinces.csv": to_csv(("code", "name"), sorted(provinces.items())),
        "mergers.csv": to_csv(
            (
                "date",
                "old_code",
                "old_name",
                "new_code",
                "new_name",
                "kind",
                "inhabitants_transferred",
            ),
            (
                (
                    m.date.isoformat(),
                    m.old_code,
                    m.old_name,
                    m.new_code,
                    m.new_name,
                    m.kind,
                    m.inhabitants_transferred,
                )
                for m in mergers
            ),
        ),
        "SOURCES.md": sources_md(municipalities),
    }
    regions, memberships = build_memberships(regions_dir, municipalities, mergers)
    files["regions.csv"] = to_csv(("kind", "code", "name"), regions)
    files["region_memberships.csv"] = to_csv(
        ("kind", "reference_date", "municipality_code", "region_code"),
        (
            (m.kind, m.reference_date.isoformat(), m.municipality_code, m.region_code)
            for m in memberships
        ),
    )
    for name, raw in read_geometry(shared, municipalities).items():
        files[f"geo/{name}"] = raw
    return files


def write(files: dict[str, bytes], out: Path) -> None:
    for relative, content in sorted(files.items()):
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_bytes() != content:
            target.write_bytes(content)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--shared",
        type=Path,
        default=DEFAULT_SHARED,
        help="the shared folder that holds data/ (default: $REGIETAFEL_SHARED or <repo>/../shared)",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="output folder (default: the package's)"
    )
    parser.add_argument(
        "--regions",
        type=Path,
        default=DEFAULT_REGIONS,
        help="folder with the region sources (default: tools/reference_sources)",
    )
    args = parser.parse_args(argv)
    try:
        files = build(args.shared, args.regions)
    except InputError as error:
        print(f"build_reference_data: {error}", file=sys.stderr)
        return 1
    write(files, args.out)
    print(f"wrote {len(files)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
