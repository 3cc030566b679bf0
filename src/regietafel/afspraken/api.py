"""Read endpoints under ``/api/v1/afspraken/``: the same selectors and access as the pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from regietafel.afspraken import selectors
from regietafel.afspraken.selectors import AgreementState
from regietafel.afspraken.views import default_day
from regietafel.api.views import _ReadView
from regietafel.core.periods import PeriodError, parse_day

DATUM = OpenApiParameter(
    "datum",
    OpenApiTypes.DATE,
    description=_("Stand op deze datum (JJJJ-MM-DD); zonder: vandaag of de laatste registerweek."),
)
OVERLEG = OpenApiParameter(
    "overleg", OpenApiTypes.STR, enum=["LRT", "HLRT", "PRT", "WG"], description=_("Regietafel.")
)
PROVINCIE = OpenApiParameter(
    "provincie", OpenApiTypes.STR, description=_("Bij een PRT: CBS-code, bijvoorbeeld PV27.")
)


class HistorySerializer(serializers.Serializer[Any]):
    datum = serializers.DateField(source="day")
    status = serializers.CharField(source="status.value")
    stand_van_zaken = serializers.CharField(source="note")
    nieuwe_deadline = serializers.DateField(source="deadline", allow_null=True)
    besproken_in = serializers.CharField(source="reviewed_at")


class AgreementSerializer(serializers.Serializer[Any]):
    nummer = serializers.CharField(source="number")
    overleg = serializers.CharField(source="table")
    overleg_datum = serializers.DateField(source="agreement.meeting.date")
    agendapunt = serializers.CharField(source="agenda")
    afspraak = serializers.CharField(source="agreement.text")
    eigenaar_partij = serializers.CharField(source="agreement.owner_party")
    eigenaar_rol = serializers.CharField(source="agreement.owner_role")
    deadline = serializers.DateField(allow_null=True)
    soort_deadline = serializers.CharField(source="agreement.deadline_rule")
    status = serializers.CharField(source="status.value")
    stand_van_zaken = serializers.CharField(source="note")
    gemeten_behaald = serializers.IntegerField(source="measurement.achieved", allow_null=True)
    gemeten_doel = serializers.IntegerField(source="measurement.quantity", allow_null=True)
    kerncijfer = serializers.CharField(source="agreement.figure_code")
    signaal = serializers.CharField(source="health.value", allow_null=True)
    verlopen = serializers.BooleanField(source="overdue")
    nieuw = serializers.BooleanField(source="new")
    boodschap = serializers.CharField(source="agreement.shopping_key")


class AgreementDetailSerializer(AgreementSerializer):
    geschiedenis = HistorySerializer(source="history", many=True)


class MeetingSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="pk")
    overleg = serializers.CharField(source="kind")
    provincie = serializers.CharField(source="province_code")
    datum = serializers.DateField(source="date")
    naam = serializers.CharField(source="title")
    partijen = serializers.ListField(source="parties", child=serializers.CharField())


def _date(request: Request) -> date:
    text = request.query_params.get("datum", "").strip()
    if not text:
        return default_day()
    try:
        return parse_day(text)
    except PeriodError as error:
        raise ValidationError({"datum": [str(error)]}) from error


def _serialise(state: AgreementState, serializer: type[serializers.Serializer[Any]]) -> Any:
    return serializer(state).data


class AgreementList(_ReadView):
    serializer_class = AgreementSerializer
    parameters = ("datum", "overleg", "provincie")

    @extend_schema(parameters=[DATUM, OVERLEG, PROVINCIE], responses=AgreementSerializer(many=True))
    def get(self, request: Request) -> Response:
        on = _date(request)
        kind_text = request.query_params.get("overleg", "").strip()
        kind, code = None, ""
        if kind_text:
            kind, code = selectors.check_table(
                request.user, kind_text, request.query_params.get("provincie", "")
            )
        rows = selectors.agreement_states(user=request.user, on=on, kind=kind, province_code=code)
        return self._page(rows, AgreementSerializer)


class AgreementDetail(_ReadView):
    serializer_class = AgreementDetailSerializer
    pagination_class = None
    parameters = ("datum",)

    @extend_schema(parameters=[DATUM], responses=AgreementDetailSerializer)
    def get(self, request: Request, number: str) -> Response:
        state = selectors.agreement_get(user=request.user, number=number, on=_date(request))
        return Response(_serialise(state, AgreementDetailSerializer))


class MeetingList(_ReadView):
    serializer_class = MeetingSerializer

    @extend_schema(responses=MeetingSerializer(many=True))
    def get(self, request: Request) -> Response:
        rows = list(selectors.meetings_visible(request.user).order_by("date", "kind"))
        return self._page(rows, MeetingSerializer)


class ActionListView(_ReadView):
    serializer_class = AgreementSerializer
    parameters = ("datum", "overleg", "provincie")

    @extend_schema(parameters=[DATUM, OVERLEG, PROVINCIE], responses=AgreementSerializer(many=True))
    def get(self, request: Request) -> Response:
        listed = selectors.action_list(
            user=request.user,
            kind=request.query_params.get("overleg", "LRT"),
            on=_date(request),
            province_code=request.query_params.get("provincie", ""),
        )
        return self._page(list(listed.rows), AgreementSerializer)
