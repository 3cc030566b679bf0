"""Reads of the reception data, scoped by ``accounts.access``.

Every page, CSV download and API endpoint about locations and national series reads here, so
the two rules are applied once:

- a province user sees the locations of their own province only; other provinces appear
  solely in the per-province aggregates;
- a user who may not see confidential details (``access.can_see_confidential``) gets the
  address and the occupancy of a confidential (AMV) location as ``None`` (shown as
  "vertrouwelijk") and its name as "vertrouwelijke locatie (provincie)", the wording of
  every page. Aggregates include that occupancy, except where the sum would reveal a
  location (one or two confidential locations; ``core.confidentiality``): then the
  aggregate's occupancy is None, shown as "afgeschermd".

The rows are frozen dataclasses, not model instances, so a template or serializer cannot reach
the masked fields through the model.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q, Sum
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.core import mpp
from regietafel.core.capacity import Location
from regietafel.core.confidentiality import SUPPRESSED_TEXT, SuppressionPlan, suppression_plan
from regietafel.core.periods import IsoWeek
from regietafel.core.rules import (
    TREND_WINDOW_WEEKS,
    Durability,
    LocationType,
    NeedCategory,
    need_category,
)
from regietafel.errors import NotFoundError
from regietafel.imports.models import Import, Kind, Status
from regietafel.imports.selectors import current_imports, latest_import
from regietafel.opvang.models import LocationRecord, ScenarioRecord, SeriesMetric, SeriesRecord
from regietafel.presentation.tables import Column, ResultTable, Value
from regietafel.prognose.scenarios import OfficialFigure
from regietafel.reference import regions


@dataclass(frozen=True, slots=True)
class LocationRow:
    """One location as this user may see it; ``masked`` says confidential fields are hidden."""

    code: str
    name: str
    municipality_code: str
    municipality_name: str
    province_code: str
    province_name: str
    type: LocationType
    capacity: int
    occupancy: int | None
    start_date: date
    end_date: date | None
    address: str | None
    confidential: bool
    masked: bool
    week: str
    durability: str = ""
    """"structureel", "tijdelijk" or "" (the register does not say)."""
    extension_option: bool | None = None
    max_occupancy: int | None = None
    quality: str = ""
    safety_region: str = ""

    @property
    def type_label(self) -> str:
        return self.type.label

    @property
    def structural(self) -> bool:
        return self.end_date is None


@dataclass(frozen=True, slots=True)
class ProvinceAggregate:
    """Totals of one province's locations, confidential ones included.

    ``occupancy`` None: afgeschermd for this reader (small-cell rule, ``core.confidentiality``).
    """

    province_code: str
    province_name: str
    locations: int
    capacity: int
    occupancy: int | None
    structural_capacity: int
    temporary_capacity: int


@dataclass(frozen=True, slots=True)
class SeriesValue:
    """A national weekly figure with its value of the week before (None: no figure)."""

    metric: str
    label: str
    value: int | None
    previous: int | None

    @property
    def delta(self) -> int | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


@dataclass(frozen=True, slots=True)
class SeriesOverview:
    """The series of a week: which import they come from and which import the week before."""

    week: str
    source_week: str | None
    previous_source_week: str | None
    values: tuple[SeriesValue, ...]


def _require_view(user: AnyUser) -> None:
    if not access.can_view(user):
        raise PermissionDenied(_("U heeft geen toegang tot deze gegevens."))


def as_week(week: IsoWeek | str) -> IsoWeek:
    """A week given as ``IsoWeek`` or text ("2021-W45"); PeriodError (Dutch) when unreadable."""
    return week if isinstance(week, IsoWeek) else IsoWeek.parse(week)


def current_import(*, kind: str, week: IsoWeek | str) -> Import | None:
    """The data of ``kind`` that holds in ``week`` (see imports.selectors.latest_import)."""
    return latest_import(kind=kind, on_or_before=as_week(week))


def latest_week(*, kind: str) -> IsoWeek | None:
    """The latest week for which an import of ``kind`` was accepted (the pages' default)."""
    latest = (
        Import.objects.filter(kind=kind, status=Status.ACCEPTED)
        .order_by("-week_start", "-version", "-id")
        .first()
    )
    return IsoWeek.containing(latest.week_start) if latest else None


def _province_names() -> dict[str, str]:
    return {p.code: p.name for p in reference.provinces()}


def masked_name(province_name: str) -> str:
    """What a confidential location is called for users who may not see its details."""
    return _("vertrouwelijke locatie (%(provincie)s)") % {"provincie": province_name}


def _row(
    record: LocationRecord,
    *,
    show_confidential: bool,
    municipalities: dict[str, str],
    provinces: dict[str, str],
    week: str,
) -> LocationRow:
    masked = record.confidential and not show_confidential
    province_name = provinces.get(record.province_code, record.province_code)
    return LocationRow(
        code=record.code,
        name=masked_name(province_name) if masked else record.name,
        # The municipality and the kind together often give a confidential name back
        # ("AMV-woonvoorziening Stadskanaal"), as for closures: masked with the name.
        municipality_code="" if masked else record.municipality_code,
        municipality_name=SUPPRESSED_TEXT
        if masked
        else municipalities.get(record.municipality_code, record.municipality_code),
        province_code=record.province_code,
        province_name=province_name,
        type=LocationType(record.type),
        capacity=record.capacity,
        occupancy=None if masked else record.occupancy,
        start_date=record.start_date,
        end_date=record.end_date,
        address=None if masked else record.address,
        confidential=record.confidential,
        masked=masked,
        week=week,
        durability=record.durability,
        extension_option=record.extension_option,
        max_occupancy=record.max_occupancy,
        quality=record.quality,
        # The safety region narrows a masked municipality down to a few: masked with it.
        safety_region=SUPPRESSED_TEXT if masked else _safety_region_label(record),
    )


def _safety_region_label(record: LocationRecord) -> str:
    """ "VR13 Amsterdam-Amstelland"; rows stored before the column existed derive it."""
    code = record.safety_region_code
    if not code:
        found = regions.membership("veiligheidsregio", record.batch.week_start).get(
            record.municipality_code
        )
        return "" if found is None else f"{found.code} {found.name}"
    return f"{code} {regions.region('veiligheidsregio', code).name}"


def locations_list(
    *,
    user: AnyUser,
    week: IsoWeek | str | None,
    province_code: str | None = None,
    type: LocationType | None = None,
) -> list[LocationRow]:
    """The locations of ``week`` this user may see in full, masked where confidential.

    PermissionDenied when ``province_code`` is a province this user may not see in detail,
    also when ``week`` is None (nothing delivered yet): the refusal must not depend on data.
    """
    _require_view(user)
    if province_code:  # refused with the reason every page of that province gives
        access.require_province_detail(user, province_code)
    if week is None:
        return []
    week = as_week(week)
    batch = current_import(kind=Kind.LOCATIES, week=week)
    if batch is None:
        return []
    records = LocationRecord.objects.filter(batch=batch)
    own = access.own_province(user)
    if own is not None:
        records = records.filter(province_code=own)
    if province_code:
        records = records.filter(province_code=province_code)
    if type is not None:
        records = records.filter(type=type.value)
    show = access.can_see_confidential(user)
    municipalities = reference.municipality_names(week.monday)
    provinces = _province_names()
    return [
        _row(
            record,
            show_confidential=show,
            municipalities=municipalities,
            provinces=provinces,
            week=batch.week,
        )
        for record in records.order_by("province_code", "municipality_code", "code")
    ]


def location_get(*, user: AnyUser, week: IsoWeek | str, code: str) -> LocationRow:
    """One location; 404 when the week's data lacks it, 403 for another province's user."""
    _require_view(user)
    week = as_week(week)
    batch = current_import(kind=Kind.LOCATIES, week=week)
    record = (
        LocationRecord.objects.filter(batch=batch, code=code).first() if batch is not None else None
    )
    if batch is None or record is None:
        raise NotFoundError(
            _("Locatie %(code)s staat niet in de gegevens van deze week.") % {"code": code}
        )
    if not access.can_view_province_detail(user, record.province_code):
        raise PermissionDenied(_("Deze locatie ligt in een andere provincie."))
    return _row(
        record,
        show_confidential=access.can_see_confidential(user),
        municipalities=reference.municipality_names(week.monday),
        provinces=_province_names(),
        week=batch.week,
    )


def province_aggregates(*, user: AnyUser, week: IsoWeek | str) -> list[ProvinceAggregate]:
    """Per province: the locations open on the week's Monday, their capacity and occupancy.

    The same rule as the core's ``Location.is_open_on`` (a location that opens later does not
    count yet); the API reads the weekly figures instead (``kerncijfers.selectors``), and a
    test holds both equal. Every user sees every province here.
    """
    _require_view(user)
    week = as_week(week)
    batch = current_import(kind=Kind.LOCATIES, week=week)
    if batch is None:
        return []
    provinces = _province_names()
    monday = week.monday
    totals = (
        LocationRecord.objects.filter(batch=batch, start_date__lte=monday)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=monday))
        .values("province_code")
        .annotate(
            location_count=Count("id"),
            capacity_sum=Sum("capacity"),
            occupancy_sum=Sum("occupancy"),
            structural_sum=Sum("capacity", filter=Q(end_date__isnull=True), default=0),
            temporary_sum=Sum("capacity", filter=Q(end_date__isnull=False), default=0),
        )
        .order_by("province_code")
    )
    hidden = _hidden_for(user, batch, monday)
    return [
        ProvinceAggregate(
            province_code=row["province_code"],
            province_name=provinces.get(row["province_code"], row["province_code"]),
            locations=row["location_count"],
            capacity=row["capacity_sum"],
            occupancy=None if hidden.categories(row["province_code"]) else row["occupancy_sum"],
            structural_capacity=row["structural_sum"],
            temporary_capacity=row["temporary_sum"],
        )
        for row in totals
    ]


