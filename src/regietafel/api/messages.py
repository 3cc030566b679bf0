"""The API's own 4xx texts, each written once; the other modules of the API import them.

docs/api.md quotes them and ``tests/api/test_errors.py`` fails when a quote drifts from its
text. Texts that name a parameter or a reason come from where the error is found
(``views.check_parameters``, the selectors). A module of its own, importing nothing of
Django REST framework: DRF imports the authentication class, which reads these, while it
is itself being imported.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

REALM = "regietafel API"
"""The realm of the Basic challenge on a 401 (``WWW-Authenticate``)."""

LOGIN_NEEDED = _(
    "Log in om de API te gebruiken: met HTTP Basic (gebruikersnaam en wachtwoord van "
    "regietafel) of, in de browser, via /inloggen/."
)
BAD_BASIC_HEADER = _(
    "De Authorization-header is geen geldige HTTP Basic: schrijf 'Basic ' gevolgd door "
    "gebruikersnaam:wachtwoord in base64."
)
NO_ROLE = _(
    "Uw account heeft (nog) geen rol waarmee u gegevens mag inzien; vraag de beheerder om een rol."
)
NO_ACCESS = _("U heeft met uw rol geen toegang tot deze gegevens.")
TOO_MANY_REQUESTS = _(
    "Te veel verzoeken voor uw account in korte tijd. Probeer het over %(seconds)s seconden "
    "opnieuw."
)
