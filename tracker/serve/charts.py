"""Two small charts for a speaker's page, drawn on the server as inline SVG.

Why not a charting plugin: datasette-dashboards and datasette-vega draw with
Vega/Vega-Lite loaded from a CDN (jsdelivr) at view time, so an offline or
firewalled newsroom machine gets an empty box and a console error; the two
charts here are a few dozen SVG elements (about 3 KB for 24 months), need no
script at all, and their numbers are text a test (or a screen reader) can read.
"""
from __future__ import annotations

from markupsafe import Markup, escape

from .article import readable_number

WIDTH, HEIGHT, PAD = 640, 160, 28


def timeline(months: list[dict]) -> Markup | None:
    """Bars of quotes per month (``months``: ``month`` as YYYY-MM, ``n``), gaps shown as empty months."""
    months = [m for m in months if m.get("month") and len(m["month"]) == 7]
    if not months:
        return None
    counts = {m["month"]: m["n"] for m in months}
    y0, m0 = map(int, months[0]["month"].split("-"))
    y1, m1 = map(int, months[-1]["month"].split("-"))
    span = [f"{y:04d}-{m:02d}" for y, m in ((y0 + (m0 - 1 + i) // 12, (m0 - 1 + i) % 12 + 1)
                                             for i in range((y1 - y0) * 12 + m1 - m0 + 1))][-120:]
    top = max(counts.values())
    w = (WIDTH - 2 * PAD) / len(span)
    bars = []
    for i, month in enumerate(span):
        n = counts.get(month, 0)
        h = (HEIGHT - 2 * PAD) * n / top
        x, y = PAD + i * w, HEIGHT - PAD - h
        bars.append(f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{max(w - 2, 1):.1f}" height="{h:.1f}" '
                    f'data-month="{month}" data-n="{n}"><title>{month}: {n} quote{"s" if n != 1 else ""}</title></rect>')
    labels = (f'<text x="{PAD}" y="{HEIGHT - 8}">{span[0]}</text>'
              f'<text x="{WIDTH - PAD}" y="{HEIGHT - 8}" text-anchor="end">{span[-1]}</text>'
              f'<text x="{PAD}" y="{PAD - 10}">{top} quote{"s" if top != 1 else ""} at most in a month</text>')
    return Markup(f'<svg class="tracker-chart timeline" role="img" aria-label="quotes per month" '
                  f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}">{"".join(bars)}{labels}</svg>')


def figures(rows: list[dict], units: int = 3) -> Markup | None:
    """One strip per unit (the ``units`` most used): each figure a dot, placed by its value, in date order."""
    by_unit: dict[str, list[dict]] = {}
    for r in rows:
        if r.get("value") is not None:
            by_unit.setdefault(r.get("unit") or "(no unit)", []).append(r)
    if not by_unit:
        return None
    chosen = sorted(by_unit.items(), key=lambda kv: -len(kv[1]))[:units]
    strip = 46
    height = strip * len(chosen) + 10
    parts = []
    for row_i, (unit, items) in enumerate(chosen):
        top = max(abs(r["value"]) for r in items) or 1
        y = 10 + row_i * strip
        parts.append(f'<text x="0" y="{y + 12}">{escape(unit)}</text>'
                     f'<line x1="{PAD * 4}" y1="{y + 22}" x2="{WIDTH - PAD}" y2="{y + 22}" stroke="#ccc"/>'
                     f'<text x="{WIDTH - PAD}" y="{y + 40}" text-anchor="end">'
                     f'{escape(readable_number(top, None if unit == "(no unit)" else unit))}</text>')
        for r in items:
            x = PAD * 4 + (WIDTH - PAD * 5) * abs(r["value"]) / top
            tip = f'{readable_number(r["value"], r.get("unit"))}: {r.get("text") or ""} ({(r.get("published") or "")[:10]})'
            parts.append(f'<a href="{escape(r["url"])}"><circle class="figure" cx="{x:.1f}" cy="{y + 22}" r="5" '
                         f'data-value="{r["value"]}"><title>{escape(tip)}</title></circle></a>')
    return Markup(f'<svg class="tracker-chart figures" role="img" aria-label="figures claimed, by unit" '
                  f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}">{"".join(parts)}</svg>')
