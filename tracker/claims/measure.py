"""What a figure measures, whom it is about: read from the clause around it (``statement.describe`` calls these).

The reasons and measured cases are in ``statement.py``'s docstring, which describes the claim as a whole; this
module holds the readers of the measure ("unemployment rate", "troops on the border"), of a comparison's
measure, and of the subject that opens a clause. Split from statement.py when it passed 600 lines, the phrases
it walks into ``phrases.py`` when it passed 600 again, and what the verb around the figure says (changes, levels,
costs, durations) into ``predicates.py`` when it passed 600 a third time.
"""
from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..model import Claim
from .cldr import unit_kinds
from .predicates import (AUX, DURATIONS, PRICE_BELOW, before_verb_chain, cost_measure, duration, indirect_object,
                         level_of, level_to, level_verb, noun_before, object_of_change, past_determiners, up_down,
                         verb_object_at)
from .reading import DETERMINERS as _DETERMINERS, PERIOD as _PERIOD, PRONOUNS as _PRONOUNS, TOKEN as _TOKEN
from .phrases import (ADVERBS, AVERAGE_BEFORE, BASELINE_GAP, CONVERSION, COUNT_MEASURES, DIED_AT, INTRO,
                      NAME_AFTER, OF_AFTER, PERIOD_TO, PER_AFTER, POSSESSOR, PROPER, REACHING, SHARE, SHARES,
                      WORTH_OF, counted_phrase, counted_span, head_word, is_counted, np_left, np_right,
                      post_modifier, sentence_initial, split_subject, subject_np, tokens_left, verbish)


def _measure(text: str, low: str, lo: int, hi: int, c: Claim, prev: Claim | None, w: dict):
    """(measure, subject) of a quantity claim whose clause runs from ``lo`` to ``hi``, with what the words
    right around the figure add: "an average of 31 per agent" -> "average sales per agent"; a price of
    shares is a share price ("shares rose to 583p")."""
    meas, subject = _read_measure(text, low, lo, hi, c, prev, w)
    if not meas:
        return meas, subject
    if meas.lower() in SHARES and c.unit and len(c.unit) == 3 and c.unit.isupper():
        meas = "share price"
    by_unit = unit_measure(c.unit) if c.unit and " per " in c.unit else None
    if by_unit and set(meas.lower().split()) < set(by_unit.split()):
        meas = by_unit                       # "data could be sent at 1 gigabit a second": a data rate
    avg = AVERAGE_BEFORE.search(low, max(lo, c.start - 12), c.start)
    if avg and avg.group(1) not in meas.lower():
        first = meas.split()[0]
        if first[1:].islower() and sentence_initial(text, low.find(first.lower(), lo)):
            meas = meas[0].lower() + meas[1:]        # "Sales" that opens the sentence
        meas = f"{avg.group(1)} {meas}"
        per = PER_AFTER.match(low, c.end, hi)
        if per and per.group(1) not in _PER_TIME and per.group(1) not in w["stop"] and " per " not in meas:
            meas = f"{meas} per {per.group(1)}"
    return meas, subject


