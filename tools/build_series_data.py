"""Build the national series bundled in ``regietafel.prognose`` from the shared series folder.

The forecast must work without the shared data folder, so this script turns the published
series in ``shared/data/series/`` into one compact long-format file,
``src/regietafel/prognose/data/reeksen.csv``, and copies the source notes into
``SOURCES.md`` beside it. Every value keeps its *vintage*: the date it was published, or the
best known estimate of that date (``vintage_basis`` says which), so a back-test can use only
what was known before each origin. The output is deterministic: a rebuild is byte-identical.

Usage, from the repository root::

    python tools/build_series_data.py [--shared ../shared]

Without ``--shared`` it uses ``$REGIETAFEL_SHARED``, else ``<repo>/../shared``.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from regietafel.core.mpp import midpoint

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = Path(os.environ.get("REGIETAFEL_SHARED", ROOT.parent / "shared"))
DEFAULT_OUT = ROOT / "src" / "regietafel" / "prognose" / "data"

# Publication rhythms used where a source does not state when a value first appeared.
# Each is a documented estimate, marked "geschat" in the output.
WEEKLY_DELAY = timedelta(days=3)  # JenV weekly figure: published in the following week
MONTHLY_DELAY = timedelta(days=45)  # CBS month/quarter: about six weeks after the period
POINT_DELAY = timedelta(days=7)  # a dated COA figure reaches the news within a week
ANNUAL_PUBLICATION = (2, 15)  # annual first applications: CBS/IND in February of next year

HEADER = (
    "reeks",
    "begin",
    "eind",
    "waarde",
    "bij_benadering",
    "vintage",
    "vintage_basis",
    "bron",
)


class InputError(Exception):
    """The shared data is not what this script was written for; nothing was written."""


@dataclass(frozen=True, slots=True, order=True)
class Row:
    series: str
    begin: date
    end: date
    vintage: date
    value: int
    approximate: bool
    vintage_basis: str
    source: str

    def cells(self) -> tuple[str, ...]:
        return (
            self.series,
            self.begin.isoformat(),
            self.end.isoformat(),
            str(self.value),
            "ja" if self.approximate else "nee",
            self.vintage.isoformat(),
            self.vintage_basis,
            self.source,
        )


def _read(folder: Path, name: str) -> list[dict[str, str]]:
    path = folder / name
    if not path.is_file():
        raise InputError(f"{path} ontbreekt")
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _month_end(year: int, month: int) -> date:
    first_next = date(year + month // 12, month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def _month(text: str) -> tuple[date, date]:
    year, month = (int(part) for part in text.split("-"))
    return date(year, month, 1), _month_end(year, month)


def _int(text: str, where: str) -> int:
    try:
        return int(text.replace(",", "").strip())
    except ValueError:
        raise InputError(f"{where}: '{text}' is geen geheel getal") from None


def weekly_inflow(folder: Path) -> Iterator[Row]:
    for index, raw in enumerate(_read(folder, "nl_asylum_inflow_weekly_2019_2020.csv"), 2):
        monday = date.fromisocalendar(int(raw["year"]), int(raw["week"]), 1)
        sunday = monday + timedelta(days=6)
        value = _int(raw["asylum_inflow_rounded_100"], f"weekly rij {index}")
        yield Row("instroom_week", monday, sunday, sunday + WEEKLY_DELAY, value, True,
                  "geschat", "jenv_week")  # fmt: skip


def monthly_inflow_ind(folder: Path) -> Iterator[Row]:
    """Every published version of the IND monthly total, with the date of its page."""
    for index, raw in enumerate(_read(folder, "nl_ind_asylum_influx_monthly_2020_2023.csv"), 2):
        if raw["metric"] != "total_influx":
            continue
        begin, end = _month(raw["month"])
        if raw["page_last_update"]:
            vintage, basis = date.fromisoformat(raw["page_last_update"]), "bron"
        else:
            _page_begin, page_end = _month(raw["reported_in_page_for"])
            vintage, basis = page_end + timedelta(days=15), "geschat"
        value = _int(raw["value"], f"IND rij {index}")
        yield Row("instroom_maand", begin, end, vintage, value, False, basis, "ind_maand")


def monthly_cbs(folder: Path) -> Iterator[Row]:
    name = "nl_cbs_first_asylum_requests_nareizigers_monthly_points.csv"
    for index, raw in enumerate(_read(folder, name), 2):
        begin, end = _month(raw["month"])
        vintage = end + MONTHLY_DELAY
        for column, series in (
            ("first_asylum_requests", "eerste_aanvragen_maand"),
            ("nareizigers", "nareizigers_maand"),
        ):
            if raw[column].strip():
                value = _int(raw[column], f"CBS maand rij {index}")
                yield Row(series, begin, end, vintage, value, False, "geschat", "cbs_maand")


def quarterly_cbs(folder: Path) -> Iterator[Row]:
    """The October 2024 CBS table, plus each quarter's first publication (estimated date)."""
    name = "nl_cbs_first_asylum_requests_nareizigers_quarterly_2018_2024.csv"
    latest_vintage = date(2024, 10, 31)
    for index, raw in enumerate(_read(folder, name), 2):
        year, quarter = int(raw["year"]), int(raw["quarter"])
        begin = date(year, 3 * quarter - 2, 1)
        end = _month_end(year, 3 * quarter)
        earlier: dict[str, str] = {}
        for part in raw["earlier_published_values"].split(";"):
            key, _, value = part.strip().partition("=")
            if value:
                earlier[key] = value
        for column, key, series in (
            ("first_asylum_requests", "first_applications", "eerste_aanvragen_kwartaal"),
            ("nareizigers", "nareizigers", "nareizigers_kwartaal"),
        ):
            latest = _int(raw[column], f"CBS kwartaal rij {index}")
            first = _int(earlier[key], f"CBS kwartaal rij {index}") if key in earlier else latest
            first_vintage = end + MONTHLY_DELAY
            yield Row(series, begin, end, first_vintage, first, False, "geschat", "cbs_kwartaal")
            if first_vintage < latest_vintage:
                yield Row(series, begin, end, latest_vintage, latest, False, "bron",
                          "cbs_kwartaal")  # fmt: skip


