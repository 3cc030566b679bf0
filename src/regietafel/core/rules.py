"""Rules as data: every policy choice of the reception picture lives in this one module.

The LRT changes its mind about horizons, buffers and thresholds more often than we change
code. Keeping each choice here, named and documented, means a change of policy is a change
of one constant, reviewable on its own, and the computing modules stay free of magic numbers.
Values of the enums are stable machine keys; ``label`` gives the Dutch text for people.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType


class LocationType(StrEnum):
    """The kinds of reception location COA and municipalities run."""

    REGULIER = "regulier"
    PROCES = "proces"
    AMV = "amv"
    SOBER = "sober"
    NOODOPVANG = "noodopvang"
    CRISISNOODOPVANG = "crisisnoodopvang"
    HOTEL = "hotel"

    @property
    def label(self) -> str:
        return _LOCATION_TYPE_LABELS[self]


_LOCATION_TYPE_LABELS = {
    LocationType.REGULIER: "regulier azc",
    LocationType.PROCES: "proces-opvang",
    LocationType.AMV: "AMV kleinschalig",
    LocationType.SOBER: "sobere opvang veilige landers",
    LocationType.NOODOPVANG: "noodopvang",
    LocationType.CRISISNOODOPVANG: "crisisnoodopvang",
    LocationType.HOTEL: "hotel/boot/accommodatieregeling",
}


class Durability(StrEnum):
    """Whether a location's places are meant to stay (structureel) or end with a contract."""

    STRUCTUREEL = "structureel"
    TIJDELIJK = "tijdelijk"

    @property
    def label(self) -> str:
        return "structureel (duurzaam)" if self is Durability.STRUCTUREEL else "tijdelijk"


class QualityStandard(StrEnum):
    """The standard a location is run to: regular COA quality or (crisis) emergency reception."""

    REGULIER = "regulier"
    NOODOPVANG = "noodopvang"
    CRISISNOODOPVANG = "crisisnoodopvang"

    @property
    def label(self) -> str:
        return str(self.value)


QUALITY_BY_TYPE: Mapping[LocationType, QualityStandard] = MappingProxyType(
    {
        LocationType.REGULIER: QualityStandard.REGULIER,
        LocationType.PROCES: QualityStandard.REGULIER,
        LocationType.AMV: QualityStandard.REGULIER,
        LocationType.NOODOPVANG: QualityStandard.NOODOPVANG,
        LocationType.CRISISNOODOPVANG: QualityStandard.CRISISNOODOPVANG,
    }
)
"""The quality standard an empty ``kwaliteit`` cell means, by location type. Sober reception
and hotels/boats have no default: their standard varies, so it stays unknown."""


class NeedCategory(StrEnum):
    """The groups whose need the LRT tracks apart: AMV and sober places are not interchangeable."""

    REGULAR = "regulier"
    AMV = "amv"
    SOBER = "sober"

    @property
    def label(self) -> str:
        return _NEED_CATEGORY_LABELS[self]


_NEED_CATEGORY_LABELS = {
    NeedCategory.REGULAR: "reguliere opvang",
    NeedCategory.AMV: "AMV-opvang",
    NeedCategory.SOBER: "sobere opvang",
}

NEED_CATEGORY_OF: Mapping[LocationType, NeedCategory] = MappingProxyType(
    {
        location_type: (
            NeedCategory.AMV
            if location_type is LocationType.AMV
            else NeedCategory.SOBER
            if location_type is LocationType.SOBER
            else NeedCategory.REGULAR
        )
        for location_type in LocationType
    }
)
"""Every place that is not AMV or sober serves the regular need (emergency places too)."""

STANDARD_LOCATION_SIZE: Mapping[NeedCategory, int] = MappingProxyType(
    {
        # Minutes, autumn 2021: "zes à zeven locaties voor elk 50 personen".
        NeedCategory.AMV: 50,
        # ASSUMPTION: the minutes name no size for sober locations ("minimaal twee locaties");
        # 100 places is our working default until the LRT or COA gives a figure.
        NeedCategory.SOBER: 100,
    }
)
"""Places per location, to express an AMV or sober gap as a number of locations to find."""


def need_category(location_type: LocationType) -> NeedCategory:
    """The need a location of this type serves."""
    return NEED_CATEGORY_OF[location_type]


class HorizonRole(StrEnum):
    """The three look-aheads by their role; a horizon is found by its role, never by equality.

    A table may change the weeks of a horizon (``REGIETAFEL_HORIZONS``); the role stays, so
    "the short-term shortfall" means the same figure whatever its length.
    """

    SHORT = "kort"
    MEDIUM = "middellang"
    LONG = "lang"


_ROLE_NAMES = frozenset(role.value for role in HorizonRole)


