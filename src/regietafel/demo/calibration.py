"""The published figures the synthetic demo is calibrated to, each with its source.

The demo must run without the shared data folder, so the few figures it uses are copied
here as named constants. ``tests/demo/test_calibration.py`` checks them against the shared
series files whenever those are available. Every figure is real; everything the generator
makes from them is synthetic. Where the generator needs a number no source gives, the
generator says ASSUMPTION next to it.
"""

from __future__ import annotations

from datetime import date

SERIES_FOLDER = "shared/data/series"
"""Where the calibration files live in the project's shared data (see SOURCES_series.md)."""

# --- Taakstelling huisvesting vergunninghouders ---------------------------------------

TAAKSTELLING_2021_I = 13_500
"""nl_taakstelling_national_halfyear.csv, period 2021-I; LRT minutes (spring 2021,
shared/minutes/004_5cca9dc05254cf23.txt): 'de taakstelling 2021-I vast blijft staan op 13.500'."""

TAAKSTELLING_2021_II = 11_000
"""nl_taakstelling_national_halfyear.csv, period 2021-II; same minutes: 'De taakstelling
2021-II komt met 11.000 iets lager uit dan de eerder verwachte 13.500'."""

TAAKSTELLING_SOURCE = "LRT-verslag voorjaar 2021 (taakstelling 2021-I 13.500, 2021-II 11.000)"
"""As users read it (the period's source); the data file is named in the docstrings above."""

# --- COA reception: capacity, occupancy, status holders ----------------------------------

NU_NL_AUGUST_2021 = (
    "https://www.nu.nl/binnenland/6153362/"
    "ongeveer-elfduizend-statushouders-wachten-op-woonruimte-in-nederland.html"
)
NU_NL_NOVEMBER_2021 = (
    "https://www.nu.nl/binnenland/6165513/"
    "coa-heeft-extra-plekken-voor-asielzoekers-maar-verminderde-druk-is-tijdelijk.html"
)
VOLKSKRANT_DECEMBER_2021 = (
    "https://www.volkskrant.nl/nieuws-achtergrond/"
    "in-2022-duizenden-extra-opvangplekken-voor-asielzoekers-nodig~b8136dfe/"
)

AUGUST_2021 = date(2021, 8, 19)
"""nl_coa_occupancy_points.csv gives the nu.nl article of August 2021 this placeholder day."""

CAPACITY_AUGUST_2021 = 29_000
"""nl_coa_occupancy_points.csv, 2021-08-19, capacity_places (nu.nl, August 2021):
'27.000 van de totaal 29.000 plekken bezet'."""

OCCUPANCY_AUGUST_2021 = 27_000
"""nl_coa_occupancy_points.csv, 2021-08-19, persons_in_coa_reception (same quote)."""

STATUS_HOLDERS_AUGUST_2021 = 11_000
"""nl_coa_occupancy_points.csv, 2021-08-19, status_holders_in_coa (nu.nl, August 2021):
'Zo'n elfduizend statushouders'."""

NOVEMBER_2021 = date(2021, 11, 15)
STATUS_HOLDERS_NOVEMBER_2021 = 11_500
"""nl_coa_occupancy_points.csv, 2021-11-15, status_holders_in_coa (nu.nl, November 2021):
'opgelopen tot 11.500'."""

STATUS_HOLDERS_WAITING_LONG_AUGUST_2021 = 6_000
"""Of the 11,000 of August 2021, waiting longer than fourteen weeks:
nl_coa_occupancy_points.csv, 2021-08-19 (nu.nl): 'zesduizend al langer dan ... veertien weken'."""

STATUS_HOLDERS_WAITING_LONG_NOVEMBER_2021 = 7_400
"""Of the 11,500 of November 2021, waiting longer than the agreed three months:
nl_coa_occupancy_points.csv, 2021-11-15 (nu.nl): '7.400 van hen wachten al langer dan ...
drie maanden'."""