def annual_first_applications(folder: Path) -> Iterator[Row]:
    """Eurostat 2008-2022, then CBS 2023 (sum of quarters) and the 2024 Kamervragen answer."""
    month, day = ANNUAL_PUBLICATION
    for index, raw in enumerate(_read(folder, "nl_eurostat_asylum_applicants_annual.csv"), 2):
        year = int(raw["year"])
        value = _int(raw["first_time_applicants"], f"Eurostat rij {index}")
        yield Row("eerste_aanvragen_jaar", date(year, 1, 1), date(year, 12, 31),
                  date(year + 1, month, day), value, False, "geschat", "eurostat_jaar")  # fmt: skip
    quarters = [
        r
        for r in _read(folder, "nl_cbs_first_asylum_requests_nareizigers_quarterly_2018_2024.csv")
        if r["year"] == "2023"
    ]
    if len(quarters) != 4:
        raise InputError("CBS-kwartalen 2023 zijn niet compleet")
    total_2023 = sum(_int(r["first_asylum_requests"], "CBS 2023") for r in quarters)
    yield Row("eerste_aanvragen_jaar", date(2023, 1, 1), date(2023, 12, 31),
              date(2024, month, day), total_2023, False, "geschat", "cbs_kwartaal")  # fmt: skip
    for raw in _read(folder, "nl_asylum_annual_totals_2016_2024.csv"):
        if raw["year"] == "2024" and raw["metric"] == "first_applications":
            yield Row("eerste_aanvragen_jaar", date(2024, 1, 1), date(2024, 12, 31),
                      date(2025, 3, 4), _int(raw["value"], "jaartotalen 2024"), True, "bron",
                      "kamervragen_2025")  # fmt: skip


