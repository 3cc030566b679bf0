"""``regietafel rapport``: write the published report of a week as HTML, PDF or Excel.

Renders the latest published version; a week without one is published first (by the
system, as the output says), so the files always show frozen figures.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

from regietafel import reference
from regietafel.core.formatting import os_error_nl
from regietafel.core.periods import IsoWeek, PeriodError
from regietafel.errors import UserError
from regietafel.presentation.tables import (
    OutputError,
    check_output_file,
    check_output_folder,
    write_atomically,
)
from regietafel.rapportage.collect import NoDataError
from regietafel.rapportage.files import report_file_get, report_files_get
from regietafel.rapportage.models import PublishedReport
from regietafel.rapportage.render import FORMATS, Format, file_name, render_many, render_report
from regietafel.rapportage.selectors import latest_report
from regietafel.rapportage.services import report_publish

BAR_WIDTH = 30


def progress_bar(done: int, total: int, label: str, stream: TextIO) -> None:
    """A plain text bar on one stderr line: [#####-----] 5/12 Utrecht."""
    filled = BAR_WIDTH * done // total if total else BAR_WIDTH
    bar = "#" * filled + "-" * (BAR_WIDTH - filled)
    end = "\n" if done == total else ""
    stream.write(f"\r[{bar}] {done}/{total} {label:<20}{end}")
    stream.flush()


def _scopes(province: str | None, all_provinces: bool) -> list[str]:
    if all_provinces:
        return [p.code for p in reference.provinces()]
    if province is None:
        return ["NL"]
    try:
        return [reference.province(province).code]
    except LookupError as error:
        raise UserError(str(error).rstrip(".")) from None


def _latest_or_publish(week: str, scope: str, out: TextIO) -> PublishedReport:
    report = latest_report(week=week, scope=scope)
    if report is not None:
        return report
    try:
        report = report_publish(actor=None, week=week, scope=scope)
    except NoDataError as error:
        raise UserError(f"{error}; er is niets gepubliceerd en niets geschreven") from None
    out.write(f"week {week} ({scope}) was nog niet gepubliceerd: nu gepubliceerd als versie 1\n")
    return report


def _content(report: PublishedReport, fmt: Format) -> bytes:
    """PDF and Excel are the stored bytes of the version (made once); HTML is rendered."""
    if fmt == "html":
        return render_report(report, fmt).content
    return bytes(report_file_get(report, fmt).content)


def _targets(output: str | Path | None, many: bool, fmt: Format) -> tuple[Path, Path | None]:
    """The folder and (for one report named by the user) the file to write, checked before
    anything is published: a missing folder is refused, never made; a name ending in .xlsx
    is not given a PDF. ``output`` ending in "/" names a folder."""
    if output is None:
        folder = Path.cwd()
        check_output_folder(folder)
        return folder, None
    text = str(output)
    path = Path(text)
    if many or path.is_dir() or text.endswith(("/", os.sep)):
        check_output_folder(path)
        return path, None
    check_output_file(path, fmt)
    return path.parent if str(path.parent) else Path(), path


def report_from_cli(
    *,
    week: str,
    province: str | None,
    all_provinces: bool,
    fmt: str,
    output: str | Path | None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Write the report(s); the output path is checked first, so a path that cannot be
    written publishes nothing (one Dutch line, exit 2)."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        label = IsoWeek.parse(week).label
    except PeriodError as error:
        raise UserError(str(error)) from None
    if fmt not in FORMATS:
        raise UserError(f"onbekend formaat '{fmt}': kies uit {', '.join(FORMATS)}")
    chosen: Format = fmt
    scopes = _scopes(province, all_provinces)
    many = len(scopes) > 1
    try:
        folder, target_file = _targets(output, many, chosen)
        written = _write_reports(
            label, scopes, chosen=chosen, folder=folder, target_file=target_file, out=out, err=err
        )
    except OutputError as error:
        raise UserError(str(error)) from None
    except OSError as error:
        where = output if output is not None else Path.cwd()
        raise UserError(f"kan in '{where}' niet schrijven ({os_error_nl(error)})") from None
    for path in written:
        out.write(f"geschreven: {path}\n")
    return 0


def _write_reports(
    label: str,
    scopes: list[str],
    *,
    chosen: Format,
    folder: Path,
    target_file: Path | None,
    out: TextIO,
    err: TextIO,
) -> list[Path]:
    written: list[Path] = []
    if len(scopes) == 1:
        report = _latest_or_publish(label, scopes[0], out)
        path = target_file or folder / file_name(report, chosen)
        write_atomically(path, _content(report, chosen))
        written.append(path)
        return written
    reports = []
    for index, scope in enumerate(scopes):
        reports.append(_latest_or_publish(label, scope, out))
        progress_bar(index + 1, len(scopes), f"{scope} klaargezet", err)
    progress_bar(0, len(scopes), "renderen…", err)
    if chosen == "html":
        contents = [output.content for output in render_many(reports, chosen)]
    else:
        # PDF and Excel: the stored bytes (rendered now, in parallel, only if missing).
        contents = [bytes(f.content) for f in report_files_get(reports, chosen)]
    for index, content in enumerate(contents):
        path = folder / file_name(reports[index], chosen)
        write_atomically(path, content)
        written.append(path)
        progress_bar(index + 1, len(scopes), f"{reports[index].scope} geschreven", err)
    return written
