"""Access decided in one place: every view, API endpoint, export and report asks here.

The table below is the policy; ``tests/accounts/test_access_matrix.py`` checks every URL
against every role.

============  ==========  ============  ===========  =================  ========  ==========
role          all pages   other prov.   own prov.    confidential AMV   imports   audit/users
============  ==========  ============  ===========  =================  ========  ==========
landelijk     yes         in full       in full      no                 list      no
provincie     yes         aggregates    in full      no                 no        no
coa           yes         in full       in full      yes                yes       no
beheerder     yes         in full       in full      no                 list      yes
============  ==========  ============  ===========  =================  ========  ==========

A user without a role (every new account) is treated as anonymous until a beheerder gives
one. The admin (``/beheer/``) is for the role beheerder only (``accounts.adminsite``).

"list": may read the list of imports and their error reports, not upload; the original of a
locations file (confidential AMV addresses) only with "confidential AMV".

Agreements of the tables (``afspraken``): landelijk manages the LRT, HLRT and working groups'
meetings and agreements; a province user manages its own PRT's and reads the national ones
(not another province's PRT); COA reads all and adds the state of affairs (and status) of
the agreements COA owns, without moving their deadline; beheerder reads all.

Taakstelling cycle: landelijk sets and revises the national total; a province user records
the half-yearly judgement of its own province's municipalities (nobody else does); the
judgements are read like other municipal detail (own province for a province user).

Need policy of a week (reception picture): chosen by landelijk (the LRT) or a beheerder;
every role reads which policy a week's need used.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from regietafel.accounts.models import Role, User

AnyUser = User | AnonymousUser


def _role(user: Any) -> str | None:
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return None
    if unknown_province(user):
        return None  # bound to no real province: nothing at all, as without a role
    return str(user.role) or None  # no role (a new account): nothing at all


def unknown_province(user: Any) -> str | None:
    """The stored province code of a province user when it is no province (such as "PV99",
    stored before the admin checked it); None for everyone else.

    Every page that names or scopes to the own province failed on such a code (a 500), so
    the account has no access until a beheerder corrects it (``no_access_reason``).
    """
    from regietafel import reference

    if getattr(user, "role", "") != Role.PROVINCIE:
        return None
    code = str(getattr(user, "province_code", ""))
    return None if reference.is_province_code(code) else code  # read on every access check


def no_access_reason(user: AnyUser) -> str:
    """Why a logged-in user without access sees nothing, in Dutch; "" when the role says it."""
    code = unknown_province(user)
    if code is None:
        return ""
    shown = f"'{code}'" if code else "geen provincie"
    return (
        f"Uw account heeft de rol provincie, maar de provincie ervan ({shown}) bestaat niet. "
        "Tot de beheerder de provincie van uw account herstelt, ziet u geen gegevens."
    )


def reader_class(user: AnyUser) -> tuple[str | None, str | None]:
    """Everything the rules in this module read of a user: two users with the same pair see
    exactly the same pages, so a page rendered for one may be shown to the other (the page
    cache keys on this pair, never on the person)."""
    return _role(user), own_province(user)


def system_reader(username: str = "systeem") -> User:
    """An unsaved national user, for what is computed once and read by several roles (the
    weekly report, an agreement's text taken from a boodschappenlijst): read with national
    rights, then narrowed to what every reader may see
    (``kerncijfers.selectors.for_report_audience``)."""
    return User(username=username, role=Role.LANDELIJK, is_active=True)


def is_province_user(user: AnyUser) -> bool:
    return _role(user) == Role.PROVINCIE


def own_province(user: AnyUser) -> str | None:
    """The province a province user is bound to; None for everyone else."""
    if isinstance(user, User) and is_province_user(user):
        return user.province_code
    return None


def can_view(user: AnyUser) -> bool:
    return _role(user) is not None


def can_view_province_detail(user: AnyUser, province_code: str) -> bool:
    """Full detail (municipalities, locations) of a province."""
    role = _role(user)
    if role is None:
        return False
    if role == Role.PROVINCIE:
        return province_code == own_province(user)
    return True


def require_province_detail(user: AnyUser, province_code: str) -> None:
    """PermissionDenied with the Dutch reason unless ``user`` may see the province in detail."""
    if not can_view_province_detail(user, province_code):
        raise PermissionDenied(province_refusal(province_code))


def province_refusal(province_code: str) -> str:
    """Why a reader may not open another province's detail (shown on the 403 and the API)."""
    from regietafel import reference

    name = reference.province_name(province_code)
    return (
        f"De details van {name} zijn voor de provinciale regietafel van {name}, het LRT en het "
        f"COA. In de landelijke overzichten staat {name} wel."
    )


def can_see_confidential(user: AnyUser) -> bool:
    """Addresses and exact occupancy of confidential (AMV) locations: COA only."""
    return _role(user) == Role.COA


def can_import(user: AnyUser) -> bool:
    return _role(user) == Role.COA


def can_view_imports(user: AnyUser) -> bool:
    """The list of imports, their status, versions and error reports."""
    return _role(user) in {Role.COA, Role.BEHEERDER, Role.LANDELIJK}


def can_download_import_original(user: AnyUser, kind: str) -> bool:
    """Stored originals; a locations file holds confidential AMV addresses, so COA only."""
    if kind == "locaties":
        return can_see_confidential(user) and can_view_imports(user)
    return can_view_imports(user)


def can_read_audit(user: AnyUser) -> bool:
    return _role(user) == Role.BEHEERDER


def can_manage_users(user: AnyUser) -> bool:
    return _role(user) == Role.BEHEERDER


def can_set_taakstelling(user: AnyUser) -> bool:
    """The national total per period is set by the ministries at the national table."""
    return _role(user) == Role.LANDELIJK


def can_revise_taakstelling(user: AnyUser) -> bool:
    """A revision of the national total during the period: the same table that sets it."""
    return can_set_taakstelling(user)


def can_choose_need_policy(user: AnyUser) -> bool:
    """The need policy of a week (rate, fixed buffer, percentage) is the national table's
    decision (landelijk, for the LRT); a beheerder may record it on the LRT's behalf."""
    return _role(user) in {Role.LANDELIJK, Role.BEHEERDER}


def can_record_judgement(user: AnyUser, province_code: str) -> bool:
    """The half-yearly judgement of a municipality: its own province's supervisors only
    (interbestuurlijk toezicht is the province's task, not the national table's)."""
    return is_province_user(user) and province_code == own_province(user)


def can_read_report(user: AnyUser, scope: str) -> bool:
    """A published weekly report: the national one for everyone, a province's in full."""
    if scope == "NL":
        return can_view(user)
    return can_view_province_detail(user, scope)


def require_report(user: AnyUser, scope: str) -> None:
    """PermissionDenied unless ``user`` may read the scope's report; for another province's
    report with the reason the province's other pages give (``province_refusal``)."""
    if can_read_report(user, scope):
        return
    if scope != "NL" and can_view(user):
        try:
            reason = province_refusal(scope)
        except LookupError:  # not a province: no reason to give but the role's
            raise PermissionDenied from None
        raise PermissionDenied(reason)
    raise PermissionDenied


def can_publish_report(user: AnyUser, scope: str) -> bool:
    """Publishing freezes a week: the national table for every report, a PRT for its own."""
    role = _role(user)
    if role == Role.LANDELIJK:
        return True
    return role == Role.PROVINCIE and scope != "NL" and scope == own_province(user)


def can_manage_targets(user: AnyUser) -> bool:
    """LRT targets ("600 extra plaatsen vóór 1 december") are agreed at the national table."""
    return _role(user) == Role.LANDELIJK


def can_mark_shopping_item(user: AnyUser, scope: str) -> bool:
    """Mark an item of a boodschappenlijstje: national users every list, a province its own.

    ``scope`` is "NL" for the national list or a province code.
    """
    role = _role(user)
    if role == Role.LANDELIJK:
        return True
    if role == Role.PROVINCIE:
        return scope != "NL" and scope == own_province(user)
    return False


# Agreements of the tables (app ``afspraken``). ``kind`` is the table ("LRT", "HLRT", "PRT",
# "WG"), ``province_code`` the PRT's province (empty for the national tables).
_NATIONAL_TABLES = frozenset({"LRT", "HLRT", "WG"})


def can_read_agreements(user: AnyUser, kind: str, province_code: str = "") -> bool:
    """National tables' agreements for everyone; a PRT's for its own province and the
    national roles (a province user does not read another province's PRT)."""
    role = _role(user)
    if role is None:
        return False
    if kind in _NATIONAL_TABLES or role != Role.PROVINCIE:
        return True
    return province_code == own_province(user)


def can_manage_agreements(user: AnyUser, kind: str, province_code: str = "") -> bool:
    """Meetings and agreements: national users for LRT, HLRT and working groups; a province
    user for the own PRT. Managing includes making, reviewing and updating agreements."""
    role = _role(user)
    if role == Role.LANDELIJK:
        return kind in _NATIONAL_TABLES
    if role == Role.PROVINCIE:
        return kind == "PRT" and bool(province_code) and province_code == own_province(user)
    return False


def can_update_agreement_state(
    user: AnyUser, kind: str, province_code: str, owner_party: str
) -> bool:
    """Adding a "stand van zaken": whoever manages the table, and COA for what COA owns."""
    if can_manage_agreements(user, kind, province_code):
        return True
    return _role(user) == Role.COA and owner_party == "coa"


def agreement_tables_readable(user: AnyUser) -> tuple[bool, str | None]:
    """(reads every PRT, the one PRT province it reads otherwise) for scoping querysets."""
    role = _role(user)
    if role is None:
        return False, None
    if role == Role.PROVINCIE:
        return False, own_province(user)
    return True, None
