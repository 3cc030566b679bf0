"""Read API of the reception picture, the boodschappenlijst and the provincial distribution.

The endpoints call the same selectors and table builders as the pages and the CLI, so the
numbers are the same everywhere. Errors in the input give 400 with a Dutch ``detail``.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from regietafel import reference
from regietafel.api import shapes
from regietafel.api.openapi import read_operation
from regietafel.api.views import READERS, check_parameters, data_fields, not_a_count
from regietafel.boodschappenlijst.selectors import shopping_list_for
from regietafel.boodschappenlijst.tables import shopping_table
from regietafel.core.distribution import DistributionError
from regietafel.core.periods import IsoWeek, PeriodError
from regietafel.doelen.selectors import core_targets
from regietafel.doelen.tables import targets_table
from regietafel.imports.selectors import no_register_reason
from regietafel.kerncijfers.selectors import (
    NeedPolicyChoice,
    figure_changes,
    figures_for,
    no_figures_reason,
    week_or_default,
)
from regietafel.opvangbeeld import tables
from regietafel.opvangbeeld.selectors import reception_picture
from regietafel.presentation.tables import ResultTable, masked_row
from regietafel.verdeling.selectors import NoRegisterError, province_distribution
from regietafel.verdeling.tables import distribution_table

WEEK = OpenApiParameter(
    "week", OpenApiTypes.STR, description="ISO-week, bijvoorbeeld 2021-W45 (standaard: laatste)"
)
PROVINCE = OpenApiParameter(
    "provincie", OpenApiTypes.STR, description="provinciecode (PV27) of -naam; leeg: landelijk"
)
SCOPE = OpenApiParameter("scope", OpenApiTypes.STR, description="NL of een provinciecode")
TOTAL = OpenApiParameter(
    "totaal", OpenApiTypes.INT, description="te verdelen plaatsen (standaard: landelijk tekort)"
)


def _week(request: Request) -> IsoWeek:
    text = str(request.query_params.get("week", "")).strip()
    try:
        return week_or_default(text)
    except PeriodError as error:
        raise ValidationError({"week": [str(error)]}) from None  # at its parameter, as lists


def _need_policy(choice: NeedPolicyChoice) -> dict[str, Any]:
    """The week's need policy as the figures used it (same for every scope of the week)."""
    policy = choice.policy
    return {
        "sleutel": policy.key,
        "soort": policy.kind.value,
        "waarde": policy.value,
        "omschrijving": policy.label,
        "bron": policy.source,
        "herkomst": choice.origin,
        "toelichting": choice.explanation,
    }


def _rows(table: ResultTable) -> list[dict[str, Any]]:
    return [{c.key: row.get(c.key) for c in table.columns} for row in table.rows]


def _masked_rows(table: ResultTable) -> list[dict[str, Any]]:
    """The rows with every number a number or null and the ``afgeschermd`` list of each
    (:func:`regietafel.presentation.tables.masked_row`, as the command line's JSON)."""
    return [masked_row(row, table.columns) for row in table.rows]


@read_operation(
    summary="Opvangbeeld",
    description="Behoefte tegenover capaciteit per horizon en soort opvang, de capaciteit per "
    "horizon, de tijdelijke locaties die sluiten zonder opvolger en de doelen van de LRT, "
    "landelijk of voor één provincie: dezelfde tabellen als de pagina Opvangbeeld en haar "
    "CSV. Een getal is een getal of null; een afgeschermd getal is null en zijn kolom staat "
    "in afgeschermd van de rij.",
    ok=shapes.ReceptionPictureSerializer,
    parameters=[WEEK, PROVINCE],
)
@api_view(["GET"])
@permission_classes(READERS)
def opvangbeeld(request: Request) -> Response:
    check_parameters(request, ("week", "provincie"))
    week = _week(request)
    code = str(request.query_params.get("provincie", "")).strip() or None
    try:
        picture = reception_picture(user=request.user, week=week, province_code=code)
    except reference.ReferenceDataError as error:
        raise ValidationError({"provincie": [str(error)]}) from None
    # Without a register the running targets are listed unmeasured, as on the page and its
    # CSV (the API gave an empty list, which read as "no targets").
    unmeasured = core_targets(running_on=week.monday) if picture.reception is None else ()
    return Response(
        {
            "week": week.label,
            "provincie": picture.province_code,
            **data_fields(None if picture.register else no_register_reason(week)),
            "register": picture.register.week if picture.register else None,
            "behoeftebeleid": _need_policy(picture.need_policy_choice),
            "behoefte": _masked_rows(tables.need_table(picture)),
            "capaciteit": _masked_rows(tables.capacity_table(picture)),
            "sluitingen": _masked_rows(tables.closures_table(picture)),
            "sluitingen_later": _masked_rows(tables.closures_later_table(picture)),
            "doelen": _masked_rows(targets_table(picture.figures.targets, unmeasured=unmeasured)),
        }
    )


