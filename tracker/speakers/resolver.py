"""The resolver: every quote of an article, in text order, resolved once per mention.

``resolve`` builds one ``Resolver`` per article (all the rule modules' mixins
on one ``Article``) and resolves each quote's mention in text order, so that
a pronoun sees the speakers resolved before it:

- quotes sharing one mention (nested, mixed) resolve once (with the
  description cache, descriptions cost 16 us instead of 32);
- a name in apposition right after a description is tried first;
- a resolved mention counts as its sentence's subject for later pronouns when
  it stands at the sentence's (or main clause's) start, after the quote, or
  is a pronoun speaking mid-sentence ("which he said were"), not when it is
  the agent of "asked by";
- a quote that continues an earlier one shares its speaker;
- a named person's role, when no title gave one, is a description in
  apposition to one of their names (``titles.appositive_role``);
- words between quotation marks are quoted words even where no quote was
  extracted (``quotation_spans``): a title there is no antecedent (quotes1:
  1 wrong speaker made right; BBC corpus: 14 speakers changed, 11 checked
  right, the other 3 left unresolved), and a pronoun there is the quoted
  speaker's, not the article's, so it is left unresolved (BBC corpus: 24
  speakers, nearly all wrong, left unresolved; speakers-dev and PolNeAR
  unchanged);
- "said Zenco founder and director Tom Hale", cut short at the body, is the
  person the role names; a quotation with no cue goes with the resolved
  quote that ends where it opens, not an earlier "He said" (quotes1: 1
  wrong made right; a quote nested in a quotation, or one left unresolved,
  says nothing: 4 right answers had been lost without that).
"""
from __future__ import annotations

import re
from bisect import bisect_right, insort

from ..model import Quote, Sentence, Speaker
from .anonymous import Anonymous
from .bodies import Bodies
from .epithets import Epithets
from .interviews import Interviews
from .kinds import Kinds
from .mentions import Mentions
from .people import People
from .pronouns import Pronouns, named_in, third_person_in
from .recipients import not_a_speaker
from .relatives import Relatives
from .roster import Roster
from .subjects import Subjects
from .titles import Titles, appositive_role
from .window import Window
from .writer import Writer

QUOTED_KINDS = ("direct", "mixed")
_PERSONAL_PRONOUNS = frozenset({"he", "she"})
# pronouns that, within a quotation, are the quoted speaker's to resolve: the article's antecedents are not theirs
_INNER_PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them"})


# quotation marks: “ opens, ” closes, and a straight one opens after a space, a bracket or a dash and before a word
_QUOTE_MARK = re.compile(r'["“”]')
_PARAGRAPH = "\n\n"


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """The spans between quotation marks in the text, whether or not a quote was extracted there: a name or title
    in a quotation nobody was found to say ("I ponder what the chancellor's skills owe to this town", after
    which "He continued:") is no antecedent either. An opening mark runs to the next closing one in its
    paragraph, or to the next opening one (a quotation continued in a new paragraph opens again)."""
    out, start = [], None
    for m in _QUOTE_MARK.finditer(text):
        i, mark = m.start(), m.group()
        # (a “ before a space closes: '“Apparently not,“ he said' is a typing slip)
        before_word = i + 1 < len(text) and not text[i + 1].isspace()
        opening = before_word and (mark == "“" or mark == '"' and (
            i == 0 or text[i - 1].isspace() or text[i - 1] in "([—–-"))
        if start is not None and text.find(_PARAGRAPH, start, i) >= 0:
            out.append((start, text.find(_PARAGRAPH, start, i)))       # unclosed at the paragraph's end
            start = None
        if opening:
            if start is not None:
                out.append((start, i))
            start = i
        elif start is not None:
            out.append((start, i + 1))
            start = None
    return out


