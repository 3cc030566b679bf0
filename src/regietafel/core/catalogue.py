"""The catalogue of key figures (kerncijfers): one code, one Dutch name, one definition each.

"Achterstand" once meant three numbers on three pages. Here every figure the product shows is
declared once — code, name, one-sentence definition, unit, source, the surfaces that show it —
with the one function that reads it from ``core.figures.ScopeFigures``. Every label on every
surface comes from this table, so one name always means one number; where two numbers differ,
they have two names. A test enumerates the catalogue across pages, API, command line and the
report, the way the access matrix enumerates URLs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType
from typing import Literal

from regietafel.core.confidentiality import SUPPRESSED_TEXT, suppressed_figure_note
from regietafel.core.figures import (
    PROJECTION_WEEKS,
    HousingFigures,
    ReceptionFigures,
    ScopeFigures,
)
from regietafel.core.formatting import (
    NO_DATA_TEXT,
    format_decimal_nl,
    format_int_nl,
    format_percent_nl,
)
from regietafel.core.rules import HorizonRole, NeedCategory, ScheduleClass

Number = int | float
ScopeKind = Literal["alle", "landelijk", "provincie"]
Area = Literal["opvang", "huisvesting"]


class Surface(StrEnum):
    """Where a figure is shown; the consistency test reads each of them."""

    OVERZICHT = "overzicht"
    OPVANGBEELD = "opvangbeeld"
    API = "api"
    CLI = "cli"
    RAPPORT = "rapport"

    @property
    def label(self) -> str:
        return _SURFACE_LABELS[self]


_SURFACE_LABELS = {
    Surface.OVERZICHT: "startpagina (overzicht)",
    Surface.OPVANGBEELD: "pagina Opvangbeeld",
    Surface.API: "API /api/v1/kerncijfers/",
    Surface.CLI: "regietafel kerncijfers",
    Surface.RAPPORT: "weekrapport (web, PDF, Excel)",
}

EVERYWHERE = frozenset(Surface)
NOT_ON_PICTURE = frozenset(Surface) - {Surface.OPVANGBEELD}
DATA_ONLY = frozenset({Surface.API, Surface.CLI})

REGISTER = "locatieregister (COA), weekimport"
REALISATION = "taakstelling (Rijk, per halfjaar) en realisatie (COA), weekimport"
SERIES = "landelijke reeksen, weekimport"
INHABITANTS = "locatieregister (COA) en inwoners per provincie (CBS)"


@dataclass(frozen=True)
class FigureDefinition:
    """One key figure: what it is called, what it means and how it is read from the figures."""

    code: str
    name: str
    definition: str
    unit: str
    source: str
    surfaces: frozenset[Surface]
    read: Callable[[ScopeFigures], Fraction | Number | None]
    decimals: int = 0
    higher_is_better: bool | None = None
    scopes: ScopeKind = "alle"
    occupancy: NeedCategory | Literal["alle"] | None = None
    """The occupancy the figure is computed from ("alle": every category; None: none), for the
    small-cell rule: a figure over suppressed occupancy is afgeschermd."""
    ahead: Callable[[ScopeFigures], Sequence[Number]] | None = None
    """The figure in the weeks after this one, where the figures model projects it (the
    contracted capacity, the forecast's occupancy); None: no projection."""
    per_period: bool = False
    """The figure belongs to a taakstelling half year (read from ``ScopeFigures.housing``; it
    starts again with each period). Without that half year's taakstelling it has no value and
    every surface says that is why (``kerncijfers.selectors.figure_reasons``); its change
    against a week of another half year is no number (:func:`new_period_text`). Set for every
    figure of the housing area and the places that catching up would free."""

    def projection(self, figures: ScopeFigures) -> tuple[Number, ...]:
        """The projected values for the weeks after ``figures``' week (empty: none, not
        applicable or afgeschermd), first week first."""
        if self.ahead is None or not self.applies_to(figures) or self.suppressed(figures):
            return ()
        return tuple(self.ahead(figures))

    def suppressed(self, figures: ScopeFigures) -> bool:
        """Whether this figure is afgeschermd for the reader the figures were masked for."""
        reception = figures.reception
        if self.occupancy is None or reception is None or not reception.suppressed:
            return False
        return self.occupancy == "alle" or self.occupancy in reception.suppressed

    def suppressed_note(self, figures: ScopeFigures) -> str:
        """Why this figure is afgeschermd for the reader, naming the kinds of reception it
        counts whose occupancy is hidden ("" when it is not afgeschermd)."""
        reception = figures.reception
        if reception is None or not self.suppressed(figures):
            return ""
        kinds = reception.suppressed_kinds if self.occupancy == "alle" else (self.occupancy,)
        return suppressed_figure_note([k.label for k in kinds if k is not None])

    def applies_to(self, figures: ScopeFigures) -> bool:
        return self.exists_for(national=figures.is_national)

    def exists_for(self, *, national: bool) -> bool:
        """Whether the figure exists nationally (``national``) or for a province: the one rule
        for the figures and for an agreement measured on a figure."""
        if self.scopes == "landelijk":
            return national
        if self.scopes == "provincie":
            return not national
        return True

    def value(self, figures: ScopeFigures) -> Number | None:
        """The figure's value for a scope: whole numbers as int, shares rounded to decimals.

        None when the data it needs is missing (never 0 in its place), when the figure does
        not apply to the scope, or when it is afgeschermd (``suppressed``; surfaces say so).
        """
        if not self.applies_to(figures) or self.suppressed(figures):
            return None
        raw = self.read(figures)
        if raw is None:
            return None
        if self.decimals == 0:
            return round_half_up(raw)
        return round_half_up_to(raw, self.decimals)

    def text(self, value: Number | None, *, suppressed: bool = False) -> str:
        """The value as a person reads it (Dutch separators); "geen gegevens" for None,
        "afgeschermd" for a suppressed figure."""
        if suppressed:
            return SUPPRESSED_TEXT
        return format_value(value, self.decimals, self.unit)

    @property
    def area(self) -> Area:
        """Which steering question the figure belongs to: reception or housing (its page)."""
        return "huisvesting" if self.source == REALISATION else "opvang"


def round_half_up(value: Fraction | Number) -> int:
    """Whole places or people: 5.279,5 becomes 5.280 on every surface alike."""
    exact = Fraction(value)
    return int(exact + Fraction(1, 2)) if exact >= 0 else -int(-exact + Fraction(1, 2))


def round_half_up_to(value: Fraction | Number, decimals: int) -> float:
    """A share to ``decimals`` places, half up on the number as written (36,25 -> 36,3), as
    :func:`regietafel.core.formatting.format_decimal_nl` writes it; Python's ``round`` rounds
    the binary float half to even (36,2) and 222,5 to 222."""
    exact = Decimal(repr(float(value)))
    return float(exact.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP))


