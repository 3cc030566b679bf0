"""Write docs/kerncijfers.md from the catalogue of key figures (``core.catalogue``).

The page is generated, never edited by hand, so the docs cannot drift from the code;
``tests/test_docs.py`` fails when the file differs from what this script writes.
Run: ``python tools/build_catalogue_doc.py``.
"""

from __future__ import annotations

from pathlib import Path

from regietafel.core.catalogue import CATALOGUE, Surface

TARGET = Path(__file__).resolve().parent.parent / "docs" / "kerncijfers.md"

_SCOPES = {"alle": "landelijk en per provincie", "landelijk": "alleen landelijk"}


def catalogue_markdown() -> str:
    lines = [
        "# Kerncijfers",
        "",
        "Gegenereerd uit `src/regietafel/core/catalogue.py` door `tools/build_catalogue_doc.py`;",
        "niet met de hand bewerken. Elk kerncijfer heeft één code, één naam en één definitie, en",
        "elk oppervlak (pagina's, API, opdrachtregel, weekrapport) toont onder die naam hetzelfde",
        "getal (`tests/kerncijfers/test_consistency.py`). Ontbreken de gegevens van een week,",
        'dan staat er "geen gegevens" (in CSV en Excel een lege cel, in JSON null), nooit 0;',
        "waar de week zegt waarom, staat de reden erbij (`kerncijfers.selectors.figure_reasons`:",
        "is de taakstelling van het halfjaar niet vastgesteld, dan bij elk cijfer dat eruit komt;",
        "is in of vóór de week geen realisatie aangeleverd, dan bij elk cijfer dat de gehuisveste",
        "vergunninghouders telt).",
        "",
        "Wie een getal leest, leest het overal zo (`core/formatting.py`): punt voor duizendtallen,",
        "komma voor decimalen, het minteken − (U+2212) voor een negatief getal (−1.234), geen",
        "teken als het afgerond 0 is (0,0, niet −0,0) en een vaste spatie voor het procentteken",
        "(81,0 %). CSV, JSON, de API en de getallen in Excel blijven machineleesbaar: -1234.5.",
        "",
        "Een verandering (t.o.v. vorige week, of t.o.v. een gekozen eerdere week) is het verschil",
        "van twee getallen. Een cijfer van de taakstelling begint elk halfjaar opnieuw: ligt de",
        'andere week in een ander halfjaar, dan staat er geen verschil maar "nieuw halfjaar',
        '(2021-II)" — op de kaarten, in het weekrapport (web, PDF, Excel), op de opdrachtregel,',
        "in de e-mail over een gepubliceerd rapport en in de API (`verandering` null,",
        "`verandering_toelichting` met die tekst). Zulke cijfers zijn hieronder gemarkeerd met",
        '"per halfjaar". Rapporten van vóór rapportversie 13 houden de verandering waarmee ze zijn',
        "gepubliceerd.",
        "",
        "| code | naam | eenheid | geldt voor | waar |",
        "|---|---|---|---|---|",
    ]
    for d in CATALOGUE:
        where = ", ".join(s.label for s in Surface if s in d.surfaces)
        scope = _SCOPES.get(d.scopes, "alleen per provincie")
        lines.append(f"| `{d.code}` | {d.name} | {d.unit} | {scope} | {where} |")
    lines += ["", "## Definities", ""]
    for d in CATALOGUE:
        lines += [f"### {d.name} (`{d.code}`)", "", d.definition, ""]
        if d.per_period:
            lines += ["Per halfjaar: geen verandering over de grens van een halfjaar.", ""]
        lines += [f"Bron: {d.source}.", ""]
    return "\n".join(lines)


def main() -> None:
    TARGET.write_text(catalogue_markdown(), encoding="utf-8")
    print(f"geschreven: {TARGET}")


if __name__ == "__main__":
    main()
