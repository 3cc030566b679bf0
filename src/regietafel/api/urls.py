from django.urls import path

from regietafel.api import views

urlpatterns = [
    path("", views.ApiIndex.as_view(), name="api-index"),
    path("provincies/", views.ProvinceList.as_view(), name="api-provincies"),
    path("gemeenten/", views.MunicipalityList.as_view(), name="api-gemeenten"),
    path("taakstelling/", views.TaakstellingPeriodList.as_view(), name="api-taakstelling"),
    path(
        "taakstelling/<str:label>/",
        views.TaakstellingDetail.as_view(),
        name="api-taakstelling-detail",
    ),
    path("realisatie/", views.RealisationList.as_view(), name="api-realisatie"),
    path("locaties/", views.LocationList.as_view(), name="api-locaties"),
    path("locaties/<str:code>/", views.LocationDetail.as_view(), name="api-locatie-detail"),
    path(
        "opvang-per-provincie/",
        views.ProvinceAggregateList.as_view(),
        name="api-opvang-per-provincie",
    ),
    path("reeksen/", views.SeriesList.as_view(), name="api-reeksen"),
]