def format_value(value: Number | None, decimals: int, unit: str) -> str:
    """``value`` in the one notation of :mod:`regietafel.core.formatting`."""
    if value is None:
        return NO_DATA_TEXT
    if unit == "%":
        return format_percent_nl(float(value), decimals)
    if decimals:
        return format_decimal_nl(float(value), decimals)
    return format_int_nl(round_half_up(value))  # 222,5 is 223 (int() would cut it to 222)


def _reception(
    read: Callable[[ReceptionFigures], Fraction | Number | None],
) -> Callable[[ScopeFigures], Fraction | Number | None]:
    return lambda f: None if f.reception is None else read(f.reception)


def _housing(
    read: Callable[[HousingFigures], Fraction | Number | None],
) -> Callable[[ScopeFigures], Fraction | Number | None]:
    return lambda f: None if f.housing is None else read(f.housing)


_ROLE_LABELS = {
    HorizonRole.SHORT: "korte termijn",
    HorizonRole.MEDIUM: "middellange termijn",
    HorizonRole.LONG: "lange termijn",
}
_HORIZON_NOTE = (
    "De korte termijn gebruikt de laatst gemeten bezetting, de middellange en lange termijn de "
    "geprojecteerde bezetting; beide zijn gelezen op de peildatum, de maandag van de laatste "
    "week van de horizon, net als de capaciteit."
)


