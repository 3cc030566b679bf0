"""Compile the project's translation catalogues (``.po`` -> ``.mo``) with Python alone.

``src/regietafel/locale/<taal>/LC_MESSAGES/*.po`` holds the Dutch for the English texts of
Django, its admin and Django REST framework that their own Dutch catalogues lack (such as the
admin's hidden table headers "Model name" and "Add link"). Django reads the compiled ``.mo``
through ``LOCALE_PATHS``; both files are committed, so neither CI nor an installation needs
GNU gettext. ``tests/test_locale.py`` fails when a committed ``.mo`` differs from what this
script writes from its ``.po``. The output is deterministic: a rebuild is byte-identical.

Run, from the repository root, after editing a ``.po``::

    python tools/build_locale.py
"""

from __future__ import annotations

import ast
import re
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "src" / "regietafel" / "locale"

_MAGIC = 0x950412DE
_HEADER_SIZE = 7 * 4
_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$")
_CONTINUATION = re.compile(r"^\".*\"\s*$")


class PoError(ValueError):
    """A ``.po`` file this compiler cannot read; the message names the file and line."""


@dataclass
class Message:
    """One entry of a catalogue: the English text (and its plural) and the Dutch forms."""

    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    fuzzy: bool = False


def _unquote(literal: str, where: str) -> str:
    """A C-style quoted .po string as text (``\\n``, ``\\"``, ``\\\\`` and ``\\t``)."""
    try:
        value = ast.literal_eval(literal)
    except (SyntaxError, ValueError) as exc:
        raise PoError(f"{where}: geen geldige tekst tussen aanhalingstekens: {literal}") from exc
    if not isinstance(value, str):
        raise PoError(f"{where}: geen tekst: {literal}")
    return value


class _Parser:
    """Reads a ``.po`` file line by line: keywords start or fill an entry, a quoted line
    continues the field before it."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.messages: list[Message] = []
        self.current: Message | None = None
        self.target: tuple[str, int] | None = None  # the field a continuation line extends
        self.fuzzy_next = False

    def comment(self, line: str) -> None:
        """Only the fuzzy flag matters; references, notes and obsolete entries (#~) do not."""
        if line.startswith("#,") and "fuzzy" in {f.strip() for f in line[2:].split(",")}:
            self.fuzzy_next = True

    def keyword(self, key: str, index: str | None, value: str, where: str) -> None:
        # An entry starts at its msgctxt, or at its msgid when no msgctxt came first.
        awaiting_msgid = self.current is not None and self.target == ("msgctxt", 0)
        if key == "msgctxt" or (key == "msgid" and not awaiting_msgid):
            if self.current is not None:
                self.messages.append(self.current)
            self.current = Message(fuzzy=self.fuzzy_next)
            self.fuzzy_next = False
        if self.current is None:
            raise PoError(f"{where}: {key} zonder msgid ervoor")
        slot = int(index) if index is not None else 0
        self.target = ("msgstr" if key.startswith("msgstr") else key, slot)
        self._extend(value, replace=True)

    def continuation(self, value: str) -> None:
        self._extend(value, replace=False)

    def _extend(self, value: str, *, replace: bool) -> None:
        assert self.current is not None
        assert self.target is not None
        kind, slot = self.target
        message = self.current
        if kind == "msgstr":
            message.msgstr[slot] = ("" if replace else message.msgstr[slot]) + value
        elif kind == "msgid":
            message.msgid = ("" if replace else message.msgid) + value
        elif kind == "msgid_plural":
            message.msgid_plural = ("" if replace else message.msgid_plural or "") + value
        else:
            message.msgctxt = ("" if replace else message.msgctxt or "") + value

    def finish(self) -> list[Message]:
        if self.current is not None:
            self.messages.append(self.current)
            self.current = None
        return self.messages


def parse_po(text: str, *, name: str = "<po>") -> list[Message]:
    """The messages of a ``.po`` file, in file order (the header is the one with msgid "")."""
    parser = _Parser(name)
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        where = f"{name}:{number}"
        if not line:
            continue
        if line.startswith("#"):
            parser.comment(line)
            continue
        keyword = _KEYWORD.match(line)
        if keyword:
            key, index, literal = keyword.groups()
            parser.keyword(key, index, _unquote(literal, where), where)
        elif _CONTINUATION.match(line) and parser.target is not None:
            parser.continuation(_unquote(line, where))
        else:
            raise PoError(f"{where}: regel niet begrepen: {raw}")
    return parser.finish()


def _key_and_value(message: Message) -> tuple[bytes, bytes]:
    key = message.msgid
    if message.msgid_plural is not None:
        key += "\0" + message.msgid_plural
    if message.msgctxt is not None:
        key = message.msgctxt + "\x04" + key
    forms = [message.msgstr[i] for i in sorted(message.msgstr)]
    return key.encode("utf-8"), "\0".join(forms).encode("utf-8")


def build_mo(messages: list[Message]) -> bytes:
    """A GNU ``.mo`` file (little-endian, no hash table) of the translated messages.

    Untranslated and fuzzy entries are left out, as ``msgfmt`` does, so they fall back to
    Django's own catalogue (or its English) instead of showing an empty text.
    """
    entries: dict[bytes, bytes] = {}
    for message in messages:
        forms = list(message.msgstr.values())
        is_header = message.msgid == "" and message.msgctxt is None
        if message.fuzzy and not is_header:
            continue
        if not forms or any(form == "" for form in forms):
            continue
        key, value = _key_and_value(message)
        entries[key] = value
    keys = sorted(entries)  # sorted, as the format's binary search expects
    count = len(keys)
    originals_at = _HEADER_SIZE
    translations_at = originals_at + count * 8
    data_at = translations_at + count * 8
    originals = bytearray()
    translations = bytearray()
    data = bytearray()
    for key in keys:
        originals += struct.pack("<II", len(key), data_at + len(data))
        data += key + b"\0"
    for key in keys:
        value = entries[key]
        translations += struct.pack("<II", len(value), data_at + len(data))
        data += value + b"\0"
    header = struct.pack("<7I", _MAGIC, 0, count, originals_at, translations_at, 0, data_at)
    return header + bytes(originals) + bytes(translations) + bytes(data)


def compile_po(po: Path) -> bytes:
    """The ``.mo`` bytes this script writes for one ``.po`` file."""
    return build_mo(parse_po(po.read_text(encoding="utf-8"), name=str(po)))


def catalogues(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Every ``.po`` file under the locale folder, in a fixed order."""
    return sorted(locale_dir.glob("*/LC_MESSAGES/*.po"))


def main() -> int:
    found = catalogues()
    if not found:
        print(f"Geen .po-bestanden gevonden onder {LOCALE_DIR}.", file=sys.stderr)
        return 1
    for po in found:
        mo = po.with_suffix(".mo")
        compiled = compile_po(po)
        if mo.exists() and mo.read_bytes() == compiled:
            print(f"ongewijzigd: {mo.relative_to(ROOT)}")
            continue
        mo.write_bytes(compiled)
        print(f"geschreven: {mo.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