@dataclass(frozen=True)
class Horizon:
    """A look-ahead the LRT reasons in; capacity is taken on the reference day of its last week.

    ``use_projection`` says whether the need uses projected occupancy (medium and long term)
    or the latest observed occupancy (short term: the trend adds noise, not information).
    """

    name: str
    label: str
    weeks: int
    use_projection: bool = True

    def __post_init__(self) -> None:
        if self.weeks < 1:
            raise ValueError(f"een horizon duurt minstens één week, niet {self.weeks}")

    @property
    def role(self) -> HorizonRole | None:
        """Short, medium or long; None for an ad-hoc horizon (a demo calibration window)."""
        return HorizonRole(self.name) if self.name in _ROLE_NAMES else None

    @property
    def weeks_ahead(self) -> int:
        """Weeks from the week's Monday to the horizon's peildatum (the Monday of its last
        week): capacity, projected occupancy and so need are all read on that one day."""
        return self.weeks - 1

    def reference_day(self, monday: date) -> date:
        """The peildatum of this horizon from a week starting on ``monday``: the Monday of its
        last week. Capacity and need are read on it, so extra places are needed by then (the
        picture's peildatum and the shopping list's deadline are this one day)."""
        return monday + timedelta(weeks=self.weeks_ahead)


SHORT = Horizon("kort", "korte termijn", 4, use_projection=False)
MEDIUM = Horizon("middellang", "middellange termijn", 26)
LONG = Horizon("lang", "lange termijn", 104)
DEFAULT_HORIZONS: tuple[Horizon, ...] = (SHORT, MEDIUM, LONG)

MAX_HORIZON_WEEKS = 104
"""The capacity timeline runs two years; no horizon may look further."""


def horizons_of(weeks: Sequence[int]) -> tuple[Horizon, ...]:
    """The short, medium and long horizon with other lengths (a table's own choice).

    The three lengths must increase and stay within ``MAX_HORIZON_WEEKS``; names, labels and
    the rule that only the short term uses observed occupancy stay as in the defaults.
    """
    if len(weeks) != len(DEFAULT_HORIZONS):
        raise ValueError("geef drie horizons in weken: kort, middellang en lang (bijv. 4,26,104)")
    if any(w < 1 or w > MAX_HORIZON_WEEKS for w in weeks):
        raise ValueError(f"een horizon ligt tussen 1 en {MAX_HORIZON_WEEKS} weken")
    if list(weeks) != sorted(set(weeks)):
        raise ValueError("de horizons moeten oplopen: kort < middellang < lang")
    return tuple(
        Horizon(h.name, h.label, int(w), use_projection=h.use_projection)
        for h, w in zip(DEFAULT_HORIZONS, weeks, strict=True)
    )


CLOSURE_LOOKAHEAD = MEDIUM
"""Closures of temporary locations enter the shopping list when they fall within this horizon."""


# The need rule (occupancy → places needed: a rate, a fixed buffer or a percentage) and its dated
# policies live in ``core.need_policy``; the weekly figures use the policy of the week.


TREND_WINDOW_WEEKS = 8
"""Occupancy trend: a straight line through at most this many latest weekly observations."""

TREND_MAX_WEEKS = 13
"""The straight trend line runs at most one quarter ahead; after that the projection stays flat.

Eight weeks of occupancy say something about the next months, not about the next two years:
extending the line 104 weeks turned a rising autumn into a doubling of need. Beyond a quarter
the picture shows the level the trend reaches, until a real forecast replaces this assumption.
"""

DATA_VALID_WEEKS: Mapping[str, int] = MappingProxyType(
    {"locaties": 5, "reeksen": 5, "realisatie": 9}
)
"""How long a delivery holds for the weeks after it, by import kind (an assumption of ours).

The figures of a week come from the latest delivery up to that week; a weekly register or
series holds for itself and the four weeks after (a missed delivery is normal, more than a
month without one is not), the monthly realisation (state on the first of the month) for
two months and a week.
An older delivery is not carried forward: the week has no data, and nothing is published from
it, instead of showing the state of a long gone week as if it were current.
An official MPP ("mpp") is not in this list: it holds until a later MPP replaces it.
"""

SUCCESSOR_WINDOW = timedelta(days=28)
"""A closing temporary location has a successor when another location of the same need
category in the same municipality starts within this many days before or after its end date.
The successor's size is deliberately ignored: the rule flags missing plans, not missing places
(the gap figures count places)."""


class ScheduleClass(StrEnum):
    """Progress classes for a municipality's taakstelling, as on the Opnieuw Thuis map."""

    ON_SCHEDULE = "op-schema"
    SOMEWHAT_BEHIND = "enigszins-achter"
    FAR_BEHIND = "ver-achter"

    @property
    def label(self) -> str:
        return _SCHEDULE_LABELS[self]


