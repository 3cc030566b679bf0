"""Factories for imports and their rows, so tests need not go through the import service."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

import factory
from django.core.files.base import ContentFile

from regietafel.core.periods import IsoWeek
from regietafel.imports.models import Import, Kind, Status
from regietafel.opvang.models import LocationRecord, SeriesMetric, SeriesRecord
from regietafel.taakstelling.models import RealisationRecord

ORIGINAL = b"code,naam\nX,voorbeeld\n"


class ImportFactory(factory.django.DjangoModelFactory):
    """An accepted import of week 2021-W45, version 1, with a small stored original."""

    class Meta:
        model = Import

    kind = Kind.LOCATIES
    week = "2021-W45"
    week_start = factory.LazyAttribute(lambda o: IsoWeek.parse(o.week).monday)
    version = 1
    status = Status.ACCEPTED
    file_name = factory.LazyAttribute(lambda o: f"{o.kind}-{o.week}.csv")
    original = factory.LazyAttribute(lambda o: ContentFile(ORIGINAL, name=o.file_name))
    checksum = hashlib.sha256(ORIGINAL).hexdigest()
    size = len(ORIGINAL)
    row_count = 0
    synthetic = True


class LocationRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocationRecord

    batch = factory.SubFactory(ImportFactory)
    code = factory.Sequence(lambda n: f"LOC{n:03d}")
    name = factory.LazyAttribute(lambda o: f"Locatie {o.code}")
    municipality_code = "GM0363"
    province_code = "PV27"
    type = "regulier"
    capacity = 100
    occupancy = 90
    start_date = date(2020, 1, 1)
    end_date = None
    address = "Voorbeeldstraat 1"
    confidential = False


class SeriesRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SeriesRecord

    batch = factory.SubFactory(ImportFactory, kind=Kind.REEKSEN)
    metric = SeriesMetric.EERSTE_AANVRAGEN
    value = 0


class RealisationRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RealisationRecord

    batch = factory.SubFactory(ImportFactory, kind=Kind.REALISATIE)
    period_label = "2021-II"
    municipality_code = "GM0363"
    province_code = "PV27"
    housed = 0


def series_import(week: str, values: dict[str, int], **kwargs: Any) -> Import:
    """An accepted series import of ``week`` with one row per metric in ``values``."""
    batch: Import = ImportFactory(kind=Kind.REEKSEN, week=week, **kwargs)
    for metric, value in values.items():
        SeriesRecordFactory(batch=batch, metric=metric, value=value)
    return batch


def locations_week45() -> dict[str, Import]:
    """Two provinces, each with a regular and a confidential AMV location, in 2021-W45.

    Version 1 of the week is superseded by version 2 (the figures below); a refused import
    and a later week exist too, and must not be read for 2021-W45.

    ======  ======  ========  ====  ====  ==========  =================
    code    prov.   soort     cap.  bez.  einde       adres
    ======  ======  ========  ====  ====  ==========  =================
    NH-AZC  PV27    regulier  600   550   —           Dijkweg 1
    NH-AMV  PV27    amv       50    37    2022-06-30  Geheimstraat 7 (v)
    GR-AZC  PV20    regulier  400   380   2022-12-31  Zuiderweg 2
    GR-AMV  PV20    amv       48    29    —           Verborgenlaan 3 (v)
    ======  ======  ========  ====  ====  ==========  =================
    """
    # Version 2 is stored first, so "latest row" and "highest version" give different answers.
    v2 = ImportFactory(week="2021-W45", version=2)
    LocationRecordFactory(
        batch=v2,
        code="NH-AZC",
        name="Azc Dijkweg",
        capacity=600,
        occupancy=550,
        address="Dijkweg 1",
    )
    LocationRecordFactory(
        batch=v2,
        code="NH-AMV",
        name="Kleinschalig Noord",
        type="amv",
        capacity=50,
        occupancy=37,
        end_date=date(2022, 6, 30),
        address="Geheimstraat 7",
        confidential=True,
    )
    LocationRecordFactory(
        batch=v2,
        code="GR-AZC",
        name="Azc Zuiderweg",
        municipality_code="GM0014",
        province_code="PV20",
        capacity=400,
        occupancy=380,
        end_date=date(2022, 12, 31),
        address="Zuiderweg 2",
    )
    LocationRecordFactory(
        batch=v2,
        code="GR-AMV",
        name="Kleinschalig Stad",
        municipality_code="GM0014",
        province_code="PV20",
        type="amv",
        capacity=48,
        occupancy=29,
        address="Verborgenlaan 3",
        confidential=True,
    )
    v1 = ImportFactory(week="2021-W45", version=1)
    LocationRecordFactory(batch=v1, code="NH-AZC", capacity=500, occupancy=500)
    refused = ImportFactory(week="2021-W45", version=None, status=Status.REFUSED)
    later = ImportFactory(week="2021-W47", version=1)
    LocationRecordFactory(batch=later, code="NH-NIEUW", capacity=10, occupancy=1)
    return {"v1": v1, "v2": v2, "refused": refused, "later": later}
