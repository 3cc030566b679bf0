"""Read API of the reception forecast: the same cached run and tables as the Prognose page."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from regietafel import reference
from regietafel.api.openapi import read_operation
from regietafel.api.shapes import ForecastSerializer
from regietafel.api.views import READERS, check_parameters
from regietafel.core.forecast import QUANTILE_LEVELS, ForecastError
from regietafel.core.periods import PeriodError
from regietafel.kerncijfers.selectors import week_or_default
from regietafel.opvangprognose import selectors, tables
from regietafel.opvangprognose.forms import ForecastForm
from regietafel.presentation.tables import ResultTable
from regietafel.prognose.scenarios import SCENARIO_ORDER

PARAMETERS = (
    OpenApiParameter(
        "week", OpenApiTypes.STR,
        description="ISO-week, bijvoorbeeld 2021-W45: de prognose start op de maandag, met de "
        "cijfers die toen gepubliceerd waren (standaard: laatste week met gegevens)",
    ),
    OpenApiParameter("scenario", OpenApiTypes.STR, enum=list(SCENARIO_ORDER),
                     description="scenario (standaard midden); mpp-min, mpp-midden en mpp-max "
                     "(officiële instroom van de laatste MPP) alleen als die MPP vóór de "
                     "startdatum verscheen"),
    OpenApiParameter("provincie", OpenApiTypes.STR,
                     description="provinciecode (PV27) of -naam; leeg: landelijk"),
    OpenApiParameter("percentiel", OpenApiTypes.INT,
                     description="bufferbeleid 'bestellen tot': tot dit percentiel van de groei "
                                 "over de levertijd (50–99, standaard 90)"),
    OpenApiParameter("beleid", OpenApiTypes.STR,
                     description="behoeftebeleid (standaard: dat van de week: de keuze van "
                                 "de LRT, anders het gedateerde beleid)"),
    OpenApiParameter("instroom", OpenApiTypes.NUMBER,
                     description="eigen instroomfactor (0,1–5): kopie van het scenario"),
    OpenApiParameter("huisvesting", OpenApiTypes.NUMBER,
                     description="eigen huisvestingsfactor (0,1–5)"),
    OpenApiParameter("onzekerheid", OpenApiTypes.NUMBER,
                     description="eigen onzekerheidsfactor (0–3; 0 = geen spreiding)"),
)  # fmt: skip


def _rows(table: ResultTable) -> list[dict[str, Any]]:
    return [{c.key: row.get(c.key) for c in table.columns} for row in table.rows]


@read_operation(
    summary="Prognose van de opvang",
    description="Mediaan en banden (2,5–10–50–90–97,5 %) per week van de bezetting, de "
    "benodigde plekken en (landelijk) de vergunninghouders in de opvang; per peildatum en "
    "per doel de kans dat de capaciteit genoeg is, en het bufferbeleid vergeleken: dezelfde "
    "berekening als de pagina Prognose. Een start die voor uw rol is afgeschermd, geeft 403 "
    "met de reden.",
    ok=ForecastSerializer,
    parameters=PARAMETERS,
)
@api_view(["GET"])
@permission_classes(READERS)
def prognose(request: Request) -> Response:
    """Median and bands (2,5–10–50–90–97,5 %) per week of occupancy, places needed and (nationally)
    status holders in reception, the COA target dates and the buffer policies compared."""
    check_parameters(request, tuple(p.name for p in PARAMETERS))
    form = ForecastForm(request.query_params)
    if not form.is_valid():
        raise ValidationError(
            {name: [str(e) for e in errors] for name, errors in form.errors.items()}
        )
    try:
        week = form.cleaned_data["week"] or week_or_default(None)
    except PeriodError as error:
        raise ValidationError({"week": [str(error)]}) from None
    try:
        scenario = form.chosen_scenario(selectors.scenarios_in(week))
    except KeyError:
        raise ValidationError(
            {"scenario": [selectors.unavailable(form.cleaned_data["scenario"], week)]}
        ) from None
    try:
        view = selectors.forecast_outlook(
            user=request.user, week=week, scenario=scenario,
            province=form.cleaned_data["provincie"], policy_key=form.cleaned_data["beleid"],
            order_percentile=form.order_percentile(),
        )  # fmt: skip
    except selectors.ForecastSuppressedError as error:
        raise PermissionDenied(str(error)) from None
    except (ForecastError, reference.ReferenceDataError) as error:
        raise ValidationError({"detail": str(error)}) from None
    chances = selectors.target_chances(user=request.user, week=week, view=view)
    key = view.run.key
    return Response(
        {
            "week": week.label,
            "gebied": view.scope_name,
            "scenario": {
                "naam": scenario.name, "omschrijving": scenario.description,
                "instroomfactor": scenario.inflow_factor,
                "huisvestingsfactor": scenario.housing_factor,
                "onzekerheidsfactor": scenario.level_uncertainty,
                "instroom_per_jaar": scenario.inflow_per_year,
                "label": scenario.label,
            },
            "gegevens_bekend_voor": key.origin.isoformat(),
            "eerste_week": view.run.inputs.start.isoformat(),
            "paden": key.paths,
            "seed": key.seed,
            "reeksen_sha256": key.data,
            "behoeftebeleid": {"sleutel": view.policy.key, "naam": view.policy.label,
                               "bron": view.policy.source},
            "kwantielen": list(QUANTILE_LEVELS),
            "bezetting_bij_start": view.start_occupancy,
            "start_uit_register": view.run.from_register,
            "start_bron": view.start_note,
            "behoefte_bij_start": view.start_need,
            "capaciteit_bij_start": view.start_capacity,
            "capaciteit_bron": view.capacity_source,
            "weken": _rows(tables.outlook_weeks_table(view)),
            "peildata": _rows(tables.outlook_dates_table(view)),
            "doelkansen": _rows(tables.target_chances_table(chances)),
            "bufferbeleid": _rows(tables.outlook_buffer_table(view)),
            "bufferbronnen": _rows(tables.buffer_sources_table()),
            "parameters": _rows(tables.outlook_parameters_table(view)),
        }
    )  # fmt: skip
