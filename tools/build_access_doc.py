"""Write docs/toegang.md from the URL × role table the access test checks.

The table lives in ``tests/accounts/access_table.py``; ``tests/accounts/test_access_matrix.py``
runs every row against the real views and ``tests/test_docs.py`` fails when this page differs
from what this script writes, so the documented access is the tested access.
Run: ``python tools/build_access_doc.py``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "toegang.md"

_ROLE_HEADERS = {
    None: "anoniem",
    "landelijk": "landelijk",
    "provincie": "provincie (Noord-Holland)",
    "coa": "COA",
    "beheerder": "beheerder",
}
_OUTCOMES = {
    200: "ja",
    302: "ja, doorgestuurd",
    401: "inloggen (401)",
    403: "nee (403)",
    404: "niet gevonden (404)",
    405: "methode niet toegestaan (405)",
}


def _outcome(value: int | str, login: str) -> str:
    if value == login:
        return "naar inloggen"
    return _OUTCOMES.get(int(value), str(value))


def access_markdown() -> str:
    """The page, from the table and the URL conf (Django must be set up)."""
    from tests.accounts.access_table import LOGIN, MATRIX, NOT_IN_MATRIX, ROLES
    from tests.urlconf import named_routes

    routes = dict(named_routes())
    lines = [
        "# Toegang per rol",
        "",
        "Gegenereerd uit `tests/accounts/access_table.py` door `tools/build_access_doc.py`;",
        "niet met de hand bewerken. Dezelfde tabel wordt door",
        "`tests/accounts/test_access_matrix.py` voor elke regel tegen de echte pagina's en de API",
        "gecontroleerd, en `tests/test_docs.py` faalt als deze pagina ervan afwijkt. Het beleid",
        "zelf staat op één plek in de code: `src/regietafel/accounts/access.py`.",
        "",
        "De provincierol is getest als gebruiker van Noord-Holland (PV27); een andere provincie",
        "is Groningen (PV20). `week=2021-W45` en dergelijke zijn de parameters van de test.",
        '"naar inloggen": wie niet is ingelogd, wordt naar `/inloggen/` gestuurd. "inloggen',
        '(401)": de API en de feeds vragen een programma om in te loggen, met status 401 en',
        "`WWW-Authenticate: Basic` (HTTP Basic of een sessie van de website; zie `docs/api.md`).",
        "Vertrouwelijke gegevens van AMV-locaties (adres, bezetting) ziet alleen COA; totalen",
        "over één of twee vertrouwelijke locaties zijn voor de andere rollen afgeschermd (zie",
        "`docs/vertrouwelijkheid.md`).",
        "",
        "| URL | methode | " + " | ".join(_ROLE_HEADERS[r] for r in ROLES) + " |",
        "|---|---|" + "---|" * len(ROLES),
    ]
    for case in MATRIX:
        route = "/" + routes.get(case.name, case.name)
        arguments = case.kwargs if isinstance(case.kwargs, dict) else {"pk": case.kwargs}
        for key, value in arguments.items():
            for pattern in (f"<str:{key}>", f"<int:{key}>", f"<slug:{key}>", f"<{key}>"):
                route = route.replace(pattern, str(value))
        if case.query:
            route += f"?{case.query}"
        outcomes = " | ".join(_outcome(v, LOGIN) for v in case.expect)
        lines.append(f"| `{route}` | {case.method.upper()} | {outcomes} |")
    lines += ["", "Niet in de tabel:", ""]
    lines += [f"- `/{prefix}`: {reason}" for prefix, reason in NOT_IN_MATRIX.items()]
    return "\n".join(lines) + "\n"


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regietafel.config.settings")
    import django

    django.setup()
    TARGET.write_text(access_markdown(), encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)} geschreven")


if __name__ == "__main__":
    main()
