"""Setting a taakstelling period: computed once, stored with its carry-over, never overwritten."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.audit.models import Action
from regietafel.audit.services import audit_record
from regietafel.core.apportionment import Method
from regietafel.core.formatting import format_int_nl
from regietafel.core.periods import Period, PeriodError, after_today_error, check_day
from regietafel.core.supervision import Verdict
from regietafel.core.taakstelling import (
    MunicipalityShare,
    TaakstellingError,
    carry_over_arrears,
    compute_taakstelling,
)
from regietafel.taakstelling.models import (
    Judgement,
    TaakstellingEntry,
    TaakstellingPeriod,
    TaakstellingVersion,
)
from regietafel.taakstelling.selectors import final_realisation, housed_per_municipality


class TaakstellingAlreadySetError(TaakstellingError):
    """The period already has a taakstelling; a set taakstelling is never overwritten."""


def taakstelling_set(
    *,
    actor: AnyUser | None,
    period: str,
    national_total: int,
    population_date: date | None = None,
    method: str = "hamilton",
    source: str = "",
    decided_on: date | None = None,
) -> TaakstellingPeriod:
    """Compute and store the taakstelling of ``period`` with the previous period's arrears.

    The national total becomes version 1 (``decided_on``: default today).

    ``actor`` None is the system (demo data); a person must be allowed to set it. Raises
    PeriodError, TaakstellingError (Dutch messages) or PermissionDenied.
    """
    if actor is not None and not access.can_set_taakstelling(actor):
        raise PermissionDenied
    parsed = Period.parse(period)
    if national_total <= 0:
        raise TaakstellingError("de landelijke taakstelling moet een positief geheel getal zijn")
    if population_date is not None:
        _check_day(population_date, "de peildatum")
    if decided_on is not None:
        _check_decided_on(decided_on)
    try:
        chosen = Method(method)
    except ValueError:
        raise TaakstellingError(f"onbekende afrondingsmethode '{method}'") from None
    on = population_date or reference.default_population_date(parsed)
    try:
        municipalities = reference.municipalities(on)
    except reference.ReferenceDataError as error:
        raise TaakstellingError(str(error)) from error

    with transaction.atomic():
        if TaakstellingPeriod.objects.select_for_update().filter(label=parsed.label).exists():
            raise TaakstellingAlreadySetError(
                f"de taakstelling voor {parsed.label} is al vastgesteld; "
                "een vastgestelde taakstelling wordt niet overschreven"
            )
        arrears, arrears_note = _arrears(parsed, on)
        outcome = compute_taakstelling(
            municipalities=[
                MunicipalityShare(m.code, m.name, m.province_code, m.inhabitants)
                for m in municipalities
            ],
            total=national_total,
            method=chosen,
            arrears=arrears,
        )
        stored = TaakstellingPeriod.objects.create(
            label=parsed.label,
            start=parsed.start,
            end=parsed.end,
            national_total=national_total,
            population_date=municipalities[0].population_date,
            method=chosen.value,
            set_by=actor if actor is not None and actor.is_authenticated else None,
            source=source,
            arrears_source=arrears_note,
        )
        TaakstellingVersion.objects.create(
            period=stored,
            number=1,
            national_total=national_total,
            decided_on=decided_on or timezone.localdate(),
            source=source,
            tasks={row.code: row.taakstelling for row in outcome.rows},
            recorded_by=stored.set_by,
        )
        TaakstellingEntry.objects.bulk_create(
            TaakstellingEntry(
                period=stored,
                municipality_code=row.code,
                municipality_name=row.name,
                province_code=row.province,
                inhabitants=row.inhabitants,
                quota=row.quota,
                taakstelling=row.taakstelling,
                arrears=row.arrears,
                corrected=row.corrected if row.corrected is not None else row.taakstelling,
            )
            for row in outcome.rows
        )
        audit_record(
            actor=actor,
            action=Action.CREATED,
            target=stored,
            summary=(
                f"Taakstelling {parsed.label} vastgesteld: {format_int_nl(national_total)} over "
                f"{len(outcome.rows)} gemeenten; {arrears_note}"
            ),
            changes={
                "periode": parsed.label,
                "landelijke_taakstelling": national_total,
                "peildatum": stored.population_date.isoformat(),
                "methode": chosen.value,
                "achterstand_totaal": None if arrears is None else sum(arrears.values()),
                "bron": source,
            },
        )
    return stored


def _check_day(day: date, what: str) -> None:
    """A date regietafel can hold (``check_day``), refused as TaakstellingError like the rest."""
    try:
        check_day(day)
    except PeriodError as error:
        raise TaakstellingError(f"{what}: {error}") from None


def _check_decided_on(day: date) -> None:
    """The day a national total was decided lies in the past (or is today): a version dated
    2030 was taken and then locked the period, since a revision must come after the latest
    version and every real one was refused as lying before it."""
    _check_day(day, "de datum van vaststelling")
    ahead = after_today_error(day, today=timezone.localdate(), what="de datum van vaststelling")
    if ahead is not None:
        raise TaakstellingError(ahead)


def _arrears(period: Period, on: date) -> tuple[dict[str, int] | None, str]:
    """Arrears per current municipality from the previous period's final realisation.

    None when the previous period was never set here: its arrears are unknown, and storing
    them as 0 would tell every surface that nobody was behind.
    """
    previous_label = period.previous.label
    previous = TaakstellingPeriod.objects.filter(label=previous_label).first()
    if previous is None:
        return None, f"geen achterstand meegenomen ({previous_label} is niet vastgesteld)"
    batch = final_realisation(previous_label)
    if batch is None:
        # Without any realisation every municipality would carry its whole task over; a
        # frozen taakstelling cannot be corrected later, so refuse instead of guessing.
        raise TaakstellingError(
            f"er is nog geen realisatie over {previous_label} geïmporteerd; importeer die eerst "
            f"(soort realisatie, periode {previous_label}), anders telt de hele gecorrigeerde "
            "taakstelling van die periode als achterstand"
        )
    housed = housed_per_municipality(batch, previous_label)
    per_old = {
        code: corrected - housed.get(code, 0)
        for code, corrected in previous.entries.values_list("municipality_code", "corrected")
    }
    carried = carry_over_arrears(
        arrears=per_old, successors=reference.successors_of_gone(per_old, on)
    )
    return carried, f"achterstand uit {previous_label} (realisatie {batch.week} v{batch.version})"


def taakstelling_revise(
    *,
    actor: AnyUser | None,
    period: str,
    national_total: int,
    decided_on: date,
    source: str,
) -> TaakstellingVersion:
    """Record a revised national total for ``period`` and recompute every municipal task.

    The population date, method and arrears of the period stay; the tasks (and corrected
    tasks) follow the new total. The previous version keeps its tasks, so the change per
    municipality stays visible. Raises TaakstellingError (Dutch) or PermissionDenied.
    """
    if actor is not None and not access.can_revise_taakstelling(actor):
        raise PermissionDenied
    if national_total <= 0:
        raise TaakstellingError("de landelijke taakstelling moet een positief geheel getal zijn")
    if not source.strip():
        raise TaakstellingError("noem de bron van de bijstelling (besluit, brief of circulaire)")
    _check_decided_on(decided_on)
    label = Period.parse(period).label
    with transaction.atomic():
        stored = TaakstellingPeriod.objects.select_for_update().filter(label=label).first()
        if stored is None:
            raise TaakstellingError(f"de taakstelling voor {label} is nog niet vastgesteld")
        latest = stored.versions.order_by("-number").first()
        if latest is not None and decided_on < latest.decided_on:
            raise TaakstellingError(
                f"de bijstelling ligt voor versie {latest.number} "
                f"({latest.decided_on.isoformat()}); een nieuwe versie komt erna"
            )
        if latest is not None and latest.national_total == national_total:
            raise TaakstellingError(
                f"het landelijke totaal is al {format_int_nl(national_total)}; er is niets bij te "
                "stellen"
            )
        entries = list(stored.entries.all())
        outcome = compute_taakstelling(
            municipalities=[
                MunicipalityShare(
                    e.municipality_code, e.municipality_name, e.province_code, e.inhabitants
                )
                for e in entries
            ],
            total=national_total,
            method=Method(stored.method),
            arrears=_stored_arrears(entries),
        )
        by_code = {row.code: row for row in outcome.rows}
        for entry in entries:
            row = by_code[entry.municipality_code]
            entry.quota = row.quota
            entry.taakstelling = row.taakstelling
            entry.corrected = row.corrected if row.corrected is not None else row.taakstelling
        TaakstellingEntry.objects.bulk_update(entries, ["quota", "taakstelling", "corrected"])
        before = stored.national_total
        stored.national_total = national_total
        stored.save(update_fields=["national_total"])
        version = TaakstellingVersion.objects.create(
            period=stored,
            number=(latest.number if latest is not None else 0) + 1,
            national_total=national_total,
            decided_on=decided_on,
            source=source.strip(),
            tasks={row.code: row.taakstelling for row in outcome.rows},
            recorded_by=actor if actor is not None and actor.is_authenticated else None,
        )
        audit_record(
            actor=actor,
            action=Action.CHANGED,
            target=stored,
            summary=(
                f"Taakstelling {label} bijgesteld van {format_int_nl(before)} naar "
                f"{format_int_nl(national_total)} "
                f"(versie {version.number})"
            ),
            changes={
                "periode": label,
                "versie": version.number,
                "landelijke_taakstelling": [before, national_total],
                "vastgesteld_op": decided_on.isoformat(),
                "bron": version.source,
            },
        )
    return version


def judgement_record(
    *,
    actor: AnyUser,
    period: str,
    municipality_code: str,
    verdict: str,
    reason: str,
) -> Judgement:
    """Record a province's judgement of one municipality for one half year (audited).

    Only a user of the municipality's own province may; a correction is a new row. Raises
    TaakstellingError (Dutch) for a bad value, PermissionDenied for anyone else.
    """
    label = Period.parse(period).label
    parsed = Period.parse(label)
    stored = TaakstellingPeriod.objects.filter(label=label).first()
    if stored is None:
        raise TaakstellingError(f"de taakstelling voor {label} is niet vastgesteld")
    entry = stored.entries.filter(municipality_code=municipality_code.strip().upper()).first()
    if entry is None:
        raise TaakstellingError(
            f"gemeente '{municipality_code}' heeft geen taakstelling in {label}"
        )
    if not access.can_record_judgement(actor, entry.province_code):
        raise PermissionDenied
    try:
        chosen = Verdict(verdict)
    except ValueError:
        allowed = ", ".join(v.label for v in Verdict)
        raise TaakstellingError(f"onbekend oordeel '{verdict}': kies uit {allowed}") from None
    if chosen is not Verdict.VOLDOET and not reason.strip():
        raise TaakstellingError("geef bij 'voldoet niet' een toelichting (de reden)")
    ahead = after_today_error(
        parsed.start, today=timezone.localdate(), what=f"het begin van periode {label}"
    )
    if ahead is not None:
        raise TaakstellingError(ahead)
    with transaction.atomic():
        judgement = Judgement.objects.create(
            period_label=label,
            municipality_code=entry.municipality_code,
            municipality_name=entry.municipality_name,
            province_code=entry.province_code,
            verdict=chosen.value,
            reason=reason.strip(),
            recorded_by=actor if actor.is_authenticated else None,
        )
        audit_record(
            actor=actor,
            action=Action.CREATED,
            target=judgement,
            summary=(f"Oordeel {label} {entry.municipality_name}: {chosen.label}"),
            changes={
                "periode": label,
                "gemeente": entry.municipality_code,
                "oordeel": chosen.value,
                "toelichting": judgement.reason,
            },
        )
    return judgement


def _stored_arrears(entries: list[TaakstellingEntry]) -> dict[str, int] | None:
    """The carried arrears as stored, or None when the period carried none over."""
    carried = {e.municipality_code: e.arrears for e in entries}
    if any(value is None for value in carried.values()):
        return None
    return {code: value for code, value in carried.items() if value is not None}