def national_aggregate(*, user: AnyUser, week: IsoWeek | str) -> ProvinceAggregate | None:
    """The national row of the per-province table, summed over the stored rows by the same
    rule as ``province_aggregates``; its occupancy is ``national_occupancy`` (published
    unless one or two confidential locations are all the nation has). None: no register."""
    _require_view(user)
    week = as_week(week)
    batch = current_import(kind=Kind.LOCATIES, week=week)
    if batch is None:
        return None
    monday = week.monday
    totals = (
        LocationRecord.objects.filter(batch=batch, start_date__lte=monday)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=monday))
        .aggregate(
            location_count=Count("id"),
            capacity_sum=Sum("capacity", default=0),
            structural_sum=Sum("capacity", filter=Q(end_date__isnull=True), default=0),
            temporary_sum=Sum("capacity", filter=Q(end_date__isnull=False), default=0),
        )
    )
    return ProvinceAggregate(
        province_code="NL",
        province_name=_("Nederland"),
        locations=totals["location_count"],
        capacity=totals["capacity_sum"],
        occupancy=national_occupancy(user=user, week=week),
        structural_capacity=totals["structural_sum"],
        temporary_capacity=totals["temporary_sum"],
    )


def _hidden_for(user: AnyUser, batch: Import, monday: date) -> SuppressionPlan:
    """The small cells this user may not see (none for COA), by the core's one rule."""
    if access.can_see_confidential(user):
        return SuppressionPlan()
    rows = register_rows(batch)
    return suppression_plan(
        [core_location(r) for r in rows], {r.code for r in rows if r.confidential}, on=monday
    )


