"""API routes of the agreements register; included at ``api/v1/afspraken/``."""

from __future__ import annotations

from django.urls import path

from regietafel.afspraken import api

urlpatterns = [
    path("", api.AgreementList.as_view(), name="api-afspraken"),
    path("overleggen/", api.MeetingList.as_view(), name="api-overleggen"),
    path("actielijst/", api.ActionListView.as_view(), name="api-actielijst"),
    path("<str:number>/", api.AgreementDetail.as_view(), name="api-afspraak-detail"),
]
