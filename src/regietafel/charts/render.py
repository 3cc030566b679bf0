"""Vega-Lite spec -> SVG via vl-convert, and SVG -> accessible inline HTML.

vl-convert runs Vega-Lite and Vega in an embedded JavaScript runtime: no browser, no
network (specs carry their data inline; remote URLs are refused). It is imported inside
:func:`render_svg`, so importing :mod:`regietafel.charts` stays cheap.

Rendered SVG is cached per process, keyed by the canonical JSON of the spec (sorted keys):
the same figures give the same chart, so a week's charts are drawn once and not on every
request. The cache is a bounded LRU (entries and bytes). Its lock guards only the
dictionary, never a render: different charts render at the same time in different threads,
and a second request for a chart being drawn waits for that one drawing (single flight).
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from html import escape
from typing import Any

from regietafel.core.bounded_cache import BoundedCache

#: The Vega-Lite version vl-convert compiles with; pinned so output does not change when a
#: newer vl-convert adds a newer default.
VEGALITE_VERSION = "6.4"

#: Bounds of the per-process SVG cache: a week's pages have a handful of charts per scope.
CACHE_MAX_ENTRIES = 256
CACHE_MAX_BYTES = 48 * 1024 * 1024

_counter = itertools.count(1)


class ChartError(RuntimeError):
    """A chart could not be rendered; the message is Dutch and fit for a log or a page."""


class SvgCache(BoundedCache[str]):
    """The bounded single-flight cache of rendered SVG (``renders``: engine runs so far)."""

    def __init__(self, max_entries: int = CACHE_MAX_ENTRIES, max_bytes: int = CACHE_MAX_BYTES):
        super().__init__(max_entries, max_bytes, size=len)

    def get_or_render(self, key: str, render: Callable[[], str]) -> str:
        svg = self.get_or_compute(key, render)
        assert svg is not None  # render never answers None
        return svg

    @property
    def renders(self) -> int:
        return self.computed


#: The process-wide cache used by :func:`render_svg`.
cache = SvgCache()


def render_svg(spec: dict[str, Any]) -> str:
    """Render a Vega-Lite spec to an SVG document string (cached per canonical spec).

    Deterministic: the same spec gives byte-identical SVG. Remote data is not allowed
    (``allowed_base_urls=[]``), so a spec can never make the server fetch a URL.
    """
    try:
        payload = json.dumps(spec, allow_nan=False, ensure_ascii=False)
        key = json.dumps(spec, allow_nan=False, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError) as exc:
        raise ChartError(f"De grafiekspecificatie is geen geldige JSON: {exc}") from exc
    return cache.get_or_render(key, lambda: _render(payload))


def _render(payload: str) -> str:
    try:
        import vl_convert
    except ImportError as exc:  # pragma: no cover - dependency is pinned
        raise ChartError("vl-convert-python is niet geïnstalleerd.") from exc
    try:
        # vl-convert is thread-safe; no lock of ours around it, so charts render in parallel.
        svg = vl_convert.vegalite_to_svg(payload, vl_version=VEGALITE_VERSION, allowed_base_urls=[])
    except Exception as exc:
        raise ChartError(f"De grafiek kon niet worden getekend: {exc}") from exc
    if not isinstance(svg, str) or "<svg" not in svg:
        raise ChartError("De grafiek kon niet worden getekend: vl-convert gaf geen SVG terug.")
    return svg


WARM_UP_SPEC: dict[str, Any] = {
    "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
    "data": {"values": [{"a": 1}]},
    "mark": "point",
    "encoding": {"x": {"field": "a", "type": "quantitative"}},
}


def warm_up() -> None:
    """Pay the engine's cold start (seconds) now, e.g. when a server worker starts."""
    try:
        _render(json.dumps(WARM_UP_SPEC))
    except ChartError:  # a broken engine shows on the first real chart, in Dutch
        return


