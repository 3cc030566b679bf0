"""The reception picture (opvangbeeld) of a week: a view of the weekly figures for its pages.

Every number comes from the weekly figures (``kerncijfers.selectors``, computed by
``core.figures``); this module only selects what the reception pages, their CSV downloads,
the API and the ``regietafel opvang`` command show for a scope, already masked for the user.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.core.capacity import CapacityTimeline, Closure
from regietafel.core.figures import NATIONAL, ReceptionFigures, ScopeFigures, WeekFigures
from regietafel.core.need import GapRow
from regietafel.core.need_policy import NeedPolicy
from regietafel.core.periods import IsoWeek
from regietafel.core.rules import Horizon, LocationType, NeedCategory
from regietafel.imports.models import Import
from regietafel.kerncijfers.selectors import (
    NeedPolicyChoice,
    check_province,
    default_week,
    masked,
    need_policy_choice,
    week_figures,
)

__all__ = ["ReceptionPicture", "check_province", "default_week", "reception_picture"]


@dataclass(frozen=True, eq=False)
class ReceptionPicture:
    """What the reception pages of one week and scope show, from the week's figures.

    ``figures`` is the scope's masked figures; ``week_figures`` the whole week, for the
    per-province aggregates (public to every role). ``province_code`` None is national.

    It offers no list of locations: the raw register carries the occupancy of confidential
    locations and other provinces' locations; a reader's rows come from
    ``opvang.selectors.locations_list`` (scoped and masked).
    """

    week: IsoWeek
    register: Import | None
    province_code: str | None
    figures: ScopeFigures
    week_figures: WeekFigures
    need_choice: NeedPolicyChoice | None = None

    @property
    def reception(self) -> ReceptionFigures | None:
        return self.figures.reception

    @property
    def horizons(self) -> tuple[Horizon, ...]:
        return self.week_figures.horizons

    @property
    def need_policy(self) -> NeedPolicy:
        """The need policy the week's need uses (the one need rule, ``core.need_policy``)."""
        return self.week_figures.need_policy

    @property
    def need_policy_choice(self) -> NeedPolicyChoice:
        """That policy and why it is the week's (chosen by the LRT, configured or dated)."""
        return self.need_choice or need_policy_choice(self.week)

    @property
    def need_policy_label(self) -> str:
        """The policy's name as it applies to this picture's scope (a fixed buffer adds
        nothing in a province, and says so: ``NeedPolicy.label_for``)."""
        return self.need_policy_choice.policy.label_for(national=self.province_code is None)

    @property
    def timeline(self) -> CapacityTimeline | None:
        return self.week_figures.timeline

    @property
    def gaps(self) -> dict[str | None, tuple[GapRow, ...]]:
        """Gap rows nationally (key None) and of every province with a register."""
        result: dict[str | None, tuple[GapRow, ...]] = {}
        for code, scope in (None, self.week_figures.national), *self.week_figures.provinces.items():
            if scope.reception is not None and scope.reception.gaps:
                result[code] = scope.reception.gaps
        return result

    @property
    def scope_gaps(self) -> tuple[GapRow, ...]:
        return self.reception.gaps if self.reception is not None else ()

    @property
    def closures(self) -> tuple[Closure, ...]:
        return self.reception.closures if self.reception is not None else ()

    @property
    def closures_soon(self) -> tuple[Closure, ...]:
        """The closures the key figure "Sluitingen zonder opvolger" counts (half a year)."""
        return self.reception.closures_soon if self.reception is not None else ()

    @property
    def closures_later(self) -> tuple[Closure, ...]:
        soon = set(self.closures_soon)
        return tuple(c for c in self.closures if c not in soon)

    def scope_occupancy(self) -> dict[NeedCategory, int]:
        if self.reception is None:
            return dict.fromkeys(NeedCategory, 0)
        return dict(self.reception.occupancy_by_category)

    def scope_series(self) -> tuple[list[int], list[int], list[int]]:
        """Total, structural and temporary capacity per week of the scope."""
        r = self.reception
        if r is None:
            return [], [], []
        return list(r.capacity_total), list(r.capacity_structural), list(r.capacity_temporary)

    def scope_series_by_type(self) -> dict[LocationType, list[int]]:
        if self.reception is None:
            return {t: [] for t in LocationType}
        return {t: list(self.reception.capacity_by_type[t]) for t in LocationType}

    def province(self, code: str) -> ScopeFigures:
        """A province's figures as aggregates (closure names are not read from these)."""
        return self.week_figures.scope(code)


def reception_picture(
    *, user: AnyUser, week: IsoWeek, province_code: str | None = None
) -> ReceptionPicture:
    """The reception picture of ``week``, nationally or for one province (403 if not allowed).

    A province user may ask for the national picture (national totals and province
    aggregates) and for the own province's picture; another province raises PermissionDenied.
    """
    if not access.can_view(user):
        raise PermissionDenied
    if province_code is not None:
        province_code = check_province(user, province_code)
    whole, sources = week_figures(user=user, week=week)
    figures = masked(whole, sources, user=user, scope=province_code or NATIONAL)
    return ReceptionPicture(
        week=week,
        register=sources.register,
        province_code=province_code,
        figures=figures,
        week_figures=whole,
        need_choice=sources.need_policy,
    )
