from django.urls import path

from regietafel.imports import views

urlpatterns = [
    path("", views.import_list, name="imports"),
    path("nieuw/", views.import_new, name="import-new"),
    path("bestandsformaten/", views.import_formats, name="import-formats"),
    path(
        "sjabloon/<str:kind>-toelichting.csv",
        views.import_template_help,
        name="import-template-help",
    ),
    path("sjabloon/<str:kind>.<str:extension>", views.import_template, name="import-template"),
    path("<int:pk>/", views.import_detail, name="import-detail"),
    path("<int:pk>/origineel/", views.import_original, name="import-original"),
    path("<int:pk>/intrekken/", views.import_withdraw_view, name="import-withdraw"),
]
