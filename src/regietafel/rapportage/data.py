"""The frozen content of one weekly report: everything any renderer shows, and nothing else.

A ``ReportData`` is computed once (``rapportage.collect``), stored as JSON when the week is
published, and read back unchanged: the web page, the PDF and the Excel workbook all render
from this one object, so the three outputs cannot disagree and a published week never
changes. Pure Python: no Django, no database, no files.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from regietafel.core.catalogue import change_note, figure_delta, format_value, trend_summary

FORMAT_VERSION = 13
"""Bumped when the JSON shape changes; older stored reports are upgraded on reading
(``UPGRADES``), a version from the future is refused.

- 1 -> 2: key figures carry the catalogue's codes and names (``core.catalogue``).
- 2 -> 3: key figures carry their trend over the past weeks (and a projection, when the
  figures model has one), frozen with the report.
- 3 -> 4: the agreements of the scope's tables as they stood that week (``agreements``).
- 4 -> 5: the forecast's fan (``forecast``; reports published before have none).
- 5 -> 6: the need policy the week's need used (``need_policy``; reports published before
  did not record it: None, shown as "niet vastgelegd").
- 6 -> 7: why a report has no forecast (``forecast_note``).
- 7 -> 8: which weeks of a key figure's trend, and whether last week's value, were
  afgeschermd (``trend_suppressed``, ``previous_suppressed``): an empty cell also means "no
  data", and the two must read differently. Before, not recorded (empty, False).
- 8 -> 9: housed and what follows from it (percentage, class, counts per class) are null
  when no realisation about the period was known, in the progress per province and per
  municipality. Older reports carry the numbers as they were published (a published week
  never changes, nor do its PDF and Excel files): only the version changes.
- 9 -> 10: the forecast carries the tables the Prognose page shows beside its fan (target
  dates, the chance per target, the buffer policies compared: ``ForecastFan.tables``), as
  text and values; older reports did not record them (none).
