"""The records the extraction core produces: plain dataclasses, no I/O.

Offsets are Python string indices into ``Document.text``, end exclusive, so
``text[start:end]`` is always exactly the stored span.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(slots=True)
class Document:
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None


@dataclass(slots=True)
class Sentence:
    idx: int
    start: int
    end: int
    text: str
    paragraph: int                  # index of the paragraph (block of text between line breaks)
    boilerplate: bool = False       # captions, credits, navigation, related links, comment forms
    checkworthiness: float = 0.0    # 0..1, 0.5 and above: worth checking


@dataclass(slots=True)
class Speaker:
    """A person or body within one article; the store links it across articles."""
    name: str                       # canonical within the article: "Ben Wallace", "Downing Street"
    kind: str = "unknown"           # person, organization, group, unknown
    role: str | None = None         # "Defence Secretary"
    aliases: list[str] = field(default_factory=list)   # the forms seen in the article
    affiliation: str | None = None  # the body an anonymous source speaks for: "Downing Street"
    anonymous: bool = False         # a spokesperson or unnamed source ("a senior aide", "officials")


@dataclass(slots=True)
class Quote:
    kind: str                       # direct, mixed, indirect
    content: str
    start: int
    end: int
    sentence_idx: int
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker: int | None = None      # index into Extraction.speakers; None when unresolved
    continues: int | None = None    # index of the earlier quote whose speaker this one shares
                                    # (a quote continued in the next paragraph, "but added: ...")
    confidence: float | None = None  # 0..1: the probability that the row is a real attribution with the
                                     # right speaker (tracker/quotes/confidence.py)


@dataclass(slots=True)
class Claim:
    kind: str                       # quantity, comparison
    text: str
    start: int
    end: int
    sentence_idx: int
    quote: int | None = None        # index into Extraction.quotes when the claim lies inside a quote
    speaker: int | None = None      # index into Extraction.speakers; None: the article itself
    raw_number: str | None = None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    reference: str | None = None
    flags: list[str] = field(default_factory=list)
    # the claim as a statement (tracker/claims/statement.py): what the figure counts or measures ("unemployment
    # rate", "troops on the border"), the clause that makes the claim (text[statement_start:statement_end]),
    # who or what it is about ("the UK") and when ("in March"), each None where the text does not say
    measure: str | None = None
    statement_start: int | None = None
    statement_end: int | None = None
    subject: str | None = None
    period: str | None = None
    period_start: str | None = None  # the first and last day the period covers (ISO dates; tracker/claims/dating.py)
    period_end: str | None = None
    repeats: int | None = None      # index of an earlier claim of the article that states the same figure
                                    # (a headline figure repeated in the body): one claim seen twice


@dataclass(slots=True)
class Extraction:
    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)

    def to_dict(self) -> dict:
        """JSON-ready form: the document fields plus one list per table."""
        return asdict(self)
