"""Speech another than the clause's subject said: relayed by an outlet ("Wirepost quoted a dealer as saying prices
would fall"), or held against its speaker ("The club fined its coach for calling the referee a fool").

The words are the dealer's: the outlet only passed them on. The cue finder reads the outlet as the subject of
a verb of speech ("saying") and "a dealer as" as what was quoted; here the mention becomes the person quoted,
and the row made of that person's words alone goes (BBC corpus: 17 sentences of this shape, every one of them
given to the outlet before).
"""
from __future__ import annotations

import re

from ..model import Quote

# "quoted <up to eight words> as saying", an outlet's noun in between or not ("Interfax news agency quoted")
_RELAYED = re.compile(r"[ \u00a0](?:quoted|cited)[ \u00a0]((?:[^\s.,;:!?\"“”]+[ \u00a0]){1,8}?)as[ \u00a0]"
                      r"(?:saying|telling|stating)\b")


def relayed(text: str, quotes: list[Quote]) -> list[bool]:
    """Give each quote whose speaker mention relays another's words that other's mention; return, for each
    quote, whether it is only the relayed person's name read as content (to drop)."""
    if " quoted " not in text and " cited " not in text:
        return [False] * len(quotes)          # (nearly every article: the pattern's scan is spared)
    spans = [(m.start(1), m.end()) for m in _RELAYED.finditer(text)]
    for q in quotes:
        if q.speaker_end is None or not q.speaker_mention:
            continue
        m = _RELAYED.match(text, q.speaker_end)
        if m is None:
            continue
        who = m.group(1).rstrip()
        q.speaker_mention, q.speaker_start, q.speaker_end = who, m.start(1), m.start(1) + len(who)
    return [any(a <= q.start and q.end <= b for a, b in spans) for q in quotes]


# "<verb> <object> for (allegedly) <gerund>": "expelled a councillor for reportedly saying", "branded Mr Cole
# "wrong" for claiming"; the verb one that punishes, blames or praises someone for what they said
_HELD_AGAINST = re.compile(r"\b(?:suspended|sacked|fired|expelled|criticised|criticized|attacked|branded|blamed|"
                           r"condemned|fined|banned|rebuked|censured|reprimanded|praised|thanked|mocked|accused)[ \u00a0]"
                           r"((?:a|an|the|his|her|their|its|Mr|Mrs|Ms|Dr|[A-Z][\w’'\-]*)(?:[ \u00a0][\w’'\-\.]+){0,4}?)"
                           r"(?:[ \u00a0][\"“][^\"“”]{1,80}[\"”])?[ \u00a0]for[ \u00a0](?:allegedly[ \u00a0]|apparently[ \u00a0]|reportedly[ \u00a0])?\Z")


def held_against(text: str, quotes: list[Quote]) -> None:
    """A quote whose cue is a gerund after "for", the words of the object of a verb that blames or praises someone
    for them ("the party expelled a councillor for reportedly saying ..."): that object is the speaker, not the
    clause's subject (BBC corpus: 4 of 5 such rows had the subject, the one who suspended or criticised)."""
    for q in quotes:
        if q.cue_start is None or q.cue is None or not q.cue.split()[-1].endswith("ing") \
                or not text.endswith(("for ", "allegedly ", "apparently ", "reportedly "), 0, q.cue_start):
            continue
        lo = max(0, q.cue_start - 160)
        m = _HELD_AGAINST.search(text, lo, q.cue_start)
        if m is None:
            continue
        who = m.group(1)
        q.speaker_mention, q.speaker_start, q.speaker_end = who, m.start(1), m.start(1) + len(who)
