"""The Django project: settings, URL configuration, WSGI entry point and checks.

Kept apart from the site's own views and helpers (``regietafel.web``), so the project
wiring is the only module that may import every app.
"""