ANNUAL_METRICS = {
    # (year, metric) in the annual totals file -> (series, vintage, basis, source)
    ("2022", "total_influx"): ("instroom_jaar", date(2023, 1, 15), "geschat", "ind_maand"),
    ("2022", "first_applications"): (
        "eerste_aanvragen_jaar_ind", date(2023, 1, 15), "geschat", "ind_maand"),
    ("2022", "nareizigers"): ("nareizigers_jaar", date(2023, 1, 15), "geschat", "ind_maand"),
    ("2022", "repeat_applications"): (
        "herhaalde_aanvragen_jaar", date(2023, 1, 15), "geschat", "ind_maand"),
    ("2024", "left_coa_vergunninghouders"): (
        "vertrek_coa_vergunninghouders_jaar", date(2025, 3, 4), "bron", "kamervragen_2025"),
    ("2024", "left_coa_asielzoekers"): (
        "vertrek_coa_asielzoekers_jaar", date(2025, 3, 4), "bron", "kamervragen_2025"),
}  # fmt: skip


def annual_totals(folder: Path) -> Iterator[Row]:
    for raw in _read(folder, "nl_asylum_annual_totals_2016_2024.csv"):
        key = (raw["year"], raw["metric"])
        if key in ANNUAL_METRICS:
            series, vintage, basis, source = ANNUAL_METRICS[key]
            year = int(raw["year"])
            yield Row(series, date(year, 1, 1), date(year, 12, 31), vintage,
                      _int(raw["value"], f"jaartotalen {key}"), raw["approximate"] == "yes",
                      basis, source)  # fmt: skip


# Metrics that count the same thing closely enough to form one series of points.
OCCUPANCY_METRICS = {
    "persons_in_coa_central_reception": "bezetting",
    "persons_in_coa_reception": "bezetting",
    "coa_residents_total": "bezetting",
    "coa_residents": "bezetting",
    "persons_right_to_coa_reception": "bezetting",
    "status_holders_in_coa": "vergunninghouders_in_opvang",
    "status_holders_in_reception": "vergunninghouders_in_opvang",
}


def _point_date(text: str, precision: str) -> tuple[date, date] | None:
    """The reference day of a point and its estimated publication date."""
    if precision == "day":
        day = date.fromisoformat(text)
        return day, day + POINT_DELAY
    if precision == "month":
        begin, end = _month(text[:7])
        return date(begin.year, begin.month, 15), end + POINT_DELAY
    if precision == "year":
        year = int(text[:4])
        return date(year, 12, 31), date(year + 1, 2, 15)
    return None


def occupancy_points(folder: Path) -> Iterator[Row]:
    seen: set[tuple[str, date, int]] = set()
    for name, source in (
        ("nl_coa_occupancy_points.csv", "coa_punten"),
        ("nl_coa_occupancy_capacity_points_2017_2024.csv", "coa_punten_2017_2024"),
    ):
        for index, raw in enumerate(_read(folder, name), 2):
            series = OCCUPANCY_METRICS.get(raw["metric"])
            dated = _point_date(raw["date"], raw["date_precision"])
            if series is None or dated is None:
                continue
            day, vintage = dated
            value = _int(raw["value"], f"{name} rij {index}")
            if (series, day, value) in seen:
                continue
            seen.add((series, day, value))
            yield Row(series, day, day, vintage, value, raw["approximate"] == "yes",
                      "geschat", source)  # fmt: skip


def _half_year(period: str) -> tuple[date, date]:
    year, half = period.split("-")
    if half == "I":
        return date(int(year), 1, 1), date(int(year), 6, 30)
    return date(int(year), 7, 1), date(int(year), 12, 31)


