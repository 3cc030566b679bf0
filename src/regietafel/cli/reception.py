"""``regietafel opvang`` and ``regietafel boodschappenlijst``: the reception picture on the server.

For data stewards with shell access to the server: the commands read the database as a
system user with national rights (role landelijk, never saved), so they show every
province in full; access for people goes through the web application.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from regietafel import reference
from regietafel.cli.output import emit_result
from regietafel.core.formatting import MINUS
from regietafel.core.periods import IsoWeek, PeriodError
from regietafel.errors import UserError
from regietafel.presentation.tables import Result

if TYPE_CHECKING:
    from collections.abc import Iterable

    from regietafel.accounts.models import User
    from regietafel.core.catalogue import FigureChange
    from regietafel.core.figures import ScopeFigures

# Each command imports only its own selectors (opvang never loads the shopping list, and
# the other way round), inside the function that needs them.


def system_user() -> User:
    """An unsaved national user: the CLI runs on the server for data stewards."""
    from regietafel.accounts.models import Role, User

    return User(username="regietafel-cli", role=Role.LANDELIJK, is_active=True)


def _scope(arguments: argparse.Namespace) -> tuple[IsoWeek, str | None]:
    try:
        week = IsoWeek.parse(arguments.week)
        code = reference.province(arguments.provincie).code if arguments.provincie else None
    except (PeriodError, reference.ReferenceDataError) as error:
        raise UserError(str(error)) from None
    return week, code


def _require_data(figures: ScopeFigures, what: str) -> None:
    """No data is never zero: a week without data stops with exit 2 and writes nothing."""
    from regietafel.imports.selectors import no_register_reason
    from regietafel.kerncijfers.selectors import no_figures_reason

    # The reasons of the pages and the API: a register that exists but is too old says so.
    if what == "opvang" and figures.reception is None:
        reason: str | None = no_register_reason(figures.week)
    else:
        reason = no_figures_reason(figures)
    if reason is not None:
        label = figures.week.label
        where = "" if label in reason else f"week {label}: "
        raise UserError(f"{where}{reason} Er is niets geschreven.")


def opvang_result(arguments: argparse.Namespace) -> Result:
    from regietafel.opvangbeeld import tables
    from regietafel.opvangbeeld.selectors import reception_picture

    week, code = _scope(arguments)
    picture = reception_picture(user=system_user(), week=week, province_code=code)
    _require_data(picture.figures, "opvang")
    scope = reference.province(code).name if code else "Nederland"
    return Result(
        title=f"Opvangbeeld {scope}, week {week.label}",
        tables=(tables.need_table(picture), tables.capacity_table(picture)),
        meta={
            "locatieregister": picture.register.week if picture.register else None,
            "behoeftebeleid": picture.need_policy.label,
            "bron behoeftebeleid": picture.need_policy.source,
            "waarom dit beleid": picture.need_policy_choice.explanation,
        },
        notes=(
            f"Tekort = behoefte {MINUS} capaciteit; positief is een tekort.",
            f"Bezetting op middellange en lange termijn: {picture.week_figures.projection}.",
        ),
    )


def boodschappenlijst_result(arguments: argparse.Namespace) -> Result:
    from regietafel.boodschappenlijst.selectors import shopping_list_for
    from regietafel.boodschappenlijst.tables import shopping_table

    week, code = _scope(arguments)
    scoped = shopping_list_for(user=system_user(), week=week, scope=code or "NL")
    if not scoped.has_data:
        from regietafel.kerncijfers.selectors import figures_for

        _require_data(figures_for(user=system_user(), week=week, scope=code), "lijst")
    scope = reference.province(code).name if code else "Nederland"
    return Result(
        title=f"Boodschappenlijst {scope}, week {week.label}",
        # A kind left out as afgeschermd says so in a row of its own (the word in the
        # table and the CSV; JSON: null, named in the row's "afgeschermd" list).
        tables=(shopping_table(scoped, with_hidden=True),),
    )


def kerncijfers_result(arguments: argparse.Namespace) -> Result:
    """Every catalogue figure of the week and scope: code, name, value, last week, change."""
    from regietafel.core.confidentiality import SUPPRESSED_REASON, SUPPRESSED_TEXT
    from regietafel.kerncijfers.selectors import figure_changes, figures_for
    from regietafel.presentation.tables import Column, ResultTable, Value

    week, code = _scope(arguments)
    figures = figures_for(user=system_user(), week=week, scope=code)
    _require_data(figures, "kerncijfers")
    before = figures_for(user=system_user(), week=week.previous, scope=code)
    scope = reference.province(code).name if code else "Nederland"
    changes = figure_changes(figures, before)
    rows: tuple[dict[str, Value], ...] = tuple(
        {
            "code": c.definition.code,
            "naam": c.definition.name,
            "waarde": SUPPRESSED_TEXT if c.suppressed else c.value,
            "vorige_week": SUPPRESSED_TEXT if c.earlier_suppressed else c.earlier,
            "verandering": c.change_note or c.change,
            "eenheid": c.definition.unit,
            "reden": c.reason,
        }
        for c in changes
    )
    table = ResultTable(
        "kerncijfers",
        f"Kerncijfers (leeg: geen gegevens; afgeschermd: {SUPPRESSED_REASON}; "
        "nieuw halfjaar: vorige week hoort bij de vorige taakstellingsperiode)",
        (
            Column("code", "Code"),
            Column("naam", "Kerncijfer"),
            Column("waarde", "Deze week", "number", 1),
            Column("vorige_week", "Vorige week", "number", 1),
            Column("verandering", "Verandering", "number", 1),
            Column("eenheid", "Eenheid"),
            Column("reden", "Waarom geen gegevens"),
        ),
        rows,
        # JSON as the API: null, with the flags of /api/v1/kerncijfers/.
        masked_flags={"waarde": "afgeschermd", "vorige_week": "vorige_week_afgeschermd"},
    )
    return Result(
        title=f"Kerncijfers {scope}, week {week.label}",
        tables=(table,),
        notes=(
            *_suppressed_notes(changes),
            "De definities staan op de pagina Begrippen en in docs/kerncijfers.md.",
        ),
    )


def _suppressed_notes(figures: Iterable[FigureChange]) -> tuple[str, ...]:
    """Why the afgeschermd figures are (the API's ``afgeschermd_toelichting``), once per
    reason with the codes it applies to."""
    codes: dict[str, list[str]] = {}
    for change in figures:
        if change.suppressed_note:
            codes.setdefault(change.suppressed_note, []).append(change.definition.code)
    return tuple(f"{', '.join(names)}: {note}" for note, names in codes.items())


def _emit(result: Result, arguments: argparse.Namespace) -> int:
    return emit_result(result, arguments)


def run_opvang(arguments: argparse.Namespace) -> int:
    return _emit(opvang_result(arguments), arguments)


def run_kerncijfers(arguments: argparse.Namespace) -> int:
    return _emit(kerncijfers_result(arguments), arguments)


def run_boodschappenlijst(arguments: argparse.Namespace) -> int:
    return _emit(boodschappenlijst_result(arguments), arguments)
