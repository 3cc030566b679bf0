"""Answers of the week commands (``opvang``, ``kerncijfers``, ``boodschappenlijst``), kept per
state of the data, so that asking again costs a file read instead of a Django start.

Why: Django's ORM alone takes about 0.45 s to import on a 2-core machine, while the answer
for a week changes only when the data does. The answer depends on exactly these inputs, all
readable without Django:

- the command and its arguments;
- the environment variables that configure regietafel (``REGIETAFEL_*``, ``DATABASE_URL``,
  ``TZ``): the need policy, the data folder, …;
- today's date in the Netherlands (the week figures say how old a delivery is);
- the installed code (version plus size and modification time of every file in the package);
- the **data generation**: the newest audit row that records a change, the same identity the
  web pages are cached by (:func:`regietafel.audit.selectors.data_generation`), and the
  number of applied migrations. Every write goes through a service that appends its audit
  row in the same transaction, so any change of the data gives a new key.

The generation is read with the standard library's ``sqlite3`` in read-only mode, so this
works for the embedded database only; with ``DATABASE_URL`` every run computes. An answer is
stored only when the command succeeded and wrote ``tabel``, ``csv`` or ``json`` to standard
output; it is replayed byte for byte. ``REGIETAFEL_ANTWOORDOPSLAG=0`` switches it off.
"""

from __future__ import annotations

import hashlib
import io
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import regietafel
from regietafel.config.environment import (
    DATABASE_FILE,
    LOCAL_TIME_ZONE,
    data_folder,
    data_folder_line,
    env_bool,
    env_str,
)

if TYPE_CHECKING:
    import argparse

NOT_DATA_ACTIONS = ("ingelogd", "inlog mislukt", "verzonden", "niet verzonden")
"""Audit actions that change no data (``audit.selectors.NOT_DATA``; a test keeps them equal)."""
FOLDER = Path("cache") / "antwoorden"
KEEP = 200
"""At most this many answers are kept; the oldest go first."""
TEXT_FORMATS = ("tabel", "csv", "json")
_PACKAGE = Path(regietafel.__file__).resolve().parent


def enabled(arguments: argparse.Namespace) -> bool:
    return (
        env_bool("REGIETAFEL_ANTWOORDOPSLAG", default=True)
        and not env_str("DATABASE_URL")
        and getattr(arguments, "uitvoer", None) is None
        and getattr(arguments, "formaat", None) in TEXT_FORMATS
    )


def data_generation(database: Path) -> tuple[int, str, int] | None:
    """(newest data audit id, its time, applied migrations), or ``None`` when unreadable."""
    if not database.is_file():
        return None
    marks = ",".join("?" * len(NOT_DATA_ACTIONS))
    try:
        connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = connection.execute(
            f"SELECT id, at FROM audit_auditentry WHERE action NOT IN ({marks}) "  # noqa: S608
            "ORDER BY id DESC LIMIT 1",
            NOT_DATA_ACTIONS,
        ).fetchone()
        (migrations,) = connection.execute("SELECT count(*) FROM django_migrations").fetchone()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return (0, "", int(migrations)) if row is None else (int(row[0]), str(row[1]), int(migrations))


def code_fingerprint() -> str:
    """Version plus (path, size, mtime) of every file of the installed package."""
    digest = hashlib.sha256(regietafel.__version__.encode())
    for root, folders, files in os.walk(_PACKAGE):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(files):
            path = os.path.join(root, name)
            stat = os.stat(path)
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def answer_key(
    arguments: argparse.Namespace,
    generation: tuple[int, str, int],
    *,
    today: date,
    environment: dict[str, str],
    code: str,
) -> str:
    """The identity of an answer: everything it is computed from (see the module text)."""
    parts = [
        "v1",
        repr(sorted((k, str(v)) for k, v in vars(arguments).items() if k != "handler")),
        repr(sorted(
            (k, v) for k, v in environment.items()
            if k.startswith("REGIETAFEL_") or k in ("DATABASE_URL", "TZ")
        )),
        today.isoformat(),
        code,
        repr(generation),
    ]  # fmt: skip
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


class StoredAnswer:
    """The stored answer for one run of a week command."""

    def __init__(self, path: Path, generation: tuple[int, str, int]) -> None:
        self.path = path
        self.generation = generation

    def replay(self) -> bool:
        """Write the stored answer to standard output; ``False`` when there is none."""
        try:
            payload = self.path.read_bytes()
        except OSError:
            return False
        note = f" (opgeslagen antwoord, gegevensstand {self.generation[0]})"
        print(data_folder_line(note), file=sys.stderr)
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return True

    @contextmanager
    def recording(self) -> Iterator[None]:
        """Pass standard output through and store it if the block ends without an error."""
        real = sys.stdout
        capture = _Capture(real)
        sys.stdout = capture
        try:
            yield
        finally:
            sys.stdout = real
        self._store(capture.captured.getvalue())

    def _store(self, payload: bytes) -> None:
        """Atomically, and never at the cost of the answer already given."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(f".{os.getpid()}.deel")
            partial.write_bytes(payload)
            os.replace(partial, self.path)
            _prune(self.path.parent)
        except OSError:
            return


def for_command(arguments: argparse.Namespace, *, today: date | None = None) -> StoredAnswer | None:
    """The stored answer slot of this run, or ``None`` when answers are not stored."""
    if not enabled(arguments):
        return None
    folder = data_folder()
    generation = data_generation(folder / DATABASE_FILE)
    if generation is None:
        return None
    key = answer_key(
        arguments,
        generation,
        today=today or datetime.now(ZoneInfo(LOCAL_TIME_ZONE)).date(),
        environment=dict(os.environ),
        code=code_fingerprint(),
    )
    return StoredAnswer(folder / FOLDER / f"{key}.uit", generation)


def _prune(folder: Path) -> None:
    answers = sorted(folder.glob("*.uit"), key=lambda p: p.stat().st_mtime_ns)
    for old in answers[:-KEEP]:
        old.unlink(missing_ok=True)


class _Capture(io.TextIOBase):
    """Standard output that also keeps what passes through its byte buffer."""

    def __init__(self, real: io.TextIOBase | object) -> None:
        self._real = real
        self.captured = io.BytesIO()
        self.buffer = _TeeBuffer(real, self.captured)

    def write(self, text: str) -> int:
        self.buffer.write(text.encode())
        return len(text)

    def flush(self) -> None:
        self.buffer.flush()


class _TeeBuffer:
    def __init__(self, real: object, captured: io.BytesIO) -> None:
        self._real = getattr(real, "buffer", None)
        self._captured = captured

    def write(self, payload: bytes) -> int:
        self._captured.write(payload)
        if self._real is not None:
            self._real.write(payload)
        return len(payload)

    def flush(self) -> None:
        if self._real is not None:
            self._real.flush()