def national_occupancy(*, user: AnyUser, week: IsoWeek | str) -> int | None:
    """Residents of every location open on the week's Monday; None without a register or
    when the national total is afgeschermd for this user (then the provinces' are too)."""
    _require_view(user)
    week = as_week(week)
    batch = current_import(kind=Kind.LOCATIES, week=week)
    if batch is None or _hidden_for(user, batch, week.monday).categories("NL"):
        return None
    monday = week.monday
    total = (
        LocationRecord.objects.filter(batch=batch, start_date__lte=monday)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=monday))
        .aggregate(total=Sum("occupancy", default=0))["total"]
    )
    return int(total)


def _series_values(batch: Import | None) -> dict[str, int]:
    if batch is None:
        return {}
    return dict(SeriesRecord.objects.filter(batch=batch).values_list("metric", "value"))


def register_inflow(week: IsoWeek, weeks: int) -> tuple[tuple[date, int], ...]:
    """First applications + nareizigers per week in the ``weeks`` weeks before ``week``, from
    each week's own current series import (Monday, number), oldest first.

    For computing the forecast's inflow level (national figures: nothing to mask). A week
    counts only with both numbers: half of the inflow is no inflow figure. One query: it is
    part of every week's data identity (``kerncijfers``).
    """
    wanted = (SeriesMetric.EERSTE_AANVRAGEN.value, SeriesMetric.NAREIZIGERS.value)
    batches = current_imports(Kind.REEKSEN).filter(
        week_start__gte=week.monday - timedelta(weeks=weeks), week_start__lt=week.monday
    )
    rows = SeriesRecord.objects.filter(batch__in=batches, metric__in=wanted).values_list(
        "batch__week_start", "metric", "value"
    )
    parts: dict[date, dict[str, int]] = defaultdict(dict)
    for monday, metric, value in rows:
        parts[monday][metric] = value
    return tuple(
        (monday, sum(found.values()))
        for monday, found in sorted(parts.items())
        if len(found) == len(wanted)
    )