@read_operation(
    summary="Boodschappenlijst",
    description="De acties van de week voor een scope (NL of een provincie), zoals op de "
    "pagina Boodschappenlijst. Soorten opvang waarvan de behoefte voor uw rol is "
    "afgeschermd, staan in afgeschermd; hun acties staan niet op de lijst.",
    ok=shapes.ShoppingListSerializer,
    parameters=[WEEK, SCOPE],
)
@api_view(["GET"])
@permission_classes(READERS)
def boodschappenlijst(request: Request) -> Response:
    check_parameters(request, ("week", "scope"))
    week = _week(request)
    try:
        scoped = shopping_list_for(
            user=request.user, week=week, scope=str(request.query_params.get("scope", "NL"))
        )
    except reference.ReferenceDataError as error:
        raise ValidationError({"scope": [str(error)]}) from None
    reason = None
    if not scoped.has_data:
        reason = no_figures_reason(figures_for(user=request.user, week=week, scope=scoped.scope))
    return Response(
        {
            "week": week.label,
            "scope": scoped.scope,
            **data_fields(reason),
            "items": _rows(shopping_table(scoped)),
            # Kinds whose items are left out for this role, and why (empty: none).
            "afgeschermd": list(scoped.hidden_kinds),
            "afgeschermd_toelichting": scoped.hidden_note or None,
        }
    )


@read_operation(
    summary="Verdeling over de provincies",
    description="Verdeelt extra reguliere plekken (standaard het landelijke tekort op korte "
    "termijn) over de twaalf provincies met de regel aanvullen tot één niveau, zoals de "
    "pagina Verdeling.",
    ok=shapes.DistributionSerializer,
    parameters=[WEEK, TOTAL],
    not_found="De week heeft geen geldig locatieregister: zonder register is er geen tekort "
    "en geen bestaande capaciteit om mee te verdelen (detail noemt de week).",
)
@api_view(["GET"])
@permission_classes(READERS)
def verdeling(request: Request) -> Response:
    check_parameters(request, ("week", "totaal"))
    week = _week(request)
    raw = str(request.query_params.get("totaal", "")).strip()
    if raw and not raw.isdigit():
        raise ValidationError({"totaal": [not_a_count(raw, 0)]})  # as limit and offset
    try:
        result = province_distribution(
            user=request.user, week=week, total=int(raw) if raw else None
        )
    except DistributionError as error:
        raise ValidationError({"totaal": [str(error)]}) from None
    except NoRegisterError as error:
        raise NotFound(str(error)) from None
    table = distribution_table(result, name="provincies", title="")
    return Response({"week": week.label, "totaal": result.total, "provincies": _rows(table)})


@read_operation(
    summary="Kerncijfers",
    description="Elk kerncijfer van de catalogus voor een week en scope, op code, met de "
    "waarde van vorige week. waarde null is: geen gegevens (nooit 0 in de plaats daarvan), "
    "of, met afgeschermd true, een cijfer over één of twee vertrouwelijke locaties dat voor "
    "uw rol is afgeschermd. Een cijfer dat niet bij de scope hoort (alleen per provincie), "
    "ontbreekt. Een week zonder enige gegevens zegt dat: gegevens false en de reden.",
    ok=shapes.KeyFiguresSerializer,
    parameters=[WEEK, SCOPE],
)
@api_view(["GET"])
@permission_classes(READERS)
def kerncijfers(request: Request) -> Response:
    """Every key figure of the catalogue for a week and scope, by code, with last week's value.

    ``waarde`` null means no data (never 0 in its place), or, with ``afgeschermd`` true, that
    the figure adds up one or two confidential locations and is hidden for this role (why, in
    ``afgeschermd_toelichting``); a figure
    that does not apply to the scope (a province-only figure nationally) is left out. A week
    with no data at all says so: ``gegevens`` false and the Dutch ``reden``; a figure without
    a value has its own ``reden`` where the week says why (``figure_reasons``), else null.
    ``verandering_toelichting`` says why ``verandering`` is null while both weeks may be
    known: "nieuw halfjaar (2021-II)" for a figure of the taakstelling when last week lies in
    the previous half year, "afgeschermd" when a side is; null otherwise.
    """
    check_parameters(request, ("week", "scope"))
    week = _week(request)
    try:
        figures = figures_for(
            user=request.user, week=week, scope=str(request.query_params.get("scope", "NL"))
        )
    except reference.ReferenceDataError as error:
        raise ValidationError({"scope": [str(error)]}) from None
    before = figures_for(user=request.user, week=week.previous, scope=figures.scope)
    return Response(
        {
            "week": week.label,
            "scope": figures.scope,
            **data_fields(no_figures_reason(figures)),
            "kerncijfers": [
                {
                    "code": c.definition.code,
                    "naam": c.definition.name,
                    "eenheid": c.definition.unit,
                    "waarde": c.value,
                    "afgeschermd": c.suppressed,
                    # Why (the card's text); null when not afgeschermd, as on the
                    # boodschappenlijst.
                    "afgeschermd_toelichting": c.suppressed_note or None,
                    "vorige_week": c.earlier,
                    "vorige_week_afgeschermd": c.earlier_suppressed,
                    "verandering": c.change,
                    "reden": c.reason or None,
                    "verandering_toelichting": c.change_note or None,
                }
                for c in figure_changes(figures, before)
            ],
        }
    )
