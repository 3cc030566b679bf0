from django.urls import path

from regietafel.taakstelling import views

urlpatterns = [
    path("", views.period_list, name="taakstelling-list"),
    path("vaststellen/", views.period_set, name="taakstelling-set"),
    path("<str:label>/", views.period_detail, name="taakstelling-detail"),
    path("<str:label>/cyclus/", views.period_cycle, name="taakstelling-cyclus"),
    path("<str:label>/herzien/", views.period_revise, name="taakstelling-herzien"),
    path("<str:label>/oordeel/", views.judgement_add, name="taakstelling-oordeel"),
]
