"""The article reading page: the text in paragraphs, one anchor per sentence,
quotes, speakers, cues and claims highlighted.

Pure functions from database rows to HTML. Every piece of article text is
escaped before any tag is added, so markup in an article (``<script>``) is
shown as text, never run.

>>> html = render_text("He said: \\"Stop <now>.\\"", [dict(id=7, idx=0, start=0, end=22, boilerplate=0,
...     checkworthiness=0.2)], [dict(id=1, kind="direct", start=10, end=20, speaker_id=None)], [], {})
>>> '&lt;now&gt;' in html and 'id="s0"' in html and '<mark class="quote direct"' in html
True
"""
from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup, escape

CHECKWORTHY = 0.5   # the contract's threshold: 0.5 and above is worth checking

# the highlight layers of a stretch of text, outermost first; each is (class, tag)
_LAYERS = ("quote", "claim", "speaker", "cue")


def _num(value) -> str:
    """A figure as a reader writes it: 2000.0 -> 2,000; 1.25 -> 1.25."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1000 else f"{value:.6g}"


# currency codes written as a symbol before the figure, with short magnitudes (£35bn, $1.2m)
CURRENCY_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥", "INR": "₹"}
# (threshold, word, short word for money)
_MAGNITUDES = ((1e12, "trillion", "tn"), (1e9, "billion", "bn"), (1e6, "million", "m"))
_PERCENT = {"percent", "per cent", "%", "percentage points"}


def readable_number(value, unit: str | None = None) -> str:
    """A stored figure as a newsroom writes it.

    >>> readable_number(1.07e12), readable_number(35e9, "GBP"), readable_number(4.7, "percent")
    ('1.07 trillion', '£35bn', '4.7%')
    >>> readable_number(2000.0, "homes"), readable_number(1.5e6, "USD per year")
    ('2,000 homes', '$1.5m per year')
    >>> readable_number(1.07e15, "GBP"), readable_number(2.5e16)
    ('£1,070tn', '25,000 trillion')
    """
    if value is None:
        return ""
    value = float(value)
    code, _, rest = (unit or "").partition(" ")
    symbol = CURRENCY_SYMBOLS.get(code)
    figure = _num(value)
    for threshold, word, short in _MAGNITUDES:
        if abs(value) >= threshold:
            scaled = value / threshold          # three significant figures; thousands of trillions in full
            digits = len(str(int(abs(scaled))))
            scaled = f"{scaled:.3g}" if digits <= 3 else f"{round(scaled, 3 - digits):,.0f}"
            figure = f"{scaled}{short}" if symbol else f"{scaled} {word}"
            break
    if symbol:
        return f"{symbol}{figure}" + (f" {rest}" if rest else "")
    if unit in _PERCENT:
        return f"{figure}%" if unit != "percentage points" else f"{figure} points"
    return f"{figure} {unit}" if unit else figure


def quote_title(q: dict) -> str:
    who = q.get("speaker_name") or q.get("speaker_mention") or "unknown speaker"
    cue = f' ({q["cue"]})' if q.get("cue") else ""
    return f'{q.get("kind") or ""} quote by {who}{cue}'.strip()


# how each qualifier reads before a figure
# how each qualifier is shown; the bounds say which end is known, not whether it is included
# ("more than 40,000" and "at least 40,000" are both a lower bound)
_QUALIFIER_WORDS = {"approx": "about", "lower_bound": "lower bound", "upper_bound": "upper bound",
                    "near_lower": "nearly"}


def claim_title(c: dict) -> str:
    """How the tracker read a claim: "quantity: about 2,000 homes", "comparison: since 1998".

    >>> claim_title(dict(kind="quantity", value=None, low=150, high=200, unit="posts", qualifier="range"))
    'quantity: 150 to 200 posts'
    """
    unit = c.get("unit")
    qualifier, value, low, high = c.get("qualifier"), c.get("value"), c.get("low"), c.get("high")
    reading = ""
    if value is not None and qualifier not in ("range", "vague"):
        word = _QUALIFIER_WORDS.get(qualifier or "")
        reading = f'{word + " " if word else ""}{readable_number(value, unit)}'
    elif low is not None or high is not None:
        money = unit and unit.partition(" ")[0] in CURRENCY_SYMBOLS
        first = readable_number(low, unit if money else None) or "…"
        reading = f'{first} to {readable_number(high, unit) or "… " + (unit or "")}'.strip()
        reading += " (vague)" if qualifier == "vague" else ""
    elif c.get("raw_number"):
        reading = f'"{c["raw_number"]}" unreadable'
    if c.get("reference"):
        reading = f'{reading}, compared with {c["reference"]}' if reading else f'compared with {c["reference"]}'
    return (c.get("kind") or "claim") + (f": {reading}" if reading else "")


def _spans(quotes: list[dict], claims: list[dict], urls: dict[str, Callable[[int], str]]) -> list[tuple]:
    """(start, end, layer, attributes) for every highlight."""
    out = []
    row = lambda table, i: urls[table](i) if table in urls else None  # noqa: E731
    for q in quotes:
        out.append((q["start"], q["end"], "quote",
                    dict(cls=f'quote {q.get("kind") or ""}'.strip(), title=quote_title(q),
                         href=row("quotes", q["id"]) if q.get("id") is not None else None)))
        if q.get("speaker_start") is not None and q.get("speaker_end") is not None:
            title = q.get("speaker_name") or "speaker not resolved"
            href = row("speakers", q["speaker_id"]) if q.get("speaker_id") is not None else None
            out.append((q["speaker_start"], q["speaker_end"], "speaker",
                        dict(cls="speaker" if href else "speaker unresolved", title=title, href=href)))
        if q.get("cue_start") is not None and q.get("cue_end") is not None:
            out.append((q["cue_start"], q["cue_end"], "cue", dict(cls="cue", title="cue", href=None)))
    for c in claims:
        out.append((c["start"], c["end"], "claim",
                    dict(cls=f'claim {c.get("kind") or ""}'.strip(), title=claim_title(c),
                         href=row("claims", c["id"]) if c.get("id") is not None else None)))
    return [s for s in out if s[0] is not None and s[1] is not None and s[0] < s[1]]


def _render_stretch(text: str, start: int, end: int, spans: list[tuple]) -> str:
    """``text[start:end]`` escaped, each piece wrapped in the highlights that cover it."""
    # longest first, so that where two highlights of one layer overlap the innermost one shows
    inside = sorted((s for s in spans if s[0] < end and s[1] > start), key=lambda s: s[0] - s[1])
    cuts = sorted({start, end} | {max(start, min(end, p)) for s in inside for p in s[:2]})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a == b:
            continue
        piece = str(escape(text[a:b]))
        covering = {s[2]: s[3] for s in inside if s[0] <= a and b <= s[1]}
        # one link per piece (nested links are invalid HTML): the most specific highlight wins
        link = next((covering[layer]["href"] for layer in reversed(_LAYERS)
                     if layer in covering and covering[layer]["href"]), None)
        if link:
            piece = f'<a href="{escape(link)}">{piece}</a>'
        for layer in reversed(_LAYERS):
            if layer in covering:
                attrs = covering[layer]
                row = f' data-row="{escape(attrs["href"])}"' if attrs["href"] and layer in ("quote", "claim") else ""
                piece = f'<mark class="{escape(attrs["cls"])}" title="{escape(attrs["title"])}"{row}>{piece}</mark>'
        out.append(piece)
    return "".join(out)


def render_text(text: str, sentences: list[dict], quotes: list[dict], claims: list[dict],
                urls: dict[str, Callable[[int], str]], article_url: str = "", current: int | None = None) -> Markup:
    """The article as HTML paragraphs of sentence ``<span id="s{idx}">``, highlights inside.

    ``sentences`` carry ``id idx start end boilerplate checkworthiness``; ``quotes``
    and ``claims`` their table's columns (plus ``speaker_name`` for quotes);
    ``urls`` maps a table name to a function from row id to that row's page.
    ``article_url``: where the sentence anchors point (empty: this page, the
    article's); ``current``: the idx of a sentence to mark (a quote's page).
    """
    spans = _spans(quotes, claims, urls)
    sentences = sorted(sentences, key=lambda s: s["start"])
    paras: list[list[str]] = [[]]
    prev_end = None
    for s in sentences:
        if prev_end is not None:
            gap = text[prev_end:s["start"]]
            if "\n" in gap:
                paras.append([])
                if gap.strip():      # text outside any sentence: kept, never dropped
                    paras[-1].append(str(escape(gap.strip())))
                    paras.append([])
            else:
                paras[-1].append(str(escape(gap)))
        classes = ["sentence"] + (["current"] if s["idx"] == current else [])
        if s.get("boilerplate"):
            classes.append("boilerplate")
        score = s.get("checkworthiness") or 0.0
        title = ""
        if s.get("boilerplate"):
            title = "page furniture (caption, credit, navigation): no quote or claim taken from it"
        elif score >= CHECKWORTHY:
            classes.append("checkworthy")
            title = f"check-worthy: {score:.2f}"
        attrs = f'id="s{s["idx"]}" class="{" ".join(classes)}" data-sentence-id="{s["id"]}"'
        if title:
            attrs += f' title="{escape(title)}"'
        anchor = f'<a class="anchor" href="{escape(article_url)}#s{s["idx"]}" aria-label="link to this sentence">#</a>'
        paras[-1].append(f'<span {attrs}>{_render_stretch(text, s["start"], s["end"], spans)}{anchor}</span>')
        prev_end = s["end"]
    if not sentences:       # nothing segmented: show the text as it is
        return Markup(f'<p>{escape(text)}</p>')
    return Markup("\n".join(f"<p>{''.join(p)}</p>" for p in paras if p))
