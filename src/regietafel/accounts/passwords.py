"""Password rules in Dutch where Django's translation is missing.

Django 5.2 changed the text of its minimum-length error (``%d`` instead of
``%(min_length)d``); its Dutch catalogue still has the old one, so the beheerder read "This
password is too short" in an otherwise Dutch admin.
"""

from __future__ import annotations

from django.contrib.auth import password_validation

from regietafel.core.formatting import count_nl


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's rule, with its error in Dutch."""

    def get_error_message(self) -> str:
        least = count_nl(self.min_length, "teken", "tekens")
        return f"Dit wachtwoord is te kort: gebruik minstens {least}."
