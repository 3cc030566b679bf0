"""Selectors for the reception picture (opvangbeeld): capacity, need, gap and closures of a week.

Every number comes from the pure core (``core.capacity``, ``core.need``); this module only
reads the register of the week from the database, converts it to core objects and scopes
what a user may see (``accounts.access``):

- everyone who may log in sees the national totals and every province's aggregates
  (capacity, occupancy, need and gap per horizon);
- details that name locations (the closures list) are shown in full only for provinces the
  user may see in detail; for other provinces the location's name is replaced by its
  province, and a confidential (AMV) location is never named unless ``can_see_confidential``.

Occupancy is projected with the documented straight-line trend of ``core.need`` through the
weekly registers of the last ``TREND_WINDOW_WEEKS`` weeks, until a forecast model exists.

Queries: one for the register of the week, one for the set of confidential codes, one for the
occupancy history (grouped in the database), whatever the number of locations or weeks.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db.models import F, Q, Sum
from django.utils import timezone

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.core.capacity import (
    CapacityTimeline,
    Closure,
    Location,
    capacity_timeline,
    closures_without_successor,
    occupancy_by_category,
)
from regietafel.core.need import GapRow, need_and_gap_by_province, projected_occupancy
from regietafel.core.periods import IsoWeek
from regietafel.core.rules import (
    DEFAULT_HORIZONS,
    TREND_WINDOW_WEEKS,
    BufferPolicy,
    Horizon,
    LocationType,
    NeedCategory,
    buffer_policy,
    horizons_of,
    need_category,
)
from regietafel.imports.models import Import, Kind, Status
from regietafel.imports.selectors import latest_import
from regietafel.opvang.models import LocationRecord

TIMELINE_WEEKS = 104
"""The capacity timeline runs two years from the week's Monday (the long horizon)."""

History = dict[NeedCategory, list[tuple[date, int]]]


def default_week() -> IsoWeek:
    """The week of the latest accepted register, or the current week without one."""
    latest = (
        Import.objects.filter(kind=Kind.LOCATIES, status=Status.ACCEPTED)
        .order_by("-week_start")
        .values_list("week_start", flat=True)
        .first()
    )
    return IsoWeek.containing(latest or timezone.localdate())


def _location(row: LocationRecord) -> Location:
    return Location(
        id=row.code,
        name=row.name,
        municipality_code=row.municipality_code,
        province_code=row.province_code,
        type=LocationType(row.type),
        capacity=row.capacity,
        occupancy=row.occupancy,
        start=row.start_date,
        end=row.end_date,
    )


def locations_for_week(week: IsoWeek) -> list[Location]:
    """The register that applies to ``week`` as core Locations (one query; [] without one)."""
    batch = latest_import(kind=Kind.LOCATIES, on_or_before=week)
    if batch is None:
        return []
    return [_location(row) for row in LocationRecord.objects.filter(batch=batch)]


def occupancy_history(register: Import) -> dict[str, History]:
    """Occupancy per province and category in the weekly registers up to ``register``.

    Takes the accepted registers of the ``TREND_WINDOW_WEEKS`` weeks ending with the
    register's own week (highest version per week) and sums, per register, the occupancy
    of the locations open on that register's Monday. One grouped query.
    """
    first = register.week_start - timedelta(weeks=TREND_WINDOW_WEEKS - 1)
    batches: dict[date, int] = {}
    for pk, week_start in (
        Import.objects.filter(
            kind=Kind.LOCATIES,
            status=Status.ACCEPTED,
            week_start__gte=first,
            week_start__lte=register.week_start,
        )
        .order_by("week_start", "-version")
        .values_list("pk", "week_start")
    ):
        batches.setdefault(week_start, pk)
    sums = (
        LocationRecord.objects.filter(
            batch_id__in=batches.values(), start_date__lte=F("batch__week_start")
        )
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=F("batch__week_start")))
        .values("batch__week_start", "province_code", "type")
        .annotate(residents=Sum("occupancy"))
    )
    totals: dict[str, dict[NeedCategory, dict[date, int]]] = defaultdict(
        lambda: {c: dict.fromkeys(batches, 0) for c in NeedCategory}
    )
    for row in sums:
        category = need_category(LocationType(row["type"]))
        per_day = totals[row["province_code"]][category]
        per_day[row["batch__week_start"]] += row["residents"] or 0
    return {
        code: {c: sorted(per_day.items()) for c, per_day in categories.items()}
        for code, categories in totals.items()
    }


def configured_horizons() -> tuple[Horizon, ...]:
    """The horizons the settings select (``REGIETAFEL_HORIZONS``, weeks: "4,26,104")."""
    text = str(getattr(settings, "REGIETAFEL_HORIZONS", "4,26,104"))
    try:
        weeks = [int(part) for part in text.replace(" ", "").split(",")]
    except ValueError:
        raise ImproperlyConfigured(
            f"REGIETAFEL_HORIZONS '{text}' is geen lijst van weken"
        ) from None
    try:
        return horizons_of(weeks)
    except ValueError as error:
        raise ImproperlyConfigured(f"REGIETAFEL_HORIZONS '{text}': {error}") from None


