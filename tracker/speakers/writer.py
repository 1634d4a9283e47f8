"""The writer: "I" outside quotation marks is the article's writer, when its closing line names them.

Op-eds close with a short line on who wrote them ("Jo Hart is the mayor of
Leeds."); "I" outside quotation marks in such an article is that person.
Inside a quotation "I" is whoever is quoted, and without such a line the
writer is unknown: never from a first name alone. Measured: 4 op-eds among
776 PolNeAR articles, all right.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from . import names as N
from .article import Article, Entity

# an article's closing line on its writer: "Jo Hart is the mayor of Leeds.", "Rep. Dan Ruiz, D-Ariz., was ..."
_WRITER_LINE = re.compile(r"(?<![\w’'\-\.])([A-Z][\w’'\-\.]*(?: [A-Z][\w’'\-\.]*){0,4})(?:, [A-Z][\w\-\.]*,)? (?:is|was|has been)"
                          r" (?:(?:a|an|the)\b|[A-Z])")


class Writer(Article):
    """A mixin of ``resolver.Resolver``; it calls named_person (people)."""

    def writer(self, pos: int) -> Entity | None:
        """"I" outside quotation marks, in an article whose closing lines say who wrote it ("Jo Hart is the
        mayor of Leeds."): the writer. Inside a quotation "I" is whoever is quoted, and without such a line the
        writer is unknown."""
        if self.in_quote(pos):
            return None
        si = max(0, bisect_right(self.starts, pos) - 1)
        s = self.sentences[si] if self.sentences else None
        if s is None or self.text.count("“", s.start, pos) > self.text.count("”", s.start, pos) \
                or self.text.count('"', s.start, pos) % 2:
            return None
        if self._writer is False:
            self._writer = self._find_writer()
        return self._writer

    def _find_writer(self) -> Entity | None:
        # one of the last two paragraphs, short, opening "Name is/was ...", "Name, D-Ariz., is ..."
        # (writer() asks only in an article with sentences)
        paras = [self.paragraph(len(self.sentences) - 1)]     # (first, last) sentence of the last paragraph
        if paras[0][0] > 0:
            paras.append(self.paragraph(paras[0][0] - 1))     # and of the one before
        for first, last in paras:
            s = self.sentences[first]
            m = _WRITER_LINE.match(s.text)
            if m is None or self.sentences[last].end - s.start > 400:
                continue
            nm = N.read(m.group(1))
            if nm is None or nm.kind != "person" or len(nm.core) < 2:
                continue
            e = self.named_person(nm)       # (a full name: never None, anonymous or one word)
            # a name of unknown kind is a person when the line gives it a person's title ("a staff reporter")
            if e.kind == "person" or e.kind == "unknown" and any(
                    N.is_title(w) for w in s.text[m.end():].split()[:6]):
                e.kind = "person"
                return e
        return None