def _read_measure(text: str, low: str, lo: int, hi: int, c: Claim, prev: Claim | None, w: dict):
    """(measure, subject) of a quantity claim whose clause runs from ``lo`` to ``hi``, read from the structure
    of the phrase around the figure."""
    subject = _possessor_before(text, lo, c.start)
    if c.measure == "age":                   # read as an age where the figure stands: "the 33-year-old"
        return "age", subject
    if c.unit is None and re.search(r"\bages?\s+of\s+$", low[max(lo, c.start - 12):c.start]):
        c.unit = "years"                     # "at the age of 79"; "died at the age of 79": the age at death
        return ("age at death" if DIED_AT.search(low, max(lo, c.start - 40), c.start) else "age"), subject
    unit = (c.unit or "").split(" per ")[0]
    counted = counted_span(text, low, c, w) if is_counted(unit, w) else None
    toks = tokens_left(low, lo, c.start, 6)
    while toks and toks[-1].group() in ADVERBS:
        toks.pop()                           # "cost just more than £7,000"
    words = [t.group() for t in toks]
    last = words[-1] if words else ""
    # a figure joined to the previous one shares its measure: "£153m at X and £336m at Y", "£1.3bn ($2.5bn)"
    if prev is not None and prev.measure and prev.end <= c.start and not counted:
        if BASELINE_GAP.fullmatch(low, prev.end, c.start) or _after_period_to(low, prev.end, c.start) or \
                PERIOD_TO.fullmatch(low, prev.end, c.start) and prev.measure.split()[-1] in w["change_words"]:
            # the earlier level a change started from ("fell by £700 from £201,450") is the level, not the fall, and
            # so is the level it reached ("raised rates by 0.5 points| to 5%")
            return level_of(prev, w), subject or _name_after(text, c.end, hi, w) or prev.subject
        if re.fullmatch(r"\s*(?:,|and|or|,\s*and|,\s*or|\(|;)\s*", low[prev.end:c.start]) or \
                re.fullmatch(r"[^,;()]{0,40}\s(?:and|or)\s+", low[prev.end:c.start]) and \
                (c.unit or "") == (prev.unit or ""):
            # (what the earlier count's clause says of it is not this one's: "25 children that have died ... and two")
            return prev.measure.split(" that ")[0], subject or _name_after(text, c.end, hi, w) or prev.subject
    # a share: "one in five bikes made by the firm", "38% of voters"
    if unit in SHARE:
        if unit == "fraction":
            m = re.search(r"(?:in|of|out of)\s+\S+\s+(.+)$", c.text)
            if m and m.group(1)[:1].isalpha():
                s = c.start + m.start(1)
                end = post_modifier(text, low, c.end, hi, w)
                return "share of " + text[s:end], subject
            if m := re.search(r"(?:in|out of)\s+\S+$", c.text):          # "one in five| bikes made by the firm"
                np = np_right(text, low, c.end, hi, w)
                if np and low[c.end:np[0]].strip() == "":
                    end = post_modifier(text, low, np[1], hi, w)
                    return "share of " + text[np[0]:max(end, np[1])], subject
        m = re.match(r"\s+of\s+(?:all\s+|(?:the|its|their)\s+[\d,.]+\s+)?", low[c.end:c.end + 30])
        # "10% of (all) machines", "a third of the 3,000 users asked"
        if m:
            np = np_right(text, low, c.end + m.end() - 1, hi, w)
            if np:                           # "48% of agents reported lower prices": what the share did
                tail, _ = counted_phrase(text, low, np, [], hi, w, subject=True)
                return "share of " + text[np[0]:np[1]] + tail, subject
    # a level reached, in a participle's clause after a comma: "revenue tripled in May, topping $8m" (the level
    # of the subject of the clause before)
    reach = 1 if last == "," and c.text.split(None, 1)[0].lower() in REACHING else \
        2 if last in REACHING and len(words) > 1 and words[-2] == "," else 0
    if reach and not counted:
        clause = list(_TOKEN.finditer(low, lo, toks[-reach].start()))[:12]
        k = next((i for i, t in enumerate(clause) if i and verbish(t.group(), w)), None)
        if k is not None:
            while k > 0 and clause[k - 1].group() in AUX | ADVERBS:
                k -= 1
            np = subject_np(text, low, lo, clause[k].start(), w)
            if np and head_word(text, np) not in w["amounts"]:
                meas, sub = split_subject(text, np)
                return meas, subject or sub
    # a change: "shares jumped 3.2%", "the budget may be cut by £2.3bn"
    if last == "by" and len(words) > 2 and words[-2] not in w["changes"]:
        obj = object_of_change(text, low, lo, toks, w)     # "cut taxes by £4bn", "boost its dividend by 27%"
        if obj:
            return obj, subject
    updown = last in ("up", "down") and up_down(words, prev, c, w)
    if updown and updown not in ("subject", "noun"):
        return updown, subject               # "profit was £3m, up 5%": the earlier figure's measure
    changed = last in w["changes"] and last not in ("up", "down") and (unit in SHARE or len(unit) == 3 and unit.isupper()) \
        and last not in w["measure_verbs"] and last not in w["change_by"] and not low.startswith("of ", c.start) and \
        (len(words) < 2 or words[-2] not in _DETERMINERS)      # not "lost £5m" (a loss), "an increase of 5%"
    if "change" in c.flags and last not in ("up", "down") or updown or changed or \
            last == "by" and len(words) > 1 and (words[-2] in w["changes"] or
                                                 words[-2].endswith("ly") and words[-3:-2] and words[-3] in w["changes"]):
        k = len(words) - (2 if last == "by" else 1)
        verb = words[k] if k >= 0 else ""
        noun = w["changes"].get(verb, "change")
        if verb in ("up", "down") and k > 0 and updown != "noun" and (words[k - 1] in w["changes"] or
                                                                      verbish(words[k - 1], w)):
            k -= 1                           # "edged up 3%", "went up by 5%"
        if last == "by" and k > 0 and verb.endswith("ly") and words[k - 1] in w["changes"]:
            k -= 1                           # "had risen steadily by 4%"
            noun = w["changes"][words[k]]
        np = noun_before(text, low, lo, toks[k].start(), w) if updown == "noun" or words[k].endswith("ing") else \
            subject_np(text, low, lo, before_verb_chain(low, toks, k, w), w)        # "with orders| improving 8%"
        if np:
            meas, sub = split_subject(text, np)
            return f"{meas} {noun}", subject or sub
        if prev is not None and prev.measure and prev.end <= c.start and before_verb_chain(low, toks, k, w) <= lo + 1 \
                and re.search(r"(?:,|\s)(?:but|and|yet)\s+$", low[max(0, lo - 8):lo]):
            return f"{level_of(prev, w)} {noun}", subject     # "fares fell 2% in May, but were up 3% on the year"
        return None, subject
    if "change" in c.flags and last in ("up", "down"):
        return None, subject
    if last in ("to", "at") and len(words) > 1:
        level = level_to(text, low, lo, toks, words, w, counted)
        if level:
            return level[0], subject or level[1]
    if unit == "times":                      # "lifted the title four times": how often, of what
        np = np_left(text, low, lo, c.start, w)
        if np:
            return split_subject(text, np)[0], subject
    if counted and last in w["measure_verbs"] and w["measure_verbs"][last] in COUNT_MEASURES:
        noun = w["measure_verbs"][last]      # "produced 110,000 cars": output; "employs 6,000 people": workforce
        return (noun if noun == "workforce" else f"{noun} of {text[counted[0]:counted[1]]}"), subject
    # a counted noun left out ("won the next five", "two were being held"): the noun the figure took from an
    # earlier one, with what the sentence says of it
    elided = counted is None and is_counted(unit, w) and c.raw_number and unit.lower() not in c.text.lower()
    m = _PARTITIVE.match(low, c.end, hi) if c.unit is None and c.raw_number else None
    if m:                                    # "lost six of their 11 games": a part of what the noun counts
        counted = np_right(text, low, m.end() - 1, hi, w, 3)
        if counted and (text[counted[0]].isupper() or counted[0] != m.end()):
            counted = None
    if counted or elided:
        before = [t.group() for t in tokens_left(low, 0, c.start, 4)]     # the clause may start at the figure
        while any(not x[0].isalnum() for x in before):                      # ("recalling| nine of their players")
            before = before[1:]
        span = counted or (c.end, c.end)
        lead = words[len(words) - words[::-1].index(","):] if "," in words else words    # past an opening phrase
        opens = all(x in _DETERMINERS or x in ADVERBS or x in ("and", "but", "of") for x in lead) and len(lead) < 6
        tail, end = counted_phrase(text, low, span, before, hi, w, subject=opens)
        meas, sub = (unit, None) if elided else split_subject(text, span) if text[span[0]].isupper() else \
            (text[span[0]:span[1]], None)
        group = np_left(text, low, lo, toks[-1].start(), w) if last == "of" else None
        if group and head_word(text, group) not in w["amounts"] and not text[group[0]].isupper():
            meas = f"{text[group[0]:group[1]]} of {meas}"      # "a panel of seven judges": "panel of judges"
        return meas + tail, subject or sub or _name_after(text, end, hi, w)
    # "X worth FIG": "tax cuts worth £2bn", "a rebuilding plan worth $3bn" (the value of a thing that is no sum)
    money = not unit or len(unit) == 3 and unit.isupper()
    if last == "worth" and money:
        np = np_left(text, low, lo, toks[-1].start(), w)
        head = head_word(text, np)
        if np and head not in w["amounts"] and not text[np[0]].isupper():
            named = head in w["money_nouns"] or head[:-1] in w["money_nouns"]
            return ("" if named else "value of ") + text[np[0]:np[1]], subject
    # a sum before a noun that names a sum, whatever comes before: "on £20,000 bail", "paid £700 damages"
    np = np_right(text, low, c.end, hi, w) if money and unit else None
    if np and low[c.end:np[0]].strip() == "" and (head_word(text, np) in w["money_nouns"] or
                                                   head_word(text, np)[:-1] in w["money_nouns"]):
        return text[np[0]:post_modifier(text, low, np[1], hi, w)], subject     # "£700 damages awarded by a tribunal"
    # a sum whose noun is left out, after a sum that names it: "its £3m profit was dwarfed by the £40m posted by
    # its neighbour"
    if money and unit and last in _DETERMINERS and prev is not None and prev.measure and prev.unit and \
            len(prev.unit) == 3 and prev.unit.isupper() and not np and not counted:
        return level_of(prev, w), subject
    # a verb that names its amount: "invested £120m in van production", "spend around $3bn on new masts", "cost the
    # city £3m" (past its indirect object)
    two = " ".join(words[-2:])
    money = not unit or len(unit) == 3 and unit.isupper()
    obj = indirect_object(text, toks, words, w) if money and unit and not low.startswith("of ", c.start) else 0
    if money and (two in w["measure_verbs"] or last in w["measure_verbs"] or last in ("for", "at", "from") and
                  len(words) > 1 and words[-2] in w["measure_verbs"] or obj):
        verb = words[-1 - obj] if obj else last if last in w["measure_verbs"] else words[-2]
        noun = w["measure_verbs"].get(two) or w["measure_verbs"][verb]
        if noun == "cost":
            return cost_measure(text, low, lo, toks, words.index(verb, len(words) - 1 - obj - (verb != last)), c,
                         obj, w), subject
        pos = c.end
        br = CONVERSION.match(low, pos, pos + 44)
        if br:
            pos = br.end()                   # "raise $70m (£41m)| from the sale"
        pp = re.match(r"\s+(in|on|for|into|from)\s+", low[pos:pos + 8])
        if pp and noun not in ("workforce", "output", "sales", "price", "value", "cost", "gift"):
            np = np_right(text, low, pos + pp.end() - 1, hi, w)
            if np and not _PERIOD.match(low, pos + 1):
                return f"{noun} {pp.group(1)} {text[np[0]:np[1]]}", subject
        return noun, subject
    # "FIG worth of X" names it, whatever comes before ("claims of £12bn worth of savings")
    m = WORTH_OF.match(low, c.end, hi)
    if m:
        np = np_right(text, low, m.end() - 1, hi, w)
        if np and head_word(text, np) not in w["amounts"]:
            return text[np[0]:np[1]], subject or _name_after(text, np[1], hi, w)
    # "X of FIG": "savings of £87m", "a majority of 212", "rates of up to 9.6Mbps"
    if last == "of" or low.startswith("of ", c.start):      # (the claim may start at "of")
        np = np_left(text, low, lo, toks[-1].start() if last == "of" else c.start, w)
        if np and head_word(text, np) not in w["amounts"]:
            first = low[np[0]:np[1]].split()[0]
            aux = tokens_left(low, lo, np[0], 1)
            if first.endswith("ing") and " " in low[np[0]:np[1]] and aux and aux[-1].group() in AUX:
                np = (np[0] + len(first) + 1, np[1])           # "is forecasting| sales growth of 3%"
            meas, sub = split_subject(text, np)
            before = past_determiners(low, lo, np[0])
            if money and unit and len(before) > 1 and before[-1].group() in ("to", "for", "on") and \
                    before[-2].group() in w["money_nouns"] and not text[np[0]].isupper() and len(before) > 2 and \
                    before[-3].group() in _DETERMINERS:
                meas = text[before[-2].start():np[1]]        # "a cost to local shops of £50m"
            return meas, subject or sub or _possessor_before(text, lo, np[0]) or _name_after(text, c.end, hi, w)
        if np:                               # "rose to a new high of 417p": the level of what rose
            toks = tokens_left(low, lo, np[0], 6)
            while toks and toks[-1].group() in _DETERMINERS:
                toks.pop()
            words = [t.group() for t in toks]
            last = words[-1] if words else ""
    # "FIG of X", "FIG worth of X", "FIG in X" (money): "£100m of new investment", "$3bn in contracts"
    br = CONVERSION.match(low, c.end)                       # "€3m (£2.1m; $4m) of aid" (past the clause's end)
    m = OF_AFTER.match(low, br.end(), br.end() + 10) if br else OF_AFTER.match(low, c.end, hi)
    if m and not _PERIOD.match(low, m.start() + 1):
        np = np_right(text, low, m.end() - 1, max(hi, _SENTENCE_END.search(low, m.end()).start()) if br else hi, w)
        head = head_word(text, np)
        if np and head not in w["amounts"] and not text[np[0]].isupper() and \
                (" of " in low[m.start():m.end()] or head.endswith("s")):         # "$3bn in contracts", not "in trade"
            return text[np[0]:np[1]], subject or _name_after(text, np[1], hi, w)
    # a participle after the figure that names its amount: "the £12bn saved by cutting delays"
    m = re.match(r"\s+([a-z]+)\b", low[c.end:c.end + 16])
    if m and m.group(1) in w["measure_verbs"] and m.group(1).endswith(("ed", "nt", "ld", "id")):
        return w["measure_verbs"][m.group(1)], subject
    # an adjective of dimension: "5ft 9ins tall", "20 years old", also before the noun it
    # modifies ("a 300m tall mast" measures a height, not "tall mast")
    m = re.match(r"\s+([a-z]+)\b", low[c.end:c.end + 12])
    if m and m.group(1) in w["dimensions"] and c.unit and not is_counted(unit, w):
        return w["dimensions"][m.group(1)], subject      # not "5 million across Europe"
    # the figure modifies a noun: "a £2.1bn ($3.9bn) takeover offer", "a 10% stake", "412p a share closing price",
    # with an adjective before the figure ("the usual 5% fee", "its new £90m library")
    adj = len(words) > 1 and (words[-2] in _DETERMINERS or words[-2].endswith(("’s", "'s"))) and last.isalpha() and \
        last not in w["stop"] and last not in w["amounts"] and last not in w["numbers"] and last not in ADVERBS and \
        not verbish(last, w) and text[toks[-1].start()].islower() and not last.endswith("ly") and \
        (money and unit or unit in SHARE) and last not in _NOT_ADJECTIVES
    adj = adj or len(words) > 1 and last in w["amounts"] and words[-2] in _DETERMINERS     # "a maximum one-year ban"
    if last in _DETERMINERS or last.endswith(("’s", "'s")) or adj:
        pos = c.end
        br = re.match(r"\s*\([^()]{0,40}\)", text[pos:pos + 44])
        if br:
            pos += br.end()
        np = np_right(text, low, pos, hi, w)
        if np and low[pos:np[0]].strip() == "" and head_word(text, np) not in w["amounts"] and \
                not (" " not in text[np[0]:np[1]] and head_word(text, np).endswith("ly") and np[1] - np[0] > 6):
            if head_word(text, np) in w["change_words"] and low.startswith((" in ", " of "), np[1]):
                more = np_right(text, low, np[1] + 3, hi, w)    # "a 4% rise in rents"
                if more and not _PERIOD.match(low, np[1] + 1):
                    return (last + " " if adj else "") + text[np[0]:more[1]], subject or _name_after(text, more[1], hi, w)
            meas = (last + " " if adj else "") + text[np[0]:np[1]]
            head = head_word(text, np)
            if money and unit and head not in w["money_nouns"] and head[:-1] not in w["money_nouns"] and \
                    head.isalpha() and not head.endswith("ly") and not verbish(head, w) and head not in w["stop"]:
                meas += " price" if c.value is not None and c.value < PRICE_BELOW else " cost"   # "a £90m library"
            return meas, subject or _name_after(text, np[1], hi, w)
    # a verb, its object and the figure: "values the brewery at £90m", "put the damage at £2m"
    if last in ("at", "for") and money:
        meas = verb_object_at(text, low, lo, toks, w)
        if meas:
            return meas, subject
    # the figure joined to the noun it modifies: "a $100m-share sale"
    if low[c.end:c.end + 1] == "-" and low[c.end + 1:c.end + 2].isalpha():
        np = np_right(text, low, c.end + 1, hi, w)
        if np and np[0] == c.end + 1 and head_word(text, np) not in w["amounts"]:
            return text[np[0]:np[1]], subject
    # the subject of a level: "the rate was 4.7%", "output rose to 200,000", "raise output to 200,000"
    if last in ("to", "at") and len(words) > 1:
        level = level_to(text, low, lo, toks, words, w, counted)
        if level:
            return level[0], subject or level[1]
    k = level_verb(words, w)
    if k is not None:
        np = subject_np(text, low, lo, before_verb_chain(low, toks, k, w), w)
        if np and head_word(text, np) not in w["amounts"]:
            meas, sub = split_subject(text, np)
            return meas, subject or sub
    if c.unit in DURATIONS:
        return duration(text, low, lo, toks, words, w), subject
    if c.unit and c.unit == c.unit.lower() and c.unit not in SHARE and not c.unit.startswith("per "):
        return unit_measure(c.unit) or c.unit, subject
    return None, subject