DECEMBER_2021 = date(2021, 12, 15)
CAPACITY_DECEMBER_2021 = 35_000
"""nl_coa_occupancy_points.csv, 2021-12-15, capacity_places (Volkskrant, December 2021):
'Op dit moment is er in Nederland plek voor 35 duizend asielzoekers'."""

STATUS_HOLDERS_DECEMBER_2021 = 11_000
"""nl_coa_occupancy_points.csv, 2021-12-15, status_holders_in_coa (Nederlands Dagblad,
December 2021): '11.000 vergunninghouders in asielzoekerscentra van het COA'."""

OCCUPANCY_JUNE_2020 = 27_305
"""nl_coa_occupancy_points.csv, 2020-06-01, persons_in_coa_reception (coa.nl Bezetting):
'Personen in de opvang op 1 juni 2020 Totaal 27.305'. The latest COA figure before 2021."""

# --- Asylum inflow -----------------------------------------------------------------------

FIRST_APPLICATIONS_2021 = 24_755
"""nl_eurostat_asylum_applicants_annual.csv, 2021, first_time_applicants (Eurostat
migr_asyappctza, bulk download 2024-01-18; CBS reports 24,745)."""

WEEKLY_INFLOW_2019 = (
    400, 600, 600, 600, 700, 600, 600, 600, 600, 700, 700, 600, 500,
    600, 600, 500, 400, 500, 600, 600, 500, 400, 400, 700, 700, 800,
    700, 700, 600, 600, 600, 700, 500, 500, 400, 600, 800, 700, 600,
    700, 800, 700, 700, 500, 700, 700, 600, 600, 600, 600, 700, 500,
)  # fmt: skip
"""nl_asylum_inflow_weekly_2019_2020.csv, 2019 weeks 1-52, asylum_inflow_rounded_100
(Ministerie van JenV, 'De asielinstroom per week 2019'). 2019 is the last full year before
the pandemic; the demo takes its week-to-week pattern, not its level."""

# --- LRT minutes (autumn 2021 and spring 2021) -------------------------------------------

MINUTES_AUTUMN_2021 = "shared/minutes/000_120a31871f9e29de.txt"
MINUTES_SPRING_2021 = "shared/minutes/004_5cca9dc05254cf23.txt"

SPRING_BUFFER_PLACES = 417
"""Spring minutes: 'Het handhaven van de 417 extra opvangplekken is verstandig'."""

SHORTFALL_BEFORE_DECEMBER = 600
"""Autumn minutes: 'Er zijn tot eind november nog 600 extra opvangplekken nodig'."""

SHORTFALL_BEFORE_JANUARY = 1_200
"""Autumn minutes: '... en nog 1.200 tot januari 2022'."""

AMV_LOCATIONS_NEEDED = (6, 7)
AMV_LOCATION_SIZE = 50
"""Autumn minutes: 'nog zeker zes à zeven locaties voor elk 50 personen nodig'."""

SOBER_LOCATIONS_NEEDED = 2
"""Autumn minutes: 'Voor de sobere opvang van veilige landers zijn minimaal twee locaties
nodig'."""

SOURCES: tuple[str, ...] = (
    "CBS, inwoners per gemeente op 1 januari 2021 (gebundelde referentiedata van regietafel)",
    TAAKSTELLING_SOURCE,
    f"COA-capaciteit, bezetting en wachtende vergunninghouders augustus 2021: {NU_NL_AUGUST_2021}",
    f"Vergunninghouders in de opvang november 2021: {NU_NL_NOVEMBER_2021}",
    f"COA-capaciteit december 2021: {VOLKSKRANT_DECEMBER_2021}",
    "Eurostat migr_asyappctza: eerste asielaanvragen Nederland 2021 (24.755)",
    "Ministerie van JenV, 'De asielinstroom per week 2019' (weekpatroon)",
    (
        "LRT-verslag najaar 2021: 600 plaatsen voor 1 december, 1.200 tot januari 2022, "
        "6 à 7 AMV-locaties van 50, minimaal 2 locaties sobere opvang"
    ),
    "LRT-verslag voorjaar 2021: 417 extra opvangplekken handhaven",
)
"""What the demo names as its sources, in Dutch, for people."""
