from __future__ import annotations

from django.urls import path

from regietafel.kerncijfers import views

urlpatterns = [
    path("begrippen/", views.begrippen, name="begrippen"),
]
