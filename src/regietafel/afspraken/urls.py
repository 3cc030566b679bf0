from __future__ import annotations

from django.urls import path

from regietafel.afspraken import views

urlpatterns = [
    path("", views.afspraken, name="afspraken"),
    path("overleggen/", views.overleggen, name="overleggen"),
    path("overleggen/<int:pk>/", views.overleg_detail, name="overleg-detail"),
    path("actielijst/", views.actielijst, name="actielijst"),
    path("bijlage/", views.bijlage, name="bijlage"),
    path("van-boodschap/", views.van_boodschap, name="afspraak-van-boodschap"),
    path("<str:number>/", views.afspraak_detail, name="afspraak-detail"),
]
