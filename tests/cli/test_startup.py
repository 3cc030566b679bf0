"""The computation commands stay light: they never import Django or the rendering stack."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

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


def test_serve_refuses_a_taken_port_in_one_dutch_line(tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "regietafel", "demo", "--map", str(tmp_path / "d"),
             "--poort", str(port)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
    assert result.returncode == 2
    assert f"poort {port} op 127.0.0.1 is al in gebruik" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "d").exists()  # refused before anything was made
