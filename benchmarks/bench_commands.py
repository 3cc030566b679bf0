"""Start-up of the CLI: each command next to a bare Python start, measured side by side.

Run: ``python benchmarks/bench_commands.py [--demo MAP] [--rondes 11]``. Without ``--demo``
a demo database is loaded once into a temporary folder (``regietafel demo --alleen-laden``).
Every round runs each command once, in turn, so all of them see the same load; the figure
per command is the median over the rounds, and the ratios are against ``python -c pass``
and ``python -c "import numpy"`` measured in the same rounds; next to the wall time the
CPU time of the command (user + system), which a loaded machine inflates far less. Not a
test: it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WEEK = "2021-W45"


def commands() -> dict[str, list[str]]:
    cli = [sys.executable, "-m", "regietafel"]
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        'python -c "import numpy"': [sys.executable, "-c", "import numpy"],
        "regietafel --help": [*cli, "--help"],
        "regietafel taakstelling (csv)": [
            *cli, "taakstelling", "--periode", "2021-II", "--totaal", "11000", "--formaat", "csv",
        ],
        "regietafel verdeel (csv)": [
            *cli, "verdeel", "--totaal", "600", "--niveau", "provincie", "--formaat", "csv",
        ],
        "regietafel opvang (opgeslagen antwoord)": [*cli, "opvang", "--week", WEEK],
        "regietafel opvang (berekend)": [*cli, "opvang", "--week", WEEK],
        "regietafel boodschappenlijst (opgeslagen)": [*cli, "boodschappenlijst", "--week", WEEK],
        "regietafel boodschappenlijst (berekend)": [*cli, "boodschappenlijst", "--week", WEEK],
    }  # fmt: skip


def run_once(command: list[str], environment: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, of the child) of one run, in seconds.

    On a loaded machine the wall time mostly measures the wait for a core; the CPU time
    is what the command itself costs.
    """
    started = time.perf_counter()
    child = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)}: exitstatus {child.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def with_baseline(
    table: dict[str, list[str]], environment: dict[str, str], baseline: Path | None
) -> dict[str, tuple[list[str], dict[str, str]]]:
    """Each command with its environment ("(berekend)": without stored answers); with
    ``--basis`` also every regietafel command run from that source tree (``PYTHONPATH``),
    e.g. an export of the previous commit."""
    runs = {
        name: (command, {**environment, "REGIETAFEL_ANTWOORDOPSLAG": "0"})
        if name.endswith("(berekend)")
        else (command, environment)
        for name, command in table.items()
    }
    if baseline is not None:
        for name, (command, own) in list(runs.items()):
            if name.startswith("regietafel"):
                old = {**own, "PYTHONPATH": str(baseline.resolve())}
                runs[f"{name} [basis]"] = (command, old)
    return runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", type=Path, help="map met een geladen demodatabase")
    parser.add_argument("--rondes", type=int, default=11)
    parser.add_argument("--basis", type=Path, help="src-map van een vorige versie (vergelijking)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = options.demo
        if folder is None:
            folder = Path(scratch) / "demo-data"
            print(f"demo laden in {folder} …", flush=True)
            load = ["demo", "--alleen-laden", "--map", str(folder)]
            cli = [sys.executable, "-m", "regietafel"]
            subprocess.run([*cli, *load], check=True, capture_output=True)
        environment = {**os.environ, "REGIETAFEL_DATA_DIR": str(folder.resolve())}
        environment.pop("DATABASE_URL", None)
        # As installed: Python keeps its compiled bytecode (the warm-up round below writes
        # it). With PYTHONDONTWRITEBYTECODE set, every start compiles every module anew.
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        runs = with_baseline(commands(), environment, options.basis)
        times: dict[str, list[float]] = {name: [] for name in runs}
        cpu: dict[str, list[float]] = {name: [] for name in runs}
        for command, env in runs.values():  # warm the file cache and the bytecode once
            run_once(command, env)
        for _ in range(options.rondes):
            for name, (command, env) in runs.items():
                wall, used = run_once(command, env)
                times[name].append(wall)
                cpu[name].append(used)
    bare = statistics.median(times["python -c pass"])
    numpy = statistics.median(times['python -c "import numpy"'])
    numpy_cpu = statistics.median(cpu['python -c "import numpy"'])
    print(f"{options.rondes} rondes, mediaan per opdracht; cores: {os.cpu_count()}")
    print(
        f"{'opdracht':<40} {'wandklok':>9} {'x pass':>7} {'x numpy':>8}"
        f" {'cpu':>8} {'cpu x numpy':>12}"
    )
    for name in runs:
        median = statistics.median(times[name])
        used = statistics.median(cpu[name])
        print(
            f"{name:<40} {median * 1000:6.0f} ms {median / bare:6.1f}x {median / numpy:7.2f}x"
            f" {used * 1000:5.0f} ms {used / numpy_cpu:11.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
