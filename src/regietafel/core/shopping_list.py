"""The boodschappenlijstje: the actions a table still has to take, generated from the figures.

Generated, not typed, so the list the LRT sees always matches the gaps, targets and closures
in the same report. Keys are stable, so a status a user set last week can be carried over.

Rules, per need category (no double counting):
- every unmet target of the scope gives an item with its own deadline and remaining quantity;
- each temporary location closing without successor within ``closure_horizon`` gives one
  replacement item (grouped per month);
- every horizon whose gap is not yet covered by the unmet targets, the replacements and the
  items of earlier horizons gives one item for the rest (deadline = the horizon's peildatum).
  The gap is measured against capacity that has already lost the closing locations, so a
  replacement counts as asked at every horizon whose peildatum falls after the location's
  last day with places, in the need category of that location (places for regular
  reception, locations of the standard size for AMV and sober): no horizon's gap is left
  without an action, and the items of a category up to a horizon add up to the larger of
  its largest gap by then and its targets plus replacements, never their sum (exactly so
  while need does not fall and no places open between horizons: a replacement item always
  asks for the whole location, even where a falling need no longer needs all of it);
- positive housing arrears give one item.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from regietafel.core.capacity import Closure
from regietafel.core.formatting import MONTHS_NL, count_nl, format_date_nl
from regietafel.core.need import GapRow
from regietafel.core.rules import (
    CLOSURE_LOOKAHEAD,
    SHOPPING_CATEGORY_FOR_NEED,
    SHOPPING_PARTIES,
    STANDARD_LOCATION_SIZE,
    Horizon,
    NeedCategory,
    Party,
    ShoppingCategory,
    ShoppingItemStatus,
    TargetStatus,
    need_category,
)
from regietafel.core.targets import TargetProgress, TargetUnit

ShoppingUnit = Literal["plaatsen", "locaties", "personen"]

_UNIT_OF_TARGET: dict[TargetUnit, ShoppingUnit] = {"places": "plaatsen", "locations": "locaties"}
_NOUNS: dict[ShoppingUnit, tuple[str, str]] = {
    "plaatsen": ("plaats", "plaatsen"),
    "locaties": ("locatie", "locaties"),
    "personen": ("persoon", "personen"),
}
_GAP_NOUNS = {
    NeedCategory.REGULAR: ("extra reguliere opvangplek", "extra reguliere opvangplekken"),
    NeedCategory.AMV: ("extra AMV-locatie", "extra AMV-locaties"),
    NeedCategory.SOBER: ("extra locatie voor sobere opvang", "extra locaties voor sobere opvang"),
}


@dataclass(frozen=True)
class ShoppingItem:
    """One action: what, how many, by when, and who leads (``partners`` work with the lead)."""

    key: str
    category: ShoppingCategory
    description: str
    quantity: int
    unit: ShoppingUnit
    deadline: date
    party: Party
    partners: tuple[Party, ...] = ()
    status: ShoppingItemStatus = ShoppingItemStatus.OPEN

    @property
    def unit_label(self) -> str:
        """The unit as the quantity reads it: "1 locatie", "2 locaties"."""
        singular, plural = _NOUNS[self.unit]
        return singular if self.quantity == 1 else plural


def _item(
    key: str,
    category: ShoppingCategory,
    *,
    description: str,
    quantity: int,
    unit: ShoppingUnit,
    deadline: date,
) -> ShoppingItem:
    lead, *partners = SHOPPING_PARTIES[category]
    return ShoppingItem(key, category, description, quantity, unit, deadline, lead, tuple(partners))


def _count(quantity: int, unit: ShoppingUnit) -> str:
    return count_nl(quantity, *_NOUNS[unit])


def _target_item(progress: TargetProgress) -> ShoppingItem:
    target = progress.target
    unit = _UNIT_OF_TARGET[target.unit]
    text = f"{target.title}: nog {_count(progress.remaining, unit)}"
    if target.quantity_max is not None:
        text += f" (doel {target.quantity} à {target.quantity_max})"
    if progress.status is TargetStatus.LATE:
        text += f"; de deadline van {format_date_nl(target.deadline)} is verstreken"
    else:
        text += f" uiterlijk {format_date_nl(target.deadline)}"
    return _item(
        f"doel-{target.id}",
        SHOPPING_CATEGORY_FOR_NEED[target.category],
        description=text,
        quantity=progress.remaining,
        unit=unit,
        deadline=target.deadline,
    )


def _in_gap_unit(progress: TargetProgress, gap_unit: ShoppingUnit) -> int:
    """A target's remaining quantity in the unit of the gap; 0 when it cannot be converted."""
    unit = _UNIT_OF_TARGET[progress.target.unit]
    if unit == gap_unit:
        return progress.remaining
    size = STANDARD_LOCATION_SIZE.get(progress.target.category)
    if unit == "plaatsen" and size is not None:
        return math.ceil(progress.remaining / size)
    return 0