def _horizon_figures(role: HorizonRole) -> list[FigureDefinition]:
    label = _ROLE_LABELS[role]
    short = role is HorizonRole.SHORT
    headline = EVERYWHERE
    return [
        FigureDefinition(
            f"behoefte_{role.value}",
            f"Benodigde plaatsen, {label}",
            "Bezetting volgens het behoeftebeleid van de week (bezettingsgraad, vaste buffer "
            "of percentage), alle soorten opvang samen. " + _HORIZON_NOTE,
            "plaatsen",
            REGISTER,
            frozenset({Surface.API, Surface.CLI, Surface.RAPPORT}),
            _reception(lambda r: r.need(role)),
            occupancy="alle",
        ),
        FigureDefinition(
            f"tekort_{role.value}",
            f"Tekort, {label}",
            "De tekorten van reguliere, AMV- en sobere opvang opgeteld; een overschot van de "
            "ene soort vult geen tekort van een andere.",
            "plaatsen",
            REGISTER,
            headline,
            _reception(lambda r: r.shortfall(role)),
            higher_is_better=False,
            occupancy="alle",
        ),
        FigureDefinition(
            f"tekort_regulier_{role.value}",
            f"Tekort reguliere opvang, {label}",
            "Benodigde min beschikbare reguliere plaatsen (alles behalve AMV en sober), niet "
            "negatief; dit tekort verdeelt de verdeling over de provincies.",
            "plaatsen",
            REGISTER,
            frozenset({Surface.OPVANGBEELD, Surface.API, Surface.CLI}) if short else DATA_ONLY,
            _reception(lambda r: r.regular_shortfall(role)),
            higher_is_better=False,
            occupancy=NeedCategory.REGULAR,
        ),
        FigureDefinition(
            f"amv_locaties_nodig_{role.value}",
            f"AMV-locaties nodig, {label}",
            "Het AMV-tekort uitgedrukt in kleinschalige locaties van 50 plaatsen, naar boven "
            "afgerond; 0 zonder tekort.",
            "locaties",
            REGISTER,
            EVERYWHERE if short else DATA_ONLY,
            _reception(lambda r: r.locations_needed(role, NeedCategory.AMV)),
            higher_is_better=False,
            occupancy=NeedCategory.AMV,  # a shortage over afgeschermd AMV occupancy
        ),
        FigureDefinition(
            f"sobere_locaties_nodig_{role.value}",
            f"Locaties sobere opvang nodig, {label}",
            "Het tekort aan sobere opvang uitgedrukt in locaties van 100 plaatsen (aanname tot "
            "de LRT een omvang noemt), naar boven afgerond; 0 zonder tekort.",
            "locaties",
            REGISTER,
            EVERYWHERE if short else DATA_ONLY,
            _reception(lambda r: r.locations_needed(role, NeedCategory.SOBER)),
            higher_is_better=False,
            occupancy=NeedCategory.SOBER,
        ),
    ]


def _class_figure(schedule: ScheduleClass, code: str) -> FigureDefinition:
    return FigureDefinition(
        code,
        f"Gemeenten {schedule.label}",
        f"Aantal gemeenten in de klasse '{schedule.label}' (zie de drempels bij de taakstelling).",
        "gemeenten",
        REALISATION,
        DATA_ONLY | {Surface.OVERZICHT},
        _housing(lambda h: h.class_count(schedule)),
        higher_is_better=schedule is ScheduleClass.ON_SCHEDULE,
    )