_SCHEDULE_LABELS = {
    ScheduleClass.ON_SCHEDULE: "op schema",
    ScheduleClass.SOMEWHAT_BEHIND: "enigszins achter",
    ScheduleClass.FAR_BEHIND: "ver achter",
}

PERIOD_MONTHS = 6
"""A taakstelling period is a half year."""

SOMEWHAT_BEHIND_SHARE = Fraction(3, 4)
"""Somewhat behind (not far behind) while housed is at least 3/4 of the expected number.

An assumption, not a published rule: the Opnieuw Thuis monitor (2016-2019) showed three
classes but no public source gives the line between "somewhat" and "far" behind. A
deployment sets its own share with ``REGIETAFEL_ENIGSZINS_ACHTER`` (a fraction such as
``3/4`` or a percentage such as ``75``); every page that shows the classes states it."""


def schedule_class(
    housed: int,
    corrected_task: int,
    months_elapsed: int,
    *,
    somewhat_behind: Fraction = SOMEWHAT_BEHIND_SHARE,
) -> ScheduleClass:
    """Classify progress; expected = corrected task × months elapsed / 6, compared exactly.

    Exact arithmetic avoids a municipality flipping class on a floating-point error.
    """
    if not 0 <= months_elapsed <= PERIOD_MONTHS:
        raise ValueError(f"maanden verstreken moet tussen 0 en 6 liggen, niet {months_elapsed}")
    if housed < 0:
        raise ValueError("het aantal gehuisveste vergunninghouders kan niet negatief zijn")
    if corrected_task <= 0 or months_elapsed == 0:
        return ScheduleClass.ON_SCHEDULE
    expected_times_period = corrected_task * months_elapsed
    if housed * PERIOD_MONTHS >= expected_times_period:
        return ScheduleClass.ON_SCHEDULE
    if housed * PERIOD_MONTHS >= expected_times_period * somewhat_behind:
        return ScheduleClass.SOMEWHAT_BEHIND
    return ScheduleClass.FAR_BEHIND


def parse_share(text: str) -> Fraction:
    """A share between 0 and 1 from "3/4", "0,75" or "75" (a number above 1 is a percentage).

    ValueError (Dutch) for anything else.
    """
    raw = text.strip().replace(",", ".").rstrip("%").strip()
    try:
        value = Fraction(raw)
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"'{text}' is geen breuk of percentage") from None
    if value > 1:
        value /= 100
    if not 0 <= value <= 1:
        raise ValueError(f"'{text}' ligt niet tussen 0 en 100 %")
    return value


