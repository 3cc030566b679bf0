"""Journey of the COA data officer, in a real browser: template, valid file, invalid file, reload.

The officer downloads the template of the locations format, fills it in (the example row's
values kept, its mark emptied), uploads it, then uploads a file with an occupancy above the
capacity and reads the Dutch message with row and column, and reloads the result page: the
number of imports stays the same (POST/redirect/GET). Page loads are counted and printed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WEEK = "2021-W45"


def _rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def _write(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _upload(page: Any, base: str, path: Path) -> None:
    page.goto(f"{base}/imports/nieuw/")
    page.get_by_label("Soort bestand").select_option("locaties")
    page.get_by_label("Week", exact=True).fill(WEEK)
    page.get_by_label("Bestand", exact=True).set_input_files(str(path))
    page.get_by_role("button", name="Controleren en importeren").click()
    page.wait_for_url(f"{base}/imports/*/")


def test_journey_coa_data_officer(
    login: Callable[[str], Any],
    live_server: Any,
    settings: Any,
    tmp_path: Path,
) -> None:
    from regietafel.imports.models import Import, Status

    settings.MEDIA_ROOT = tmp_path / "bestanden"
    base = live_server.url
    loads: list[str] = []

    page = login("coa")
    page.on("load", lambda loaded: loads.append(loaded.url))

    # 1. The template, from the formats page, for the week to deliver (its example row
    #    carries that week).
    page.goto(f"{base}/imports/bestandsformaten/?week=2021-W45")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Sjabloon Opvanglocaties (CSV)").click()
    download = download_info.value
    assert download.suggested_filename == "sjabloon-locaties.csv"
    template = _rows(Path(download.path()).read_bytes())
    header, example = template
    assert header[-1] == "voorbeeldrij"
    assert example[-1].startswith("ja")

    # 2. Filled in: the example's values kept, the mark emptied. Accepted.
    example[-1] = ""
    _upload(page, base, _write(tmp_path / "week45.csv", [header, example]))
    assert page.get_by_role("status").first.inner_text().startswith("Verwerkt:")
    assert "Verwerkt: 1 rij opgeslagen." in page.locator("main").inner_text()
    accepted = Import.objects.get()
    assert accepted.status == Status.ACCEPTED

    # 3. Occupancy above capacity: refused, with the Dutch message for row 2, column bezetting.
    column = header.index("bezetting")
    wrong = list(example)
    wrong[column] = "700"
    _upload(page, base, _write(tmp_path / "fout.csv", [header, wrong]))
    alert = page.get_by_role("alert").inner_text()
    assert alert.startswith("Geweigerd: het bestand bevat 1 fout.")
    table = page.locator("table", has=page.locator("caption", has_text="Alle fouten"))
    cells = [c.strip() for c in table.locator("tbody tr").first.locator("td").all_inner_texts()]
    assert cells == ["fout.csv", "2", "bezetting", "bezetting 700 is groter dan de capaciteit 600"]
    result_url = page.url
    assert Import.objects.count() == 2

    # 4. Reloading the result page submits nothing again.
    page.reload()
    assert page.url == result_url
    assert page.get_by_role("alert").inner_text().startswith("Geweigerd")
    assert Import.objects.count() == 2
    assert Import.objects.filter(status=Status.REFUSED).count() == 1

    # After logging in (log-in page, start page): formats, upload form, result, upload form,
    # result, reload of the result; the download and the redirects are no page loads.
    assert [url.removeprefix(base) for url in loads] == [
        "/imports/bestandsformaten/?week=2021-W45",
        "/imports/nieuw/",
        f"/imports/{accepted.pk}/",
        "/imports/nieuw/",
        result_url.removeprefix(base),
        result_url.removeprefix(base),
    ]
