from __future__ import annotations

from django.urls import path

from regietafel.boodschappenlijst import views

urlpatterns = [path("boodschappenlijst/", views.boodschappenlijst, name="boodschappenlijst")]
