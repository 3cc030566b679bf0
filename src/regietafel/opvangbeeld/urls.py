from __future__ import annotations

from django.urls import path

from regietafel.opvangbeeld import views as picture_views

urlpatterns = [
    path("opvangbeeld/", picture_views.opvangbeeld, name="opvangbeeld"),
    # Before the province pattern: "behoeftebeleid" is no province code.
    path(
        "opvangbeeld/behoeftebeleid/",
        picture_views.behoeftebeleid,
        name="opvangbeeld-behoeftebeleid",
    ),
    path(
        "opvangbeeld/<str:code>/",
        picture_views.opvangbeeld_provincie,
        name="opvangbeeld-provincie",
    ),
]
