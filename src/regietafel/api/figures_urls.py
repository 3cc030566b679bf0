"""API routes of the reception picture; included at ``api/v1/`` by web/urls.py."""

from __future__ import annotations

from django.urls import path

from regietafel.api import figures as api
from regietafel.api import forecast

urlpatterns = [
    path("opvangbeeld/", api.opvangbeeld, name="api-opvangbeeld"),
    path("boodschappenlijst/", api.boodschappenlijst, name="api-boodschappenlijst"),
    path("verdeling/", api.verdeling, name="api-verdeling"),
    path("kerncijfers/", api.kerncijfers, name="api-kerncijfers"),
    path("prognose/", forecast.prognose, name="api-prognose"),
]
