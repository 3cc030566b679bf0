"""The printed house style lays out without a complaint from WeasyPrint: a rule it cannot
read is dropped in silence from the PDF and printed as a warning on every `regietafel rapport`
(two width media queries did so; they now live in the screen-only stylesheet)."""

from __future__ import annotations

import logging

import pytest

from regietafel.printing import CSS_DIR, a4_document, house_css, pdf_of


def test_the_house_style_prints_without_warnings(caplog: pytest.LogCaptureFixture) -> None:
    body = '<section class="report"><p>Kerncijfers</p><div class="report__trend"></div></section>'
    html = a4_document(title="t", body=body, header="Weekrapport", synthetic=True)
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = pdf_of(html)
    assert pdf.startswith(b"%PDF")
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []


def test_width_queries_are_only_in_the_screen_stylesheet() -> None:
    assert "max-width" not in "".join(
        line for line in house_css().splitlines() if line.lstrip().startswith("@media")
    )
    assert "@media screen and (max-width: 40rem)" in (CSS_DIR / "screen.css").read_text()
