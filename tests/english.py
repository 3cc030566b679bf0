"""English that once reached users of regietafel, on a page or in its accessibility tree.

Each phrase was found by walking every page per role (and the admin as beheerder) in Chromium;
``english_in`` is what the page tests assert is empty. Phrases are specific enough not to
occur in Dutch text.
"""

from __future__ import annotations

ENGLISH: tuple[str, ...] = (
    # Django's admin: texts its Dutch catalogue lacks (the project locale has them).
    "Model name",  # the hidden column headers of the list of models
    "Add link",
    "Change or view list link",
    "After you’ve created a user",  # the add-user form
    "Error:",  # the page title of a form with errors
    # English written into Django's admin, not translatable: replaced by our own.
    'alt="Search"',
    'alt="True"',
    'alt="False"',
    'alt="None"',
    "If disabled, the current password",
    # Permission names as Django stores them, models without a Dutch name or __str__.
    "Can add ",
    "Can change ",
    "Can delete ",
    "Can view ",
    "login failure",
    "login throttle",
    "number sequence",
    "location record",
    "series record",
    "scenario record",
    "realisation record",
    " object (",  # Django's default __str__, "AgreementUpdate object (3)"
    # Vega's own words for screen readers in the charts.
    "aria-roledescription",
    "Title text",
    # Django's defaults, should a catalogue not be loaded at all.
    "This field is required",
    "Enter a valid",
    "Select a valid choice",
    "Please correct the error",
    "Are you sure",
    "Save and ",
)


def english_in(html: str) -> list[str]:
    """The phrases of ``ENGLISH`` that occur in a page."""
    return [phrase for phrase in ENGLISH if phrase in html]
