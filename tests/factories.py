"""factory_boy factories shared by the app tests: valid rows without going through imports."""

from __future__ import annotations

import hashlib
from typing import Any

import factory
from django.core.files.base import ContentFile

from regietafel.core.periods import IsoWeek
from regietafel.imports.models import Import, Kind, Status
from regietafel.taakstelling.models import RealisationRecord

ORIGINAL = b"gemeentecode,periode,gehuisvest\nGM0363,2021-II,10\n"


class ImportFactory(factory.django.DjangoModelFactory):
    """An accepted import with a small stored original; pass ``content=`` for other bytes."""

    class Meta:
        model = Import

    class Params:
        content = ORIGINAL

    kind = Kind.REALISATIE
    week = "2021-W45"
    week_start = factory.LazyAttribute(lambda o: IsoWeek.parse(o.week).monday)
    version = factory.Sequence(lambda n: n + 1)
    status = Status.ACCEPTED
    file_name = factory.LazyAttribute(lambda o: f"{o.kind}-{o.week}.csv")
    checksum = factory.LazyAttribute(lambda o: hashlib.sha256(o.content).hexdigest())
    size = factory.LazyAttribute(lambda o: len(o.content))
    original = factory.LazyAttribute(lambda o: ContentFile(o.content, name=o.file_name))
    row_count = 1
    synthetic = True


class RealisationRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RealisationRecord

    batch = factory.SubFactory(ImportFactory)
    period_label = "2021-II"
    municipality_code = "GM0363"
    province_code = "PV27"
    housed = 0


def realisation(
    week: str,
    period_label: str,
    housed: dict[str, tuple[str, int]],
    own: dict[str, int] | None = None,
    **kwargs: Any,
) -> Import:
    """One accepted realisation import of ``week`` with rows code -> (province, housed), and
    optionally the municipality's own count per code."""
    batch: Import = ImportFactory(week=week, row_count=len(housed), **kwargs)
    for code, (province, count) in housed.items():
        RealisationRecordFactory(
            batch=batch,
            period_label=period_label,
            municipality_code=code,
            province_code=province,
            housed=count,
            own_count=(own or {}).get(code),
        )
    return batch
