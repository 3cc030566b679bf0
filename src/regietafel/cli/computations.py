"""The computation commands ``taakstelling`` and ``verdeel``: their arguments only.

Registering them imports nothing heavy (no numpy, no core, no reference data), so every
command of the CLI starts fast; the computation itself lives in
:mod:`regietafel.cli.calculations` and is imported when one of these commands runs.
No Django is imported by either.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from regietafel.cli.main import DutchArgumentParser
from regietafel.cli.options import province_text, whole_number

#: The names of ``core.apportionment.Method`` (a test keeps them equal), so the parser does
#: not have to import the engine and numpy.
METHODS = ("hamilton", "dhondt", "sainte-lague", "huntington-hill")
#: The names of ``presentation.tables.Format``, for the same reason.
FORMATS = ("tabel", "csv", "json", "xlsx")
#: The ``--regel`` words of ``core.distribution.Rule`` and the ``--niveau`` choices of
#: ``calculations.LEVELS`` (tests keep both equal).
RULES = ("aandeel", "aanvullen", "extra")
LEVEL_NAMES = ("provincie", "gemeente", "veiligheidsregio", "arbeidsmarktregio")

TAAKSTELLING_HELP = """\
Berekent de taakstelling huisvesting vergunninghouders per gemeente voor een halfjaar.

Elke gemeente krijgt een aandeel naar rato van haar inwoners (CBS) op de peildatum; de
aandelen worden afgerond op hele personen zodat ze precies optellen tot het landelijke
totaal (standaard: grootste overschot, Hamilton). Standaardpeildatum: 1 januari van het jaar
van de periode (de gemeentelijke indeling van die periode), of de laatst beschikbare CBS-stand.

Zonder --totaal geldt het gepubliceerde landelijke totaal van de periode (2021-I tot en met
2023-II, met bron); --versie N kiest een eerdere versie als het totaal tijdens de periode is
bijgesteld (2021-II: versie 1 13.500, versie 2 11.000). Heeft de gekozen versie een
voorganger, dan staan de taakstelling onder die vorige versie en het verschil erbij.

Met --realisatie (CSV/XLSX met gemeentecode,taakstelling,gehuisvest van de vorige periode)
wordt de achterstand (positief) of voorsprong (negatief) bij de nieuwe taakstelling opgeteld:
de gecorrigeerde taakstelling. Met --regio worden gemeenten gebundeld (per provincie,
veiligheidsregio of arbeidsmarktregio, of via een CSV gemeentecode,regio) en staat de
regionale taakstelling naast de som van de lokale.
"""

VERDEEL_HELP = """\
Verdeelt een aantal plekken (bijvoorbeeld 600 extra opvangplekken) over eenheden: provincies,
gemeenten, de 25 veiligheidsregio's of de 35 arbeidsmarktregio's (--niveau), of wat een
sleutelbestand noemt (--sleutel CSV/XLSX met code,naam,gewicht; dan is --niveau niet nodig en
mogen de codes alles zijn, bijvoorbeeld de staten van de Verenigde Staten).
Het quotum is het exacte aantal; de toewijzing is afgerond zodat het totaal klopt.

Drie regels (--regel), naast elkaar te proberen:

  extra      elke eenheid krijgt een deel van het extra aantal naar rato van haar gewicht;
             bestaande plekken tellen niet mee (standaard zonder --bestaand).
  aanvullen  het eerlijke aandeel wordt berekend over het totaal van bestaand plus extra; de
             extra plekken gaan alleen naar eenheden onder hun eerlijke aandeel, door ze aan te
             vullen tot één gelijk niveau (plekken per inwoner): wie al boven het eerlijke
             aandeel zit krijgt niets en verlaagt zo wat anderen nodig hebben (standaard met
             --bestaand; zo werkte het verdeelbesluit).
  aandeel    elke eenheid krijgt haar aandeel in het geheel (bestaand plus extra, of een
             landelijke raming via --geheel, bijvoorbeeld 96000); nieuw nodig is het aandeel
             min wat er al is, nooit minder dan 0. Een overschot verlaagt de opgave van
             anderen niet, dus samen kan het meer zijn dan het te verdelen aantal (zo stelde
             de Spreidingswet de opgave per provincie vast).

