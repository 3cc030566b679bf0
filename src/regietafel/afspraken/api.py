"""Read endpoints under ``/api/v1/afspraken/``: the same selectors and access as the pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from regietafel.afspraken import selectors
from regietafel.afspraken.selectors import AgreementState
from regietafel.afspraken.views import default_day
from regietafel.api.openapi import read_operation
from regietafel.api.views import _ReadView
from regietafel.core.agreements import MeetingKind
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
    "provincie",
    OpenApiTypes.STR,
    description=_(
        "Alleen bij overleg=PRT: CBS-code (PV27) of naam; zonder: elke PRT die u mag lezen "
        "(afspraken) of 400 (actielijst)."
    ),
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


def _table(
    request: Request, *, default: str = "", every_prt: bool = False
) -> tuple[MeetingKind | None, str]:
    """``overleg`` and ``provincie`` as a readable table: (kind, province code); (None, "")
    without ``overleg`` when that may be left out, (PRT, "") for ``overleg=PRT`` alone when
    ``every_prt`` (every PRT the user reads, as on the register page). Every wrong choice is
    a 400 at the parameter, never a silently ignored filter or a 404; another province's
    PRT is a 403 with the reason (``selectors.check_table``)."""
    kind_text = request.query_params.get("overleg", "").strip() or default
    province = request.query_params.get("provincie", "").strip()
    if province and kind_text.upper() != MeetingKind.PRT.value:
        raise ValidationError(
            {
                "provincie": [
                    _(
                        "Een provincie hoort alleen bij overleg=PRT; kies overleg=PRT erbij "
                        "of laat provincie weg."
                    )
                ]
            }
        )
    if not kind_text:
        return None, ""
    if every_prt and not province and kind_text.upper() == MeetingKind.PRT.value:
        return MeetingKind.PRT, ""
    try:
        return selectors.check_table(request.user, kind_text, province)
    except selectors.TableChoiceError as error:
        raise ValidationError({error.parameter: [str(error)]}) from None


def _serialise(state: AgreementState, serializer: type[serializers.Serializer[Any]]) -> Any:
    return serializer(state).data


class AgreementList(_ReadView):
    serializer_class = AgreementSerializer
    parameters = ("datum", "overleg", "provincie")

    @read_operation(
        summary="Afspraken",
        description="De afspraken van LRT, HLRT, PRT's en werkgroepen die u mag lezen, met hun "
        "stand op de datum (een provinciegebruiker leest de PRT van een andere provincie "
        "niet).",
        ok=AgreementSerializer(many=True),
        parameters=[DATUM, OVERLEG, PROVINCIE],
    )
    def get(self, request: Request) -> Response:
        on = _date(request)
        kind, code = _table(request, every_prt=True)
        rows = selectors.agreement_states(user=request.user, on=on, kind=kind, province_code=code)
        return self._page(rows, AgreementSerializer)


class AgreementDetail(_ReadView):
    serializer_class = AgreementDetailSerializer
    pagination_class = None
    parameters = ("datum",)

    @read_operation(
        summary="Afspraak",
        description="Eén afspraak met haar stand op de datum en haar geschiedenis.",
        ok=AgreementDetailSerializer,
        not_found="Deze afspraak bestaat niet (detail noemt het nummer).",
        parameters=[DATUM],
    )
    def get(self, request: Request, number: str) -> Response:
        state = selectors.agreement_get(user=request.user, number=number, on=_date(request))
        return Response(_serialise(state, AgreementDetailSerializer))


class MeetingList(_ReadView):
    serializer_class = MeetingSerializer

    @read_operation(
        summary="Overleggen",
        description="De overleggen van de regietafels die u mag lezen, op datum.",
        ok=MeetingSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        rows = list(selectors.meetings_visible(request.user).order_by("date", "kind"))
        return self._page(rows, MeetingSerializer)


class ActionListView(_ReadView):
    serializer_class = AgreementSerializer
    parameters = ("datum", "overleg", "provincie")

    @read_operation(
        summary="Actielijst",
        description="De actielijst van één tafel: de lopende afspraken van vóór de datum, "
        "verlopen eerst, dan op deadline; nieuw zijn die van na het vorige overleg.",
        ok=AgreementSerializer(many=True),
        parameters=[DATUM, OVERLEG, PROVINCIE],
    )
    def get(self, request: Request) -> Response:
        kind, code = _table(request, default=MeetingKind.LRT.value)
        assert kind is not None
        listed = selectors.action_list(
            user=request.user, kind=kind.value, on=_date(request), province_code=code
        )
        return self._page(list(listed.rows), AgreementSerializer)