def _within(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < spans[i][1]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


class Resolver(Roster, People, Mentions, Bodies, Anonymous, Titles, Epithets, Subjects, Window, Pronouns,
               Relatives, Writer, Interviews, Kinds):
    """One article's resolver: the rule modules' methods on one article's state."""


def resolve(text: str, sentences: list[Sentence], quotes: list[Quote]) -> list[Speaker]:
    """Resolve each quote's speaker mention; returns the article's speakers (``quote.speaker`` indexes them)."""
    if not quotes:
        return []
    marks = quotation_spans(text)
    art = Resolver(text, sentences, _merged([(q.start, q.end) for q in quotes if q.kind in QUOTED_KINDS] + marks))
    mark_starts = [a for a, _ in marks]
    art.after_content = {q.speaker_start for q in quotes if q.speaker_start is not None and q.speaker_start > q.start}
    art.speaker_offsets = sorted({q.speaker_start for q in quotes if q.speaker_start is not None and q.speaker_mention})
    order = sorted(range(len(quotes)), key=lambda i: (quotes[i].speaker_start if quotes[i].speaker_start is not None
                                                       else quotes[i].start))
    done: dict[tuple[int, str], int | None] = {}    # quotes sharing one mention (nested, mixed) resolve once
    for i in order:
        q = quotes[i]
        q.speaker = None
        if not q.speaker_mention:
            continue
        pos = q.speaker_start if q.speaker_start is not None else q.start
        if q.speaker_mention == "A":
            # the "A:" of an interview's answer: the interviewee, for the answer itself only (a cue that took
            # the letter for its subject has found no speaker)
            e = art.interviewee() if q.cue is None else None
            q.speaker = None if e is None else art.use(e, None)
            continue
        if q.speaker_start is not None and not_a_speaker(text, q.speaker_start, q.speaker_mention):
            continue            # "told the BBC", "000 members": no speaker
        if q.speaker_mention.lower() in _INNER_PRONOUNS and _within(marks, mark_starts, pos):
            continue            # '"... the referee is in charge and he has called it": within someone's quotation
        k = (pos, q.speaker_mention)
        if k in done:
            q.speaker = done[k]
            continue
        e = alias = None
        if q.speaker_end is not None:
            # "said Zenco founder and director Tom Hale" read as "Zenco": the person the role after it names
            e, alias = art.role_holder_after(q.speaker_mention, q.speaker_end)
        if e is None and q.speaker_end is not None:
            # "The head of the Ruritanian navy, Adm. Tom K. Hale Jr., said", "Another delegate
            # on the slate, Jim Poole, said": the name the text puts in apposition right after a description
            # is who speaks, more precisely than the description
            e, alias = art.apposed_name(q.speaker_mention, q.speaker_end)
        if e is None:
            # ("“Crane wins every room,” he says": whoever "he" is, not the man his quotation names)
            art.named_in_quote = named_in(q.content) if q.kind == "direct" else frozenset()
            art.third_in_quote = third_person_in(q.content) if q.kind == "direct" else ""
            e, alias = art.resolve_mention(q.speaker_mention, pos)
            art.named_in_quote, art.third_in_quote = frozenset(), ""
        if e is None:
            done[k] = None
            continue
        q.speaker = done[k] = art.use(e, alias)
        at = bisect_right(art.mention_offsets, pos)
        art.mention_offsets.insert(at, pos)
        art.mentions.insert(at, (pos, e))
        insort(art.mentions_of.setdefault(id(e), []), pos)
        # the speaker is the subject of its sentence when named at its start or after the quote ("..., he said"),
        # not when it is embedded before the reported clause ("pointing out that the paper's X had reported")
        si = max(0, bisect_right(art.starts, pos) - 1)
        if (not art.starts or art.is_subject_at(si, pos) or pos >= q.start
                or q.speaker_mention.lower() in _PERSONAL_PRONOUNS) and not art.text.endswith(" by ", 0, pos):
            # (and "which he said were ...": a pronoun that speaks is the subject of its clause; not the agent of
            # "Rubin was asked by Gerald Baxter whether ...")
            art.subjects.add(pos)
    for q in quotes:
        # a quotation with no cue of its own, given a speaker named before another quote that ends right where it
        # opens ('He said ... Mr Armes warned that developers must learn. "In some ways ..."'): that nearer
        # quote's speaker, whose words it goes on with
        if q.cue is None and q.speaker is not None and q.speaker_start is not None and q.speaker_start < q.start:
            near = [r for r in quotes if r is not q and r.speaker_start is not None and r.speaker_mention
                    and q.speaker_start < r.speaker_start < q.start and q.start - 5 <= r.end <= q.start]
            # (a quote nested in a quotation before, or one whose speaker stayed unclear, says nothing; nor one in
            # the sentence of the first speaker, nor one whose speaker is no sentence's subject: "X said,
            # referring to the scar that Lowe showed to the court. "...", "said Kay Cole, a pollster who
            # backed Hale. "...")
            r = near[-1] if near else None
            si = bisect_right(art.starts, r.speaker_start) - 1 if r is not None else -1
            if r is not None and r.speaker is not None and not art.in_quote(r.speaker_start) \
                    and si != bisect_right(art.starts, q.speaker_start) - 1 and art.is_subject_at(si, r.speaker_start):
                q.speaker = r.speaker
    for q in quotes:
        # a quote that continues an earlier one shares its speaker (following the chain, guarding against loops)
        j, seen = q.continues, set()
        if q.speaker is not None or q.speaker_mention:
            continue
        while j is not None and 0 <= j < len(quotes) and j not in seen:
            seen.add(j)
            if quotes[j].speaker is not None:
                q.speaker = quotes[j].speaker
                break
            j = quotes[j].continues
    for e in art.out:
        if e.kind == "person" and not e.anonymous and not e.role:
            e.role = appositive_role(text, e)
    # an anonymous or generic source is of kind generic: within the article it is a person or a group ("they" may
    # stand for "officials")
    return [Speaker(name=e.name, kind="generic" if e.anonymous else e.kind, role=e.role, aliases=list(e.aliases),
                    affiliation=e.affiliation, anonymous=e.anonymous) for e in art.out]