def _after_period_to(low: str, end: int, start: int) -> bool:
    """Is the gap from ``end`` to ``start`` a time phrase and "to" or a baseline (" in November to ", " in 2006, up
    from just ")?"""
    m = _PERIOD.match(low, end + 1, start) if low[end:end + 1] == " " else None
    if not m:
        return False
    gap = re.sub(r"\s(?:just|only|about|around|some|nearly|almost)\s+$", " ", low[m.end():start])
    return PERIOD_TO.fullmatch(low, m.end(), start) is not None or BASELINE_GAP.fullmatch(gap) is not None


_PARTITIVE = re.compile(r"(?<!\s)\s+of\s+(?:(?:the|their|his|her|its|our|my|your|these|those)\s+)?(?:\d[\d,.]*\s+)?")
_PER_TIME = frozenset("second minute hour day week month year".split())


@cache
def _unit_measures() -> dict[str, str]:
    return lexicon.mapping("claims/unit_measures.txt")


@cache
def _abbreviation_kinds() -> dict[str, str]:
    """The kind of a unit written in its short form ("km": length), from the names data/claims/units.txt gives
    that form ("kilometres = km"), CLDR knowing the names only."""
    kinds = unit_kinds()
    out: dict[str, str] = {}
    for name, form in lexicon.mapping("claims/units.txt").items():
        if form not in kinds and name in kinds:
            out.setdefault(form, kinds[name])
    return out


