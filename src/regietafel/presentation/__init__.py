"""Presentation shared by every edge: result tables, Dutch cell text, CSV/JSON/Excel writers.

Neutral ground between the apps, the API and the command line, so none of them borrows
helpers from another edge. ``tables`` is framework-free; ``http`` turns tables into Django
responses.
"""
