from __future__ import annotations

from django.urls import path

from regietafel.verdeling import views

urlpatterns = [path("verdeling/", views.verdeling, name="verdeling")]