--bestaand (CSV code,aantal) geeft de plekken die er al zijn; een eenheid die er niet in staat
heeft er 0. --correctie (CSV code,factor)
vermenigvuldigt het gewicht per eenheid, zoals de sociaaleconomische correctie.
"""


def register(commands: argparse._SubParsersAction[DutchArgumentParser]) -> None:
    methods = list(METHODS)
    formats = list(FORMATS)

    tk = commands.add_parser(
        "taakstelling",
        help="taakstelling huisvesting vergunninghouders per gemeente",
        description=TAAKSTELLING_HELP,
    )
    tk.add_argument("--periode", required=True, help="halfjaar, bijvoorbeeld 2021-II")
    tk.add_argument(
        "--totaal",
        type=_total,
        help="landelijk aantal te huisvesten (zonder: het gepubliceerde totaal, zie --versie)",
    )
    tk.add_argument(
        "--versie",
        type=_version,
        metavar="N",
        help="versie van het gepubliceerde landelijke totaal (standaard de laatste)",
    )
    tk.add_argument("--peildatum", type=_date, help="peildatum inwoners (JJJJ-MM-DD)")
    tk.add_argument("--methode", choices=methods, default=METHODS[0])
    tk.add_argument(
        "--realisatie", type=Path, metavar="BESTAND", help="vorige periode per gemeente"
    )
    tk.add_argument(
        "--regio",
        metavar="provincie|veiligheidsregio|arbeidsmarktregio|BESTAND",
        help="regionale taakstelling",
    )
    tk.add_argument(
        "--provincie",
        type=province_text,
        metavar="NAAM",
        help="toon alleen de gemeenten van één provincie",
    )
    tk.add_argument(
        "--per",
        choices=["gemeente", "regio"],
        default="gemeente",
        help="welke tabel csv uitvoert (met --regio)",
    )
    tk.add_argument("--formaat", choices=formats, default=FORMATS[0])
    tk.add_argument("--uitvoer", type=Path, metavar="BESTAND")
    tk.set_defaults(handler=run_taakstelling)

    vd = commands.add_parser(
        "verdeel",
        help="verdeel een aantal over provincies, gemeenten of eigen eenheden",
        description=VERDEEL_HELP,
    )
    vd.add_argument("--totaal", type=_total, help="te verdelen aantal (extra plekken)")
    vd.add_argument(
        "--niveau",
        choices=list(LEVEL_NAMES),
        help="over welke eenheden (niet nodig met een sleutelbestand)",
    )
    vd.add_argument(
        "--regel",
        choices=list(RULES),
        help="aandeel, aanvullen of extra (standaard: aanvullen met --bestaand, anders extra)",
    )
    vd.add_argument(
        "--geheel",
        type=_total,
        metavar="N",
        help="bij --regel aandeel: het geheel dat naar rato verdeeld wordt "
        "(standaard bestaand + totaal)",
    )
    vd.add_argument("--peildatum", type=_date, help="peildatum inwoners (standaard: laatste)")
    vd.add_argument("--sleutel", default="inwoners", metavar="inwoners|BESTAND")
    vd.add_argument("--correctie", type=Path, metavar="BESTAND", help="CSV code,factor")
    vd.add_argument("--bestaand", type=Path, metavar="BESTAND", help="CSV code,aantal")
    vd.add_argument(
        "--provincie",
        type=province_text,
        metavar="NAAM",
        help="alleen gemeenten van deze provincie",
    )
    vd.add_argument("--minimum", type=_count, help="minimum per eenheid")
    vd.add_argument("--maximum", type=_count, help="maximum per eenheid")
    vd.add_argument("--methode", choices=methods, default=METHODS[0])
    vd.add_argument("--formaat", choices=formats, default=FORMATS[0])
    vd.add_argument("--uitvoer", type=Path, metavar="BESTAND")
    vd.set_defaults(handler=run_verdeel)


def _version(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is geen versienummer (1, 2, …)")
    return int(value)


def _total(text: str) -> int:
    """A number to distribute, up to the limit of the distribution and the API."""
    from regietafel.core.distribution import MAX_TOTAL

    return whole_number(0, MAX_TOTAL)(text)


_count = whole_number(0)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum (JJJJ-MM-DD)") from None


def run_taakstelling(arguments: argparse.Namespace) -> int:
    from regietafel.cli.calculations import run_taakstelling as run

    return run(arguments)


def run_verdeel(arguments: argparse.Namespace) -> int:
    from regietafel.cli.calculations import run_verdeel as run

    return run(arguments)