def unit_measure(unit: str | None) -> str | None:
    """The measure of a figure that names only its unit of measurement: "megabits per second" a data rate,
    "kilometres" a distance (data/claims/unit_measures.txt over CLDR's kinds of unit); None for a counted noun
    ("troops") or a duration."""
    base, _, per = (unit or "").partition(" per ")
    kind = unit_kinds().get(base) or _abbreviation_kinds().get(base)
    if kind is None:
        return None
    if per:
        return _unit_measures().get(f"{kind} per time") if per in _PER_TIME else None
    return _unit_measures().get(kind)


_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n|$")


# words between a determiner and a figure that are no adjective of the noun after it ("the last eight dangling")
_NOT_ADJECTIVES = frozenset("last first next past previous other only same".split())


def _possessor_before(text: str, lo: int, pos: int) -> str | None:
    """The possessor ending right before ``pos`` ("BMW's| £100m"), or None."""
    start = max(lo, pos - 60)
    # the pattern ends in an apostrophe and a space: most figures have none before them, and are not searched
    # (the search over 60 characters was 1% of extraction)
    if not text[pos - 1:pos].isspace() or text.find("'", start, pos) < 0 and text.find("’", start, pos) < 0:
        return None
    m = POSSESSOR.search(text, start, pos)
    return m.group(1) if m else None


