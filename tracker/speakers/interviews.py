"""Interview answers: the "A:" of a question-and-answer interview is the one person its headline names.

The quote finder reads "Q: ..." / "A: ..." paragraphs (two of each at least)
as an interview and hands each answer over with the mention "A"; the
interviewee is the one person the headline names in full ("Q&A with Vice
President Joe Biden"); None when that is not one person. Three of the 840
PolNeAR articles and none of the BBC ones are laid out so; blind set 6 went
0.781 -> 0.821 right with this rule. (The introduction, read when the
headline named nobody, was removed: no article and no test ever read it.)
"""
from __future__ import annotations

from .article import Article, Entity


class Interviews(Article):
    """A mixin of ``resolver.Resolver``; it calls named_person (people); names_in (subjects)."""

    def interviewee(self) -> Entity | None:
        """Who answers in a question-and-answer interview: the one person the headline names in full ("Q&A with
        Vice President Joe Biden", "Laura Bush sees hope for Afghan women"); None when that is not one person."""
        if self._interviewee is None:
            head = self.headline_end()
            people = {}
            for si, st in enumerate(self.starts):
                if st >= head:
                    break
                for _, nm, _ in self.names_in(si):
                    e = self.named_person(nm)
                    if e is not None and e.kind == "person" and not e.anonymous and " " in e.name:
                        people[e.ident] = e
            self._interviewee = next(iter(people.values())) if len(people) == 1 else False
        return self._interviewee or None