def taakstelling(folder: Path) -> Iterator[Row]:
    """National half-year tasks (published before the period) and one realised half year."""
    for raw in _read(folder, "nl_taakstelling_national_halfyear.csv"):
        if not raw["status"].startswith("set"):  # "set" or "set (initial; may be adjusted)"
            continue
        begin, end = _half_year(raw["period"])
        # Huisvestingswet practice: the task is published about three months before it starts.
        yield Row("taakstelling_halfjaar", begin, end, begin - timedelta(days=90),
                  _int(raw["national_taakstelling"], raw["period"]), False, "geschat",
                  "taakstelling_halfjaar")  # fmt: skip
    for raw in _read(folder, "nl_taakstelling_national_realisation_points_2017_2023.csv"):
        if raw["metric"] == "national_taakstelling" and raw["period"] in {"2022-I", "2023-I"}:
            begin, end = _half_year(raw["period"])
            yield Row("taakstelling_halfjaar", begin, end, begin - timedelta(days=90),
                      _int(raw["value"], raw["period"]), False, "geschat",
                      "taakstelling_realisatie")  # fmt: skip
        if raw["metric"] == "realised_in_period" and raw["period"] == "2022-I":
            begin, end = _half_year(raw["period"])
            yield Row("gehuisvest_halfjaar", begin, end, end + timedelta(days=60),
                      _int(raw["value"], raw["period"]), False, "geschat",
                      "taakstelling_realisatie")  # fmt: skip
        if raw["metric"] == "arrears_at_start" and raw["period"] == "2022-I":
            begin, end = _half_year(raw["period"])
            yield Row("achterstand_begin_halfjaar", begin, end, begin,
                      _int(raw["value"], raw["period"]), False, "geschat",
                      "taakstelling_realisatie")  # fmt: skip


_NUMBER = r"\d{1,3}(?:,\d{3})*"
OFFICIAL_INFLOW = re.compile(
    rf"inflow (?P<year>\d{{4}}) expected (?P<low>{_NUMBER})\s*-\s*(?P<high>{_NUMBER})"
    rf"(?:,? middle (?P<middle>{_NUMBER}))?"
)
"""An official inflow range in a note of the MPP file: "inflow 2024 expected 49,000-76,000"
(optionally "middle N" when the MPP published one)."""


def official_inflow_scenarios(folder: Path) -> Iterator[Row]:
    """The MPP's min / middle / max yearly inflow, dated by the day the MPP was published.

    Only rows with a full publication date (YYYY-MM-DD) and an inflow range in the note are
    read; the middle is the published one, else the midpoint of the range (bij benadering).
    """
    name = "nl_coa_capacity_decisions_mpp_2019_2025.csv"
    for index, raw in enumerate(_read(folder, name), 2):
        found = OFFICIAL_INFLOW.search(raw["note"])
        if found is None:
            continue
        try:
            vintage = date.fromisoformat(raw["decided"])
        except ValueError:
            raise InputError(f"{name} rij {index}: '{raw['decided']}' is geen datum") from None
        mpp = raw["decision"].split("/")[0].strip().replace(" ", "_")
        year = int(found["year"])
        begin, end = date(year, 1, 1), date(year, 12, 31)
        low = _int(found["low"], f"{name} rij {index}")
        high = _int(found["high"], f"{name} rij {index}")
        middle_text = found["middle"]
        # The one rule for a range published without a middle (core.mpp, as an import).
        middle = _int(middle_text, f"{name} rij {index}") if middle_text else midpoint(low, high)
        source = mpp.lower()
        yield Row("mpp_instroom_min", begin, end, vintage, low, False, "bron", source)
        yield Row("mpp_instroom_midden", begin, end, vintage, middle, not middle_text, "bron",
                  source)  # fmt: skip
        yield Row("mpp_instroom_max", begin, end, vintage, high, False, "bron", source)


def build_rows(series_folder: Path) -> list[Row]:
    rows: list[Row] = []
    for part in (
        weekly_inflow,
        monthly_inflow_ind,
        monthly_cbs,
        quarterly_cbs,
        annual_first_applications,
        annual_totals,
        occupancy_points,
        taakstelling,
        official_inflow_scenarios,
    ):
        rows.extend(part(series_folder))
    keys = {(r.series, r.begin, r.end, r.vintage, r.value) for r in rows}
    if len(keys) != len(rows):
        rows = sorted(set(rows))
    for row in rows:
        # Only a task or a forecast is published before its period; every observed value
        # comes after it.
        if (
            row.vintage < row.begin
            and row.series != "taakstelling_halfjaar"
            and not (row.series.startswith("mpp_"))
        ):
            raise InputError(f"{row.series} {row.begin}: vintage {row.vintage} ligt ervoor")
    return sorted(rows)


