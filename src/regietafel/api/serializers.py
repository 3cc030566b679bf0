"""Output shapes of the read API; they only rename the selectors' frozen rows (Dutch names)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from regietafel.opvang.selectors import LocationRow


class ProvinceSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    naam = serializers.CharField(source="name")


class MunicipalitySerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    naam = serializers.CharField(source="name")
    provincie = serializers.CharField(source="province_code")
    inwoners = serializers.IntegerField(source="inhabitants")
    peildatum_inwoners = serializers.DateField(source="population_date")


class PeriodSerializer(serializers.Serializer[Any]):
    periode = serializers.CharField(source="label")
    begin = serializers.DateField(source="start")
    einde = serializers.DateField(source="end")
    landelijke_taakstelling = serializers.IntegerField(source="national_total")
    peildatum_inwoners = serializers.DateField(source="population_date")
    afrondingsmethode = serializers.CharField(source="method")
    bron = serializers.CharField(source="source")


class EntrySerializer(serializers.Serializer[Any]):
    gemeentecode = serializers.CharField(source="municipality_code")
    gemeente = serializers.CharField(source="municipality_name")
    provincie = serializers.CharField(source="province_code")
    inwoners = serializers.IntegerField(source="inhabitants")
    quotum = serializers.FloatField(source="quota")
    taakstelling = serializers.IntegerField()
    achterstand = serializers.IntegerField(source="arrears", allow_null=True)
    gecorrigeerde_taakstelling = serializers.IntegerField(source="corrected")


class TaakstellingProvinceSerializer(serializers.Serializer[Any]):
    provincie = serializers.CharField(source="province_code")
    naam = serializers.CharField(source="province_name")
    gemeenten = serializers.IntegerField(source="municipalities")
    inwoners = serializers.IntegerField(source="inhabitants")
    taakstelling = serializers.IntegerField()
    # null: some municipality's is unknown; never 0 in its place.
    achterstand = serializers.IntegerField(source="arrears", allow_null=True)
    gecorrigeerde_taakstelling = serializers.IntegerField(source="corrected", allow_null=True)


@extend_schema_serializer(
    description="De periode, de totalen per provincie en een pagina van de gemeenten die u "
    "mag zien."
)
class TaakstellingDetailSerializer(serializers.Serializer[Any]):
    """The period, totals per province, and one page of the entries the user may see."""

    periode = PeriodSerializer()
    provincies = TaakstellingProvinceSerializer(many=True)
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = EntrySerializer(many=True)


class RealisationSerializer(serializers.Serializer[Any]):
    periode = serializers.CharField(source="period_label")
    gemeentecode = serializers.CharField(source="municipality_code")
    gemeente = serializers.CharField(source="municipality_name")
    provincie = serializers.CharField(source="province_code")
    gehuisvest = serializers.IntegerField(source="housed")
    leveringsweek = serializers.CharField(source="week")


@extend_schema_serializer(
    description="Een locatie zoals uw rol haar mag zien: van een vertrouwelijke locatie zijn "
    "bezetting en adres null (afgeschermd true), behalve voor COA."
)
class LocationSerializer(serializers.Serializer[LocationRow]):
    """A location as the selector masked it: ``bezetting`` and ``adres`` null when confidential."""

    code = serializers.CharField()
    naam = serializers.CharField(source="name")
    gemeentecode = serializers.CharField(source="municipality_code")
    gemeente = serializers.CharField(source="municipality_name")
    provincie = serializers.CharField(source="province_code")
    soort = serializers.CharField(source="type.value")
    soort_omschrijving = serializers.CharField(source="type_label")
    capaciteit = serializers.IntegerField(source="capacity")
    bezetting = serializers.IntegerField(source="occupancy", allow_null=True)
    startdatum = serializers.DateField(source="start_date")
    einddatum = serializers.DateField(source="end_date", allow_null=True)
    structureel = serializers.BooleanField(source="structural")
    adres = serializers.CharField(source="address", allow_null=True)
    vertrouwelijk = serializers.BooleanField(source="confidential")
    afgeschermd = serializers.BooleanField(source="masked")
    leveringsweek = serializers.CharField(source="week")


class ProvinceAggregateSerializer(serializers.Serializer[Any]):
    provincie = serializers.CharField(source="province_code")
    naam = serializers.CharField(source="province_name")
    locaties = serializers.IntegerField(source="locations")
    capaciteit = serializers.IntegerField(source="capacity")
    bezetting = serializers.IntegerField(
        source="occupancy",
        allow_null=True,
        help_text="null: afgeschermd (één of twee vertrouwelijke locaties, zie vertrouwelijkheid)",
    )
    bezetting_afgeschermd = serializers.SerializerMethodField()
    structurele_capaciteit = serializers.IntegerField(source="structural_capacity")
    tijdelijke_capaciteit = serializers.IntegerField(source="temporary_capacity")

    def get_bezetting_afgeschermd(self, row: Any) -> bool:
        return row.occupancy is None


class SeriesValueSerializer(serializers.Serializer[Any]):
    reeks = serializers.CharField(source="metric")
    omschrijving = serializers.CharField(source="label")
    waarde = serializers.IntegerField(source="value", allow_null=True)
    vorige_week = serializers.IntegerField(source="previous", allow_null=True)
    verandering = serializers.IntegerField(source="delta", allow_null=True)
