from django.urls import path

from regietafel.rapportage import feeds, views

urlpatterns = [
    path("", views.reports, name="rapporten"),
    path("feed/<slug:slug>.atom", feeds.report_feed, name="rapport-feed"),
    path("publiceren/", views.publish, name="rapport-publiceren"),
    path("<str:week>/<str:scope>/", views.report, name="rapport"),
    path("<str:week>/<str:scope>/pdf/", views.report_pdf, name="rapport-pdf"),
    path("<str:week>/<str:scope>/excel/", views.report_xlsx, name="rapport-xlsx"),
]