def _definitions() -> tuple[FigureDefinition, ...]:
    reception = [
        FigureDefinition(
            "capaciteit_nu",
            "Capaciteit nu",
            "Plaatsen in alle opvanglocaties die op de maandag van de week open zijn, "
            "structureel en tijdelijk samen; locaties die later openen tellen nog niet mee.",
            "plaatsen",
            REGISTER,
            EVERYWHERE,
            _reception(lambda r: r.capacity_now),
            higher_is_better=True,
            ahead=lambda f: (
                () if f.reception is None else f.reception.capacity_total[1 : PROJECTION_WEEKS + 1]
            ),
        ),
        FigureDefinition(
            "capaciteit_tijdelijk_nu",
            "Tijdelijke capaciteit nu",
            "Het deel van de capaciteit nu in locaties met een einddatum.",
            "plaatsen",
            REGISTER,
            DATA_ONLY,
            _reception(lambda r: r.temporary_now),
        ),
        FigureDefinition(
            "bezetting_nu",
            "Bezetting nu",
            "Bewoners van de opvanglocaties die op de maandag van de week open zijn.",
            "personen",
            REGISTER,
            EVERYWHERE,
            _reception(lambda r: r.occupancy_now),
            occupancy="alle",
            ahead=lambda f: () if f.reception is None else f.reception.occupancy_projection,
        ),
    ]
    for role in HorizonRole:
        reception += _horizon_figures(role)
    reception += [
        FigureDefinition(
            "sluitingen_zonder_opvolger",
            "Sluitingen zonder opvolger",
            "Tijdelijke locaties die binnen een half jaar sluiten zonder dat in dezelfde gemeente "
            "binnen vier weken een locatie van dezelfde soort opent.",
            "locaties",
            REGISTER,
            EVERYWHERE,
            _reception(lambda r: len(r.closures_soon)),
            higher_is_better=False,
        ),
        FigureDefinition(
            "plaatsen_in_sluitingen",
            "Plaatsen in sluitingen zonder opvolger",
            "De capaciteit van die tijdelijke locaties samen.",
            "plaatsen",
            REGISTER,
            NOT_ON_PICTURE,
            _reception(lambda r: sum(c.capacity for c in r.closures_soon)),
            higher_is_better=False,
        ),
        FigureDefinition(
            "capaciteit_zonder_verlenging",
            "Capaciteit over een half jaar als niets wordt verlengd",
            "Plaatsen die aan het eind van de middellange horizon nog open zijn als elke "
            "tijdelijke locatie sluit op haar einddatum (einde contract), zoals COA zijn "
            "portefeuille toont 'als contracten niet worden verlengd'.",
            "plaatsen",
            REGISTER,
            frozenset({Surface.OPVANGBEELD, Surface.API, Surface.CLI}),
            _reception(lambda r: r.capacity_if_not_extended),
            higher_is_better=True,
        ),
        FigureDefinition(
            "aflopend_met_verlengingsoptie",
            "Aflopende plaatsen met verlengingsoptie",
            "Plaatsen in open locaties waarvan het contract binnen de middellange horizon "
            "afloopt en volgens het register kan worden verlengd: wat een verlenging kan "
            "behouden. Geen gegevens als het register dat niet bij elke aflopende locatie "
            "zegt.",
            "plaatsen",
            REGISTER,
            frozenset({Surface.OPVANGBEELD, Surface.API, Surface.CLI}),
            _reception(lambda r: r.ending_with_option),
        ),
        FigureDefinition(
            "aflopend_zonder_verlengingsoptie",
            "Aflopende plaatsen zonder verlengingsoptie",
            "Plaatsen in open locaties waarvan het contract binnen de middellange horizon "
            "afloopt zonder verlengingsoptie: ze verdwijnen tenzij er een nieuw contract komt. "
            "Geen gegevens als het register de optie niet bij elke aflopende locatie noemt.",
            "plaatsen",
            REGISTER,
            frozenset({Surface.OPVANGBEELD, Surface.API, Surface.CLI}),
            _reception(lambda r: r.ending_without_option),
            higher_is_better=False,
        ),
        FigureDefinition(
            "evenredig_deel_capaciteit",
            "Evenredig deel van de capaciteit nu",
            "De landelijke capaciteit nu maal het aandeel van de provincie in de inwoners van "
            "Nederland: wat de provincie zou hebben bij een spreiding naar inwoners.",
            "plaatsen",
            INHABITANTS,
            frozenset({Surface.OPVANGBEELD, Surface.API, Surface.CLI, Surface.RAPPORT}),
            _reception(lambda r: r.fair_share_capacity),
            scopes="provincie",
        ),
        FigureDefinition(
            "evenredig_deel_reguliere_behoefte",
            "Evenredig deel van de reguliere behoefte",
            "De landelijke reguliere capaciteit nu plus het landelijke reguliere tekort op korte "
            "termijn, maal het aandeel van de provincie in de inwoners: het eerlijke aandeel "
            "waarmee de verdeling over provincies rekent.",
            "plaatsen",
            INHABITANTS,
            frozenset({Surface.OPVANGBEELD, Surface.API, Surface.CLI}),
            _reception(lambda r: r.fair_share_regular_need),
            scopes="provincie",
        ),
        FigureDefinition(
            "vergunninghouders_in_opvang",
            "Vergunninghouders in de opvang",
            "Statushouders die in de opvang wachten op een woning, volgens de landelijke reeks "
            "van de week (alleen landelijk bekend).",
            "personen",
            SERIES,
            frozenset({Surface.API, Surface.CLI, Surface.RAPPORT, Surface.OPVANGBEELD}),
            lambda f: f.waiting_in_reception,
            higher_is_better=False,
            scopes="landelijk",
        ),
        FigureDefinition(
            "vergunninghouders_langer_dan_14_weken",
            "Vergunninghouders langer dan 14 weken in de opvang",
            "Van de vergunninghouders in de opvang: wie langer dan 14 weken na de vergunning op "
            "een woning wacht, volgens de landelijke reeks van de week. Alleen als de reeks dat "
            "cijfer levert; anders geen gegevens (nooit 0).",
            "personen",
            SERIES,
            frozenset({Surface.API, Surface.CLI, Surface.RAPPORT, Surface.OPVANGBEELD}),
            lambda f: f.waiting_long,
            higher_is_better=False,
            scopes="landelijk",
        ),
        FigureDefinition(
            "plekken_vrij_bij_inlopen_achterstand",
            "Opvangplekken vrij als de achterstand wordt ingelopen",
            "De achterstand op schema van de taakstelling, hoogstens het aantal "
            "vergunninghouders in de opvang: zoveel plekken komen vrij als gemeenten weer op "
            "schema huisvesten. Een bovengrens: een deel van de taakstelling zijn nareizigers, "
            "die geen opvangplek hebben. Zolang de gebruikte realisatie de stand op de eerste "
            "dag van het halfjaar geeft (1 januari of 1 juli), is nog niemand achter op schema "
            "(de meegenomen achterstand zit dan in de gecorrigeerde taakstelling), dus is dit "
            "cijfer dan 0.",
            "plaatsen",
            SERIES,
            frozenset({Surface.API, Surface.CLI, Surface.RAPPORT, Surface.OPVANGBEELD}),
            lambda f: f.places_freed_by_catching_up,
            scopes="landelijk",
            per_period=True,  # the arrears on schedule of the period
        ),
    ]
    housing = [
        FigureDefinition(
            "taakstelling",
            "Taakstelling (nieuw deze periode)",
            "Het aandeel van de gemeenten in het landelijke aantal te huisvesten "
            "vergunninghouders van het halfjaar, naar inwoners, zonder achterstand.",
            "personen",
            REALISATION,
            DATA_ONLY,
            _housing(lambda h: h.taakstelling),
        ),
        FigureDefinition(
            "achterstand_meegenomen",
            "Achterstand uit vorige periode",
            "Het saldo van achterstanden min voorsprongen dat gemeenten uit het vorige halfjaar "
            "meenemen; het staat vast bij het begin van de periode. Geen gegevens (nooit 0) als "
            "het vorige halfjaar hier niet is vastgesteld: dan is niets meegenomen en is de "
            "gecorrigeerde taakstelling de taakstelling.",
            "personen",
            REALISATION,
            NOT_ON_PICTURE,
            _housing(lambda h: h.arrears_carried),
            higher_is_better=False,
        ),
        FigureDefinition(
            "gecorrigeerde_taakstelling",
            "Gecorrigeerde taakstelling",
            "Taakstelling plus achterstand (min voorsprong) uit de vorige periode: waar de "
            "gemeenten dit halfjaar op worden aangesproken.",
            "personen",
            REALISATION,
            NOT_ON_PICTURE,
            _housing(lambda h: h.corrected),
        ),
        FigureDefinition(
            "gehuisvest",
            "Gehuisvest in de periode",
            "Vergunninghouders die COA in deze periode als gehuisvest heeft geregistreerd, volgens "
            "de laatste realisatie op of voor de week.",
            "personen",
            REALISATION,
            NOT_ON_PICTURE,
            _housing(lambda h: h.housed),
            higher_is_better=True,
        ),
        FigureDefinition(
            "gehuisvest_procent",
            "Gehuisvest als deel van de gecorrigeerde taakstelling",
            "Gehuisvest gedeeld door de gecorrigeerde taakstelling, in procenten.",
            "%",
            REALISATION,
            NOT_ON_PICTURE,
            _housing(lambda h: h.share_housed),
            decimals=1,
            higher_is_better=True,
        ),
        FigureDefinition(
            "verwacht_gehuisvest",
            "Verwacht gehuisvest",
            "Gecorrigeerde taakstelling maal verstreken maanden gedeeld door zes: wat op schema "
            "gehuisvest zou zijn. COA meldt de realisatie als stand op de eerste van de maand; "
            "de maanden tellen tot de eerste waarvan de gebruikte realisatie de stand geeft, "
            "zodat verwacht en gehuisvest over dezelfde dag gaan (met de levering van week 48 "
            "van 2021: 1 december, vijf maanden).",
            "personen",
            REALISATION,
            DATA_ONLY,
            _housing(lambda h: h.expected),
        ),
        FigureDefinition(
            "achterstand_op_schema",
            "Achterstand op schema",
            "Wat de gemeenten die achter lopen samen nog moeten huisvesten om weer op schema te "
            "zijn; gemeenten die voor lopen tellen niet tegen. Het schema geldt op de eerste "
            "van de maand waarvan de gebruikte realisatie de stand geeft.",
            "personen",
            REALISATION,
            NOT_ON_PICTURE,
            _housing(lambda h: h.schedule_arrears),
            higher_is_better=False,
        ),
        FigureDefinition(
            "nog_te_huisvesten",
            "Nog te huisvesten in de periode",
            "Gecorrigeerde taakstelling min gehuisvest (negatief: meer gehuisvest dan gevraagd).",
            "personen",
            REALISATION,
            DATA_ONLY,
            _housing(lambda h: h.remaining),
            higher_is_better=False,
        ),
        FigureDefinition(
            "gemeenten_achter",
            "Gemeenten achter op schema",
            "Aantal gemeenten dat enigszins of ver achter loopt.",
            "gemeenten",
            REALISATION,
            NOT_ON_PICTURE,
            _housing(lambda h: h.behind),
            higher_is_better=False,
        ),
        _class_figure(ScheduleClass.ON_SCHEDULE, "gemeenten_op_schema"),
        _class_figure(ScheduleClass.SOMEWHAT_BEHIND, "gemeenten_enigszins_achter"),
        _class_figure(ScheduleClass.FAR_BEHIND, "gemeenten_ver_achter"),
    ]
    return tuple(reception + [replace(d, per_period=True) for d in housing])


