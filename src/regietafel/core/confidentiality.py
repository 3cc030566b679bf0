"""Small-cell suppression: no published total may reveal a confidential location's occupancy.

The occupancy of a confidential (AMV) location is masked in the location rows for everyone
but COA. A total over one or two such locations would give it back: a province with one AMV
location publishes that location's occupancy as its AMV occupancy, its need and its gap
(capacity is public, so need and gap give occupancy back too). The rule, for users who may not
see confidential locations (``docs/vertrouwelijkheid.md``):

1. A cell is *sensitive* when the confidential locations open on the week's Monday that it
   adds up number 1 or 2 (``MIN_CONTRIBUTORS`` = 3). Cells are per scope (the nation, each
   province) and per need category; a scope's all-category totals contain every category.
2. A sensitive category cell is suppressed ("afgeschermd"), and with it every total of that
   scope that contains it (occupancy now, need and shortfall over all categories, the need
   per week), since the total minus the published categories would give it back.
3. Complementary suppression: the nation minus the published provinces gives the suppressed
   provinces together. So when a category is suppressed in some provinces and the nation
   publishes it, further provinces with confidential locations of that category (fewest
   first) are suppressed until the suppressed provinces hold at least three confidential
   locations together. When the nation itself holds only one or two, the nation is
   suppressed (and then no province needs a partner).

Capacity is public (the location rows show it), so capacity cells are never suppressed. The
rule only decides *which* cells; ``core.figures.suppressed`` marks them on the figures.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from regietafel.core.capacity import Location
from regietafel.core.rules import NeedCategory

MIN_CONTRIBUTORS = 3
"""A published total must add up at least this many confidential locations (or none)."""

SUPPRESSED_TEXT = "afgeschermd"
"""What every surface shows in a suppressed cell (not 0, not "geen gegevens")."""

SUPPRESSED_REASON = "ter bescherming van één of twee vertrouwelijke locaties"
"""The short reason that goes with "afgeschermd" where space is short (a caption, a header).
"Ter bescherming van" is true for a small cell and for its partner (rule 3), which may hold
three or more confidential locations itself."""

NATIONAL_SCOPE = "NL"


def _kinds(kinds: Sequence[str]) -> str:
    """ "AMV-opvang", "AMV-opvang en sobere opvang", "a, b en c"."""
    return kinds[0] if len(kinds) == 1 else f"{', '.join(kinds[:-1])} en {kinds[-1]}"


def hidden_items_note(kinds: Sequence[str]) -> str:
    """What a boodschappenlijst says about the kinds of reception (their labels) whose items
    it leaves out because their need is afgeschermd ("" when none is): an absent AMV item
    would otherwise read as "no AMV need". The one sentence of the page, the API, the
    command line and the weekly report."""
    if not kinds:
        return ""
    return (
        f"De behoefte aan {_kinds(kinds)} is afgeschermd ({SUPPRESSED_REASON}): wat daarvoor "
        "nodig is, staat niet op deze lijst."
    )


def suppressed_figure_note(kinds: Sequence[str]) -> str:
    """Why a figure over the occupancy of ``kinds`` (their labels) is afgeschermd for this
    reader ("" when no kind is given), short enough for a card under the word. True for a
    small cell and for a partner of one (rule 3 above, which may hold three or more
    confidential locations itself: with the other totals it would give one back)."""
    if not kinds:
        return ""
    return (
        f"Telt de bezetting van {_kinds(kinds)} mee en zou zo die van één of twee "
        "vertrouwelijke locaties prijsgeven."
    )


def _sensitive(count: int) -> bool:
    return 0 < count < MIN_CONTRIBUTORS


@dataclass(frozen=True)
class SuppressionPlan:
    """The suppressed categories per scope ("NL" or a province code); absent: nothing hidden."""

    by_scope: Mapping[str, frozenset[NeedCategory]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def categories(self, scope: str) -> frozenset[NeedCategory]:
        return self.by_scope.get(scope, frozenset())

    def __bool__(self) -> bool:
        return any(self.by_scope.values())


def contributors(
    locations: Iterable[Location], confidential: Collection[str], *, on: date
) -> dict[str, dict[NeedCategory, int]]:
    """Confidential locations open on ``on`` per province and need category."""
    counts: dict[str, dict[NeedCategory, int]] = {}
    for loc in locations:
        if loc.id in confidential and loc.is_open_on(on):
            per = counts.setdefault(loc.province_code, dict.fromkeys(NeedCategory, 0))
            per[loc.need_category] += 1
    return counts


def suppression_plan(
    locations: Iterable[Location], confidential: Collection[str], *, on: date
) -> SuppressionPlan:
    """Which cells of the week starting ``on`` are suppressed for users without confidential
    access (the rule in the module docstring)."""
    counts = contributors(locations, confidential, on=on)
    hidden: dict[str, set[NeedCategory]] = {}
    for category in NeedCategory:
        per_province = {code: per[category] for code, per in counts.items() if per[category]}
        national = sum(per_province.values())
        chosen = {code for code, n in per_province.items() if _sensitive(n)}
        if not chosen:
            continue
        if _sensitive(national):
            hidden.setdefault(NATIONAL_SCOPE, set()).add(category)
        else:
            partners = sorted((n, code) for code, n in per_province.items() if code not in chosen)
            while sum(per_province[c] for c in chosen) < MIN_CONTRIBUTORS and partners:
                chosen.add(partners.pop(0)[1])
        for code in chosen:
            hidden.setdefault(code, set()).add(category)
    return SuppressionPlan(
        MappingProxyType({code: frozenset(cats) for code, cats in hidden.items()})
    )
