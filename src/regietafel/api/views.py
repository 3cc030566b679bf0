"""Read-only API endpoints; each parses its parameters and calls the same selectors as the pages.

Lists are paginated with ``limit``/``offset``. Access follows ``accounts.access`` through the
selectors: a caller without a valid log-in gets 401 with a Basic challenge, an account
without a role 403, a province user 403 on another province's location or when filtering
on another province. Every filter applies or answers 400: an unknown province, week or
type, and any parameter an endpoint does not know (the answer lists the ones it does), so a
typo never returns other data with status 200.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from regietafel import reference
from regietafel.accounts import access
from regietafel.api import selectors as api_selectors
from regietafel.api import serializers as out
from regietafel.api.messages import NO_ROLE
from regietafel.api.openapi import read_operation
from regietafel.api.pagination import DutchPagination
from regietafel.api.shapes import DATA_TEXT, REASON_TEXT
from regietafel.core.periods import IsoWeek, PeriodError
from regietafel.core.rules import LocationType
from regietafel.imports.models import Kind
from regietafel.imports.selectors import no_data_reason, no_register_reason
from regietafel.kerncijfers import selectors as kerncijfers_selectors
from regietafel.opvang import selectors as opvang_selectors

PROVINCE = OpenApiParameter(
    "provincie",
    OpenApiTypes.STR,
    description=_("CBS-code (PV27) of naam van een provincie; alleen die provincie."),
)
PAGINATION = ("limit", "offset")
PAGINATION_LEAST = {"limit": 1, "offset": 0}
"""The smallest value of each; DRF reads ``limit=0`` as no limit and returns the default
page, so 0 is refused rather than answered with other rows than asked."""
FRAMEWORK = frozenset({"format"})
"""Handled by Django REST framework itself (``?format=json``)."""

WEEK = OpenApiParameter(
    "week",
    OpenApiTypes.STR,
    description=_(
        "ISO-week, bijvoorbeeld 2021-W45. Zonder: de laatste week met verwerkte gegevens. "
        "Geldend is de laatst verwerkte levering met een week op of vóór deze week."
    ),
)


def data_fields(reason: str | None) -> dict[str, Any]:
    """``gegevens`` and ``reden`` of a response: the one shape of "this week has no data"."""
    return {"gegevens": reason is None, "reden": reason}


DATA_FIELDS_SCHEMA: Mapping[str, Any] = {
    "gegevens": {"type": "boolean", "description": DATA_TEXT},
    "reden": {"type": "string", "nullable": True, "description": REASON_TEXT},
}
"""The OpenAPI description of ``data_fields`` on a page of a list (the figure endpoints have
them as fields of their serializers, ``api.shapes``)."""


class DataPagination(DutchPagination):
    """The pages of a list endpoint that says whether the week has data (``data_fields``
    before ``count``); only the schema differs from the default pagination."""

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        paged = super().get_paginated_response_schema(schema)
        return {
            **paged,
            "required": [*DATA_FIELDS_SCHEMA, *paged["required"]],
            "properties": {**DATA_FIELDS_SCHEMA, **paged["properties"]},
        }


class CanView(BasePermission):
    """Any signed-in user with a role (``access.can_view``); refused with the reason, as
    the 403 page gives it (DRF's own text said "Je hebt geen toestemming …" without one)."""

    message: str | Promise = NO_ROLE

    def has_permission(self, request: Request, view: APIView) -> bool:
        if access.can_view(request.user):
            return True
        # A province user whose province does not exist is told that, not "no role".
        self.message = access.no_access_reason(request.user) or NO_ROLE
        return False


READERS: list[type[BasePermission]] = [IsAuthenticated, CanView]
"""The permissions of every endpoint: logged in (else 401), with a role (else 403 and why);
the default of the settings (``IsAuthenticated``) lacks the role, and the function views
then answered a bare "Je hebt geen toestemming …"."""


def check_parameters(request: Request, allowed: Sequence[str]) -> None:
    """400 with a Dutch message listing ``allowed`` when the query has any other parameter."""
    unknown = sorted(set(request.query_params) - set(allowed) - FRAMEWORK)
    if unknown:
        names = ", ".join(f"'{name}'" for name in unknown)
        known = ", ".join(sorted(allowed)) or _("geen")
        raise ValidationError(
            {
                "detail": _("Onbekende parameter %(names)s. Toegestaan: %(known)s.")
                % {"names": names, "known": known}
            }
        )
    # Every parser reads one value; with two, the last silently won ("een filter werkt, of
    # de API zegt nee": ?week=2021-W45&week=2021-W46 answered for W46).
    repeated = sorted(
        name for name in request.query_params if len(request.query_params.getlist(name)) > 1
    )
    if repeated:
        raise ValidationError(
            {
                name: [_("staat er meer dan één keer in; geef deze parameter één keer")]
                for name in repeated
            }
        )


def not_a_count(value: str, least: int) -> str:
    """The message of a parameter that must be a whole number of at least ``least``."""
    return _("'%(value)s' is geen geheel getal van %(least)s of meer.") % {
        "value": value,
        "least": least,
    }


def province_parameter(request: Request) -> str | None:
    """The ``provincie`` filter as a CBS code (code or name accepted), 400 when unknown."""
    text = str(request.query_params.get("provincie", "")).strip()
    if not text:
        return None
    try:
        return reference.province(text).code
    except reference.ReferenceDataError as error:
        raise ValidationError({"provincie": [str(error)]}) from error


class _ReadView(GenericAPIView[Any]):
    permission_classes = READERS
    parameters: tuple[str, ...] = ()
    """The query parameters this endpoint reads, besides ``limit``/``offset`` of a list."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # authentication and permissions first
        paginated = self.pagination_class is not None
        check_parameters(request, self.parameters + (PAGINATION if paginated else ()))
        if paginated:
            for name, least in PAGINATION_LEAST.items():
                value = str(request.query_params.get(name, "")).strip()
                if value and (not value.isdigit() or int(value) < least):
                    raise ValidationError({name: [not_a_count(value, least)]})

    def _page(
        self,
        items: Sequence[Any],
        serializer: type[serializers.Serializer[Any]],
        extra: Mapping[str, Any] | None = None,
    ) -> Response:
        """One page of ``items``; ``extra`` fields go before ``count`` and ``results``."""
        page = self.paginate_queryset(items)  # type: ignore[arg-type]  # lists paginate fine
        assert page is not None
        paginated = self.get_paginated_response(serializer(page, many=True).data)
        if extra:
            paginated.data = {**extra, **paginated.data}
        return paginated

    def _week(self, kind: str) -> IsoWeek | None:
        text = self.request.query_params.get("week", "").strip()
        if not text:
            return opvang_selectors.latest_week(kind=kind)
        try:
            return IsoWeek.parse(text)
        except PeriodError as error:
            raise ValidationError({"week": [str(error)]}) from error


class ProvinceList(_ReadView):
    serializer_class = out.ProvinceSerializer

    @read_operation(
        summary="Provincies",
        description="De twaalf provincies met hun CBS-code (PV20 tot en met PV31).",
        ok=out.ProvinceSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        rows = api_selectors.provinces_list(user=request.user)
        return self._page(rows, out.ProvinceSerializer)


class MunicipalityList(_ReadView):
    serializer_class = out.MunicipalitySerializer
    parameters = ("peildatum", "provincie")

    @read_operation(
        summary="Gemeenten",
        description="De gemeenten met hun provincie en inwoners, in de indeling op de "
        "peildatum (gemeenten die opgaan in een andere, verdwijnen op de datum van de fusie).",
        ok=out.MunicipalitySerializer(many=True),
        parameters=[
            OpenApiParameter(
                "peildatum",
                OpenApiTypes.DATE,
                description=_("Indeling op deze datum (JJJJ-MM-DD); zonder: vandaag."),
            ),
            PROVINCE,
        ],
    )
    def get(self, request: Request) -> Response:
        text = request.query_params.get("peildatum", "").strip()
        try:
            on = date.fromisoformat(text) if text else date.today()  # noqa: DTZ011 - a calendar date, not a moment
        except ValueError as error:
            raise ValidationError(
                {"peildatum": [_("Schrijf de peildatum als JJJJ-MM-DD, bijvoorbeeld 2021-01-01.")]}
            ) from error
        province = province_parameter(request)
        try:
            rows = api_selectors.municipalities_list(
                user=request.user, on=on, province_code=province
            )
        except reference.ReferenceDataError as error:
            raise ValidationError({"peildatum": [str(error)]}) from error
        return self._page(rows, out.MunicipalitySerializer)


class TaakstellingPeriodList(_ReadView):
    serializer_class = out.PeriodSerializer

    @read_operation(
        summary="Taakstellingsperioden",
        description="De halfjaren van de taakstelling huisvesting vergunninghouders, met het "
        "landelijke totaal, de peildatum van de inwoners en de afrondingsmethode.",
        ok=out.PeriodSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        rows = api_selectors.taakstelling_periods(user=request.user)
        return self._page(rows, out.PeriodSerializer)


class TaakstellingDetail(_ReadView):
    serializer_class = out.TaakstellingDetailSerializer
    parameters = ("provincie",)

    @read_operation(
        summary="Taakstelling van een halfjaar",
        description="De periode, de totalen per provincie (voor elke rol) en een pagina van "
        "de gemeenten die u mag zien (een provinciegebruiker: die van de eigen provincie), "
        "met taakstelling, achterstand en gecorrigeerde taakstelling.",
        ok=out.TaakstellingDetailSerializer,
        not_found="Er is geen taakstelling voor deze periode (detail noemt de periode).",
        parameters=[
            OpenApiParameter("limit", OpenApiTypes.INT, description=_("Gemeenten per pagina.")),
            OpenApiParameter(
                "offset", OpenApiTypes.INT, description=_("Eerste gemeente (vanaf 0).")
            ),
            PROVINCE,
        ],
    )
    def get(self, request: Request, label: str) -> Response:
        detail = api_selectors.taakstelling_detail(
            user=request.user, label=label, province_code=province_parameter(request)
        )
        page = self.paginate_queryset(list(detail.entries))  # type: ignore[arg-type]  # lists paginate fine
        assert page is not None
        paginated = self.get_paginated_response(out.EntrySerializer(page, many=True).data)
        body = {
            "periode": out.PeriodSerializer(detail.period).data,
            "provincies": out.TaakstellingProvinceSerializer(detail.provinces, many=True).data,
            **paginated.data,
        }
        return Response(body)


class RealisationList(_ReadView):
    serializer_class = out.RealisationSerializer
    pagination_class = DataPagination
    parameters = ("week", "provincie")

    @read_operation(
        summary="Realisatie",
        description="Gehuisveste vergunninghouders per gemeente volgens de realisatie die in "
        "de week geldt (een realisatie geldt voor haar week en de acht weken erna); gegevens "
        "en reden zeggen of er een is.",
        ok=out.RealisationSerializer(many=True),
        parameters=[WEEK, PROVINCE],
    )
    def get(self, request: Request) -> Response:
        week = self._week(Kind.REALISATIE)
        province = province_parameter(request)
        rows = api_selectors.realisation_list(user=request.user, week=week, province_code=province)
        reason = no_data_reason(Kind.REALISATIE, week)
        return self._page(rows, out.RealisationSerializer, data_fields(reason))


class LocationList(_ReadView):
    serializer_class = out.LocationSerializer
    pagination_class = DataPagination
    parameters = ("week", "provincie", "soort")

    @read_operation(
        summary="Opvanglocaties",
        description="De locaties in het locatieregister dat in de week geldt. Van een "
        "vertrouwelijke (AMV-)locatie zijn adres en bezetting null en de naam "
        "'vertrouwelijke locatie (provincie)', behalve voor COA.",
        ok=out.LocationSerializer(many=True),
        parameters=[
            WEEK,
            PROVINCE,
            OpenApiParameter(
                "soort",
                OpenApiTypes.STR,
                enum=[t.value for t in LocationType],
                description=_("Soort locatie."),
            ),
        ],
    )
    def get(self, request: Request) -> Response:
        week = self._week(Kind.LOCATIES)
        type_text = request.query_params.get("soort", "").strip()
        try:
            location_type = LocationType(type_text) if type_text else None
        except ValueError as error:
            raise ValidationError(
                {"soort": [_("Onbekende soort '%(soort)s'.") % {"soort": type_text}]}
            ) from error
        province = province_parameter(request)
        rows = opvang_selectors.locations_list(
            user=request.user, week=week, province_code=province, type=location_type
        )
        return self._page(rows, out.LocationSerializer, data_fields(no_register_reason(week)))


class LocationDetail(_ReadView):
    serializer_class = out.LocationSerializer
    pagination_class = None
    parameters = ("week",)

    @read_operation(
        summary="Opvanglocatie",
        description="Eén locatie in het register dat in de week geldt, afgeschermd zoals in "
        "de lijst; een provinciegebruiker ziet alleen de locaties van de eigen provincie.",
        ok=out.LocationSerializer,
        not_found="De locatie staat niet in het register van de week.",
        parameters=[WEEK],
    )
    def get(self, request: Request, code: str) -> Response:
        week = self._week(Kind.LOCATIES) or IsoWeek.containing(date.today())  # noqa: DTZ011 - a calendar week
        row = opvang_selectors.location_get(user=request.user, week=week, code=code)
        return Response(out.LocationSerializer(row).data)


class ProvinceAggregateList(_ReadView):
    serializer_class = out.ProvinceAggregateSerializer
    pagination_class = DataPagination
    parameters = ("week",)

    @read_operation(
        summary="Opvang per provincie",
        description="Capaciteit (structureel en tijdelijk), bezetting en aantal locaties per "
        "provincie in de week; een bezetting over één of twee vertrouwelijke locaties is "
        "null voor elke rol behalve COA.",
        ok=out.ProvinceAggregateSerializer(many=True),
        parameters=[WEEK],
    )
    def get(self, request: Request) -> Response:
        week = self._week(Kind.LOCATIES)
        rows = (
            []
            if week is None
            else kerncijfers_selectors.province_aggregates(user=request.user, week=week)
        )
        reason = no_register_reason(week)
        return self._page(rows, out.ProvinceAggregateSerializer, data_fields(reason))


class SeriesList(_ReadView):
    serializer_class = out.SeriesValueSerializer
    pagination_class = DataPagination
    parameters = ("week",)

    @read_operation(
        summary="Landelijke weekreeksen",
        description="De landelijke reeksen van de week (instroom, nareizigers, "
        "vergunninghouders in de opvang, …) met de waarde van vorige week en de verandering.",
        ok=out.SeriesValueSerializer(many=True),
        parameters=[WEEK],
    )
    def get(self, request: Request) -> Response:
        week = self._week(Kind.REEKSEN)
        rows = (
            []
            if week is None
            else opvang_selectors.series_latest(user=request.user, week=week).values
        )
        reason = no_data_reason(Kind.REEKSEN, week)
        return self._page(rows, out.SeriesValueSerializer, data_fields(reason))


API_INDEX: tuple[tuple[str, str], ...] = (
    ("api-kerncijfers", "alle kerncijfers van een week per gebied (?week=, ?scope=)"),
    ("api-opvangbeeld", "opvangbeeld van een week: behoefte, capaciteit en tekort per horizon"),
    ("api-boodschappenlijst", "de boodschappenlijst van een week"),
    ("api-verdeling", "verdeling van een opgave over de provincies"),
    ("api-prognose", "prognose van de opvang met banden, scenario's en bufferbeleid"),
    ("api-opvang-per-provincie", "capaciteit en bezetting per provincie in een week"),
    ("api-locaties", "opvanglocaties in het register van een week"),
    ("api-provincies", "de twaalf provincies"),
    ("api-gemeenten", "gemeenten met hun provincie"),
    ("api-taakstelling", "taakstelling per halfjaar"),
    ("api-realisatie", "gehuisveste vergunninghouders per gemeente"),
    ("api-reeksen", "landelijke weekreeksen (instroom, vergunninghouders in de opvang, …)"),
    ("api-afspraken", "afspraken van LRT, HLRT en PRT's"),
    ("api-overleggen", "overleggen van de regietafels"),
    ("api-actielijst", "de actielijst van een tafel voor een overleg"),
)
"""The list endpoints the index names (detail endpoints are linked from their lists)."""


class ApiIndex(APIView):
    """``/api/v1/``: what the API offers, with a link to the OpenAPI schema."""

    permission_classes = READERS

    @extend_schema(exclude=True)
    def get(self, request: Request) -> Response:
        from django.urls import reverse

        return Response(
            {
                "versie": "v1",
                "schema": request.build_absolute_uri(reverse("api-schema")),
                "onderdelen": [
                    {
                        "naam": name.removeprefix("api-"),
                        "adres": request.build_absolute_uri(reverse(name)),
                        "omschrijving": text,
                    }
                    for name, text in API_INDEX
                ],
            }
        )
