"""The whole test suite in one command: lint, format, types, layers, Django checks, both databases.

Run it as ``python tools/check.py`` from the repository root (the README's second command
installs everything first). Every step runs even if an earlier one failed, so one run shows
every problem; the exit status is non-zero when any step failed.

PostgreSQL: the suite runs a second time against ``REGIETAFEL_TEST_POSTGRES``
(default ``postgres://postgres@127.0.0.1:5432/regietafel``). Where no server answers the
run is skipped with a message, except when ``CI`` is set: there it is required.
Browser tests need Debian's Chromium at /usr/bin/chromium; the same rule applies.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
POSTGRES_URL = os.environ.get(
    "REGIETAFEL_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432/regietafel"
)
CHROMIUM = os.environ.get("REGIETAFEL_CHROMIUM", "/usr/bin/chromium")


def run(title: str, args: list[str], env: dict[str, str] | None = None) -> bool:
    print(f"\n=== {title}: {' '.join(args)}", flush=True)
    started = time.monotonic()
    result = subprocess.run(args, cwd=ROOT, env={**os.environ, **(env or {})}, check=False)
    verdict = "ok" if result.returncode == 0 else f"MISLUKT (exit {result.returncode})"
    print(f"=== {title}: {verdict} in {time.monotonic() - started:.0f} s", flush=True)
    return result.returncode == 0


def postgres_reachable(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 5432), 2):
            return True
    except OSError:
        return False


AUDIT_UNREACHABLE = (
    "ConnectionError",
    "Max retries exceeded",
    "NameResolutionError",
    "Failed to resolve",
    "Temporary failure in name resolution",
    "timed out",
    "Network is unreachable",
)
"""Signs in pip-audit's output that its vulnerability database could not be reached."""


def audit_dependencies() -> bool:
    """pip-audit on the installed packages: fails on a known vulnerability, only reports when
    the vulnerability database (PyPI/OSV) cannot be reached (no network is no reason to fail)."""
    title = "pip-audit"
    args = [PY, "-m", "pip_audit", "--progress-spinner", "off", "--skip-editable"]
    print(f"\n=== {title}: {' '.join(args)}", flush=True)
    try:
        result = subprocess.run(
            args, cwd=ROOT, capture_output=True, text=True, check=False, timeout=600
        )
    except subprocess.TimeoutExpired:
        print(f"=== {title}: geen antwoord van de kwetsbaarhedendatabase; overgeslagen")
        return True
    print(result.stdout, end="")
    print(result.stderr, end="", file=sys.stderr)
    if result.returncode == 0:
        print(f"=== {title}: ok, geen bekende kwetsbaarheden")
        return True
    if "No module named pip_audit" in result.stderr:
        print(f"=== {title}: niet geïnstalleerd (pip install -e '.[dev]'); overgeslagen")
        return True
    if any(sign in result.stderr for sign in AUDIT_UNREACHABLE):
        print(f"=== {title}: kwetsbaarhedendatabase niet bereikbaar; alleen gemeld, niet mislukt")
        return True
    print(f"=== {title}: MISLUKT (exit {result.returncode})")
    return False


def main() -> int:
    # Tests and checks never touch the developer's own ./data folder.
    os.environ["REGIETAFEL_DATA_DIR"] = tempfile.mkdtemp(prefix="regietafel-check-")
    results: dict[str, bool] = {}
    results["ruff"] = run("ruff lint", [PY, "-m", "ruff", "check", "."])
    results["format"] = run("ruff format", [PY, "-m", "ruff", "format", "--check", "."])
    results["mypy"] = run("mypy --strict", [PY, "-m", "mypy", "src", "tools", "benchmarks"])
    results["lagen"] = run(
        "import-linter (lagen)", [str(Path(PY).parent / "lint-imports"), "--no-cache"]
    )

    results["django"] = run("django checks", [PY, "-m", "regietafel.config.checks"])
    results["pip-audit"] = audit_dependencies()

    if IN_CI and shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) ontbreekt; in CI is dat een fout.")
        results["poppler"] = False

    browser_env: dict[str, str] = {}
    if not Path(CHROMIUM).exists():
        if IN_CI:
            print(f"Chromium ontbreekt op {CHROMIUM}; in CI is dat een fout.")
            results["chromium"] = False
        else:
            print(f"Let op: geen Chromium op {CHROMIUM}: de browsertests worden overgeslagen.")
            browser_env["REGIETAFEL_SKIP_BROWSER"] = "1"

    results["pytest sqlite"] = run(
        "pytest (SQLite)",
        [PY, "-m", "pytest", "-q", "-n", "2", "--benchmark-disable"],
        {**browser_env, "DATABASE_URL": ""},
    )
    if postgres_reachable(POSTGRES_URL):
        results["pytest postgresql"] = run(
            "pytest (PostgreSQL)",
            [PY, "-m", "pytest", "-q", "-n", "2", "--benchmark-disable"],
            {**browser_env, "DATABASE_URL": POSTGRES_URL},
        )
    elif IN_CI:
        print(f"PostgreSQL op {POSTGRES_URL} is niet bereikbaar; in CI is dat een fout.")
        results["pytest postgresql"] = False
    else:
        print(f"Let op: PostgreSQL op {POSTGRES_URL} niet bereikbaar: die ronde is overgeslagen.")

    print("\nSamenvatting:")
    for name, ok in results.items():
        print(f"  {'ok     ' if ok else 'MISLUKT'} {name}")
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