def _on_top_of(*, covered: bool, replaced: bool, earlier: bool) -> str:
    """ " bovenop de lopende doelen, de vervangingen en de eerdere punten", naming only the
    parts that count ("" when none does): the reader sees that the items add up."""
    parts = [
        text
        for text, counts in (
            ("de lopende doelen", covered),
            ("de vervangingen", replaced),
            ("de eerdere punten", earlier),
        )
        if counts
    ]
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} en {parts[-1]}"
    return f" bovenop {listed}"


def _gap_item(
    row: GapRow, quantity: int, *, covered: bool, replaced: bool, earlier: bool, as_of: date
) -> ShoppingItem:
    category = row.category
    unit: ShoppingUnit = "plaatsen" if row.gap_locations is None else "locaties"
    deadline = row.horizon.reference_day(as_of)
    text = count_nl(quantity, *_GAP_NOUNS[category])
    size = STANDARD_LOCATION_SIZE.get(category)
    if size is not None:
        text += f" van {size} plaatsen"
    text += _on_top_of(covered=covered, replaced=replaced, earlier=earlier)
    text += f" uiterlijk {format_date_nl(deadline)} ({row.horizon.label})"
    return _item(
        f"{category.value}-{unit}-{row.horizon.name}",
        SHOPPING_CATEGORY_FOR_NEED[category],
        description=text,
        quantity=quantity,
        unit=unit,
        deadline=deadline,
    )


def _replaced_places(closures: Sequence[Closure], category: NeedCategory, peildatum: date) -> int:
    """Places of the listed closures of ``category`` that are gone on ``peildatum``.

    A location has places up to and including its end date (``Location.is_open_on``), and
    the gap of a horizon is read against the capacity on its peildatum, so a closure counts
    in that gap, and its replacement item covers part of it, when it ends before that day.
    """
    return sum(
        c.capacity for c in closures if need_category(c.type) is category and c.end < peildatum
    )