CATALOGUE: tuple[FigureDefinition, ...] = _definitions()
"""Every key figure, in the order surfaces list them."""

BY_CODE: Mapping[str, FigureDefinition] = MappingProxyType({d.code: d for d in CATALOGUE})

if len(BY_CODE) != len(CATALOGUE):  # pragma: no cover - a typo in the table above
    raise RuntimeError("twee kerncijfers hebben dezelfde code")
if len({d.name for d in CATALOGUE}) != len(CATALOGUE):  # pragma: no cover
    raise RuntimeError("twee kerncijfers hebben dezelfde naam")


def definition(code: str) -> FigureDefinition:
    """The definition of ``code``; KeyError names the unknown code."""
    return BY_CODE[code]


def on_surface(surface: Surface, figures: ScopeFigures) -> Iterator[FigureDefinition]:
    """The figures a surface shows for this scope, in catalogue order."""
    return (d for d in CATALOGUE if surface in d.surfaces and d.applies_to(figures))


def values(figures: ScopeFigures) -> dict[str, Number | None]:
    """Every applicable figure of a scope by code (None: no data)."""
    return {d.code: d.value(figures) for d in CATALOGUE if d.applies_to(figures)}


def new_period_text(label: str) -> str:
    """What a change across a half-year boundary says instead of a number: a figure of the
    taakstelling starts again with each period (housed 381 in 2021-II is no fall of 11.244
    from 11.625 in 2021-I). One text for cards, report (web, PDF, Excel), API, command line
    and e-mail."""
    return f"nieuw halfjaar ({label})"