def render_csv(rows: list[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow(row.cells())
    return buffer.getvalue()


SOURCES_INTRO = """\
# Bronnen van de meegeleverde reeksen (`reeksen.csv`)

Gebouwd met `tools/build_series_data.py` uit `shared/data/series/`. Elke waarde heeft een
*vintage*: de datum waarop ze gepubliceerd is. `vintage_basis` is `bron` als die datum in de
bron staat (paginadatum, nieuwsbericht) en `geschat` als ze is afgeleid uit het vaste
publicatieritme: weekcijfers JenV in de week erna (zondag + 3 dagen), CBS-maand- en
kwartaalcijfers ongeveer zes weken na afloop (+45 dagen), gedateerde COA-cijfers binnen een
week (+7 dagen), jaarcijfers eerste asielaanvragen half februari van het jaar erna, de
taakstelling drie maanden voor het halfjaar. Een terugblikkende toets (back-test) gebruikt
alleen waarden met een vintage vóór de startdatum.

Reeksen: `instroom_week` (JenV, totale asielinstroom per week, afgerond op honderdtallen),
`instroom_maand` (IND, totale instroom per maand, elke herziening een eigen regel),
`eerste_aanvragen_maand` en `nareizigers_maand` (CBS, maand), `eerste_aanvragen_kwartaal` en
`nareizigers_kwartaal` (CBS, eerste publicatie en de stand van oktober 2024),
`eerste_aanvragen_jaar` (Eurostat 2008–2022, CBS 2023 als som van kwartalen, Kamervragen 2024),
`instroom_jaar`, `eerste_aanvragen_jaar_ind`, `nareizigers_jaar`, `herhaalde_aanvragen_jaar`
(IND 2022), `vertrek_coa_*_jaar` (Kamervragen 2025, jaar 2024), `bezetting` en
`vergunninghouders_in_opvang` (COA-punten; definities verschillen per bron, zie hieronder),
`taakstelling_halfjaar`, `gehuisvest_halfjaar`, `achterstand_begin_halfjaar`,
`mpp_instroom_min`, `mpp_instroom_midden` en `mpp_instroom_max` (de officiële instroom per
jaar van een Meerjarige Productieprognose, vintage = publicatiedatum van de MPP, bron =
naam van de MPP; het midden is het gepubliceerde, anders het midden van min en max, dan
`bij_benadering` = ja).

De bronnen en licenties hieronder zijn letterlijk overgenomen uit de gedeelde
bronbeschrijvingen.

"""


def render_sources(shared_data: Path) -> str:
    parts = [SOURCES_INTRO]
    for name in ("SOURCES_series.md", "SOURCES_series_2026-11.md"):
        path = shared_data / name
        if not path.is_file():
            raise InputError(f"{path} ontbreekt")
        text = path.read_text(encoding="utf-8").rstrip() + "\n"
        parts.append(f"---\n\n<!-- overgenomen uit shared/data/{name} -->\n\n{text}\n")
    return "".join(parts).rstrip() + "\n"


def build(shared: Path) -> dict[str, bytes]:
    data = shared / "data"
    rows = build_rows(data / "series")
    return {
        "reeksen.csv": render_csv(rows).encode(),
        "SOURCES.md": render_sources(data).encode(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bouw de meegeleverde landelijke reeksen.")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="map shared/")
    parser.add_argument("--uitvoer", type=Path, default=DEFAULT_OUT, help="doelmap")
    arguments = parser.parse_args(argv)
    try:
        files = build(arguments.shared)
    except InputError as error:
        print(f"build_series_data: fout: {error}", file=sys.stderr)
        return 2
    arguments.uitvoer.mkdir(parents=True, exist_ok=True)
    for name, payload in files.items():
        (arguments.uitvoer / name).write_bytes(payload)
        print(f"{name}: {len(payload):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
