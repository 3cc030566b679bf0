"""``regietafel import SOORT BESTAND --week 2021-W45``: the same service as the web form."""

from __future__ import annotations

import sys
from pathlib import Path

from regietafel.accounts import access
from regietafel.accounts.models import User
from regietafel.core.formatting import count_nl, os_error_nl
from regietafel.core.periods import IsoWeek, PeriodError
from regietafel.errors import UserError
from regietafel.imports.formats import file_format
from regietafel.imports.models import Status
from regietafel.imports.services import import_submit
from regietafel.tabular import CellError


def import_from_cli(*, kind: str, path: Path, week: str, username: str | None) -> int:
    """Import one file; 0 when processed, 2 when refused (every error on stderr)."""
    fmt = file_format(kind)
    try:
        label = IsoWeek.parse(week).label
    except PeriodError as error:
        raise UserError(str(error)) from None
    actor = _actor(username)
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: bestand niet gevonden") from None
    except OSError as error:
        raise UserError(f"{path}: bestand niet leesbaar ({os_error_nl(error)})") from None
    if actor is None:
        sys.stderr.write("Geen --gebruiker opgegeven: aangeleverd door 'systeem'.\n")
    record = import_submit(actor=actor, kind=kind, week=label, file_name=path.name, content=content)
    if record.status == Status.REFUSED:
        for cell in record.errors:
            located = CellError(cell["file"], cell["message"], cell["row"], cell["column"])
            sys.stderr.write(f"{located}\n")
        sys.stderr.write(f"Geweigerd: {fmt.title} {record.week}; er is niets verwerkt.\n")
        return 2
    sys.stdout.write(
        f"Verwerkt: {fmt.title} {record.week} versie {record.version}, "
        f"{count_nl(record.row_count, 'rij', 'rijen')} (sha256 {record.checksum})\n"
    )
    return 0


def _actor(username: str | None) -> User | None:
    if username is None:
        return None
    try:
        user = User.objects.get(username=username)
    except User.DoesNotExist:
        raise UserError(f"gebruiker '{username}' bestaat niet") from None
    if not access.can_import(user):
        raise UserError(f"gebruiker '{username}' mag geen bestanden importeren")
    return user
