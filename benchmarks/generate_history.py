"""Five years of weekly history and about 300 locations, loaded before a load test.

Run: ``python benchmarks/generate_history.py --map MAP [--jaren 5] [--locaties 300]``
(SQLite in ``MAP``), or with ``DATABASE_URL=postgres://…`` for PostgreSQL (the originals go
to ``MAP/bestanden`` either way). Loads the demo year 2021 (users, taakstelling 2021-I and
2021-II, targets, agreements), then every week of the following years through the real import
service: the 2021 register of the same week number with every date moved by whole years, and
extra locations (copies in another municipality of the same province) until about
``--locaties`` are registered; the national series of the same week; a taakstelling for each
half year. Municipality codes that a later redivision abolished are replaced by a code of the
same province that still exists. At the end the national report of the last week is
published and its PDF and Excel are stored, so the report downloads of the load test are
there, as under ``regietafel serve``.

Synthetic data, marked as such. Not a test.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import time
from datetime import date
from pathlib import Path

FIRST_YEAR = 2021
TASKS = {"I": 13_500, "II": 11_000}
"""ASSUMPTION: every later half year gets the 2021 national totals (13.500 and 11.000)."""


def _moved(day: str, years: int) -> str:
    if not day:
        return day
    original = date.fromisoformat(day)
    try:
        return original.replace(year=original.year + years).isoformat()
    except ValueError:  # 29 February into a year without one
        return original.replace(year=original.year + years, day=28).isoformat()


@functools.cache
def alive(code: str, on: date) -> bool:
    """Whether the municipality still exists on ``on`` (no redivision took it)."""
    from regietafel import reference

    try:
        reference.municipality(code, on)
    except reference.ReferenceDataError:
        return False
    return True


@functools.cache
def _valid_codes(on: date) -> tuple[frozenset[str], dict[str, list[str]]]:
    from regietafel import reference

    municipalities = [m for m in reference.municipalities(on) if alive(m.code, on)]
    by_province: dict[str, list[str]] = {}
    for m in municipalities:
        by_province.setdefault(m.province_code, []).append(m.code)
    return frozenset(m.code for m in municipalities), by_province


def register_rows(
    rows: list[dict[str, str]], *, on: date, wanted: int, province_of: dict[str, str]
) -> list[dict[str, str]]:
    """The 2021 register of one week moved to the year of ``on`` (the week's Monday), topped
    up to about ``wanted`` rows."""
    years = on.year - FIRST_YEAR
    valid, by_province = _valid_codes(on)
    moved = []
    for row in rows:
        new = dict(row)
        new["startdatum"] = _moved(row["startdatum"], years)
        new["einddatum"] = _moved(row["einddatum"], years)
        province = province_of[row["gemeentecode"]]
        if new["gemeentecode"] not in valid:
            new["gemeentecode"] = by_province[province][0]
            new["veiligheidsregio"] = ""  # derived from the new municipality on import
        moved.append(new)
    extra = []
    for index, row in enumerate(moved[: max(0, wanted - len(moved))]):
        copy = dict(row)
        choices = by_province[province_of[rows[index]["gemeentecode"]]]
        copy["gemeentecode"] = choices[(index * 7 + 3) % len(choices)]
        copy["veiligheidsregio"] = ""  # derived from the new municipality on import
        copy["locatiecode"] = f"{row['locatiecode']}-B"
        copy["naam"] = f"{row['naam']} II"
        extra.append(copy)
    return moved + extra


def load(years: int, locations: int, *, quiet: bool = False) -> str:
    """Load everything; returns the label of the last week."""
    from regietafel import reference
    from regietafel.accounts.models import User
    from regietafel.core.periods import IsoWeek
    from regietafel.demo.files import to_csv_bytes
    from regietafel.demo.generator import (
        LOCATION_COLUMNS,
        REALISATION_COLUMNS,
        SERIES_COLUMNS,
        generate,
    )
    from regietafel.demo.services import demo_load
    from regietafel.imports.services import import_submit
    from regietafel.rapportage.files import report_files_make
    from regietafel.rapportage.services import report_publish
    from regietafel.taakstelling.models import TaakstellingEntry
    from regietafel.taakstelling.services import taakstelling_set

    started = time.perf_counter()
    dataset = generate(52)
    demo_load(weeks=52, dataset=dataset)
    province_of = {m.code: m.province_code for m in reference.municipalities(date(2021, 1, 1))}
    coa = User.objects.get(username="coa")
    national = User.objects.get(username="lrt")
    last = dataset.weeks[-1].week

    def submit(kind: str, label: str, content: bytes) -> None:
        batch = import_submit(
            actor=coa,
            kind=kind,
            week=label,
            file_name=f"historie-{kind}-{label}.csv",
            content=content,
            synthetic=True,
        )
        if batch.status != "verwerkt":
            errors = "; ".join(str(e) for e in list(batch.errors)[:3])
            raise SystemExit(f"{kind} {label} geweigerd: {errors}")

    def realised(period: str, label: str) -> None:
        """ASSUMPTION: at the end of each half year 90 % of every corrected task is housed."""
        entries = TaakstellingEntry.objects.filter(period__label=period)
        monday = IsoWeek.parse(label).monday
        rows = [
            {
                "gemeentecode": code,
                "periode": period,
                "gehuisvest": str(max(0, corrected * 9 // 10)),
                "eigen_telling": "",  # optional: the municipality's own count
            }
            for code, corrected in entries.values_list("municipality_code", "corrected")
            if alive(code, monday)  # merged during the half year: reports no more
        ]
        submit("realisatie", label, to_csv_bytes(rows, REALISATION_COLUMNS))

    for year in range(FIRST_YEAR + 1, FIRST_YEAR + years):
        for number, week in enumerate(dataset.weeks, start=1):
            label = IsoWeek(year, number).label
            if number in (1, 27):
                half = "I" if number == 1 else "II"
                taakstelling_set(
                    actor=national, period=f"{year}-{half}", national_total=TASKS[half]
                )
            rows = register_rows(
                week.locations,
                on=IsoWeek.parse(label).monday,
                wanted=locations,
                province_of=province_of,
            )
            submit("locaties", label, to_csv_bytes(rows, LOCATION_COLUMNS))
            submit("reeksen", label, to_csv_bytes(week.series, SERIES_COLUMNS))
            if number in (26, 52):
                realised(f"{year}-{'I' if number == 26 else 'II'}", label)
            last = label
        if not quiet:
            print(f"{year} geladen ({time.perf_counter() - started:.0f} s)", flush=True)
    # The downloads (PDF, Excel) are made now, as `regietafel serve` does right after
    # publishing, so the load test measures stored downloads, not their first rendering.
    report_files_make(report_publish(actor=None, week=last, scope="NL"))
    return last


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--map", required=True, type=Path, help="gegevensmap (SQLite, bestanden)")
    parser.add_argument("--jaren", type=int, default=5)
    parser.add_argument("--locaties", type=int, default=300)
    options = parser.parse_args()
    if not 1 <= options.jaren <= 5:
        raise SystemExit("--jaren: 1 tot en met 5 (de referentiedata lopen tot 2025)")
    options.map.mkdir(parents=True, exist_ok=True)
    os.environ["REGIETAFEL_DATA_DIR"] = str(options.map.resolve())
    sys.argv = sys.argv[:1]
    from regietafel.cli.webcommands import django_setup_migrated

    django_setup_migrated()
    from django.db import connection

    from regietafel.imports.models import Import

    if Import.objects.exists():
        raise SystemExit(f"de database ({connection.vendor}) bevat al imports; begin leeg")
    started = time.perf_counter()
    last = load(options.jaren, options.locaties)
    from regietafel.opvang.models import LocationRecord

    rows = LocationRecord.objects.filter(batch__week=last).count()
    print(
        f"klaar in {time.perf_counter() - started:.0f} s: {Import.objects.count()} imports, "
        f"{LocationRecord.objects.count()} locatierijen; laatste week {last} met {rows} "
        f"locaties ({connection.vendor})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