#: Vega resolves a mark's ``href`` against its default data URL; our links are site paths.
_VEGA_LINK_BASE = "https://vega.github.io/vega-datasets/"
_LINK = re.compile(
    r'<a xlink:href="' + re.escape(_VEGA_LINK_BASE) + r'/?([^"]*)">(<path aria-label="([^"]*)")'
)


def _site_links(body: str) -> str:
    """Area links (``href`` in a map) as site paths, each with the area's name as its own."""
    return _LINK.sub(lambda m: f'<a href="/{m[1]}" aria-label="{m[3]}">{m[2]}', body)


#: Vega's own words for screen readers are English: a role description on every mark and
#: group ("group mark container", "geoshape", "title") and "Title text '...'" as the title's
#: name. Inside a map whose areas are links they reach the accessibility tree.
_ROLE_DESCRIPTION = re.compile(r'\saria-roledescription="[^"]*"')
_TITLE_TEXT_LABEL = re.compile(r'\saria-label="Title text [^"]*"')


def _without_vega_english(body: str) -> str:
    """No English role descriptions, and the titles hidden: the chart's own Dutch ``<title>``
    and ``<desc>`` already name the chart and its source."""
    body = _ROLE_DESCRIPTION.sub("", body)
    return _TITLE_TEXT_LABEL.sub(' aria-hidden="true"', body)


_PROLOG = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>]*>\s*)?", re.IGNORECASE)
_ID_ATTR = re.compile(r'\sid="([^"]+)"')
_SVG_OPEN = re.compile(r"<svg\b[^>]*>", re.IGNORECASE)


def svg_for_html(svg: str, *, title: str, description: str, id_prefix: str | None = None) -> str:
    """Make a rendered SVG ready to inline in an HTML page.

    - strips an XML prolog / doctype;
    - drops Vega's English role descriptions and hides its title marks (``<title>`` says it);
    - sets ``role="img"`` and ``aria-labelledby`` on the root ``<svg>``, pointing at a
      ``<title>`` and a ``<desc>`` inserted as its first children (axe-core's
      ``svg-img-alt`` rule);
    - prefixes every ``id`` (and its ``url(#...)``/``href="#..."`` references) so several
      charts on one page never share an id (vl-convert numbers clip paths from 1 in
      every SVG).

    ``id_prefix`` makes the output reproducible; by default a per-process counter is used.
    """
    body = _without_vega_english(_site_links(_PROLOG.sub("", svg, count=1)))
    match = _SVG_OPEN.search(body)
    if match is None:
        raise ChartError("Geen <svg>-element gevonden.")
    prefix = id_prefix if id_prefix is not None else f"grafiek-{next(_counter)}"
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", prefix):
        raise ValueError(f"Ongeldig id-voorvoegsel: {prefix!r}")

    ids = set(_ID_ATTR.findall(body))
    for old in sorted(ids, key=len, reverse=True):
        new = f"{prefix}-{old}"
        q = re.escape(old)
        body = re.sub(rf'(\sid=")({q})(")', rf"\g<1>{new}\g<3>", body)
        body = re.sub(rf"url\(#{q}\)", f"url(#{new})", body)
        body = re.sub(rf'((?:xlink:)?href=")#{q}(")', rf"\g<1>#{new}\g<2>", body)

    # A map whose areas are links is a group of links, not one image (an image hides them).
    role = "group" if "<a href=" in body else "img"
    title_id = f"{prefix}-titel"
    desc_id = f"{prefix}-beschrijving"
    match = _SVG_OPEN.search(body)
    assert match is not None
    open_tag = match.group(0)
    # Drop attributes we are about to set, so they never appear twice.
    cleaned = re.sub(r'\s(?:role|aria-labelledby|aria-label|focusable)="[^"]*"', "", open_tag)
    new_open = (
        cleaned[:-1].rstrip("/").rstrip()
        + f' role="{role}" aria-labelledby="{title_id} {desc_id}" focusable="false">'
    )
    inserted = (
        f'<title id="{title_id}">{escape(title)}</title>'
        f'<desc id="{desc_id}">{escape(description)}</desc>'
    )
    return body[: match.start()] + new_open + inserted + body[match.end() :]
