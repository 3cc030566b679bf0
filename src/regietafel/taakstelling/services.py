"""Setting a taakstelling period: computed once, stored with its carry-over, never overwritten."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.audit.models import Action
from regietafel.audit.services import audit_record
from regietafel.core.apportionment import Method
from regietafel.core.periods import Period
from regietafel.core.taakstelling import (
    MunicipalityShare,
    TaakstellingError,
    carry_over_arrears,
    compute_taakstelling,
)
from regietafel.taakstelling.models import TaakstellingEntry, TaakstellingPeriod
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
) -> TaakstellingPeriod:
    """Compute and store the taakstelling of ``period`` with the previous period's arrears.

    ``actor`` None is the system (demo data); a person must be allowed to set it. Raises
    PeriodError, TaakstellingError (Dutch messages) or PermissionDenied.
    """
    if actor is not None and not access.can_set_taakstelling(actor):
        raise PermissionDenied
    parsed = Period.parse(period)
    if national_total <= 0:
        raise TaakstellingError("de landelijke taakstelling moet een positief geheel getal zijn")
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
                arrears=row.arrears or 0,
                corrected=row.corrected if row.corrected is not None else row.taakstelling,
            )
            for row in outcome.rows
        )
        audit_record(
            actor=actor,
            action=Action.CREATED,
            target=stored,
            summary=(
                f"Taakstelling {parsed.label} vastgesteld: {national_total} over "
                f"{len(outcome.rows)} gemeenten; {arrears_note}"
            ),
            changes={
                "periode": parsed.label,
                "landelijke_taakstelling": national_total,
                "peildatum": stored.population_date.isoformat(),
                "methode": chosen.value,
                "achterstand_totaal": sum(arrears.values()),
                "bron": source,
            },
        )
    return stored


def _arrears(period: Period, on: date) -> tuple[dict[str, int], str]:
    """Arrears per current municipality from the previous period's final realisation."""
    previous_label = period.previous.label
    previous = TaakstellingPeriod.objects.filter(label=previous_label).first()
    if previous is None:
        return {}, f"geen achterstand meegenomen ({previous_label} is niet vastgesteld)"
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
