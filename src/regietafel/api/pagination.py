"""The API's pagination, in a module of its own: Django REST framework imports the default
pagination class while it builds its generic views, so this module imports nothing of ours."""

from __future__ import annotations

from rest_framework.pagination import LimitOffsetPagination


class DutchPagination(LimitOffsetPagination):
    """``limit`` and ``offset`` described in Dutch in the schema, as every other parameter."""

    limit_query_description = "Hoeveel rijen per pagina: 1 of meer (standaard 500)."
    offset_query_description = "Vanaf welke rij: 0 of meer (0 is de eerste)."