- 11 -> 12: the timeline carries the core's total capacity per week (``Timeline.total``),
  so no renderer adds structural and temporary; a province's even share is null when the
  core has none (it was written as 0). Older reports get the total they showed. A gap
  line says whether the need chart draws it (``GapLine.charted``, the core's rule); older
  reports drew every line with a need.
- 12 -> 13: a key figure without a value says why, where the week said it (``reason``: the
  taakstelling of the half year was not set); a key figure of the taakstelling says when
  last week lies in the previous half year (``new_period``: its change is then "nieuw
  halfjaar (2021-II)", no number); the boodschappenlijstje says which kinds it leaves out as
  afgeschermd (``shopping_note``, ``shopping_hidden``), and its gap items ask only what the
  targets, the replacements of closing locations and earlier items leave open
  (``core.shopping_list``: a replacement was asked on top of the gap that contained it).
  Older reports did not record any of it ("", none) and stay as published: the change they
  showed, also across a period boundary, and their list with the replacements counted twice.
"""

_V1_KEYS = {
    "bezetting": ("bezetting_nu", "Bezetting nu"),
    "capaciteit": ("capaciteit_nu", "Capaciteit nu"),
    "benodigd_kort": ("behoefte_kort", "Benodigde plaatsen, korte termijn"),
    "benodigd_middellang": ("behoefte_middellang", "Benodigde plaatsen, middellange termijn"),
    "benodigd_lang": ("behoefte_lang", "Benodigde plaatsen, lange termijn"),
    "tekort_kort": ("tekort_kort", "Tekort, korte termijn"),
    "tekort_middellang": ("tekort_middellang", "Tekort, middellange termijn"),
    "tekort_lang": ("tekort_lang", "Tekort, lange termijn"),
    "vergunninghouders_in_opvang": (
        "vergunninghouders_in_opvang",
        "Vergunninghouders in de opvang",
    ),
    "gecorrigeerde_taakstelling": ("gecorrigeerde_taakstelling", "Gecorrigeerde taakstelling"),
    "gehuisvest": ("gehuisvest", "Gehuisvest in de periode"),
    "gehuisvest_procent": (
        "gehuisvest_procent",
        "Gehuisvest als deel van de gecorrigeerde taakstelling",
    ),
    "achterstand": ("achterstand_op_schema", "Achterstand op schema"),
    "gemeenten_achter": ("gemeenten_achter", "Gemeenten achter op schema"),
}


def _upgrade_1_to_2(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 1 named its key figures ad hoc; version 2 uses the catalogue's codes and names.

    The values are kept as published (a published week never changes); only names change.
    """
    figures = []
    for figure in raw["key_figures"]:
        code, name = _V1_KEYS.get(figure["key"], (figure["key"], figure["label"]))
        figures.append({**figure, "key": code, "label": name})
    return {**raw, "key_figures": figures, "format_version": 2}


def _upgrade_2_to_3(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 2 stored no trend. A published week never changes, so none is made up now:
    the trend of such a report stays empty and the report says so."""
    figures = [
        {**figure, "trend_weeks": [], "trend": [], "projection_weeks": [], "projection": []}
        for figure in raw["key_figures"]
    ]
    return {**raw, "key_figures": figures, "format_version": 3}


def _upgrade_3_to_4(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 3 and earlier did not record agreements: they stay unknown (None), never an
    empty list that would read as "no agreements were running"."""
    raw = {key: value for key, value in raw.items() if key != "agreements_available"}
    return {**raw, "agreements": None, "format_version": 4}


def _upgrade_4_to_5(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 5 adds the forecast's fan; a report published before had no forecast."""
    return {**raw, "forecast": None, "format_version": 5}


def _upgrade_5_to_6(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 5 did not record the need policy: unknown (None), never a guess."""
    return {**raw, "need_policy": None, "format_version": 6}


def _upgrade_6_to_7(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 7 records why a report has no forecast; before, the reason is unknown ("")."""
    return {**raw, "forecast_note": "", "format_version": 7}


def _upgrade_7_to_8(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 7 did not record which weeks were afgeschermd: not recorded (empty), never a
    guess."""
    figures = [
        {**figure, "trend_suppressed": [], "previous_suppressed": False}
        for figure in raw["key_figures"]
    ]
    return {**raw, "key_figures": figures, "format_version": 8}


def _upgrade_8_to_9(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 9 allows null where housed was unknown; a version 8 report has numbers
    everywhere and keeps them as published."""
    return {**raw, "format_version": 9}


def _upgrade_9_to_10(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 9 did not freeze the forecast's tables: none, said as not recorded."""
    forecast = raw.get("forecast")
    if forecast is not None:
        forecast = {**forecast, "tables": [], "tables_recorded": False}
    return {**raw, "forecast": forecast, "format_version": 10}


def _upgrade_10_to_11(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 11 keeps municipality rows out of the national report: every PRT reads it,
    and a PRT may see only its own province's municipalities in detail. An older national
    report is read without them (its figures are unchanged; docs/vertrouwelijkheid.md)."""
    if raw.get("scope") == "NL":
        raw = {**raw, "taakstelling": {**raw["taakstelling"], "municipalities": []}}
    return {**raw, "format_version": 11}


def _upgrade_11_to_12(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 11 did not store the total capacity per week; its renderers showed
    structural plus temporary, which this records once, as published."""
    timeline = raw.get("timeline")
    if timeline is not None:
        pairs = zip(timeline["structural"], timeline["temporary"], strict=True)
        timeline = {**timeline, "total": [s + t for s, t in pairs]}
    gaps = [{**g, "charted": g["need"] is not None} for g in raw["gaps"]]
    return {**raw, "timeline": timeline, "gaps": gaps, "format_version": 12}


def _upgrade_12_to_13(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 12 did not record why a figure had no value, a new half year, or what the
    boodschappenlijstje left out: not recorded ("", none), never made up now; the figures,
    their changes and the list stay as published."""
    figures = [{**figure, "reason": "", "new_period": ""} for figure in raw["key_figures"]]
    return {
        **raw,
        "key_figures": figures,
        "shopping_note": "",
        "shopping_hidden": [],
        "format_version": 13,
    }


UPGRADES = {
    1: _upgrade_1_to_2,
    2: _upgrade_2_to_3,
    3: _upgrade_3_to_4,
    4: _upgrade_4_to_5,
    5: _upgrade_5_to_6,
    6: _upgrade_6_to_7,
    7: _upgrade_7_to_8,
    8: _upgrade_8_to_9,
    9: _upgrade_9_to_10,
    10: _upgrade_10_to_11,
    11: _upgrade_11_to_12,
    12: _upgrade_12_to_13,
}
"""Upgrade functions by the version they upgrade from; each returns the next version."""


def upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    """A stored report's JSON brought up to ``FORMAT_VERSION`` (ValueError if unknown)."""
    version = raw.get("format_version")
    while version != FORMAT_VERSION:
        step = UPGRADES.get(version) if isinstance(version, int) else None
        if step is None:
            raise ValueError(
                f"onbekende rapportversie {version!r}; deze versie van regietafel leest "
                f"versies 1 tot en met {FORMAT_VERSION}"
            )
        raw = step(raw)
        version = raw["format_version"]
    return raw


Number = int | float


@dataclass(frozen=True, slots=True)
class KeyFigure:
    """One headline number with last week's value; ``None`` means not known that week."""

    key: str
    label: str
    unit: str
    value: Number | None
    previous: Number | None
    decimals: int = 0
    higher_is_better: bool | None = None
    definition: str = ""
    """The catalogue's definition as it stood when the report was published."""
    trend_weeks: tuple[str, ...] = ()
    """The ISO weeks of ``trend``, oldest first, ending at the report's week."""
    trend: tuple[Number | None, ...] = ()
    """The figure in each of ``trend_weeks``; None is a week without data (a gap, never 0)."""
    projection: tuple[Number | None, ...] = ()
    """The figure in the weeks after the report's week, where the figures model projects it."""
    projection_weeks: tuple[str, ...] = ()
    """The ISO weeks of ``projection``."""
    suppressed: bool = False
    """Afgeschermd (one or two confidential locations): ``value`` None, shown so."""
    previous_suppressed: bool = False
    """Last week's value was afgeschermd (``previous`` None, shown so, not as no data)."""
    trend_suppressed: tuple[bool, ...] = ()
    """Per week of ``trend``: afgeschermd (empty in reports before format 8)."""
    reason: str = ""
    """Why ``value`` is None, in Dutch, as the week said it (``kerncijfers.selectors.
    figure_reasons``); "" with a value, without a known cause, or before format 13."""
    new_period: str = ""
    """The report's half year when the figure belongs to a taakstelling period and last week
    lies in the previous one (``core.catalogue.FigureChange.new_period``); "" otherwise, and
    in reports before format 13 (not recorded)."""

    @property
    def change(self) -> Number | None:
        """Since last week; None across a half-year boundary (:attr:`change_note`)."""
        if self.new_period:
            return None
        return figure_delta(self.value, self.previous, self.decimals)

    @property
    def change_suppressed(self) -> bool:
        """The change is unknown because this or last week is afgeschermd (not no data)."""
        return self.suppressed or self.previous_suppressed

    @property
    def change_note(self) -> str:
        """What the "verandering" cell says instead of a number, as every surface says it
        (``core.catalogue.change_note``): "nieuw halfjaar (2021-II)", "afgeschermd" or ""."""
        return change_note(new_period=self.new_period, suppressed=self.change_suppressed)

    @property
    def trend_summary(self) -> str:
        """The trend in one Dutch sentence (the text alternative of its sparkline)."""
        if not self.trend_weeks:
            return f"{self.label}: het verloop is bij dit rapport niet bewaard"
        return trend_summary(
            self.label,
            list(zip(self.trend_weeks, self.trend, strict=True)),
            lambda value: format_value(value, self.decimals, self.unit),
            list(zip(self.projection_weeks, self.projection, strict=True)),
            suppressed=self.trend_suppressed,
        )


@dataclass(frozen=True, slots=True)
class MunicipalityProgress:
    """A municipality against its corrected task (gecorrigeerde taakstelling) of the period;
    ``housed``, ``percentage`` and the class are None when no realisation was known."""

    code: str
    name: str
    province_code: str
    taakstelling: int
    arrears: int | None
    corrected: int
    housed: int | None
    expected: float
    percentage: float | None
    schedule: str | None
    schedule_label: str | None


@dataclass(frozen=True, slots=True)
class ProvinceProgress:
    """The sum over a province (or the nation); housed, percentage and the counts per class
    are None when no realisation was known."""

    code: str
    name: str
    municipalities: int
    taakstelling: int
    arrears: int | None
    corrected: int
    housed: int | None
    expected: float
    percentage: float | None
    on_schedule: int | None
    somewhat_behind: int | None
    far_behind: int | None


@dataclass(frozen=True, slots=True)
class TaakstellingSection:
    """Progress of the period that contains the report's week (``None`` fields: no period)."""

    period: str | None
    months_elapsed: int
    realisation_week: str | None
    thresholds: str
    national: ProvinceProgress | None
    provinces: tuple[ProvinceProgress, ...]
    municipalities: tuple[MunicipalityProgress, ...]


@dataclass(frozen=True, slots=True)
class GapLine:
    """Need against capacity for one horizon and category."""

    horizon: str
    horizon_label: str
    weeks: int
    category: str
    category_label: str
    occupancy_used: int | None
    buffer: int | None
    need: int | None
    capacity: int
    gap: int | None
    gap_locations: int | None
    suppressed: bool = False
    """Occupancy, buffer, need and gap afgeschermd (None); capacity is public."""
    charted: bool = True
    """Drawn in the need chart (``ReceptionFigures.charted_gaps``): not afgeschermd, and its
    kind has places or need."""


@dataclass(frozen=True, slots=True)
class ProvinceCapacity:
    """A province's reception capacity against its fair share of the national capacity."""

    code: str
    name: str
    capacity: int
    occupancy: int | None
    fair_share: float | None
    percentage: float | None
    occupancy_suppressed: bool = False


@dataclass(frozen=True, slots=True)
class Timeline:
    """Capacity per week from the report's Monday on (dates as ISO text)."""

    week_starts: tuple[str, ...]
    structural: tuple[int, ...]
    temporary: tuple[int, ...]
    need: tuple[int, ...] | None
    total: tuple[int, ...]
    """The core's total capacity per week (``ReceptionFigures.capacity_total``)."""


@dataclass(frozen=True, slots=True)
class ForecastFan:
    """The forecast as published with the week: median and bands per week (whole numbers).

    ``occupancy`` and ``need`` hold one row per level of ``levels`` (2,5–10–50–90–97,5 %),
    each with a value per Monday of ``week_starts``: the first is the start (the register's
    occupancy of the week when it has one), then the end of every forecast week.
    """

    scenario: str
    origin: str
    paths: int
    seed: int
    data: str
    policy: str
    projection: str
    levels: tuple[float, ...]
    week_starts: tuple[str, ...]
    occupancy: tuple[tuple[int, ...], ...]
    need: tuple[tuple[int, ...], ...]
    start: str = ""
    """Where week 0 comes from: the week's register, or the bundled series (empty in reports
    published before the forecast started from the register)."""
    tables: tuple[ReportTable, ...] = ()
    """The page's tables beside the fan (target dates, chance per target, buffer policies)."""
    tables_recorded: bool = True
    """False for reports published before format 10, which did not freeze the tables."""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> ForecastFan:
        return cls(
            **{
                **raw,
                "levels": tuple(raw["levels"]),
                "week_starts": tuple(raw["week_starts"]),
                "occupancy": tuple(tuple(row) for row in raw["occupancy"]),
                "need": tuple(tuple(row) for row in raw["need"]),
                "tables": tuple(ReportTable.from_dict(t) for t in raw.get("tables", ())),
            }
        )


@dataclass(frozen=True, slots=True)
class ReportTable:
    """A table frozen with the report as a page shows it: built by the page's own table
    builder, each cell as the text a person reads (the one notation) and as the value Excel
    stores, so web, PDF and Excel show what the page, the API and the CLI showed that week."""

    name: str
    title: str
    headers: tuple[str, ...]
    numeric: tuple[bool, ...]
    texts: tuple[tuple[str, ...], ...]
    values: tuple[tuple[str | int | float | None, ...], ...]
    empty: str = ""
    dates: tuple[bool, ...] = ()
    """Which columns hold dates (ISO in ``values``): a date cell in Excel, unbroken in print."""

    @property
    def numeric_columns(self) -> frozenset[int]:
        """The columns that align right (numbers), for the templates."""
        return frozenset(i for i, numeric in enumerate(self.numeric) if numeric)

    @property
    def date_columns(self) -> frozenset[int]:
        return frozenset(i for i, is_date in enumerate(self.dates) if is_date)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> ReportTable:
        return cls(
            **{
                **raw,
                "headers": tuple(raw["headers"]),
                "numeric": tuple(raw["numeric"]),
                "texts": tuple(tuple(row) for row in raw["texts"]),
                "values": tuple(tuple(row) for row in raw["values"]),
                "dates": tuple(raw.get("dates", ())),
            }
        )


@dataclass(frozen=True, slots=True)
class TargetLine:
    title: str
    category_label: str
    unit: str
    quantity: int
    quantity_max: int | None
    start: str
    deadline: str
    achieved: int
    remaining: int
    expected_by_now: int
    status: str
    status_label: str


@dataclass(frozen=True, slots=True)
class ShoppingLine:
    key: str
    category_label: str
    description: str
    quantity: int
    unit: str
    deadline: str
    party_label: str
    partners: str
    status: str


@dataclass(frozen=True, slots=True)
class AgreementLine:
    """An agreement of the scope's tables (LRT and HLRT, or the province's PRT) that week."""

    number: str
    text: str
    table: str
    owner: str
    deadline: str
    status_label: str
    note: str
    progress: str
    health: str
    health_label: str
    overdue: bool


@dataclass(frozen=True, slots=True)
class NeedPolicyLine:
    """The need policy the week's need used (``core.need_policy``), as it stood when computed.

    ``explanation`` says why it was the week's: chosen by the LRT for the week (with who, when
    and the reason), the installation's default, or the dated policy of the week's Monday.
    """

    key: str
    label: str
    source: str
    explanation: str

    NOT_RECORDED = "niet vastgelegd"
    """What a report of format version 5 or older shows: it did not record the policy."""


@dataclass(frozen=True, slots=True)
class Source:
    """One input the report was computed from (an import version, a stored period)."""

    label: str
    detail: str


@dataclass(frozen=True, slots=True)
class ReportData:
    """The whole report of one scope ("NL" or a province code) and one ISO week."""

    scope: str
    scope_name: str
    week: str
    week_start: str
    synthetic: bool
    computed_at: str
    key_figures: tuple[KeyFigure, ...]
    taakstelling: TaakstellingSection
    gaps: tuple[GapLine, ...]
    province_capacity: tuple[ProvinceCapacity, ...]
    timeline: Timeline | None
    targets: tuple[TargetLine, ...] | None
    shopping: tuple[ShoppingLine, ...] | None
    sources: tuple[Source, ...]
    notes: tuple[str, ...] = ()
    agreements: tuple[AgreementLine, ...] | None = None
    forecast_available: bool = False
    forecast: ForecastFan | None = None
    forecast_note: str = ""
    """Why there is no forecast (Dutch), as the Prognose page refused it; "" when there is
    one, or when a report before format version 7 did not record it."""
    need_policy: NeedPolicyLine | None = None
    """None: not recorded (a report of format version 5 or older)."""
    shopping_note: str = ""
    """What the boodschappenlijstje says about the kinds whose items it leaves out because
    their need is afgeschermd (``core.confidentiality.hidden_items_note``); "" when none, or
    not recorded (before format version 13)."""
    shopping_hidden: tuple[str, ...] = ()
    """The categories of the list left out that way ("AMV-locaties"): a row each in Excel."""
    format_version: int = field(default=FORMAT_VERSION)

    @property
    def is_national(self) -> bool:
        return self.scope == "NL"

    @property
    def no_data_reasons(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each reason a key figure has no value, with the names of the figures it holds for
        (table order): written once under the table, not in every row of it."""
        grouped: dict[str, list[str]] = {}
        for figure in self.key_figures:
            if figure.reason and figure.value is None and not figure.suppressed:
                grouped.setdefault(figure.reason, []).append(figure.label)
        return tuple((reason, tuple(labels)) for reason, labels in grouped.items())

    def key_figure(self, key: str) -> KeyFigure:
        for figure in self.key_figures:
            if figure.key == key:
                return figure
        raise KeyError(key)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        """Canonical JSON (sorted keys): equal data gives equal text."""
        return json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False, allow_nan=False)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> ReportData:
        raw = upgrade(raw)
        t = raw["taakstelling"]
        timeline = raw["timeline"]
        return cls(
            scope=raw["scope"],
            scope_name=raw["scope_name"],
            week=raw["week"],
            week_start=raw["week_start"],
            synthetic=raw["synthetic"],
            computed_at=raw["computed_at"],
            key_figures=tuple(
                KeyFigure(
                    **{
                        **k,
                        "trend_weeks": tuple(k["trend_weeks"]),
                        "trend": tuple(k["trend"]),
                        "projection_weeks": tuple(k["projection_weeks"]),
                        "projection": tuple(k["projection"]),
                        "trend_suppressed": tuple(k["trend_suppressed"]),
                    }
                )
                for k in raw["key_figures"]
            ),
            taakstelling=TaakstellingSection(
                period=t["period"],
                months_elapsed=t["months_elapsed"],
                realisation_week=t["realisation_week"],
                thresholds=t["thresholds"],
                national=ProvinceProgress(**t["national"]) if t["national"] else None,
                provinces=tuple(ProvinceProgress(**p) for p in t["provinces"]),
                municipalities=tuple(MunicipalityProgress(**m) for m in t["municipalities"]),
            ),
            gaps=tuple(GapLine(**g) for g in raw["gaps"]),
            province_capacity=tuple(ProvinceCapacity(**p) for p in raw["province_capacity"]),
            timeline=Timeline(
                week_starts=tuple(timeline["week_starts"]),
                structural=tuple(timeline["structural"]),
                temporary=tuple(timeline["temporary"]),
                need=tuple(timeline["need"]) if timeline["need"] is not None else None,
                total=tuple(timeline["total"]),
            )
            if timeline is not None
            else None,
            targets=tuple(TargetLine(**x) for x in raw["targets"])
            if raw["targets"] is not None
            else None,
            shopping=tuple(ShoppingLine(**x) for x in raw["shopping"])
            if raw["shopping"] is not None
            else None,
            sources=tuple(Source(**s) for s in raw["sources"]),
            notes=tuple(raw["notes"]),
            agreements=tuple(AgreementLine(**x) for x in raw["agreements"])
            if raw["agreements"] is not None
            else None,
            forecast_available=raw["forecast_available"],
            forecast=ForecastFan.from_dict(raw["forecast"]) if raw["forecast"] else None,
            forecast_note=raw["forecast_note"],
            need_policy=NeedPolicyLine(**raw["need_policy"]) if raw["need_policy"] else None,
            shopping_note=raw["shopping_note"],
            shopping_hidden=tuple(raw["shopping_hidden"]),
            format_version=raw["format_version"],
        )

    @classmethod
    def from_json(cls, text: str) -> ReportData:
        return cls.from_dict(json.loads(text))

    def comparable(self) -> str:
        """The content without the moment of computing: two computations with equal
        figures compare equal, so publishing unchanged figures again can be refused."""
        raw = self.to_dict()
        raw.pop("computed_at")
        return json.dumps(raw, sort_keys=True, ensure_ascii=False, allow_nan=False)


@dataclass(frozen=True, slots=True)
class Change:
    """One key figure that differs between two versions of a week's report."""

    key: str
    label: str
    unit: str
    old: Number | None
    new: Number | None
    decimals: int = 0


def key_figure_changes(old: ReportData, new: ReportData) -> tuple[Change, ...]:
    """What changed in the key figures from ``old`` to ``new`` ("wat is er veranderd")."""
    before = {f.key: f for f in old.key_figures}
    changes: list[Change] = []
    for figure in new.key_figures:
        prior = before.get(figure.key)
        old_value = prior.value if prior is not None else None
        if old_value != figure.value:
            changes.append(
                Change(
                    figure.key, figure.label, figure.unit, old_value, figure.value, figure.decimals
                )
            )
    return tuple(changes)


def section_changes(old: ReportData, new: ReportData) -> tuple[str, ...]:
    """Sections other than the key figures whose content differs, as Dutch names."""
    names = (
        ("taakstelling", "voortgang taakstelling"),
        ("gaps", "capaciteit en behoefte"),
        ("province_capacity", "capaciteit per provincie"),
        ("timeline", "capaciteit in de tijd"),
        ("targets", "doelen"),
        ("shopping", "boodschappenlijstje"),
        ("agreements", "afspraken"),
        ("sources", "bronnen"),
    )
    a, b = old.to_dict(), new.to_dict()
    return tuple(label for key, label in names if a[key] != b[key])
