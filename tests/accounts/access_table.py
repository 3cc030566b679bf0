"""The URL × role access table: the policy of ``accounts.access`` written out by hand.

One table, two readers: ``tests/accounts/test_access_matrix.py`` checks every row with the
Django test client, and ``tools/build_access_doc.py`` writes it out as ``docs/toegang.md``
(``tests/test_docs.py`` fails when the page drifts from this table).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

LOGIN = "inloggen"
"""Expected: a redirect to the log-in page."""

ROLES: tuple[str | None, ...] = (None, "landelijk", "provincie", "coa", "beheerder")
"""The columns of every row: anonymous, then one user per role (provincie: PV27)."""

Expect = tuple[int | str, int | str, int | str, int | str, int | str]
EVERYONE: Expect = (LOGIN, 200, 200, 200, 200)
OWN_PROVINCE_ONLY: Expect = (LOGIN, 200, 403, 200, 200)
NOT_FOUND: Expect = (LOGIN, 404, 404, 404, 404)
API_EVERYONE: Expect = (401, 200, 200, 200, 200)
"""The API for a caller without a log-in: 401 with a Basic challenge (a machine logs in)."""
API_OWN_PROVINCE_ONLY: Expect = (401, 200, 403, 200, 200)

W45 = "week=2021-W45"
W40 = "week=2021-W40"
"""A week without a register in the matrix's data: the forecast starts from the bundled series,
so its rows test the role rules alone (with the register of W45 the national total is
afgeschermd for every role but COA, and the forecast is refused for that reason instead)."""


@dataclass(frozen=True)
class Case:
    name: str
    kwargs: dict[str, Any] | str
    """URL arguments, or the name of a stored import ("locaties"/"realisatie") for ``pk``."""
    expect: Expect
    query: str = ""
    method: str = "get"

    def url(self, imports: dict[str, int]) -> str:
        kwargs = {"pk": imports[self.kwargs]} if isinstance(self.kwargs, str) else self.kwargs
        path = reverse(self.name, kwargs=kwargs)
        return f"{path}?{self.query}" if self.query else path

    def __str__(self) -> str:
        return f"{self.method} {self.name} {self.kwargs or ''} {self.query}".strip()


MATRIX: tuple[Case, ...] = (
    # Site and log-in.
    Case("home", {}, EVERYONE),
    Case("login", {}, (200, 200, 200, 200, 200)),
    Case("logout", {}, (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN), method="post"),
    Case("logout", {}, (405, 405, 405, 405, 405)),
    # Areas.
    Case("provincies", {}, EVERYONE),
    Case("provincie-detail", {"code": "PV27"}, EVERYONE),
    Case("provincie-detail", {"code": "PV20"}, OWN_PROVINCE_ONLY),
    Case("provincie-detail", {"code": "PV99"}, NOT_FOUND),
    Case("gemeenten", {}, EVERYONE),
    Case("gemeenten", {}, EVERYONE, query="provincie=PV27"),
    Case("gemeenten", {}, EVERYONE, query="provincie=&sorteer=achterstand&richting=af"),
    Case("gemeenten", {}, EVERYONE, query="zoek=amster&klasse=ver-achter"),
    Case("gemeente-detail", {"code": "GM0363"}, EVERYONE),
    Case("gemeente-detail", {"code": "GM0363"}, EVERYONE, query="formaat=csv"),
    Case("gemeente-detail", {"code": "GM0014"}, OWN_PROVINCE_ONLY),
    Case("gemeente-detail", {"code": "GM9999"}, NOT_FOUND),
    # Taakstelling: every province's task and progress is aggregate; the detail per
    # municipality of another province is not.
    Case("taakstelling-list", {}, EVERYONE),
    Case("taakstelling-set", {}, (LOGIN, 200, 403, 403, 403)),
    Case("taakstelling-detail", {"label": "2021-II"}, EVERYONE),
    Case("taakstelling-detail", {"label": "2021-II"}, EVERYONE, query="provincie=PV27"),
    Case("taakstelling-detail", {"label": "2021-II"}, OWN_PROVINCE_ONLY, query="provincie=PV20"),
    Case("taakstelling-detail", {"label": "2020-I"}, NOT_FOUND),
    # The half-year cycle: versions are national figures; the monthly realisation and the
    # judgements are municipal detail (a province user always sees its own province); only
    # landelijk revises the total, only a province user records judgements (own province).
    Case("taakstelling-cyclus", {"label": "2021-II"}, EVERYONE),
    Case("taakstelling-cyclus", {"label": "2021-II"}, EVERYONE, query="provincie=PV20"),
    Case("taakstelling-cyclus", {"label": "2020-I"}, NOT_FOUND),
    Case("taakstelling-herzien", {"label": "2021-II"}, (LOGIN, 200, 403, 403, 403)),
    Case("taakstelling-herzien", {"label": "2021-II"}, (LOGIN, 400, 403, 403, 403), method="post"),
    Case("taakstelling-oordeel", {"label": "2021-II"}, (LOGIN, 403, 200, 403, 403)),
    Case("taakstelling-oordeel", {"label": "2021-II"}, (LOGIN, 403, 400, 403, 403), method="post"),
    # Reception.
    Case("locaties", {}, EVERYONE, query=W45),
    Case("locaties", {}, EVERYONE, query=f"{W45}&formaat=csv"),
    Case("locaties", {}, EVERYONE, query=f"{W45}&formaat=csv&tabel=provincies"),
    Case("locatie-detail", {"code": "NH-AZC"}, EVERYONE, query=W45),
    Case("locatie-detail", {"code": "NH-AMV"}, EVERYONE, query=W45),
    Case("locatie-detail", {"code": "GR-AZC"}, OWN_PROVINCE_ONLY, query=W45),
    Case("locatie-detail", {"code": "GR-AMV"}, OWN_PROVINCE_ONLY, query=W45),
    Case("locatie-detail", {"code": "XX-GEEN"}, NOT_FOUND, query=W45),
    Case("reeksen", {}, EVERYONE),
    Case("reeksen", {}, EVERYONE, query="formaat=csv"),
    # Reception picture, targets, shopping list and distribution (all figures aggregated per
    # province are public to every role; a province's own detail is not).
    Case("opvangbeeld", {}, EVERYONE, query=W45),
    Case("opvangbeeld", {}, EVERYONE, query=f"{W45}&formaat=csv"),
    Case("opvangbeeld-provincie", {"code": "PV27"}, EVERYONE, query=W45),
    Case("opvangbeeld-provincie", {"code": "PV20"}, OWN_PROVINCE_ONLY, query=W45),
    Case("opvangbeeld-provincie", {"code": "PV99"}, NOT_FOUND, query=W45),
    # The need policy of a week is the LRT's decision: landelijk, or a beheerder for it. An
    # empty form is a 400 (no policy, no reason); a PRT or COA is refused.
    Case("opvangbeeld-behoeftebeleid", {}, (LOGIN, 200, 403, 403, 200), query=W45),
    Case("opvangbeeld-behoeftebeleid", {}, (LOGIN, 400, 403, 403, 400), query=W45, method="post"),
    # Forecast: national for everyone, a province in full for its own users and national roles.
    Case("prognose", {}, EVERYONE, query=W40),
    Case("prognose", {}, EVERYONE, query=f"{W40}&provincie=PV27"),
    Case("prognose", {}, OWN_PROVINCE_ONLY, query=f"{W40}&provincie=PV20"),
    Case("prognose", {}, EVERYONE, query=f"{W40}&formaat=csv&tabel=bufferbeleid"),
    Case("api-prognose", {}, API_EVERYONE, query=W40),
    Case("api-prognose", {}, API_EVERYONE, query=f"{W40}&provincie=PV27&scenario=hoog"),
    Case("api-prognose", {}, API_OWN_PROVINCE_ONLY, query=f"{W40}&provincie=PV20"),
    Case("boodschappenlijst", {}, EVERYONE, query=f"{W45}&scope=NL"),
    Case("boodschappenlijst", {}, EVERYONE, query=f"{W45}&scope=PV27"),
    Case("boodschappenlijst", {}, OWN_PROVINCE_ONLY, query=f"{W45}&scope=PV20"),
    Case("boodschappenlijst", {}, EVERYONE, query=f"{W45}&scope=NL&formaat=csv"),
    Case("doelen", {}, EVERYONE),
    Case("begrippen", {}, EVERYONE),
    Case("begrippen", {}, EVERYONE, query="formaat=csv"),
    Case("verdeling", {}, EVERYONE, query=W45),
    Case("verdeling", {}, EVERYONE, query=f"{W45}&provincie=PV27"),
    Case("verdeling", {}, OWN_PROVINCE_ONLY, query=f"{W45}&provincie=PV20"),
    # Weekly report: the national report for everyone, a province's report for its own PRT.
    Case("rapporten", {}, EVERYONE),
    Case("rapport-publiceren", {}, (LOGIN, 405, 405, 405, 405)),
    Case("rapport", {"week": "2021-W45", "scope": "NL"}, EVERYONE),
    Case("rapport", {"week": "2021-W45", "scope": "PV27"}, EVERYONE),
    Case("rapport", {"week": "2021-W45", "scope": "PV20"}, OWN_PROVINCE_ONLY),
    Case("rapport", {"week": "2021-W44", "scope": "NL"}, NOT_FOUND),
    Case("rapport-pdf", {"week": "2021-W45", "scope": "PV20"}, OWN_PROVINCE_ONLY),
    Case("rapport-xlsx", {"week": "2021-W45", "scope": "NL"}, EVERYONE),
    Case("rapport-xlsx", {"week": "2021-W45", "scope": "PV20"}, OWN_PROVINCE_ONLY),
    # Atom feeds: session or HTTP Basic (anonymous: 401 with a Basic challenge), then the
    # report's own access rule.
    Case("rapport-feed", {"slug": "landelijk"}, (401, 200, 200, 200, 200)),
    Case("rapport-feed", {"slug": "noord-holland"}, (401, 200, 200, 200, 200)),
    Case("rapport-feed", {"slug": "groningen"}, (401, 200, 403, 200, 200)),
    Case("rapport-feed", {"slug": "atlantis"}, (401, 404, 404, 404, 404)),
    # Notifications: every role chooses its own e-mails.
    Case("meldingen", {}, EVERYONE),
    Case("meldingen", {}, (LOGIN, 302, 302, 302, 302), method="post"),
    # Imports: the list for landelijk, coa and beheerder; uploading for coa; the original of
    # a locations file (confidential addresses) for coa only.
    Case("imports", {}, (LOGIN, 200, 403, 200, 200)),
    Case("imports", {}, (LOGIN, 200, 403, 200, 200), query="formaat=csv"),
    Case("import-new", {}, (LOGIN, 403, 403, 200, 403)),
    Case("import-formats", {}, EVERYONE),
    Case("import-template", {"kind": "locaties", "extension": "csv"}, EVERYONE),
    Case("import-template", {"kind": "realisatie", "extension": "xlsx"}, EVERYONE),
    Case("import-template", {"kind": "onbekend", "extension": "csv"}, NOT_FOUND),
    Case("import-template-help", {"kind": "locaties"}, EVERYONE),
    Case("import-template-help", {"kind": "onbekend"}, NOT_FOUND),
    Case("import-detail", "locaties", (LOGIN, 200, 403, 200, 200)),
    Case("import-detail", "realisatie", (LOGIN, 200, 403, 200, 200), query="formaat=csv"),
    Case("import-original", "locaties", (LOGIN, 403, 403, 200, 403)),
    Case("import-original", "realisatie", (LOGIN, 200, 403, 200, 200)),
    # Withdrawing an import: COA only, by POST (without a reason COA is sent back: 302).
    Case("import-withdraw", "locaties", (LOGIN, 403, 403, 302, 403), method="post"),
    Case("import-withdraw", "locaties", (LOGIN, 405, 405, 405, 405)),
    # Audit.
    Case("audit", {}, (LOGIN, 403, 403, 403, 200)),
    Case("audit", {}, (LOGIN, 403, 403, 403, 200), query="formaat=csv"),
    # API v1: anonymous 401 with a Basic challenge (no session, no Basic log-in).
    Case("api-index", {}, API_EVERYONE),
    Case("api-provincies", {}, API_EVERYONE),
    Case("api-gemeenten", {}, API_EVERYONE),
    Case("api-taakstelling", {}, API_EVERYONE),
    Case("api-taakstelling-detail", {"label": "2021-II"}, API_EVERYONE),
    Case("api-taakstelling-detail", {"label": "2020-I"}, (401, 404, 404, 404, 404)),
    Case("api-realisatie", {}, API_EVERYONE),
    Case("api-locaties", {}, API_EVERYONE, query=W45),
    Case("api-locatie-detail", {"code": "NH-AZC"}, API_EVERYONE, query=W45),
    Case("api-locatie-detail", {"code": "NH-AMV"}, API_EVERYONE, query=W45),
    Case("api-locatie-detail", {"code": "GR-AZC"}, API_OWN_PROVINCE_ONLY, query=W45),
    Case("api-locatie-detail", {"code": "XX-GEEN"}, (401, 404, 404, 404, 404), query=W45),
    Case("api-opvang-per-provincie", {}, API_EVERYONE, query=W45),
    Case("api-reeksen", {}, API_EVERYONE),
    Case("api-opvangbeeld", {}, API_EVERYONE, query=W45),
    Case("api-opvangbeeld", {}, API_EVERYONE, query=f"{W45}&provincie=PV27"),
    Case("api-opvangbeeld", {}, API_OWN_PROVINCE_ONLY, query=f"{W45}&provincie=PV20"),
    Case("api-boodschappenlijst", {}, API_EVERYONE, query=f"{W45}&scope=NL"),
    Case("api-boodschappenlijst", {}, API_OWN_PROVINCE_ONLY, query=f"{W45}&scope=PV20"),
    Case("api-verdeling", {}, API_EVERYONE, query=W45),
    Case("api-kerncijfers", {}, API_EVERYONE, query=W45),
    Case("api-kerncijfers", {}, API_EVERYONE, query=f"{W45}&scope=PV27"),
    Case("api-kerncijfers", {}, API_OWN_PROVINCE_ONLY, query=f"{W45}&scope=PV20"),
    # Agreements register: national tables for everyone, a PRT for its own province and the
    # national roles; the register, meetings, action list and annex are pages for everyone.
    Case("afspraken", {}, EVERYONE),
    Case("afspraken", {}, EVERYONE, query="datum=2021-11-15&formaat=csv"),
    Case("afspraken", {}, OWN_PROVINCE_ONLY, query="overleg=PRT&provincie=PV20"),
    Case("afspraak-detail", {"number": "LRT-2021-01"}, EVERYONE),
    Case("afspraak-detail", {"number": "PRT-GR-2021-01"}, OWN_PROVINCE_ONLY),
    Case("afspraak-detail", {"number": "LRT-2021-99"}, NOT_FOUND),
    Case("overleggen", {}, EVERYONE),
    Case("overleg-detail", "overleg-lrt", EVERYONE),
    Case("overleg-detail", "overleg-prt-gr", OWN_PROVINCE_ONLY),
    Case("actielijst", {}, EVERYONE, query="overleg=LRT&datum=2021-11-15"),
    Case("actielijst", {}, EVERYONE, query="overleg=LRT&datum=2021-11-15&formaat=docx"),
    Case("actielijst", {}, EVERYONE, query="overleg=PRT&provincie=PV27&formaat=csv"),
    Case("actielijst", {}, OWN_PROVINCE_ONLY, query="overleg=PRT&provincie=PV20"),
    # An unknown table is a wrong choice (400), not a missing page.
    Case("actielijst", {}, (LOGIN, 400, 400, 400, 400), query="overleg=XYZ"),
    Case("bijlage", {}, EVERYONE, query=W45),
    Case("bijlage", {}, EVERYONE, query=f"{W45}&formaat=docx"),
    Case("afspraak-van-boodschap", {}, (LOGIN, 405, 405, 405, 405)),
    Case("afspraak-van-boodschap", {}, (LOGIN, 400, 400, 400, 400), method="post"),
    Case("api-afspraken", {}, API_EVERYONE, query="datum=2021-11-15"),
    Case("api-afspraken", {}, API_OWN_PROVINCE_ONLY, query="overleg=PRT&provincie=PV20"),
    Case("api-afspraak-detail", {"number": "LRT-2021-01"}, API_EVERYONE),
    Case("api-afspraak-detail", {"number": "PRT-GR-2021-01"}, API_OWN_PROVINCE_ONLY),
    Case("api-overleggen", {}, API_EVERYONE),
    Case("api-actielijst", {}, API_EVERYONE, query="overleg=LRT&datum=2021-11-15"),
    Case("api-actielijst", {}, API_OWN_PROVINCE_ONLY, query="overleg=PRT&provincie=PV20"),
    Case("api-actielijst", {}, (401, 400, 400, 400, 400), query="overleg=XYZ"),
    # The OpenAPI description names every endpoint and field: for users who are logged in.
    Case("api-schema", {}, API_EVERYONE),
)

NOT_IN_MATRIX = {"beheer/": "Django-admin: eigen namen; per rol getest in test_admin_by_role"}
"""Route prefixes left out, with the reason."""