def configured_buffer() -> BufferPolicy:
    """The buffer policy the settings select (``REGIETAFEL_BUFFER``, ``..._PERCENTAGE``)."""
    return buffer_policy(
        getattr(settings, "REGIETAFEL_BUFFER", "lrt-voorjaar-2021"),
        percentage=getattr(settings, "REGIETAFEL_BUFFER_PERCENTAGE", 0.0),
    )


@dataclass(frozen=True, eq=False)
class ReceptionPicture:
    """Everything the reception picture of one week shows, computed once.

    ``gaps`` has every province in the register and the nation (key None). ``closures``
    are already masked for the user. ``province_code`` is the scope of a province page.
    """

    week: IsoWeek
    register: Import | None
    province_code: str | None
    timeline: CapacityTimeline
    occupancy: dict[str, dict[NeedCategory, int]]
    gaps: dict[str | None, tuple[GapRow, ...]]
    closures: tuple[Closure, ...]
    buffer: BufferPolicy
    locations: tuple[Location, ...]
    horizons: tuple[Horizon, ...] = DEFAULT_HORIZONS

    @property
    def scope_gaps(self) -> tuple[GapRow, ...]:
        return self.gaps.get(self.province_code, ())

    def scope_occupancy(self) -> dict[NeedCategory, int]:
        if self.province_code is not None:
            return dict(self.occupancy.get(self.province_code, dict.fromkeys(NeedCategory, 0)))
        return {c: sum(p.get(c, 0) for p in self.occupancy.values()) for c in NeedCategory}

    def scope_series(self) -> tuple[list[int], list[int], list[int]]:
        """Total, structural and temporary capacity per week of the scope."""
        if self.province_code is None:
            t = self.timeline
            return t.total.tolist(), t.structural.tolist(), t.temporary.tolist()
        # Per province the timeline keeps types, not structural/temporary: recompute that
        # split from the province's own locations (the same core function, fewer rows).
        own = [loc for loc in self.locations if loc.province_code == self.province_code]
        sub = capacity_timeline(own, start=self.week.monday, weeks=len(self.timeline.week_starts))
        return sub.total.tolist(), sub.structural.tolist(), sub.temporary.tolist()

    def scope_series_by_type(self) -> dict[LocationType, list[int]]:
        """Capacity per week of the scope, per location type (every type, zeros included)."""
        weeks = len(self.timeline.week_starts)
        source = (
            self.timeline.by_type
            if self.province_code is None
            else self.timeline.by_province_type.get(self.province_code, {})
        )
        return {t: (source[t].tolist() if t in source else [0] * weeks) for t in LocationType}


def _province_name(code: str) -> str:
    try:
        return reference.province(code).name
    except reference.ReferenceDataError:
        return code


def _mask(closure: Closure, user: AnyUser, confidential: set[str]) -> Closure:
    if closure.location_id in confidential and not access.can_see_confidential(user):
        return replace(
            closure, name=f"vertrouwelijke locatie ({_province_name(closure.province_code)})"
        )
    if not access.can_view_province_detail(user, closure.province_code):
        return replace(closure, name=f"locatie in {_province_name(closure.province_code)}")
    return closure


def check_province(user: AnyUser, province_code: str) -> str:
    """The normalised province code, or PermissionDenied / LookupError for a bad one."""
    code = reference.province(province_code).code
    if not access.can_view_province_detail(user, code):
        raise PermissionDenied
    return code


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
    register = latest_import(kind=Kind.LOCATIES, on_or_before=week)
    rows = list(LocationRecord.objects.filter(batch=register)) if register else []
    locations = [_location(row) for row in rows]
    confidential = {row.code for row in rows if row.confidential}
    monday = week.monday
    timeline = capacity_timeline(locations, start=monday, weeks=TIMELINE_WEEKS)
    provinces = sorted({loc.province_code for loc in locations})
    occupancy = {
        code: occupancy_by_category(locations, on=monday, province_code=code) for code in provinces
    }
    history = occupancy_history(register) if register else {}
    horizons = configured_horizons()
    projected = {code: projected_occupancy(history.get(code, {}), horizons) for code in provinces}
    buffer = configured_buffer()
    gaps = need_and_gap_by_province(
        occupancy=occupancy,
        timeline=timeline,
        buffer=buffer,
        projected=projected,
        horizons=horizons,
    )
    closures = closures_without_successor(locations, start=monday, weeks=TIMELINE_WEEKS)
    in_scope = [c for c in closures if province_code in (None, c.province_code)]
    return ReceptionPicture(
        week=week,
        register=register,
        province_code=province_code,
        timeline=timeline,
        occupancy=occupancy,
        gaps=gaps,
        closures=tuple(_mask(c, user, confidential) for c in in_scope),
        buffer=buffer,
        locations=tuple(locations),
        horizons=horizons,
    )
