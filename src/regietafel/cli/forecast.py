"""``regietafel prognose``: the reception forecast and its back-test. No Django is imported here.

Only the argument parser lives here, so building the parser for any command stays cheap; the
work is in ``regietafel.cli.forecast_run``, imported when the command runs.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from regietafel.cli.computations import FORMATS
from regietafel.cli.main import DutchArgumentParser
from regietafel.cli.options import province_text, whole_number

MAX_PATHS = 100_000
MAX_WEEKS = 260
DEFAULT_PATHS = 10_000
DEFAULT_WEEKS = 104
SCENARIO_NAMES = ("hoog", "laag", "midden", "snel", "traag")
"""The keys of ``core.forecast.SCENARIOS`` (a test keeps them equal)."""
OFFICIAL_NAMES = ("mpp-min", "mpp-midden", "mpp-max")
"""``prognose.scenarios.OFFICIAL_NAMES`` (a test keeps them equal): offered only with --tot
(or today) after the MPP that holds the figure was published."""
POLICY_KEYS = (
    "coa-reserve-2019", "lrt-voorjaar-2021", "coa-2022-11", "coa-2023-11", "percentage-7",
    "geen-buffer",
)  # fmt: skip
"""The keys of ``core.need_policy.CHOOSABLE_POLICIES`` (a test keeps them equal)."""
BACKTEST_SERIES = ("week", "maand", "kwartaal", "jaar")
"""``prognose.backtests.SERIES_CHOICES`` (a test keeps them equal)."""

PROGNOSE_HELP = """\
Prognose van de opvang: bezetting, vergunninghouders in de opvang en benodigde plekken per
week, met mediaan en 80 %- en 95 %-banden uit een Monte Carlo-simulatie (standaard 10.000
paden, 104 weken).

Het model is een voorraad-en-stroommodel per week: instroom (eerste en herhaalde aanvragen,
nareizigers; seizoen en zware staarten), beslissingen na een beslistermijn met een
inwilligingspercentage, vergunninghouders die wachten op huisvesting, uitstroom naar een woning
in het tempo van de taakstelling, en overig vertrek. Elke parameter wordt geschat uit de
meegeleverde landelijke reeksen of is een gedocumenteerde standaardwaarde; de tabel
'parameters' toont waarde en bron. Met --tot rekent het model alsof het die dag is: alleen
cijfers die toen gepubliceerd waren tellen mee.

Scenario's: midden, laag, hoog (instroom), traag, snel (huisvesten), en de officiële
mpp-min, mpp-midden, mpp-max: de instroom per jaar van de laatste Meerjarige
Productieprognose (MPP) die vóór de startdatum verscheen (meegeleverd: MPP 2023-II,
49.000–76.000 voor 2024, gepubliceerd 10 november 2023; met --week ook een MPP die met
'regietafel import mpp' is ingelezen); eerder bestaan ze niet. Zonder --week rekent de
prognose zonder database, vanaf de meegeleverde landelijke reeksen. Met --week WEEK start hij,
net als de pagina Prognose, bij de bezetting in het locatieregister van die week (landelijk en
per provincie), met het instroomniveau uit de weekcijfers van het register, en rekent hij met
de cijfers die op de maandag van die week bekend waren.
Behoeftebeleid (--beleid): standaard het beleid dat op de startdatum gold (met --week de
keuze van het LRT voor die week); ook 'percentage-7' (bezetting x 1,07) en 'geen-buffer'.

'regietafel prognose backtest' toont de terugblikkende toets (MAPE, MASE, dekking).
"""


def register(commands: argparse._SubParsersAction[DutchArgumentParser]) -> None:
    formats = list(FORMATS)
    command = commands.add_parser(
        "prognose", help="prognose van de opvang met onzekerheid", description=PROGNOSE_HELP
    )
    command.add_argument(
        "actie", nargs="?", choices=["backtest"], help="'backtest': toon de terugblikkende toets"
    )
    command.add_argument("--scenario", default="midden", choices=SCENARIO_NAMES + OFFICIAL_NAMES,
                         help="scenario")  # fmt: skip
    command.add_argument("--paden", type=_bounded(1, MAX_PATHS), default=DEFAULT_PATHS,
                         help="aantal paden (standaard 10.000)")  # fmt: skip
    command.add_argument("--weken", type=_bounded(1, MAX_WEEKS), default=DEFAULT_WEEKS,
                         help="aantal weken vooruit (standaard 104)")  # fmt: skip
    command.add_argument(
        "--provincie", type=province_text, metavar="NAAM", help="toon het aandeel van één provincie"
    )
    command.add_argument(
        "--week",
        metavar="WEEK",
        help="start uit het locatieregister van deze ISO-week (database), zoals de pagina Prognose",
    )
    command.add_argument("--tot", type=_date, metavar="DATUM",
                         help="reken alsof het deze dag is (JJJJ-MM-DD)")  # fmt: skip
    command.add_argument("--seed", type=_bounded(0, 2**32 - 1), default=2021,
                         help="startgetal van de toevalsgenerator")  # fmt: skip
    command.add_argument("--beleid", choices=POLICY_KEYS,
                         help="behoeftebeleid (standaard: met --week dat van de week, "
                              "anders dat van de startdatum)")  # fmt: skip
    command.add_argument("--percentiel", type=_bounded(50, 99), default=90, metavar="P",
                         help="bufferbeleid 'bestellen tot': tot dit percentiel van de groei "
                              "over de levertijd (standaard 90)")  # fmt: skip
    command.add_argument("--capaciteit", type=_bounded(0, 10**7), metavar="N",
                         help="huidige capaciteit (standaard: met --week die van het "
                              "locatieregister, anders de behoefte bij de start)")  # fmt: skip
    command.add_argument("--doel", action="append", type=_target, default=[], metavar="N:DATUM",
                         help="kans dat N extra plekken op DATUM genoeg zijn")  # fmt: skip
    command.add_argument("--reeks", action="append", choices=BACKTEST_SERIES,
                         help="backtest: welke reeks (standaard alle)")  # fmt: skip
    command.add_argument("--formaat", choices=formats, default=FORMATS[0])
    command.add_argument("--tabel", metavar="NAAM",
                         help="csv: welke tabel (standaard de eerste: weken, bij backtest "
                              "backtest; verder peildata, doelkansen, bufferbeleid, parameters, "
                              "jaren); json, xlsx en tabel geven ze alle")  # fmt: skip
    command.add_argument("--uitvoer", type=Path, metavar="BESTAND")
    command.set_defaults(handler=run_prognose)


_bounded = whole_number


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum (JJJJ-MM-DD)") from None


def _target(text: str) -> tuple[int, date]:
    from regietafel.core.formatting import parse_int_nl

    amount, _, day = text.partition(":")
    try:
        places, on = parse_int_nl(amount), date.fromisoformat(day)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen doel; schrijf aantal:datum, bijvoorbeeld 1200:2022-01-01"
        ) from None
    if places < 0:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen doel: het aantal extra plekken is 0 of meer"
        )
    return places, on


def run_prognose(arguments: argparse.Namespace) -> int:
    from regietafel.cli.forecast_run import run

    return run(arguments)
