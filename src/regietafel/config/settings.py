"""Django settings: one file, every environment-specific value from an environment variable.

Variables (all optional; documented in docs/instellingen.md):
REGIETAFEL_DATA_DIR, REGIETAFEL_SECRET_KEY, DATABASE_URL, REGIETAFEL_DEBUG,
REGIETAFEL_ALLOWED_HOSTS, REGIETAFEL_HTTPS, REGIETAFEL_PROXY, REGIETAFEL_DEMO,
REGIETAFEL_IMPORT_MAX_MB, REGIETAFEL_BASE_URL, REGIETAFEL_EMAIL_*.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from regietafel import printing
from regietafel.config.environment import (
    DATABASE_FILE,
    LOCAL_TIME_ZONE,
    data_dir,
    env_bool,
    env_list,
    env_str,
    secret_key,
)

READ_ONLY_COMMAND = env_bool("REGIETAFEL_ALLEEN_LEZEN")
"""Set by the read-only commands (``opvang``, ``kerncijfers``, ``boodschappenlijst``), never by
the web server: they start without the web-only apps below and without the runtime generics
patch, which only the admin and API classes need."""

if not READ_ONLY_COMMAND:
    import django_stubs_ext  # importing it loads much of Django (admin, syndication, forms)

    django_stubs_ext.monkeypatch()

DATA_DIR = data_dir()
SECRET_KEY = secret_key(DATA_DIR)
DEBUG = env_bool("REGIETAFEL_DEBUG")
ALLOWED_HOSTS = env_list("REGIETAFEL_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
DEMO_MODE = env_bool("REGIETAFEL_DEMO")

INSTALLED_APPS = [
    "regietafel.accounts.adminapp.RegietafelAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "regietafel.accounts",
    "regietafel.audit",
    "regietafel.gebieden",
    "regietafel.imports",
    "regietafel.taakstelling",
    "regietafel.opvang",
    "regietafel.kerncijfers",
    "regietafel.opvangbeeld",
    "regietafel.opvangprognose",
    "regietafel.rapportage",
    "regietafel.api",
    "regietafel.doelen",
    "regietafel.boodschappenlijst",
    "regietafel.verdeling",
    "regietafel.afspraken",
    "regietafel.meldingen",
    "regietafel.web",
]

WEB_ONLY_APPS = (
    "regietafel.accounts.adminapp.RegietafelAdminConfig",
    "rest_framework",
    "drf_spectacular",
    "django.contrib.messages",
    "django.contrib.staticfiles",
)
"""Apps only the web server needs: the admin (its autodiscovery imports every admin module),
the API and its schema, messages and static files."""
if READ_ONLY_COMMAND:
    INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in WEB_ONLY_APPS]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "regietafel.web.middleware.SecurityHeadersMiddleware",
    "regietafel.web.middleware.MethodNotAllowedPageMiddleware",
    "regietafel.web.page_cache.PageCacheMiddleware",
    "regietafel.web.middleware.DomainErrorMiddleware",
]

ROOT_URLCONF = "regietafel.config.urls"
WSGI_APPLICATION = "regietafel.config.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The admin's app comes first in INSTALLED_APPS, so our few overrides of its own
        # templates (accounts/admin_templates) are found only through DIRS.
        "DIRS": [Path(__file__).resolve().parent.parent / "accounts" / "admin_templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "regietafel.web.context.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{DATA_DIR / DATABASE_FILE}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Writers wait for each other (up to 20 s) instead of failing with "database is locked";
    # IMMEDIATE takes the write lock at the start of a transaction, so two imports of one
    # week never both read the same latest version number.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "regietafel.accounts.passwords.MinimumLengthValidator"},  # its error in Dutch
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = LOCAL_TIME_ZONE
USE_I18N = True
# Dutch for the English texts of Django, its admin and DRF that their own Dutch catalogues lack
# (such as the admin's hidden table headers); compiled by tools/build_locale.py, .mo committed.
LOCALE_PATHS = [Path(__file__).resolve().parent.parent / "locale"]
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise serves from here after collectstatic
# The printed documents' house style is also the report web page's stylesheet.
STATICFILES_DIRS = [("huisstijl", str(printing.CSS_DIR))]
MEDIA_ROOT = DATA_DIR / "bestanden"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Security: safe defaults everywhere; the HTTPS-only switches follow REGIETAFEL_HTTPS because the
# embedded demo runs on plain http://127.0.0.1.
HTTPS = env_bool("REGIETAFEL_HTTPS")
# Behind a TLS proxy (nginx, a load balancer) the application itself sees plain http; the
# proxy says "https" in X-Forwarded-Proto. That header is trusted only with REGIETAFEL_PROXY=1
# (anyone can send it when the application is reachable directly, without the proxy).
PROXY = env_bool("REGIETAFEL_PROXY")
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PROXY else None
USE_X_FORWARDED_HOST = False
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "regietafel.web.views.csrf_failure"  # Dutch, in the site's layout
SESSION_COOKIE_AGE = 8 * 60 * 60
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# The largest import file (REGIETAFEL_IMPORT_MAX_MB, default 20 MB).
IMPORT_MAX_BYTES = int(env_str("REGIETAFEL_IMPORT_MAX_MB", "20")) * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Log-in throttling (accounts.services.login_attempt, shared by the log-in page, HTTP Basic on the
# API and the admin): failures per user name and per client address within the window.
LOGIN_MAX_FAILURES = 5
LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60

# Absolute links in e-mails and feeds ("https://regietafel.example.nl", without a final /).
BASE_URL = env_str("REGIETAFEL_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# E-mail (meldingen): SMTP when REGIETAFEL_EMAIL_HOST is set; otherwise every message is written
# as a file in <datamap>/mail (the demo and any setup without a mail server). The tests use
# Django's in-memory backend.
EMAIL_HOST = env_str("REGIETAFEL_EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(env_str("REGIETAFEL_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = env_str("REGIETAFEL_EMAIL_USER")
    EMAIL_HOST_PASSWORD = env_str("REGIETAFEL_EMAIL_PASSWORD")
    EMAIL_USE_TLS = env_bool("REGIETAFEL_EMAIL_TLS", default=True)
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = DATA_DIR / "mail"
DEFAULT_FROM_EMAIL = env_str("REGIETAFEL_EMAIL_FROM", "regietafel <noreply@localhost>")

REST_FRAMEWORK = {
    # Basic first: its challenge makes a missing or wrong log-in a 401 (the session's
    # would be a 403 without WWW-Authenticate); a session from the browser still works.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "regietafel.api.authentication.ThrottledBasicAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "regietafel.api.negotiation.FormatNegotiation",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "regietafel.api.pagination.DutchPagination",
    "PAGE_SIZE": 500,
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.UserRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"user": "2000/hour"},
    "EXCEPTION_HANDLER": "regietafel.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "regietafel API",
    "DESCRIPTION": "Leesinterface van regietafel: gebieden, taakstelling, realisatie en opvang.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema names every endpoint and field: for users who are logged in only.
    "SERVE_PERMISSIONS": [
        "rest_framework.permissions.IsAuthenticated",
        "regietafel.api.views.CanView",
    ],
}

# Need policy of the weekly figures: the LRT's choice for a week, else this installation's
# default (a key of core.need_policy, e.g. "coa-2022-11"; "geen" for none), else, when empty,
# the dated policy that applied on the week's Monday (docs/instellingen.md).
REGIETAFEL_BUFFER = env_str("REGIETAFEL_BUFFER", "")
# The three horizons of the reception picture in weeks (short, medium, long), core.rules.
REGIETAFEL_HORIZONS = env_str("REGIETAFEL_HORIZONS", "4,26,104")
# How the medium and long horizons project occupancy: "prognose" (the forecast's median growth,
# regietafel.prognose.cache) or "trend" (the damped straight line, also the fallback).
REGIETAFEL_PROJECTIE = env_str("REGIETAFEL_PROJECTIE", "prognose")

# Pages of a week rendered once per state of the data and per role and province
# (regietafel.web.page_cache). Off only to measure or to rule the cache out.
REGIETAFEL_PAGE_CACHE = env_bool("REGIETAFEL_PAGE_CACHE", default=True)
# Taakstelling schedule classes: "somewhat behind" down to this share of the schedule, an
# assumption without a published source (core.rules.SOMEWHAT_BEHIND_SHARE); "3/4" or "75".
REGIETAFEL_ENIGSZINS_ACHTER = env_str("REGIETAFEL_ENIGSZINS_ACHTER", "3/4")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A refusal (403) or a page that does not exist (404) is an answer, not a fault: one line
    # in the log, without the traceback Django attaches (it filled the log with refusals).
    "filters": {
        "answers_without_traceback": {"()": "regietafel.config.logs.AnswersWithoutTraceback"}
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["answers_without_traceback"]}
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
}
