from django.urls import path

from regietafel.opvang import views

urlpatterns = [
    path("locaties/", views.locations, name="locaties"),
    path("locaties/<str:code>/", views.location_detail, name="locatie-detail"),
    path("reeksen/", views.series, name="reeksen"),
]
