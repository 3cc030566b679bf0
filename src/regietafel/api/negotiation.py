"""``?format=``: a format the endpoint does not write is a Dutch 400, not DRF's 404.

DRF answers an unknown ``format`` with "Niet gevonden.", as if the endpoint did not exist;
it is a parameter error like any other (``api.views.check_parameters``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer


class FormatNegotiation(DefaultContentNegotiation):
    def filter_renderers(
        self, renderers: Iterable[BaseRenderer], format: str
    ) -> list[BaseRenderer]:
        renderers = list(renderers)
        chosen = [renderer for renderer in renderers if renderer.format == format]
        if not chosen:
            known = ", ".join(sorted({str(renderer.format) for renderer in renderers}))
            raise ValidationError(
                {
                    "format": [
                        _("Onbekend formaat '%(format)s'. Toegestaan: %(known)s.")
                        % {"format": format, "known": known}
                    ]
                }
            )
        return chosen
