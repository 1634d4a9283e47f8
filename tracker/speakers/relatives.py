"""Relative pronouns: "who" and "which" are the phrase just before them, read as a mention of its own.

The quote finder hands over the relative pronoun as the speaker mention; the
phrase it follows is read with the quote finder's own subject reader
(``tracker.quotes.attribution.antecedent``) and resolved like any mention
(PolNeAR attribution F1 0.635 -> 0.647 when relatives became speakers).
Where that phrase reads as no mention, or as a description:

- the name that ends it, after a comma ("a ruling from the Ohio Board of
  Elections, which"), never after "and", nor "who" after "of"/"for" ("the
  wife of Tom Hale, who"): 32 PolNeAR speakers found, all right; a phrase
  that opens with a verb too, 4 more, all right;
- the name a description is in apposition to ("Ray Lopez, a Democrat who");
- "Tom Hale is among those who": the name before "is among those" (quotes1:
  1 found, right).
"""
from __future__ import annotations

import re

from ..quotes.attribution import antecedent as _antecedent
from .article import Article, Entity
from .mentions import plan_mention

# a name (with "of the ..." or "for ..." in it) that ends a phrase, and one followed by the comma of an apposition
_TRAILING_NAME = re.compile(r"[A-Z][\w’'\-\.&]{0,60}(?:[ \u00a0]+(?:(?:of|for|on)[ \u00a0]+(?:the[ \u00a0]+)?)?"
                            r"[A-Z][\w’'\-\.&]{0,60}){0,20}\Z")
_NAME_THEN_COMMA = re.compile(r"([A-Z][\w’'\-\.]{0,60}(?:[ \u00a0][A-Z][\w’'\-\.]{0,60}){0,20}),[ \u00a0]+\Z")
# a name, then "is among those" or "was one of those" right before "who"
_AMONG_THOSE = re.compile(r"(?<![\w’'\-])((?:[A-Z][\w’'\-\.]*[ \u00a0]){0,4}[A-Z][\w’'\-]*)[ \u00a0](?:is|was|are|were)"
                          r"[ \u00a0](?:also[ \u00a0])?(?:among|one[ \u00a0]of)[ \u00a0]those[ \u00a0]\Z")
_COORDINATION_END = re.compile(r"(?:\band|\bor|&|,)[ \u00a0]+\Z")


class Relatives(Article):
    """A mixin of ``resolver.Resolver``; it calls resolve_mention (mentions)."""

    def relative(self, pos: int) -> Entity | None:
        """"who"/"which": the phrase right before it, read as the quote finder reads a speaker ("Chris Murphy, who",
        "the Connecticut senator, who", "voters who"), and resolved as a mention of its own."""
        end = pos
        while end < len(self.text) and self.text[end].isalpha():
            end += 1
        among = _AMONG_THOSE.search(self.text, max(0, pos - 200), pos)
        if among is not None and self.text[pos:end].lower() == "who":
            # "Tom Hale is among those who have called for ...": he is one who did
            return self.resolve_mention(among.group(1), among.start(1))[0]
        found = _antecedent(self.text, pos, end)
        if found is None:
            return None
        s, e = found
        phrase = self.text[s:e]
        plan = plan_mention(phrase)
        if plan and plan[0] == "pronoun":
            return None
        whole = self.resolve_mention(phrase, s)[0] if plan else None
        if whole is not None:
            return whole
        # (a phrase that reads as no mention may still end in a name: "visited Courier columnist Tom
        # Hale, who")
        who = self.text[pos:end].lower() in ("who", "whom", "whose")
        # "a ruling from the Ohio Board of Elections, which": the name that ends the phrase, after a comma ("a
        # relationship with Lowe who declined" is too loose to read). Not after "and" ("Hale and Brent, who":
        # one or both); for "who" not after "of" or "for" either ("the wife of Tom Hale, who", "a spokesman for
        # Tom Hale, who" say nothing about which of the two spoke)
        m = _TRAILING_NAME.search(phrase)
        if m and m.start() > 0 and self.text[e:pos].strip() == ",":
            before = phrase[:m.start()].split()[-1].lower()
            if before not in ("and", "or", "&") and not (who and before in ("of", "for")):
                e2 = self.resolve_mention(m.group(), s + m.start())[0]
                if e2 is not None and not e2.anonymous and e2.kind == ("person" if who else "organization"):
                    return e2
        # "Mr. Lopez, a Democrat who": the name the description is in apposition to (not "Jo Ray and Al Lee,
        # two of the women who")
        if who and plan and plan[0] == "segments" and plan[2] and plan[2][0][0] == "desc" \
                and plan[2][0][1] and plan[2][0][1][2] in ("a", "an", "the"):
            m = _NAME_THEN_COMMA.search(self.text, max(0, s - 80), s)
            if m and not _COORDINATION_END.search(self.text, max(0, m.start(1) - 6), m.start(1)):
                e2 = self.resolve_mention(m.group(1), m.start(1))[0]
                if e2 is not None and e2.kind == "person" and not e2.anonymous:
                    return e2
        return None