def change_note(*, new_period: str = "", suppressed: bool = False) -> str:
    """Why a change is no number while both values may be known: a new half year
    (:func:`new_period_text`), or a side afgeschermd; "" when the change is a number (or
    simply unknown: no data)."""
    if new_period:
        return new_period_text(new_period)
    return SUPPRESSED_TEXT if suppressed else ""


def crossed_period(figure: FigureDefinition, now: ScopeFigures, other: ScopeFigures | None) -> str:
    """The label of ``now``'s half year when ``figure`` belongs to a period and ``other`` (last
    week, the chosen earlier week) lies in another one; "" when the two compare."""
    if other is None or not figure.per_period or other.period == now.period:
        return ""
    return now.period.label


@dataclass(frozen=True, slots=True)
class FigureChange:
    """A figure now, last week and (optionally) at a chosen earlier week such as the previous
    meeting, with the differences (None when either side is unknown, or of another half
    year)."""

    definition: FigureDefinition
    value: Number | None
    earlier: Number | None
    meeting: Number | None = None
    meeting_label: str = ""
    suppressed: bool = False
    """Afgeschermd this week (small-cell rule): ``value`` is None and so is every change."""
    earlier_suppressed: bool = False
    """Afgeschermd last week: ``earlier`` is None for that reason, not for lack of data."""
    reason: str = ""
    """Why ``value`` is None this week, in Dutch, where the week's data says why (the
    taakstelling of the half year is not set); "" when it has a value or no known cause."""
    suppressed_note: str = ""
    """Why the figure is afgeschermd this week (:meth:`FigureDefinition.suppressed_note`):
    the card and the API say it beside "afgeschermd"; "" when it is not."""
    new_period: str = ""
    """This week's half year when the figure belongs to a period and last week lies in
    another: the change is no number (:func:`new_period_text`); "" otherwise."""
    meeting_new_period: str = ""
    """The same for the chosen earlier week (``meeting_label``)."""

    @property
    def text(self) -> str:
        """The value as people read it: "33.057", "12,3 %", "geen gegevens", "afgeschermd"."""
        return self.definition.text(self.value, suppressed=self.suppressed)

    def _delta(self, other: Number | None) -> Number | None:
        return figure_delta(self.value, other, self.definition.decimals)

    @property
    def change(self) -> Number | None:
        """Since last week; None across a half-year boundary (:attr:`change_note`)."""
        return None if self.new_period else self._delta(self.earlier)

    @property
    def change_suppressed(self) -> bool:
        """The change since last week is unknown because a side is afgeschermd: surfaces
        write "afgeschermd" there, not "geen gegevens"."""
        return self.suppressed or self.earlier_suppressed

    @property
    def change_note(self) -> str:
        """What stands where the change since last week is no number: "nieuw halfjaar
        (2021-II)", "afgeschermd", or "" (a number, or no data)."""
        return change_note(new_period=self.new_period, suppressed=self.change_suppressed)

    @property
    def change_since_meeting(self) -> Number | None:
        """Since the chosen earlier week (``meeting_label``); None across a half year."""
        if not self.meeting_label or self.meeting_new_period:
            return None
        return self._delta(self.meeting)

    @property
    def meeting_change_note(self) -> str:
        """:attr:`change_note` for the chosen earlier week (a new half year only)."""
        return change_note(new_period=self.meeting_new_period)