def schedule_arrears(housed: int, corrected_task: int, months_elapsed: int) -> int:
    """Status holders a municipality must still house to be back on schedule (0 if on it).

    The complement of ``schedule_class``: expected = corrected task × months elapsed / 6,
    rounded up to whole people, minus housed, never negative.
    """
    if not 0 <= months_elapsed <= PERIOD_MONTHS:
        raise ValueError(f"maanden verstreken moet tussen 0 en 6 liggen, niet {months_elapsed}")
    if corrected_task <= 0:
        return 0
    expected = -(-corrected_task * months_elapsed // PERIOD_MONTHS)
    return max(0, expected - housed)


class TargetStatus(StrEnum):
    """Where an LRT target stands."""

    MET = "gehaald"
    ON_TRACK = "op-koers"
    BEHIND = "achter"
    LATE = "te-laat"

    @property
    def label(self) -> str:
        return _TARGET_STATUS_LABELS[self]


_TARGET_STATUS_LABELS = {
    TargetStatus.MET: "gehaald",
    TargetStatus.ON_TRACK: "op koers",
    TargetStatus.BEHIND: "achter",
    TargetStatus.LATE: "te laat",
}


class ShoppingItemStatus(StrEnum):
    """What a table has done with an item on the boodschappenlijstje."""

    OPEN = "open"
    PICKED_UP = "opgepakt"
    DONE = "afgerond"

    @property
    def label(self) -> str:
        return self.value


class Party(StrEnum):
    """The parties that can be asked to act."""

    PROVINCE = "provincie"
    COA = "coa"
    MUNICIPALITIES = "gemeenten"
    MINISTRY = "ministerie"

    @property
    def label(self) -> str:
        return _PARTY_LABELS[self]


_PARTY_LABELS = {
    Party.PROVINCE: "provincie/PRT",
    Party.COA: "COA",
    Party.MUNICIPALITIES: "gemeenten",
    Party.MINISTRY: "ministerie (JenV/BZK)",
}


class ShoppingCategory(StrEnum):
    """The kinds of action on the boodschappenlijstje; declaration order is the display order."""

    REGULAR_PLACES = "regulier-plaatsen"
    AMV_LOCATIONS = "amv-locaties"
    SOBER_LOCATIONS = "sober-locaties"
    REPLACE_TEMPORARY = "vervanging"
    HOUSING_ARREARS = "huisvesting-achterstand"

    @property
    def label(self) -> str:
        return _SHOPPING_CATEGORY_LABELS[self]


_SHOPPING_CATEGORY_LABELS = {
    ShoppingCategory.REGULAR_PLACES: "reguliere opvangplekken",
    ShoppingCategory.AMV_LOCATIONS: "AMV-locaties",
    ShoppingCategory.SOBER_LOCATIONS: "locaties sobere opvang",
    ShoppingCategory.REPLACE_TEMPORARY: "vervanging tijdelijke locaties",
    ShoppingCategory.HOUSING_ARREARS: "achterstand huisvesting vergunninghouders",
}

SHOPPING_CATEGORY_FOR_NEED: Mapping[NeedCategory, ShoppingCategory] = MappingProxyType(
    {
        NeedCategory.REGULAR: ShoppingCategory.REGULAR_PLACES,
        NeedCategory.AMV: ShoppingCategory.AMV_LOCATIONS,
        NeedCategory.SOBER: ShoppingCategory.SOBER_LOCATIONS,
    }
)

SHOPPING_PARTIES: Mapping[ShoppingCategory, tuple[Party, ...]] = MappingProxyType(
    {
        ShoppingCategory.REGULAR_PLACES: (Party.PROVINCE,),
        ShoppingCategory.AMV_LOCATIONS: (Party.COA, Party.PROVINCE),
        ShoppingCategory.SOBER_LOCATIONS: (Party.MINISTRY,),
        ShoppingCategory.REPLACE_TEMPORARY: (Party.COA,),
        ShoppingCategory.HOUSING_ARREARS: (Party.MUNICIPALITIES,),
    }
)
"""Who acts on each kind of item: the first party leads, the others work with it."""


def successor_window(end: date) -> tuple[date, date]:
    """The inclusive range of start dates of a successor to a location ending on ``end``."""
    return end - SUCCESSOR_WINDOW, end + SUCCESSOR_WINDOW


# Distribution of reception places: the rules of Spreidingswet practice (docs/verdeling.md).

DEFAULT_AMV_SHARE = Fraction(85, 1000)
"""Spreidingswet practice: about 8.5 % of a municipality's indicative figure is for AMV.

Source: NH Nieuws, 1 February 2024, on the indicative figures in the Staatscourant
("ongeveer 8,5 procent van het totale aantal plekken per gemeente")."""

SPREIDINGSWET_MINIMUM_PER_MUNICIPALITY = 5
"""Spreidingswet: every municipality's indicative figure is at least 5 places
(Schiermonnikoog got the minimum of 5; DOMAIN.md, Staatscourant January 2024)."""

SPREIDINGSWET_CAPACITY_ESTIMATE = 96_000
"""The national capacity estimate divided in 2024 (regular and AMV places, existing included)."""

CAPACITY_ESTIMATE_AFTER_MPP_2025 = 88_000
"""The next estimate, after the multi-year forecast (MPP) of September 2025."""


@dataclass(frozen=True)
class ExistingPlacesRule:
    """Which existing or planned places count against a unit's share of the whole.

    A location counts when all of the set conditions hold: it is open or opens within
    ``available_within_months`` of the reference day; it stays open for at least
    ``durable_years`` from the day it is available (no end date: durable); it has more than
    ``more_than_places`` places. ``None`` switches a condition off.
    """

    durable_years: int | None = None
    available_within_months: int | None = None
    more_than_places: int | None = None

    def __post_init__(self) -> None:
        for value in (self.durable_years, self.available_within_months, self.more_than_places):
            if value is not None and value < 0:
                raise ValueError("een voorwaarde voor bestaande plekken kan niet negatief zijn")

    @property
    def label(self) -> str:
        parts = []
        if self.available_within_months is not None:
            parts.append(f"open of binnen {self.available_within_months} maanden beschikbaar")
        if self.durable_years is not None:
            parts.append(f"minstens {self.durable_years} jaar open")
        if self.more_than_places is not None:
            parts.append(f"meer dan {self.more_than_places} plekken")
        return ", ".join(parts) if parts else "alle bestaande plekken"


ALL_EXISTING_PLACES = ExistingPlacesRule()
"""Every registered place counts (today's default: the fill-up and plain modes)."""

SPREIDINGSWET_EXISTING_PLACES = ExistingPlacesRule(
    durable_years=5, available_within_months=12, more_than_places=100
)
"""Spreidingswet 2024: existing locations, or those available within 12 months, of more
than 100 places and for more than 5 years count (gemeente.nu, January 2024: "Ook reeds
bestaande opvanglocaties of die binnen 12 maanden beschikbaar komen van meer dan 100 plekken
en langer dan 5 jaar tellen mee")."""