def import_figures(record: Import) -> ResultTable | None:
    """The figures an import of national series or of an MPP stored, for its detail page
    (published national figures: nothing to mask). None for other kinds: a location
    register's rows are shown, masked, on the reception pages."""
    if record.kind == Kind.REEKSEN:
        labels = dict(SeriesMetric.choices)
        columns: tuple[Column, ...] = (Column("reeks", "reeks"), Column("waarde", "waarde", "int"))
        rows: tuple[dict[str, Value], ...] = tuple(
            {"reeks": capfirst(str(labels.get(metric, metric))), "waarde": value}
            for metric, value in record.series_rows.order_by("id").values_list("metric", "value")
        )
        return ResultTable("cijfers", _("Opgeslagen reekswaarden"), columns, rows)
    if record.kind == Kind.MPP:
        order = {word: index for index, word in enumerate(mpp.WORDS)}
        columns = (
            Column("scenario", "scenario"), Column("jaar", "jaar"),
            Column("instroom", "instroom per jaar", "int"),
            Column("gepubliceerd", "gepubliceerd", "date"), Column("bron", "bron"),
        )  # fmt: skip
        found = sorted(record.scenario_rows.all(), key=lambda row: order[row.scenario])
        rows = tuple(
            {"scenario": row.scenario, "jaar": str(row.year), "instroom": row.inflow,
             "gepubliceerd": row.published.isoformat(), "bron": row.source}
            for row in found
        )  # fmt: skip
        return ResultTable("cijfers", _("Opgeslagen MPP-cijfers"), columns, rows)
    return None


def official_figures(before: date) -> tuple[OfficialFigure, ...]:
    """The imported MPP figures published before ``before`` (the vintage rule the bundle
    follows too), from the current version of every delivery, oldest delivery first (so a
    correction delivered later wins in ``prognose.scenarios``). National published figures:
    nothing to mask."""
    rows = ScenarioRecord.objects.filter(batch__in=current_imports(Kind.MPP), published__lt=before)
    return tuple(
        OfficialFigure(
            word=row.scenario, year=row.year, inflow=row.inflow, published=row.published,
            mpp=row.source, where=f"import {row.batch.week} versie {row.batch.version}",
        )
        for row in rows.select_related("batch").order_by("batch__week_start", "batch__version")
    )  # fmt: skip


def series_latest(*, user: AnyUser, week: IsoWeek | str) -> SeriesOverview:
    """The national series that hold in ``week`` and in the week before, for the change.

    When no new figures came in for ``week`` (the same import holds for both weeks), the
    previous values are None: a change of zero would suggest a measurement that was not made.
    """
    _require_view(user)
    week = as_week(week)
    batch = current_import(kind=Kind.REEKSEN, week=week)
    before = current_import(kind=Kind.REEKSEN, week=week.previous)
    if batch is not None and before is not None and before.pk == batch.pk:
        before = None
    now_values = _series_values(batch)
    before_values = _series_values(before)
    return SeriesOverview(
        week=week.label,
        source_week=batch.week if batch else None,
        previous_source_week=before.week if before else None,
        values=tuple(
            SeriesValue(
                metric=metric.value,
                label=str(metric.label),
                value=now_values.get(metric.value),
                previous=before_values.get(metric.value),
            )
            for metric in SeriesMetric
        ),
    )


History = dict[NeedCategory, list[tuple[date, int]]]


def core_location(row: LocationRecord) -> Location:
    """A stored register row as the core's ``Location`` (unmasked: for computing only)."""
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
        durable=None if not row.durability else row.durability == Durability.STRUCTUREEL,
        extension_option=row.extension_option,
        max_occupancy=row.max_occupancy,
        quality=row.quality,
    )


def register_rows(batch: Import | None) -> list[LocationRecord]:
    """Every row of a location register (none without one), for computing figures."""
    return list(LocationRecord.objects.filter(batch=batch)) if batch is not None else []


def locations_for_week(week: IsoWeek) -> list[Location]:
    """The register that applies to ``week`` as core Locations (one query; [] without one)."""
    return [
        core_location(row) for row in register_rows(current_import(kind=Kind.LOCATIES, week=week))
    ]


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
