"""Noun phrases, read backwards from a cue (the speaker of "Smith said") or forwards from a word (the
speaker of "said Smith", "according to Smith", the subject opening a clause).

Capitalisation and closed classes stand in for a parser: a capitalised word or a number continues a name,
a determiner opens the phrase, a linking word ("of", "for", "and") joins two parts, a word of ``stop`` (a
verb form that cannot be a noun, an auxiliary, a conjunction) ends it. The exceptions each fixed a
measured class of PolNeAR speakers: capitalised particles ("Le Pen", 06d0006); two singular nouns under
one article are one person ("the veteran nurse and union activist", 0191ed7: 4 quotes, all better);
"he and other leaders" is one subject (ecf8fc8); an irregular past tense after a name is a verb
(974ab5d, 3a59b62); a lone verb or an adverb opening a clause is no speaker (60a0b8b); common nouns
between a name and another name belong to it ("Salem resident Jo Hale", 28599e7).
"""
from __future__ import annotations

from .reading import Back, is_word, tokens
from .words import Lexicon


def np_backward(lx: Lexicon, B: Back, k0: int):
    """Index (from the end) of the first token of the noun phrase ending at B[k0], or None."""
    toks = B.toks
    fill = B.fill
    det, link, opener, subject = lx.det, lx.link, lx.opener, lx.subject
    b = k0
    taken = 0
    first_ok = None
    while True:
        n = len(toks) if len(toks) > b + 1 else fill(b + 1)
        if n <= b:
            break
        s, e, w = toks[b]
        left = toks[b + 1][2] if n > b + 1 else ""
        c = w[0]
        if c.isalnum():
            lw = w.lower()
            if c.isupper() or c.isdigit():
                if c.isupper() and lw in opener and (not left or not is_word(left) or left[0].islower()):
                    break
                # "Le Pen", "De Blasio": a capitalised linking word is part of the name
                taken += 1
                first_ok = b
                if c.isupper() and lw in det:
                    break
            elif lw in det:
                taken += 1
                first_ok = b
                # "a staffer in the room", "one of the officials": the phrase goes on before a link
                ll = left.lower()
                if not (ll in link and (ll != "and" or B.word(b + 2).lower() in lx.subject)):
                    break
            elif lw in link:
                if taken == 0:
                    break
                if lw == "and":
                    # "Smith and Jones", "Smith and his wife"; not "the bill passed and officials"
                    right = toks[b - 1][2] if b > 0 else ""
                    if not (left[:1].isupper() and (right[:1].isupper() or right.lower() in det)) \
                            and not _one_person_two_nouns(lx, B, b) \
                            and not (left.lower() in lx.subject and right.lower() in det):
                        break                    # (but "he and other leaders", "she and her husband")
            elif lw in subject:
                # "she began saying": the words taken were verbs, the pronoun is the subject
                if taken and all(toks[k][2][0].islower() and toks[k][2].lower() not in det for k in range(k0, b)):
                    return b
                if taken and toks[b - 1][2] == "and" and lw in lx.subject:
                    first_ok = b                 # "he and other leaders"
                break
            elif lw in lx.stop or lw in lx.time:
                break
            elif lw in lx.past and left[:1].isupper() and left.lower() not in det:
                break                            # "Governor Amy Dale spent Friday arguing": a verb after a name
            elif b == k0 and ed_verb(lw) and (
                    not is_word(left) or left.lower() in lx.aux or left.lower() in lx.stop or left.endswith("ly")):
                # "the network that was hacked suggested": a verb, no noun ("those surveyed said" is a phrase)
                break
            else:
                taken += 1
                first_ok = b
        elif not left:
            break
        elif w == "." and toks[b + 1][1] == s and len(left) <= 4 and left[0].isupper():
            pass                                 # Mr. Sen. U.S. J. Capt.
        elif w == "&" and taken:
            pass
        else:
            break
        b += 1
    if first_ok is None:
        return None
    # a phrase cannot open with a linking word, nor an adverb ("but finally Pryor says")
    k = first_ok
    while k >= k0 and (toks[k][2] in link or k > k0 and toks[k][2][-2:] == "ly" and toks[k][2].islower()
                       and toks[k][2] not in lx.notly and _after_clause_break(lx, toks, k)):
        k -= 1
    if k == k0 and toks[k][2].lower() in lx.article:
        return None                              # "the" alone: the noun was read as a verb
    if k == k0 and toks[k][2].islower() and (toks[k][2].endswith(("ing", "ed")) or toks[k][2] in lx.past):
        return None                              # "and began talking", "committing repeated": a verb, no noun
    return k if k >= k0 else None


