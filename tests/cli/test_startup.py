"""The computation commands stay light: they never import Django or the rendering stack."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import os, sys
from regietafel.cli.main import main
os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
main(["taakstelling", "--periode", "2021-II", "--totaal", "11000", "--formaat", "csv"])
main(["verdeel", "--totaal", "600", "--niveau", "provincie", "--formaat", "csv"])
heavy = ("django", "rest_framework", "weasyprint", "vl_convert", "openpyxl")
print(",".join(sorted(m for m in sys.modules if m.split(".")[0] in heavy)), file=sys.stderr)
"""


def test_computation_commands_import_no_django() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True
    )
    assert result.stderr.strip() == ""
