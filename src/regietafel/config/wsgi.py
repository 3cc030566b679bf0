"""The WSGI entry point that ``regietafel serve`` hands to waitress."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regietafel.config.settings")
application = get_wsgi_application()
