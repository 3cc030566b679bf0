"""Docs that cannot drift: every command and setting is documented, and CI runs the README's
test command."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from regietafel.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _subcommands() -> list[str]:
    parser = build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(actions[0].choices)


def test_every_command_is_in_the_readme() -> None:
    commands = _subcommands()
    assert {"taakstelling", "verdeel", "import", "demo", "serve", "rapport"} <= set(commands)
    missing = [c for c in commands if f"regietafel {c}" not in README]
    assert not missing, f"niet in README.md: {missing}"


def test_every_setting_is_documented() -> None:
    code = "\n".join(
        path.read_text(encoding="utf-8")
        for folder in ("src", "tools", "tests")
        for path in (ROOT / folder).rglob("*.py")
    )
    read = set(re.findall(r'env_(?:str|bool|list)\(\s*"([A-Z_]+)"', code))
    read |= set(re.findall(r'environ(?:\.get\(|\[)\s*"(REGIETAFEL_[A-Z_]+)"', code))
    assert {"DATABASE_URL", "REGIETAFEL_SECRET_KEY", "REGIETAFEL_DATA_DIR"} <= read
    documented = (ROOT / "docs" / "instellingen.md").read_text(encoding="utf-8")
    missing = sorted(name for name in read if f"`{name}`" not in documented)
    assert not missing, f"niet in docs/instellingen.md: {missing}"


def test_readme_starts_with_the_two_commands_and_ci_runs_the_second() -> None:
    block = README.split("```sh\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(block) == 2
    demo, tests = block
    assert demo.endswith("regietafel demo")
    assert README.index("```sh") < README.index("\n## ")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci


def test_catalogue_doc_is_generated_from_the_catalogue() -> None:
    """docs/kerncijfers.md is written by tools/build_catalogue_doc.py; rerun it after a change."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from build_catalogue_doc import catalogue_markdown
    finally:
        sys.path.pop(0)
    assert (ROOT / "docs" / "kerncijfers.md").read_text(encoding="utf-8") == catalogue_markdown()


def test_access_doc_is_generated_from_the_access_table() -> None:
    """docs/toegang.md is written by tools/build_access_doc.py from the table that
    tests/accounts/test_access_matrix.py checks; rerun the script after a change."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from build_access_doc import access_markdown
    finally:
        sys.path.pop(0)
    assert (ROOT / "docs" / "toegang.md").read_text(encoding="utf-8") == access_markdown()


def test_confidentiality_doc_names_what_the_small_cell_rule_shields() -> None:
    """docs/vertrouwelijkheid.md called "locaties nodig" never afgeschermd, while the start page
    and every other surface showed `amv_locaties_nodig_*` as afgeschermd (intended: an
    afgeschermd need gives no shortage back). The row of the start page and the Opvangbeeld
    cards names every figure shown there that the rule can shield, and what the doc calls
    never afgeschermd is none of them."""
    from regietafel.core.catalogue import CATALOGUE, Surface

    text = (ROOT / "docs" / "vertrouwelijkheid.md").read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| startpagina"))
    cards = {Surface.OVERZICHT, Surface.OPVANGBEELD}
    shielded = [d for d in CATALOGUE if d.occupancy is not None]

    def named(code: str) -> bool:
        return f"`{code}`" in row or f"`{code.rsplit('_', 1)[0]}_*`" in row

    assert [d.code for d in shielded if d.surfaces & cards and not named(d.code)] == []
    never = next(p for p in text.split("\n\n") if p.startswith("Nooit afgeschermd"))
    terms = re.findall(r"\*\*(.+?)\*\*", never.split(".")[0])
    names = {d.name.split(",")[0].casefold() for d in shielded}
    assert terms
    assert [t for t in terms if any(n.endswith(t.casefold()) for n in names)] == []
