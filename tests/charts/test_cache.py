"""Charts are drawn once per spec: the SVG cache of ``regietafel.charts.render``."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from regietafel.charts import render
from regietafel.charts.render import SvgCache, render_svg


def _bars(values: list[int], *, title: str = "Plekken") -> dict[str, Any]:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "title": title,
        "data": {"values": [{"week": i + 1, "plekken": v} for i, v in enumerate(values)]},
        "mark": "bar",
        "encoding": {
            "x": {"field": "week", "type": "ordinal"},
            "y": {"field": "plekken", "type": "quantitative"},
        },
    }


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    render.cache.clear()


def test_the_same_spec_twice_renders_once() -> None:
    first = render_svg(_bars([3, 5, 8]))
    second = render_svg(_bars([3, 5, 8]))
    assert second == first
    assert render.cache.renders == 1


def test_key_order_does_not_matter_but_content_does() -> None:
    spec = _bars([3, 5, 8])
    reordered = dict(reversed(list(spec.items())))
    render_svg(spec)
    render_svg(reordered)
    assert render.cache.renders == 1
    other = render_svg(_bars([3, 5, 9]))
    assert render.cache.renders == 2
    assert other != render_svg(spec)
    assert render_svg(_bars([3, 5, 8], title="Bezetting")) != render_svg(spec)
    assert render.cache.renders == 3


def test_threads_asking_for_one_chart_share_one_render() -> None:
    spec = _bars([1, 2, 3, 4])
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: render_svg(spec), range(16)))
    assert len(set(results)) == 1
    assert render.cache.renders == 1


def test_the_cache_is_bounded_least_recently_used_first() -> None:
    cache = SvgCache(max_entries=2, max_bytes=1000)
    drawn: list[str] = []

    def draw(key: str, size: int = 10) -> str:
        return cache.get_or_render(key, lambda: drawn.append(key) or key * size)

    draw("a")
    draw("b")
    draw("a")  # a is now the most recent
    draw("c")  # evicts b
    draw("a")
    draw("b")  # drawn again
    assert drawn == ["a", "b", "c", "b"]
    assert len(cache) == 2
    draw("big", size=400)  # 1200 bytes on its own: drawn, but never kept
    draw("big", size=400)
    assert drawn[-2:] == ["big", "big"]


def test_a_failed_render_is_not_cached() -> None:
    cache = SvgCache()
    calls: list[int] = []

    def broken() -> str:
        calls.append(1)
        raise render.ChartError("kapot")

    for _ in range(2):
        with pytest.raises(render.ChartError):
            cache.get_or_render("x", broken)
    assert len(calls) == 2
