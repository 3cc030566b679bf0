from __future__ import annotations

from django.urls import path

from regietafel.opvangprognose import views

urlpatterns = [
    path("prognose/", views.prognose, name="prognose"),
]