def ed_verb(lw: str) -> bool:
    """Does a lower-case word end like a past tense ("changed"), not like a noun ("need", "hundred")?"""
    return lw.endswith("ed") and not lw.endswith(("eed", "dred"))


def _after_clause_break(lx: Lexicon, toks, k: int) -> bool:
    """Does token k (counted from the end) open a clause: after a comma or a coordinator, or first?
    ("but finally Pryor says", not "how boldly Ohio reacts")"""
    x = toks[k + 1][2].lower() if len(toks) > k + 1 else ""
    return not x or x in lx.coordinator or x in (",", ";", "then")


def _one_person_two_nouns(lx: Lexicon, B: Back, b: int) -> bool:
    """"The veteran delegate and party activist": at the "and" toks[b], two singular nouns under one article
    (no second article after "and"), one person; not "the bill passed and officials" (a verb before "and")."""
    toks = B.toks
    right = toks[b - 1][2] if b > 0 else ""
    lr = right.lower()
    if not right[:1].islower() or not right.isalpha() or lr.endswith("s") or lr in lx.det or lr in lx.link \
            or lr in lx.stop or lr in lx.subject or lr in lx.comparative:
        return False
    for k in range(b + 1, b + 4):
        if len(toks) <= k and B.fill(k + 1) <= k:
            return False
        w = toks[k][2]
        lw = w.lower()
        if lw in ("the", "a", "an"):
            return k > b + 1
        if not w.isalpha() or not w[:1].islower() or lw in lx.det or lw in lx.link or lw in lx.stop \
                or lw in lx.subject or lw.endswith(("ed", "s")):
            return False
    return False


def np_forward(lx: Lexicon, m: str, lo: int, hi: int):
    """(start, end) of the noun phrase starting at ``lo`` (after "said", "according to")."""
    toks = tokens(m, lo, min(hi, lo + 120))
    if not toks:
        return None
    w = toks[0][2]
    if w.lower() in lx.subject and w.lower() != "it":
        return toks[0][0], toks[0][1]
    last = None
    named = w[0].isupper() and w.lower() not in lx.det    # opens with a name: no common nouns after it
    possessive = False                                    # ... unless it is a possessive ("Trump’s aide")
    for j, (s, e, w) in enumerate(toks):
        c = w[0]
        if w.endswith(("’s", "'s")):
            possessive = True
        if c.isalnum():
            lw = w.lower()
            if c.isupper() or c.isdigit():
                last = j
            elif lw in lx.det:
                if last is not None and toks[j - 1][2].lower() not in lx.link:
                    break
            elif lw in lx.link:
                if last is None:
                    break
                if lx.nominal.match(m, toks[j - 1][1]) or lx.when.match(m, toks[j - 1][1]):
                    break
            elif lw in lx.stop or lw in lx.time or lw in lx.subject or lw in lx.that:
                break
            elif named and toks[j - 1][2].lower() not in lx.link and toks[j - 1][2].lower() not in lx.det \
                    and not possessive:
                # "Concord resident Whit Symms", "Obama administration officials": common nouns between a name
                # and another name or the end of the phrase belong to it
                k = j
                while k < len(toks) and k - j < 3 and is_word(toks[k][2]) and toks[k][2][0].islower() \
                        and _plain_noun(lx, toks[k][2].lower()):
                    k += 1
                nxt = toks[k][2] if k < len(toks) else ""
                # a plural ends the phrase ("administration officials"); before a name it is a verb ("heckles")
                if k == j or is_word(nxt) and (not nxt[0].isupper() or toks[k - 1][2].endswith("s")):
                    break
                last = k - 1
            elif (lw.endswith("ed") or lw in lx.past) and last is not None and toks[j - 1][2].lower() not in lx.det:
                break                          # "The candidate changed …", "The senator left …": a verb
            else:
                last = j
        elif w == "." and j and toks[j - 1][1] == s and len(toks[j - 1][2]) <= 4 and toks[j - 1][2][0].isupper() \
                and j + 1 < len(toks) and toks[j + 1][2][0].isupper():
            continue
        elif w == "&":
            continue
        else:
            break
    if last is None:
        return None
    return toks[0][0], toks[last][1]


def _plain_noun(lx: Lexicon, lw: str) -> bool:
    """Could this lower-case word be a common noun inside a name's phrase (not a function word, verb or adverb)?"""
    return not (lw in lx.stop or lw in lx.time or lw in lx.subject or lw in lx.that or lw in lx.det
                or lw in lx.link or lw in lx.adverb or lw in lx.past or lw.endswith(("ly", "ed")))