def figure_delta(value: Number | None, earlier: Number | None, decimals: int) -> Number | None:
    """A figure's change since an earlier value: None when either is unknown (never a change
    from or to 0 in its place), rounded to the figure's decimals. The one rule for the pages,
    the API and the frozen report."""
    if value is None or earlier is None:
        return None
    delta = value - earlier
    return round_half_up_to(delta, decimals) if isinstance(delta, float) else delta


def changes(
    now: ScopeFigures,
    earlier: ScopeFigures | None,
    surface: Surface | None = None,
    *,
    meeting: ScopeFigures | None = None,
    reasons: Mapping[str, str] | None = None,
) -> tuple[FigureChange, ...]:
    """Each figure (of a surface, or all) with its value last week and, when ``meeting`` is
    given, in that earlier week (the previous meeting), for the changes; ``reasons`` by code
    say why a figure has no value this week (read from the database by the app that knows);
    a figure of the taakstelling has no change against a week of another half year
    (:func:`crossed_period`)."""
    chosen = CATALOGUE if surface is None else tuple(on_surface(surface, now))
    why = reasons or {}
    return tuple(
        FigureChange(
            d,
            d.value(now),
            None if earlier is None else d.value(earlier),
            None if meeting is None else d.value(meeting),
            "" if meeting is None else meeting.week.label,
            d.suppressed(now),
            earlier is not None and d.suppressed(earlier),
            reason=why.get(d.code, ""),
            suppressed_note=d.suppressed_note(now),
            new_period=crossed_period(d, now, earlier),
            meeting_new_period=crossed_period(d, now, meeting),
        )
        for d in chosen
        if d.applies_to(now)
    )


