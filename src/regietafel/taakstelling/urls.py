from django.urls import path

from regietafel.taakstelling import views

urlpatterns = [
    path("", views.period_list, name="taakstelling-list"),
    path("vaststellen/", views.period_set, name="taakstelling-set"),
    path("<str:label>/", views.period_detail, name="taakstelling-detail"),
]
