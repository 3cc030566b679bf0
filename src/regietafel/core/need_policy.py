"""Reception need as practice defines it: need policies as dated data, applied to forecast paths.

Three kinds of policy have been used for the places needed on top of occupancy:

- **occupancy rate** (COA): places needed = forecast occupancy ÷ a rate — 96 % in the
  capacity decision of November 2022, 91 % in that of November 2023;
- **fixed buffer**: occupancy + a fixed number — the 417 places the LRT chose in spring 2021;
- **percentage**: occupancy × (1 + a percentage).

``NEED_POLICIES`` lists the dated decisions; :func:`policy_on` gives the one that applied on a
day, so a published report can record which was used. COA sets the need for target dates
(1 January, 1 July); :func:`need_on` gives the need on such a date from every forecast path.

Capacity "if nothing is extended" (COA's portfolio when expiring contracts end) is a property
of the contracts, not of need: ``regietafel.core.capacity.ContractedCapacity`` counts it on
any day, and the forecast sets the need from here beside it on each target date.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from fractions import Fraction
from typing import Any, overload

import numpy as np
import numpy.typing as npt

from regietafel.core.forecast import FloatArray, ForecastError, weeks_until
from regietafel.core.formatting import format_date_nl


class NeedPolicyKind(StrEnum):
    OCCUPANCY_RATE = "bezettingsgraad"
    FIXED_BUFFER = "vaste-buffer"
    PERCENTAGE = "percentage"


@dataclass(frozen=True, slots=True)
class NeedPolicy:
    """One way to turn occupancy into places needed, valid from a date, with its source.

    The one need rule of regietafel: the forecast, the reception picture, the shopping list
    and the report all ask :meth:`need` or :meth:`buffer_places`. ``value`` is read as the
    decimal it was written as (0.96 is exactly 96/100), so floating point never adds a place:
    need = ⌈occupancy ÷ rate⌉, occupancy + fixed, or ⌈occupancy × (1 + percentage)⌉.
    """

    key: str
    kind: NeedPolicyKind
    value: float
    valid_from: date
    label: str
    source: str

    def __post_init__(self) -> None:
        if self.value < 0 or (
            self.kind is NeedPolicyKind.OCCUPANCY_RATE and not 0 < self.value <= 1
        ):
            raise ValueError(f"ongeldige waarde {self.value} voor behoeftebeleid '{self.key}'")

    @overload
    def need(self, occupancy: int) -> int: ...
    @overload
    def need(self, occupancy: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]: ...
    @overload
    def need(self, occupancy: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]: ...

    def need(self, occupancy: Any) -> Any:
        """Places needed for each occupancy value (an int or an array), whole places rounded
        up; exact integer arithmetic, so 100 at 7 % is 107, not 108 by float error."""
        exact = Fraction(str(self.value))
        if self.kind is NeedPolicyKind.FIXED_BUFFER:
            return occupancy + int(exact)
        if self.kind is NeedPolicyKind.OCCUPANCY_RATE:
            num, den = exact.denominator, exact.numerator  # occupancy ÷ rate
        else:
            num, den = exact.denominator + exact.numerator, exact.denominator
        return -((-occupancy * num) // den)  # ceiling division, also on numpy arrays

    @property
    def national_only(self) -> bool:
        """A fixed buffer is a national number of places: never copied into a province."""
        return self.kind is NeedPolicyKind.FIXED_BUFFER

    def in_province(self) -> NeedPolicy:
        """The part of the policy that applies inside one province: a fixed buffer is a
        national number and adds nothing there; a rate or percentage applies unchanged."""
        return replace(self, value=0) if self.national_only else self

    def for_scope(self, *, national: bool) -> NeedPolicy:
        """The policy as it applies to a scope: itself nationally, :meth:`in_province` in a
        province (the one place that says so for the figures and the forecast)."""
        return self if national else self.in_province()

    def label_for(self, *, national: bool) -> str:
        """The policy's name as it applies to a scope: in a province a fixed buffer adds
        nothing, and a reader who sees "+417" beside a province's need equal to its
        occupancy must be told why."""
        if national or not self.national_only:
            return self.label
        return f"{self.label}; die telt alleen landelijk, in een provincie geen buffer"

    def buffer_places(self, occupancy: int, *, regular: bool = True, national: bool = True) -> int:
        """Places needed on top of ``occupancy`` in one category of one scope.

        A rate or percentage applies to every category and every scope (rounded up in each);
        a fixed buffer only to the national regular reception.
        """
        applies = self.for_scope(national=national)
        if applies.national_only and not regular:
            return 0
        return int(applies.need(occupancy)) - occupancy


NO_POLICY = NeedPolicy(
    "geen-buffer", NeedPolicyKind.FIXED_BUFFER, 0, date(1900, 1, 1), "geen buffer", "—"
)

NEED_POLICIES: tuple[NeedPolicy, ...] = (
    NeedPolicy(
        "coa-reserve-2019", NeedPolicyKind.FIXED_BUFFER, 2_000, date(2019, 4, 1),
        "vaste reserve van 2.000 plekken (COA 2019–2021)",
        "COA capaciteitsbesluit april 2019 (rd.nl): 2.500 nieuwe plekken waarvan 2.000 reserve",
    ),
    NeedPolicy(
        "lrt-voorjaar-2021", NeedPolicyKind.FIXED_BUFFER, 417, date(2021, 3, 1),
        "vaste buffer van 417 plekken (LRT voorjaar 2021)",
        "LRT-notulen voorjaar 2021: 417 extra plekken aanhouden in plaats van af- en opschalen",
    ),
    NeedPolicy(
        "coa-2022-11", NeedPolicyKind.OCCUPANCY_RATE, 0.96, date(2022, 11, 1),
        "bezettingsgraad 96\u00a0% (COA november 2022)",
        "COA capaciteitsbesluit november 2022 (coa.nl/lijst/capaciteit-en-bezetting): 'dat 96% "
        "van de beschikbare plaatsen gebruikt wordt'",
    ),
    NeedPolicy(
        "coa-2023-11", NeedPolicyKind.OCCUPANCY_RATE, 0.91, date(2023, 11, 10),
        "bezettingsgraad 91\u00a0% (COA november 2023)",
        "COA capaciteitsbesluit november 2023 (coa.nl): 'een aan te houden "
        "bezettingspercentage van 91%'",
    ),
)  # fmt: skip
"""The dated need policies, oldest first."""


def percentage_policy(percentage: float, *, valid_from: date = date(1900, 1, 1)) -> NeedPolicy:
    """A percentage buffer (``percentage`` 0.05 = 5 %), for comparisons and what-ifs."""
    shown = f"{percentage * 100:g}".replace(".", ",")
    return NeedPolicy(
        f"percentage-{shown}", NeedPolicyKind.PERCENTAGE, percentage, valid_from,
        f"buffer van {shown}\u00a0% van de bezetting", "eigen keuze",
    )  # fmt: skip


def policy_on(day: date, policies: Sequence[NeedPolicy] = NEED_POLICIES) -> NeedPolicy:
    """The policy decided last on or before ``day`` (no buffer before the first)."""
    valid = [p for p in policies if p.valid_from <= day]
    return max(valid, key=lambda p: p.valid_from) if valid else NO_POLICY


RESERVE_PERCENTAGE = dataclasses.replace(
    percentage_policy(0.07),
    label="buffer van 7\u00a0% van de bezetting (de COA-reserve van 2019 als percentage)",
    source="COA capaciteitsbesluit april 2019: 2.000 reserveplekken op ongeveer 27.000 plekken",
)
"""The percentage the buffer comparison weighs ("vaste buffer 7 %"), choosable as a need."""

CHOOSABLE_POLICIES: tuple[NeedPolicy, ...] = (*NEED_POLICIES, RESERVE_PERCENTAGE, NO_POLICY)
"""What the LRT can choose for a week, and a forecast can be asked with: a dated policy, the
reserve as a percentage, or none (need = occupancy)."""


def policy_by_key(key: str) -> NeedPolicy:
    """A choosable policy by key (KeyError for an unknown one)."""
    for policy in CHOOSABLE_POLICIES:
        if policy.key == key:
            return policy
    raise KeyError(key)


def target_dates(start: date, weeks: int) -> tuple[date, ...]:
    """1 January and 1 July inside the forecast window (COA's target dates)."""
    found = []
    for year in range(start.year, start.year + weeks // 52 + 2):
        for month in (1, 7):
            day = date(year, month, 1)
            if 0 <= weeks_until(start, day) < weeks:
                found.append(day)
    return tuple(found)


def need_on(
    occupancy: npt.NDArray[np.int64], start: date, day: date, policy: NeedPolicy
) -> FloatArray:
    """Places needed on ``day`` in every path: occupancy of the week containing it, by policy.

    ``ForecastError`` (Dutch, naming the run's span) when ``day`` lies outside the run: a
    target date or goal the user typed.
    """
    weeks = occupancy.shape[1]
    week = weeks_until(start, day)
    if not 0 <= week < weeks:
        raise ForecastError(
            f"{format_date_nl(day)} valt buiten de prognose ({weeks} weken vanaf "
            f"{format_date_nl(start)})"
        )
    result: FloatArray = np.asarray(policy.need(occupancy[:, week]), dtype=np.float64)
    return result
