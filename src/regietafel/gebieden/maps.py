"""The clickable municipality map in the three schedule classes, drawn once per content.

Every area links to its municipality page and is named by its description ("Ede (GM0228):
ver achter"); a symbol per class makes the classes readable without colour.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import date

from django.urls import reverse

from regietafel import reference
from regietafel.charts import municipality_map, render_svg, svg_for_html, topology_subset
from regietafel.core.rules import ScheduleClass
from regietafel.core.taakstelling import ProgressRow

SOURCE = "Bron: taakstelling en realisatie (demodata waar gemarkeerd); grenzen CBS (CC BY 4.0)"


def schedule_map(
    rows: Iterable[ProgressRow],
    *,
    on: date,
    title: str,
    province: str | None = None,
    week: str | None = None,
) -> str:
    """Inline SVG of the municipalities of ``province`` (all when None) by schedule class;
    each links to its page, at ``week`` when one was chosen (as the tables' links)."""
    topology = reference.geometry("municipalities", on)
    if province is not None:
        topology = topology_subset(
            topology,
            "gemeenten",
            {
                str(g["id"])
                for g in topology["objects"]["gemeenten"]["geometries"]
                if (g.get("properties") or {}).get("provinciecode") == province
            },
        )
    codes = [str(g["id"]) for g in topology["objects"]["gemeenten"]["geometries"]]
    spec = municipality_map(
        topology=topology,
        object_name="gemeenten",
        # A municipality whose class is unknown (no realisation yet) is left out: the map
        # draws it as "geen gegevens", never in a class.
        classes={r.code: r.schedule.label for r in rows if r.schedule is not None},
        class_order=[c.label for c in ScheduleClass],
        title=title,
        source=SOURCE,
        legend_title="gehuisvest t.o.v. schema",
        links={
            code: reverse("gemeente-detail", args=[code]) + (f"?week={week}" if week else "")
            for code in codes
        },
        marked=True,
    )
    digest = hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:8]
    return svg_for_html(
        render_svg(spec),
        title=title,
        description=str(spec.get("description") or title),
        id_prefix=f"gemeentekaart-{digest}",
    )
