"""Writing a command's result: to standard output or atomically to ``--uitvoer``.

Every command that writes a file says what went wrong in one Dutch line (exit 2): an
output the format cannot make, a folder that does not exist, a file it may not write.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from regietafel.errors import UserError

if TYPE_CHECKING:
    from regietafel.presentation.tables import Result


def check_target(target: Path, fmt: str | None = None, *, chosen: bool = True) -> None:
    """``UserError`` (Dutch) for an output file that cannot be written (see
    :func:`regietafel.presentation.tables.check_output_file`)."""
    from regietafel.presentation.tables import OutputError, check_output_file

    try:
        check_output_file(target, fmt, chosen=chosen)
    except OutputError as error:
        raise UserError(str(error)) from None


@contextmanager
def writing(target: Path | None, fmt: str | None = None) -> Iterator[None]:
    """Check ``target`` first (folder, name, extension against ``fmt``), then run the block;
    output errors inside it become a ``UserError`` naming ``target``."""
    from regietafel.core.formatting import os_error_nl
    from regietafel.presentation.tables import OutputError

    if target is not None:
        check_target(target, fmt)
    try:
        yield
    except OutputError as error:
        raise UserError(str(error)) from None
    except OSError as error:
        raise UserError(f"kan '{target}' niet schrijven ({os_error_nl(error)})") from None


def emit_result(result: Result, arguments: argparse.Namespace, *, table: str | None = None) -> int:
    """Emit ``result`` in ``--formaat`` to ``--uitvoer`` or standard output; exit status 0."""
    from regietafel.presentation.tables import Format, emit

    with writing(arguments.uitvoer, arguments.formaat):
        emit(result, Format(arguments.formaat), arguments.uitvoer, table=table)
    return 0
