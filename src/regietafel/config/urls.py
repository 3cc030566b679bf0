"""All URLs; each area's pages come from its own app's ``urls.py``."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from regietafel.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("", include("regietafel.accounts.urls")),
    path("audit/", include("regietafel.audit.urls")),
    path("", include("regietafel.gebieden.urls")),
    path("taakstelling/", include("regietafel.taakstelling.urls")),
    path("opvang/", include("regietafel.opvang.urls")),
    path("api/v1/", include("regietafel.api.urls")),
    path("rapport/", include("regietafel.rapportage.urls")),
    path("", include("regietafel.opvangbeeld.urls")),
    path("", include("regietafel.opvangprognose.urls")),
    path("", include("regietafel.boodschappenlijst.urls")),
    path("", include("regietafel.doelen.urls")),
    path("", include("regietafel.verdeling.urls")),
    path("", include("regietafel.kerncijfers.urls")),
    path("api/v1/", include("regietafel.api.figures_urls")),
    path("afspraken/", include("regietafel.afspraken.urls")),
    path("api/v1/afspraken/", include("regietafel.afspraken.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("imports/", include("regietafel.imports.urls")),
    path("meldingen/", include("regietafel.meldingen.urls")),
    path("beheer/", admin.site.urls),
]
handler403 = "regietafel.web.views.forbidden"
handler404 = "regietafel.web.views.not_found"
handler500 = "regietafel.web.views.server_error"