@dataclass(frozen=True, slots=True)
class HistoryPoint:
    """A figure in one ISO week; ``value`` None is a week without data (a gap, never 0), or,
    with ``suppressed``, a week whose value is afgeschermd for this reader."""

    week: str
    value: Number | None
    suppressed: bool = False


@dataclass(frozen=True, slots=True)
class FigureHistory:
    """A figure of one scope over past weeks (oldest first, ending at the chosen week), and
    ahead where the figures model projects it (``projection``; empty while it does not)."""

    definition: FigureDefinition
    scope: str
    points: tuple[HistoryPoint, ...]
    projection: tuple[HistoryPoint, ...] = ()

    @property
    def known(self) -> tuple[HistoryPoint, ...]:
        return tuple(p for p in self.points if p.value is not None)

    def summary(self) -> str:
        """The trend as one Dutch sentence: the text alternative of its sparkline."""
        return trend_summary(
            self.definition.name,
            [(p.week, p.value) for p in self.points],
            self.definition.text,
            [(p.week, p.value) for p in self.projection],
            suppressed=[p.suppressed for p in self.points],
        )


def trend_summary(
    name: str,
    points: Sequence[tuple[str, Number | None]],
    text: Callable[[Number | None], str],
    projection: Sequence[tuple[str, Number | None]] = (),
    *,
    suppressed: Sequence[bool] = (),
) -> str:
    """A figure's weeks in one Dutch sentence (first and last known value, lowest, highest,
    weeks afgeschermd and weeks without data, the projection's end): what a screen reader
    says for a sparkline. ``suppressed`` flags the weeks whose value is afgeschermd (empty:
    none recorded)."""
    if not points:
        return f"{name}: verloop niet bekend"
    span = f"{points[0][0]} tot en met {points[-1][0]}"
    known = [(week, value) for week, value in points if value is not None]
    hidden = sum(1 for flag in suppressed if flag)
    gaps = len(points) - len(known) - hidden
    missing = [
        f"{count} {'week' if count == 1 else 'weken'} {what}"
        for count, what in ((hidden, "afgeschermd"), (gaps, "zonder gegevens"))
        if count
    ]
    if not known:
        return f"{name}, {span}: " + (
            "afgeschermd" if not gaps else "geen gegevens" if not hidden else "; ".join(missing)
        )
    values = [value for _week, value in known]
    first, last = known[0], known[-1]
    result = (
        f"{name}, {span}: van {text(first[1])} in {first[0]} naar {text(last[1])} in {last[0]}; "
        f"laagste {text(min(values))}, hoogste {text(max(values))}"
    )
    if missing:
        result += "; " + "; ".join(missing)
    ahead = [(week, value) for week, value in projection if value is not None]
    if ahead:
        result += f"; verwacht {text(ahead[-1][1])} in {ahead[-1][0]}"
    return result
