"""Stored originals and import records kept in step: what a killed process can leave behind.

An import writes its original as the very last step inside its transaction
(``services._stored_file``): an exception before the commit removes the file again. A process
that is killed (power cut, ``kill -9``, out of memory) between writing the file and the commit
cannot clean up: the database rolls back, the file stays, without a record. Such an *orphan*
is found by reference: a file under ``bestanden/imports/`` that no import record names.
``regietafel onderhoud`` lists them and, with ``--verwijder``, removes them; files younger
than ``--minuten`` are left alone, since an import still running has written its file but
not yet committed.

The other way round, a record whose file is gone (a restore without files, a disk error), is
listed too; it is never repaired automatically.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from regietafel.imports.models import Import

ORIGINALS = "imports"
"""The folder under MEDIA_ROOT that holds every stored original (``models._upload_path``)."""
MINIMUM_AGE_MINUTES = 60
"""Orphans younger than this are not removed by default: an import may still be running."""


@dataclass(frozen=True)
class OriginalsCheck:
    """Orphan files (relative to MEDIA_ROOT, with age in minutes) and records without file."""

    orphans: tuple[tuple[str, float], ...]
    missing: tuple[tuple[int, str], ...]

    def old_orphans(self, minutes: float) -> tuple[str, ...]:
        return tuple(name for name, age in self.orphans if age >= minutes)


def originals_check() -> OriginalsCheck:
    """Compare the files under ``bestanden/imports/`` with the originals the records name."""
    root = Path(settings.MEDIA_ROOT)
    referenced = dict(Import.objects.exclude(original="").values_list("original", "pk"))
    now = time.time()
    orphans = []
    folder = root / ORIGINALS
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = path.relative_to(root).as_posix()
            if name not in referenced:
                orphans.append((name, (now - path.stat().st_mtime) / 60))
    missing = tuple(
        (pk, name) for name, pk in sorted(referenced.items()) if not (root / name).is_file()
    )
    return OriginalsCheck(orphans=tuple(orphans), missing=missing)


def orphans_remove(names: tuple[str, ...]) -> int:
    """Remove these orphan files (checked again: a name a record now holds is kept)."""
    root = Path(settings.MEDIA_ROOT)
    still_orphan = set(names) - set(
        Import.objects.filter(original__in=names).values_list("original", flat=True)
    )
    for name in sorted(still_orphan):
        (root / name).unlink(missing_ok=True)
    return len(still_orphan)
