"""Submitting an import: validate every row, then store all of it or none of it.

A refused file is still a record (original, checksum, errors, audit row), just without
domain rows. An accepted file becomes the next version for its kind and week; earlier
versions and their rows stay as they are.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.utils import timezone

from regietafel.accounts import access
from regietafel.accounts.models import User
from regietafel.audit.models import Action
from regietafel.audit.services import audit_record
from regietafel.core.formatting import count_nl
from regietafel.core.periods import IsoWeek, check_not_after_today
from regietafel.imports.formats import FileFormat, file_format
from regietafel.imports.models import Import, Kind, Status
from regietafel.imports.validation import validate_file
from regietafel.opvang.models import LocationRecord, ScenarioRecord, SeriesRecord
from regietafel.taakstelling.models import RealisationRecord

MAX_STORED_ERRORS = 500
"""A file with thousands of errors is usually the wrong file; the first 500 say enough."""

_ROW_MODELS: dict[str, type[models.Model]] = {
    Kind.LOCATIES: LocationRecord,
    Kind.REALISATIE: RealisationRecord,
    Kind.REEKSEN: SeriesRecord,
    Kind.MPP: ScenarioRecord,
}


def import_submit(
    *,
    actor: User | None,
    kind: str,
    week: str,
    file_name: str,
    content: bytes,
    synthetic: bool = False,
) -> Import:
    """Validate and store one weekly file; returns the Import, accepted or refused.

    ``actor`` None is the system (demo loader, CLI without user). Raises PermissionDenied
    for a user who may not import, LookupError for an unknown kind and PeriodError (a
    ValueError with a Dutch message) for an unreadable week.
    """
    if actor is not None and not access.can_import(actor):
        raise PermissionDenied
    fmt = file_format(kind)
    iso_week = IsoWeek.parse(week)
    # A delivery is the state on the Monday of its week; a week that has not begun has
    # none. Accepted, a typo (2027 for 2022) became the default week of every page.
    check_not_after_today(
        iso_week.monday, today=timezone.localdate(), what=f"het begin van week {iso_week.label}"
    )
    file_name = _clean_name(file_name)
    validated = validate_file(fmt, week=iso_week, file_name=file_name, content=content)
    record = Import(
        kind=fmt.kind,
        week=iso_week.label,
        week_start=iso_week.monday,
        file_name=_shortened(file_name, FILE_NAME_LENGTH),
        checksum=hashlib.sha256(content).hexdigest(),
        size=len(content),
        uploaded_by=actor,
        synthetic=synthetic,
    )
    if validated.ok:
        return _accept(record, fmt, validated.rows, actor=actor, content=content)
    errors = [
        {"file": e.file, "row": e.row, "column": e.column, "message": e.message}
        for e in validated.errors[:MAX_STORED_ERRORS]
    ]
    hidden = len(validated.errors) - len(errors)
    if hidden > 0:
        errors.append(
            {
                "file": file_name,
                "row": None,
                "column": None,
                "message": f"en nog {count_nl(hidden, 'fout', 'fouten')}; alleen de eerste "
                f"{MAX_STORED_ERRORS} zijn bewaard",
                "hidden": hidden,
            }
        )
    record.status = Status.REFUSED
    record.errors = errors
    with _stored_file(record, content) as store, transaction.atomic():
        record.save()
        store()
        audit_record(
            actor=actor,
            action=Action.REFUSED,
            target=record,
            summary=f"{fmt.title} {record.week} geweigerd: "
            f"{count_nl(len(validated.errors), 'fout', 'fouten')}",
            changes={"bestand": file_name, "sha256": record.checksum},
        )
    return record


def _accept(
    record: Import,
    fmt: FileFormat,
    rows: list[dict[str, Any]],
    *,
    actor: User | None,
    content: bytes,
) -> Import:
    model = _ROW_MODELS[fmt.kind]
    record.status = Status.ACCEPTED
    record.row_count = len(rows)
    for attempt in range(VERSION_ATTEMPTS):
        try:
            with _stored_file(record, content) as store, transaction.atomic():
                record.version = _next_version(record.kind, record.week)
                record.save()
                model._default_manager.bulk_create(
                    [model(batch=record, **values) for values in rows]
                )
                audit_record(
                    actor=actor,
                    action=Action.IMPORTED,
                    target=record,
                    summary=f"{fmt.title} {record.week} versie {record.version}: "
                    f"{count_nl(record.row_count, 'rij', 'rijen')}",
                    changes={"bestand": record.file_name, "sha256": record.checksum},
                )
                store()
        except IntegrityError:
            # Another import of the same week took this version number first (PostgreSQL
            # runs both transactions side by side); count again.
            record.pk = None
            record.version = None
            if attempt == VERSION_ATTEMPTS - 1:
                raise
            continue
        return record
    raise AssertionError("unreachable")  # pragma: no cover


def _next_version(kind: str, week: str) -> int:
    """One more than any version of this kind and week (accepted, withdrawn or a withdrawal)."""
    latest = Import.objects.filter(kind=kind, week=week, version__isnull=False).aggregate(
        latest=Max("version")
    )["latest"]
    return int(latest or 0) + 1


class WithdrawError(ValueError):
    """The import cannot be withdrawn; the message is Dutch."""


def import_withdraw(*, actor: User | None, pk: int, note: str) -> Import:
    """Withdraw an accepted import: a new version of its week that says it is withdrawn.

    The withdrawn import and its rows stay as they are (status "ingetrokken"); from now on
    the week's data is the previous accepted version, or, without one, the latest earlier
    week. Raises PermissionDenied for anyone but COA (``actor`` None is the system) and
    WithdrawError for an import that is not accepted or a missing reason.
    """
    if actor is not None and not access.can_import(actor):
        raise PermissionDenied
    reason = note.strip()
    if not reason:
        raise WithdrawError("geef een reden voor het intrekken")
    with transaction.atomic():
        record = Import.objects.select_for_update().get(pk=pk)
        if record.status != Status.ACCEPTED:
            raise WithdrawError(
                f"alleen een verwerkte import kan worden ingetrokken; deze is "
                f"{record.get_status_display()}"
            )
        record.status = Status.WITHDRAWN
        record.save(update_fields=["status"])
        withdrawal = Import.objects.create(
            kind=record.kind,
            week=record.week,
            week_start=record.week_start,
            version=_next_version(record.kind, record.week),
            status=Status.WITHDRAWAL,
            file_name="",
            checksum="",
            size=0,
            uploaded_by=actor,
            withdraws=record,
            note=reason[:2000],
            synthetic=record.synthetic,
        )
        audit_record(
            actor=actor,
            action=Action.WITHDRAWN,
            target=record,
            summary=f"{record.get_kind_display()} {record.week} versie {record.version} "
            f"ingetrokken (als versie {withdrawal.version}): {reason[:300]}",
            changes={
                "status": {"oud": str(Status.ACCEPTED), "nieuw": str(Status.WITHDRAWN)},
                "intrekking": withdrawal.pk,
                "reden": reason[:2000],
            },
        )
    return withdrawal


VERSION_ATTEMPTS = 5
"""Tries to get the next version number when imports of one week race."""
FILE_NAME_LENGTH = 255
"""The length of ``Import.file_name``; a longer upload name is shortened, never a 500."""
STORED_NAME_LENGTH = 120
"""The stored original's own name: short enough for every file system and the path column."""


def _clean_name(file_name: str) -> str:
    """The name as uploaded, without folders or control characters (NUL, newlines)."""
    name = file_name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable())
    return name.strip() or "bestand"


def _shortened(file_name: str, length: int) -> str:
    """``file_name`` cut to ``length`` characters, keeping its extension."""
    if len(file_name) <= length:
        return file_name
    stem, dot, extension = file_name.rpartition(".")
    if not dot or len(extension) > 10:
        return file_name[:length]
    return f"{stem[: length - len(extension) - 1]}.{extension}"


@contextmanager
def _stored_file(record: Import, content: bytes) -> Iterator[Callable[[], None]]:
    """Write the original as the last step inside the transaction; remove it if that fails.

    The caller calls the yielded function after every row is written: a failure before it
    leaves no file at all, a failure after it (the commit) removes the file again.
    """
    written: list[str] = []

    def store() -> None:
        record.original.save(
            _shortened(record.file_name, STORED_NAME_LENGTH), ContentFile(content), save=False
        )
        written.append(record.original.name or "")
        Import.objects.filter(pk=record.pk).update(original=record.original.name)

    try:
        yield store
    except BaseException:
        if written:
            record.original.storage.delete(written[0])
        record.original.name = ""
        raise
