"""The taakstelling huisvesting vergunninghouders (Huisvestingswet 2014, articles 28-31).

Each half year the state sets a national number of status holders to be housed; every
municipality's share is proportional to its inhabitants and rounded to whole persons so
that the shares add up exactly to the national number. Arrears (achterstand) of the
previous period are added, an advance (voorsprong, negative arrears) subtracted: the
result is the *gecorrigeerde taakstelling* the municipality is held to.

The regional variant pools municipalities: a region gets one task computed on its summed
inhabitants, shown next to the sum of its members' local tasks so both can be compared.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from regietafel.core.apportionment import Method, apportion


@dataclass(frozen=True, slots=True)
class MunicipalityShare:
    """What the engine needs to know about one municipality."""

    code: str
    name: str
    province: str
    inhabitants: int


@dataclass(frozen=True, slots=True)
class PreviousPeriod:
    """A municipality's corrected task in the previous period and how many it housed."""

    task: int
    housed: int

    @property
    def arrears(self) -> int:
        """Positive: achterstand; negative: voorsprong."""
        return self.task - self.housed


@dataclass(frozen=True, slots=True)
class TaakstellingRow:
    code: str
    name: str
    province: str
    inhabitants: int
    quota: float
    taakstelling: int
    arrears: int | None = None
    corrected: int | None = None
    region: str | None = None


@dataclass(frozen=True, slots=True)
class RegionRow:
    """One region: its pooled task next to the sum of its members' local tasks."""

    region: str
    members: int
    inhabitants: int
    quota: float
    regional_taakstelling: int
    local_taakstelling_sum: int
    arrears: int | None
    regional_corrected: int | None
    local_corrected_sum: int | None

    @property
    def difference(self) -> int:
        """Regional minus local: what pooling changes for the region as a whole."""
        return self.regional_taakstelling - self.local_taakstelling_sum


@dataclass(frozen=True, slots=True)
class TaakstellingResult:
    total: int
    method: Method
    rows: tuple[TaakstellingRow, ...]
    regions: tuple[RegionRow, ...] | None = None

    @property
    def with_arrears(self) -> bool:
        return any(row.arrears is not None for row in self.rows)


class TaakstellingError(ValueError):
    """Input that the engine cannot use; the message is Dutch."""


def compute_taakstelling(
    *,
    municipalities: Sequence[MunicipalityShare],
    total: int,
    method: Method = Method.HAMILTON,
    previous: Mapping[str, PreviousPeriod] | None = None,
    regions: Mapping[str, str] | None = None,
) -> TaakstellingResult:
    """Apportion ``total`` over ``municipalities`` by inhabitants, with optional carry-over.

    ``previous`` maps municipality codes to last period's corrected task and realisation;
    municipalities missing from it carry nothing over. ``regions`` maps every municipality
    code to a region name.
    """
    codes = [m.code for m in municipalities]
    if len(set(codes)) != len(codes):
        raise TaakstellingError("een gemeentecode komt dubbel voor")
    if previous is not None:
        unknown = sorted(set(previous) - set(codes))
        if unknown:
            raise TaakstellingError(f"onbekende gemeente in de realisatie: {unknown[0]}")
    if regions is not None:
        missing = [m for m in municipalities if m.code not in regions]
        if missing:
            raise TaakstellingError(
                f"gemeente {missing[0].code} ({missing[0].name}) heeft geen regio"
            )

    result = apportion([m.inhabitants for m in municipalities], total, method=method)
    rows: list[TaakstellingRow] = []
    for i, m in enumerate(municipalities):
        task = int(result.seats[i])
        arrears = corrected = None
        if previous is not None:
            prior = previous.get(m.code)
            arrears = prior.arrears if prior is not None else 0
            corrected = task + arrears
        rows.append(
            TaakstellingRow(
                code=m.code,
                name=m.name,
                province=m.province,
                inhabitants=m.inhabitants,
                quota=float(result.quota[i]),
                taakstelling=task,
                arrears=arrears,
                corrected=corrected,
                region=regions[m.code] if regions is not None else None,
            )
        )
    region_rows = (
        _regional(rows, total, method, with_arrears=previous is not None)
        if regions is not None
        else None
    )
    return TaakstellingResult(total=total, method=method, rows=tuple(rows), regions=region_rows)


def _regional(
    rows: Sequence[TaakstellingRow], total: int, method: Method, *, with_arrears: bool
) -> tuple[RegionRow, ...]:
    names = sorted({row.region for row in rows if row.region is not None})
    members = {name: [row for row in rows if row.region == name] for name in names}
    pooled = apportion(
        [sum(row.inhabitants for row in members[name]) for name in names], total, method=method
    )
    region_rows = []
    for k, name in enumerate(names):
        group = members[name]
        task = int(pooled.seats[k])
        arrears = sum(row.arrears or 0 for row in group) if with_arrears else None
        region_rows.append(
            RegionRow(
                region=name,
                members=len(group),
                inhabitants=sum(row.inhabitants for row in group),
                quota=float(pooled.quota[k]),
                regional_taakstelling=task,
                local_taakstelling_sum=sum(row.taakstelling for row in group),
                arrears=arrears,
                regional_corrected=task + arrears if arrears is not None else None,
                local_corrected_sum=(
                    sum(row.corrected or 0 for row in group) if with_arrears else None
                ),
            )
        )
    return tuple(region_rows)
