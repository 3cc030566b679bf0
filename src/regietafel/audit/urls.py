from django.urls import path

from regietafel.audit import views

urlpatterns = [path("", views.audit_list, name="audit")]
