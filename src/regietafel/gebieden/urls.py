from django.urls import path

from regietafel.gebieden import views

urlpatterns = [
    path("provincies/", views.province_list, name="provincies"),
    path("provincies/<str:code>/", views.province_detail, name="provincie-detail"),
    path("gemeenten/", views.municipality_list, name="gemeenten"),
    path("gemeenten/<str:code>/", views.municipality_detail, name="gemeente-detail"),
]
