from django.urls import path

from regietafel.meldingen import views

urlpatterns = [
    path("", views.settings_page, name="meldingen"),
]
