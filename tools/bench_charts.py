"""Time chart rendering: the first vl-convert call (start-up) and later calls.

Run: ``PYTHONPATH=src python tools/bench_charts.py [gemeenten.topojson] [lijn|kaart]``
(the second argument picks which chart pays the start-up cost).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from regietafel.charts import capacity_timeline_chart, municipality_map, render_svg

DEFAULT_TOPOLOGY = Path("/work/shared/data/geo/gemeenten_2023.topojson")


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_TOPOLOGY
    topology = json.loads(path.read_text(encoding="utf-8"))
    codes = [g["id"] for g in topology["objects"]["gemeenten"]["geometries"]]
    order = ["op schema", "enigszins achter", "ver achter", "geen gegevens"]
    weeks = [date(2024, 1, 1) + timedelta(weeks=i) for i in range(52)]

    def line() -> str:
        return render_svg(
            capacity_timeline_chart(
                week_starts=weeks,
                structural=[50_000 + 100 * i for i in range(52)],
                temporary=[12_000 if i < 30 else 2_000 for i in range(52)],
                need=[64_000] * 52,
                title="Opvangcapaciteit",
                source="Bron: test",
            )
        )

    def kaart() -> str:
        return render_svg(
            municipality_map(
                topology=topology,
                object_name="gemeenten",
                classes={c: order[i % 3] for i, c in enumerate(codes)},
                class_order=order,
                title="Voortgang",
                source="Bron: test",
            )
        )

    first = sys.argv[2] if len(sys.argv) > 2 else "lijn"
    charts = {"lijn": line, "kaart": kaart}
    second = "kaart" if first == "lijn" else "lijn"
    for name in (first, second):
        started = time.perf_counter()
        svg = charts[name]()
        print(f"{name}: eerste aanroep {time.perf_counter() - started:.3f} s ({len(svg):,} bytes)")
    for name in (first, second):
        runs = []
        for _ in range(10):
            started = time.perf_counter()
            charts[name]()
            runs.append(time.perf_counter() - started)
        print(
            f"{name}: daarna mediaan {statistics.median(runs):.3f} s, "
            f"min {min(runs):.3f} s, max {max(runs):.3f} s (10 keer)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