def _name_after(text: str, pos: int, hi: int, w: dict) -> str | None:
    """A name in a phrase right after ``pos``: "at the Foreign Office", "in France" (not a month or a day)."""
    m = NAME_AFTER.match(text, pos, hi)
    if m and m.group(1).split()[-1].lower().rstrip(".") not in w["months"]:
        return m.group(1)
    return None


def _comparison_measure(text: str, low: str, lo: int, c: Claim, prev: Claim | None, w: dict):
    """(measure, subject) of a comparison: the measure of the figure it compares ("sales reached 9,000, up from
    7,000 a year earlier"), else the noun phrase that opens its clause ("Unemployment is at its lowest level
    since 1975"), not a pronoun."""
    if prev is not None and prev.measure and prev.end <= c.end and c.start - prev.end < 40 and \
            prev.statement_start == c.statement_start:
        return prev.measure, prev.subject
    np = np_right(text, low, lo, c.start, w)
    if np and np[1] <= c.start and low[np[0]:np[1]].split()[0] not in _PRONOUNS:
        meas, sub = split_subject(text, np)
        if meas.split()[-1].lower() not in w["amounts"]:
            return meas, sub
    return None, None


def _clause_subject(article, lo: int, start: int, w: dict) -> str | None:   # a statement.Article
    """A name that starts the clause ("Sprint will spend ...", "Last year, MG Rover, which ..."), not a
    pronoun or a common word that opens a sentence."""
    text, low = article.text, article.low
    m = INTRO.match(low, lo, start)
    if m and (_PERIOD.match(low, lo) or low[lo:lo + 3] in ("in ", "on ", "at ") or low.startswith("during", lo)):
        lo = m.end()
    m = PROPER.match(text, lo, min(start, lo + 120))
    if not m:
        return None
    name = m.group().rstrip(".")
    first = name.split()[0]
    if re.split(r"[’']", first.lower())[0] in _PRONOUNS or first.lower() in w["stop"] and first.lower() != "the":
        return None
    if len(name.split()) == 1 and sentence_initial(text, lo) and not article.name_inside_sentence(name):
        return None                  # "Shares rose": a word that opens a sentence, never a name inside one
    if name.lower() == "the":
        return None
    return name


