"""The project's own catalogues: committed ``.mo`` built from the ``.po``, and a writer that
Python's (and so Django's) gettext reads back as written."""

from __future__ import annotations

import gettext
import io
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool() -> ModuleType:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import build_locale
    finally:
        sys.path.pop(0)
    return build_locale


def test_committed_mo_files_are_what_the_script_builds_from_the_po() -> None:
    """Rerun ``python tools/build_locale.py`` after editing a .po file."""
    tool = _tool()
    found = tool.catalogues()
    assert {po.name for po in found} == {"django.po", "djangojs.po"}
    for po in found:
        mo = po.with_suffix(".mo")
        assert mo.exists(), f"{mo} ontbreekt: draai python tools/build_locale.py"
        assert mo.read_bytes() == tool.compile_po(po), f"{mo} is verouderd"


PO = r"""
# a comment
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Add link"
msgstr "Link om toe te voegen"

msgid ""
"After you’ve created a user, "
"you’ll be able to edit more."
msgstr ""
"Nadat u de gebruiker hebt aangemaakt, "
"kunt u meer instellen."

#, python-format
msgid "%d character"
msgid_plural "%d characters"
msgstr[0] "%d teken"
msgstr[1] "%d tekens"

msgctxt "abbrev. month"
msgid "May"
msgstr "mei"

msgid "Say \"hi\"\tthen\\go"
msgstr "Zeg \"hoi\"\tdan\\ga"

#, fuzzy
msgid "Guessed"
msgstr "Gegokt"

msgid "Untranslated"
msgstr ""
"""


def test_the_mo_writer_is_read_back_by_gettext() -> None:
    tool = _tool()
    catalogue = gettext.GNUTranslations(io.BytesIO(tool.build_mo(tool.parse_po(PO))))

    assert catalogue.gettext("Add link") == "Link om toe te voegen"
    assert (
        catalogue.gettext("After you’ve created a user, you’ll be able to edit more.")
        == "Nadat u de gebruiker hebt aangemaakt, kunt u meer instellen."
    )
    assert catalogue.ngettext("%d character", "%d characters", 1) == "%d teken"
    assert catalogue.ngettext("%d character", "%d characters", 3) == "%d tekens"
    assert catalogue.pgettext("abbrev. month", "May") == "mei"
    assert catalogue.gettext("May") == "May"  # the context is part of the key
    assert catalogue.gettext('Say "hi"\tthen\\go') == 'Zeg "hoi"\tdan\\ga'
    # A fuzzy or empty translation is left out, so Django's own catalogue still answers.
    assert catalogue.gettext("Guessed") == "Guessed"
    assert catalogue.gettext("Untranslated") == "Untranslated"
    assert catalogue.info()["plural-forms"] == "nplurals=2; plural=(n != 1);"


def test_a_line_the_writer_does_not_understand_names_file_and_line() -> None:
    tool = _tool()
    with pytest.raises(tool.PoError, match=r"x\.po:3: regel niet begrepen"):
        tool.parse_po('msgid "a"\nmsgstr "b"\nmsgstr_typo "c"\n', name="x.po")


def test_django_reads_the_project_catalogue() -> None:
    """LOCALE_PATHS points at the bundled locale, which wins over Django's own catalogue."""
    from django.utils import translation

    with translation.override("nl"):
        assert translation.gettext("Model name") == "Modelnaam"
        assert translation.gettext("Request was throttled.") == "Te veel verzoeken."
        assert translation.gettext("Save") == "Opslaan"  # Django's own catalogue still answers
