from __future__ import annotations

from django.urls import path

from regietafel.doelen import views

urlpatterns = [path("doelen/", views.doelen, name="doelen")]