def _still_needed(row: GapRow, replaced: int) -> int:
    """What the gap of ``row`` asks once ``replaced`` places of its category are replaced, in
    the unit of the row: places, or locations of the standard size rounded up (as the gap in
    locations itself), 0 without a shortage."""
    rest = max(0, row.gap - replaced)
    if row.gap_locations is None:
        return rest
    return -(-rest // STANDARD_LOCATION_SIZE[row.category])


def _need_items(
    category: NeedCategory,
    gaps: Sequence[GapRow],
    targets: Sequence[TargetProgress],
    closures: Sequence[Closure],
    as_of: date,
) -> list[ShoppingItem]:
    """Target items, then one item per horizon whose gap the earlier items do not cover yet.

    Places found for an earlier horizon still count later, so the need by horizon k is the
    largest gap up to k, each gap less the replacements of closures before its peildatum
    (they are on the list already, and the gap counts them); the open targets count from the
    first horizon on (the LRT set them to close the gap). Each horizon asks only for what the
    targets, the replacements and earlier items leave open.
    """
    open_targets = [t for t in targets if t.target.category is category and t.remaining > 0]
    items = [_target_item(t) for t in open_targets]
    rows = sorted((g for g in gaps if g.category is category), key=lambda g: g.horizon.weeks)
    needed = 0
    requested = 0
    for row in rows:
        unit: ShoppingUnit = "plaatsen" if row.gap_locations is None else "locaties"
        replaced = _replaced_places(closures, category, row.horizon.reference_day(as_of))
        needed = max(needed, _still_needed(row, replaced))
        asked = sum(_in_gap_unit(t, unit) for t in open_targets)
        missing = needed - asked - requested
        if missing > 0:
            items.append(
                _gap_item(
                    row,
                    missing,
                    covered=asked > 0,
                    replaced=replaced > 0,
                    earlier=requested > 0,
                    as_of=as_of,
                )
            )
            requested += missing
    return items


def _closure_items(closures: Sequence[Closure]) -> list[ShoppingItem]:
    """One item per month in which temporary locations close without a successor.

    A table works on "what closes in November", not on thirty separate lines; the deadline is
    the first closing day of the month, because replacement must be ready by then. The key
    (``sluitingen-2021-11``) is stable from week to week, so a status set on it carries over.
    """
    by_month: dict[tuple[int, int], list[Closure]] = {}
    for closure in sorted(closures, key=lambda c: (c.end, c.location_id)):
        by_month.setdefault((closure.end.year, closure.end.month), []).append(closure)
    items = []
    for (year, month), group in by_month.items():
        places = sum(c.capacity for c in group)
        first = group[0]
        if len(group) == 1:
            text = (
                f"Vervanging voor {first.name} ({_count(first.capacity, 'plaatsen')}, "
                f"{first.type.label}), sluit na {format_date_nl(first.end)}"
            )
        else:
            names = ", ".join(c.name for c in group[:3])
            rest = f" en {len(group) - 3} andere" if len(group) > 3 else ""
            text = (
                f"Vervanging voor {len(group)} tijdelijke locaties ({_count(places, 'plaatsen')}) "
                f"die sluiten in {MONTHS_NL[month - 1]} {year}, de eerste na "
                f"{format_date_nl(first.end)}: {names}{rest}"
            )
        items.append(
            _item(
                f"sluitingen-{year}-{month:02d}",
                ShoppingCategory.REPLACE_TEMPORARY,
                description=text,
                quantity=places,
                unit="plaatsen",
                deadline=first.end,
            )
        )
    return items


def _housing_item(arrears: int, deadline: date) -> ShoppingItem:
    text = (
        f"{count_nl(arrears, 'vergunninghouder', 'vergunninghouders')} extra huisvesten om de "
        f"achterstand in te lopen, uiterlijk {format_date_nl(deadline)}"
    )
    return _item(
        "huisvesting-achterstand",
        ShoppingCategory.HOUSING_ARREARS,
        description=text,
        quantity=arrears,
        unit="personen",
        deadline=deadline,
    )


_CATEGORY_ORDER = {category: index for index, category in enumerate(ShoppingCategory)}


def shopping_list(
    *,
    scope: str | None,
    gaps: Sequence[GapRow],
    closures: Sequence[Closure],
    targets: Sequence[TargetProgress],
    housing_arrears: int | None,
    housing_deadline: date,
    as_of: date,
    closure_horizon: Horizon = CLOSURE_LOOKAHEAD,
) -> tuple[ShoppingItem, ...]:
    """The boodschappenlijstje of one scope (province code, or None for national).

    Inputs may cover several scopes: gaps and targets are filtered on their province code,
    closures on their province when ``scope`` is a province; the closures listed also lower
    the gap items (:func:`_replaced_places`). ``housing_arrears`` is the sum of the
    positive arrears of the scope's municipalities in the current period; None (housed not
    known yet) makes no housing item, as nothing is known to be behind. Sorted by
    deadline, then category, then key; every item has a positive quantity and a unique key.
    """
    if housing_arrears is not None and housing_arrears < 0:
        raise ValueError("een achterstand kan niet negatief zijn")
    scoped_gaps = [g for g in gaps if g.province_code == scope]
    scoped_targets = [t for t in targets if t.target.province_code == scope]
    closure_end = as_of + timedelta(weeks=closure_horizon.weeks)
    listed = [
        c
        for c in closures
        if scope in (None, c.province_code) and as_of <= c.end < closure_end and c.capacity > 0
    ]
    items: list[ShoppingItem] = []
    for category in NeedCategory:
        items.extend(_need_items(category, scoped_gaps, scoped_targets, listed, as_of))
    items.extend(_closure_items(listed))
    if housing_arrears is not None and housing_arrears > 0:
        items.append(_housing_item(housing_arrears, housing_deadline))
    keys = [item.key for item in items]
    if len(set(keys)) != len(keys):
        raise ValueError("twee items op het boodschappenlijstje hebben dezelfde sleutel")
    return tuple(sorted(items, key=lambda i: (i.deadline, _CATEGORY_ORDER[i.category], i.key)))
