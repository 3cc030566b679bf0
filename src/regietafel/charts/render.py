"""Vega-Lite spec -> SVG via vl-convert, and SVG -> accessible inline HTML.

vl-convert runs Vega-Lite and Vega in an embedded JavaScript runtime: no browser, no
network (specs carry their data inline; remote URLs are refused). It is imported inside
:func:`render_svg`, so importing :mod:`regietafel.charts` stays cheap.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
from html import escape
from typing import Any

#: The Vega-Lite version vl-convert compiles with; pinned so output does not change when a
#: newer vl-convert adds a newer default.
VEGALITE_VERSION = "6.4"

_lock = threading.Lock()
_counter = itertools.count(1)


class ChartError(RuntimeError):
    """A chart could not be rendered; the message is Dutch and fit for a log or a page."""


def render_svg(spec: dict[str, Any]) -> str:
    """Render a Vega-Lite spec to an SVG document string.

    Deterministic: the same spec gives byte-identical SVG. Remote data is not allowed
    (``allowed_base_urls=[]``), so a spec can never make the server fetch a URL.
    """
    try:
        payload = json.dumps(spec, allow_nan=False, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise ChartError(f"De grafiekspecificatie is geen geldige JSON: {exc}") from exc
    try:
        import vl_convert
    except ImportError as exc:  # pragma: no cover - dependency is pinned
        raise ChartError("vl-convert-python is niet geïnstalleerd.") from exc
    try:
        # vl-convert is thread-safe, but serialising calls keeps memory flat in a
        # multi-threaded WSGI server (waitress) and costs nothing at our volumes.
        with _lock:
            svg = vl_convert.vegalite_to_svg(
                payload, vl_version=VEGALITE_VERSION, allowed_base_urls=[]
            )
    except Exception as exc:
        raise ChartError(f"De grafiek kon niet worden getekend: {exc}") from exc
    if not isinstance(svg, str) or "<svg" not in svg:
        raise ChartError("De grafiek kon niet worden getekend: vl-convert gaf geen SVG terug.")
    return svg


_PROLOG = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>]*>\s*)?", re.IGNORECASE)
_ID_ATTR = re.compile(r'\sid="([^"]+)"')
_SVG_OPEN = re.compile(r"<svg\b[^>]*>", re.IGNORECASE)


def svg_for_html(svg: str, *, title: str, description: str, id_prefix: str | None = None) -> str:
    """Make a rendered SVG ready to inline in an HTML page.

    - strips an XML prolog / doctype;
    - sets ``role="img"`` and ``aria-labelledby`` on the root ``<svg>``, pointing at a
      ``<title>`` and a ``<desc>`` inserted as its first children (axe-core's
      ``svg-img-alt`` rule);
    - prefixes every ``id`` (and its ``url(#...)``/``href="#..."`` references) so several
      charts on one page never share an id (vl-convert numbers clip paths from 1 in
      every SVG).

    ``id_prefix`` makes the output reproducible; by default a per-process counter is used.
    """
    body = _PROLOG.sub("", svg, count=1)
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

    title_id = f"{prefix}-titel"
    desc_id = f"{prefix}-beschrijving"
    match = _SVG_OPEN.search(body)
    assert match is not None
    open_tag = match.group(0)
    # Drop attributes we are about to set, so they never appear twice.
    cleaned = re.sub(r'\s(?:role|aria-labelledby|aria-label|focusable)="[^"]*"', "", open_tag)
    new_open = (
        cleaned[:-1].rstrip("/").rstrip()
        + f' role="img" aria-labelledby="{title_id} {desc_id}" focusable="false">'
    )
    inserted = (
        f'<title id="{title_id}">{escape(title)}</title>'
        f'<desc id="{desc_id}">{escape(description)}</desc>'
    )
    return body[: match.start()] + new_open + inserted + body[match.end() :]
