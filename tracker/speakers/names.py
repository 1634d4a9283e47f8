"""Reading names out of capitalised words: people, bodies, titles, honorifics.

Pure functions over strings, driven by the word lists in ``data/speakers/``.
No parser: newspapers write names as runs of capitalised words, put titles
before them ("Defence Secretary Ben Archer") and descriptions after a comma
("Tom Hale, the former president of the Acme Union"), and that is enough to
split a mention into a role, a name and an affiliation.

>>> split_run("Defence Secretary Ben Archer".split())
(['Defence', 'Secretary'], ['Ben', 'Archer'])
>>> read("Ivan V. Petrov").pkey
'ivan petrov'
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from .. import lexicon

D = "speakers/"

# A capitalised token: a word, an initial ("V."), an abbreviated title
# ("Mr.", "Sen."), an acronym with stops ("U.S."), "No 10". The run regexes
# join tokens separated by single spaces (a line break ends a run).
# The token starts with its capital so that the regex engine skips other positions fast (an alternation of
# whole abbreviations first made the scan five times slower).
_TOKEN = (r"[A-Z](?:(?:rs|r|s|t|en|ep|eps|ov|dm|ol|apt|gt|aj|et|pl|mdr|dr|rig|rof|ev|upt|nsp|me|lle|tty|ec|mb|on|res)"
          r"\.(?= )|(?:\.[A-Z]){0,2}\.(?![a-z])|o\.? 10\b|umber 10\b|[\w’'\-]*[\w’'])?")
_PARTICLE = rf"(?:{lexicon.trie_pattern(lexicon.lines(D + 'name_particles.txt'))}[ \u00a0]+){{0,2}}"     # "de", "van"
RUN = re.compile(rf"{_TOKEN}(?:[ \u00a0]+{_PARTICLE}{_TOKEN})*")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
# generational suffixes as written without a full stop ("Jr", "II"), and as tokens ("jr", "jr.", "ii")
_SUFFIX_FORMS = lexicon.lines(D + "name_suffixes.txt")
SUFFIXES = frozenset(s.rstrip(".") for s in _SUFFIX_FORMS)
_SUFFIXES = frozenset(f.lower() for s in _SUFFIX_FORMS for f in (s, s.rstrip(".")))
INITIAL = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z]$")
# one who speaks for a body, as a description's head ("the Hallam Centre spokeswoman")
SPOKESPERSON = re.compile(r"spokes(?:man|woman|person)$")
# letters after a name for an office or honour ("Jane Doe QC", "Sam Roe MSP"): no part of the name
POST_NOMINALS = lexicon.mapping(D + "post_nominals.txt")


@cache
def _lists():
    return dict(
        pronouns=lexicon.mapping(D + "pronouns.txt"),
        honorifics=lexicon.mapping(D + "honorifics.txt"),
        titles=lexicon.mapping(D + "titles.txt"),
        generic=lexicon.mapping(D + "generic_sources.txt"),
        org_words=lexicon.words(D + "organization_words.txt"),
        metonyms=lexicon.mapping(D + "metonyms.txt"),
        countries=frozenset(lexicon.lines(D + "countries.txt")),
        places=frozenset(lexicon.lines(D + "places.txt")),
        common=frozenset(lexicon.lines(D + "common_capitalised.txt")),
        male=frozenset(lexicon.lines(D + "first_names_male.txt")),
        female=frozenset(lexicon.lines(D + "first_names_female.txt")),
        # more given names, for the first name of a full name only: alone, "Lolita" is not surely anyone
        given_male=frozenset(lexicon.lines(D + "first_names_census_male.txt")),
        given_female=frozenset(lexicon.lines(D + "first_names_census_female.txt")),
    )


def lists() -> dict:
    return _lists()


# The three helpers below are not cached: a cache lookup of a rare token misses the CPU cache several times,
# which costs more than the check, and most tokens end in none of the characters _POSSESSIVE can remove.
_POSSESSIVE_ENDS = frozenset("s’'\n")      # "\n": "$" also matches before a final line break


def bare(token: str) -> str:
    """A token without its final full stop and possessive, lower-cased: "Sen." -> "sen"."""
    return strip_possessive(token).rstrip(".").lower()


def is_possessive(token: str) -> bool:
    return token[-1:] in _POSSESSIVE_ENDS and bool(_POSSESSIVE.search(token)) and token not in ("’", "'")


def strip_possessive(token: str) -> str:
    return _POSSESSIVE.sub("", token) if token[-1:] in _POSSESSIVE_ENDS else token


@lru_cache(maxsize=1 << 16)
def is_title(token: str) -> bool:
    L = _lists()
    b = bare(token)
    return b in L["titles"] or b in L["honorifics"]


def gender_of_tokens(tokens: list[str]) -> str | None:
    """male/female from an honorific or gendered title in ``tokens``, else from the first name."""
    L = _lists()
    for t in tokens:
        g = L["honorifics"].get(bare(t)) or L["titles"].get(bare(t))
        if g:
            return g
    return None


def first_name_gender(name: list[str]) -> str | None:
    L = _lists()
    if len(name) < 2:
        return None
    first = strip_possessive(name[0])
    if first in L["male"] or first in L["given_male"]:
        return "male"
    if first in L["female"] or first in L["given_female"]:
        return "female"
    return None


def strip_common(tokens: list[str]) -> list[str]:
    """Drop sentence-initial function words ("But", "The", "Last") from the start of a run."""
    common = _lists()["common"]
    i = 0
    while i < len(tokens) and tokens[i] in common:
        i += 1
    return tokens[i:]


# "Rival Zenco", "Distributor Zenco Pictures", "Frankfurt-based Zenco", "the Oscar-nominated Tanner": words
# before a name that describe it (a capitalised word joined to a participle or "born", "run", "led", "made")
DESCRIPTORS = lexicon.words(D + "descriptor_words.txt")
BODY_NOUNS = lexicon.words(D + "body_nouns.txt")
LOCATED = re.compile(r"(?<![\w\-])[A-Z][\w\-]*-(?:[a-z]{2,}(?:ed|ing)|born|bred|run|led|made|based|owned)$")


def strip_descriptor(tokens: list[str]) -> tuple[list[str], bool]:
    """A run without a describing word at its start ("Rival Zenco" -> "Zenco"), and whether that word names a kind
    of body ("Distributor Zenco Pictures": a body)."""
    if len(tokens) > 1 and (tokens[0].lower() in DESCRIPTORS or LOCATED.match(tokens[0])):
        return tokens[1:], tokens[0].lower() in BODY_NOUNS
    return tokens, False


def split_run(tokens: list[str]) -> tuple[list[str], list[str]]:
    """(title tokens, name tokens) of a run of capitalised tokens.

    The name is what follows the last title word; a run that ends in a title
    word ("John Major", "Frank Field") loses only its leading titles.
    """
    if len(tokens) == 2 and _given_name(tokens[0]) and not is_title(tokens[1]):
        return [], tokens         # "Dean Boyd": a given name that is also a title word, before a surname
    last = -1
    for i, t in enumerate(tokens):
        if is_title(t) and i < len(tokens) - 1:
            last = i
    if last >= 0 and not is_title(tokens[-1]):
        return tokens[:last + 1], tokens[last + 1:]
    if last >= 0:
        # "New York Congressman Pete King": a surname that is a title word ends the run; the title is what comes
        # before the given name
        L = _lists()
        for i in range(len(tokens) - 3, -1, -1):
            if is_title(tokens[i]) and (tokens[i + 1] in L["male"] or tokens[i + 1] in L["female"]):
                return tokens[:i + 1], tokens[i + 1:]
    i = 0
    while i < len(tokens) - 1 and is_title(tokens[i]):
        i += 1
    if i == 0 and len(tokens) >= 3 and _describes(tokens[0]) and _given_name(tokens[1], census=True):
        i = 1       # "DJ Peter Vane", "Guitarist Ann May", "American Tom Lee": a word describing the person first
    return tokens[:i], tokens[i:]


# the endings of a word that describes a person before their name at a sentence's start ("Producer", "Novelist",
# "Australian", "Defiant"): BBC corpus, such words had been taken for given names ("DJ Peter Vane" keyed "dj vane",
# "American Ann Lee" another row than "Ann Lee")
_DESCRIBING_END = re.compile(r"(?:er|or|ist|ian|an|ant|ent|ese|ish|ive|al)$")


def _describes(token: str) -> bool:
    """Is a capitalised word before a given name one that describes a person (an occupation, a nationality, an
    acronym, a hyphenated compound), not a given name of its own?"""
    if _given_name(token, census=True):
        return False
    return is_acronym(token) or "-" in token or bool(_DESCRIBING_END.search(token)) \
        or token.lower() in DESCRIPTORS

def _given_name(token: str, census: bool = False) -> bool:
    L = _lists()
    return token in L["male"] or token in L["female"] or census and (token in L["given_male"]
                                                                      or token in L["given_female"])


def post_nominal(tokens: list[str]) -> bool:
    """Do ``tokens`` end in letters for an office or honour after a person's name ("Jane Doe QC", "Sam Roe MP";
    not "Ealing North MP", where the letters follow a constituency)?"""
    last = strip_possessive(tokens[-1]).rstrip(".,")
    kind = POST_NOMINALS.get(last.lower()) if last.isupper() else None
    if kind is None:
        return False
    L = _lists()
    return kind != "member" or any(tokens[0] in L[k] for k in ("male", "female", "given_male", "given_female"))


# party labels: which side someone is on, not what they do
PARTY_LABELS = lexicon.mapping(D + "party_labels.txt")
# title words that only modify a role noun ("Foreign Secretary", "House Speaker")
_MODIFIER_TITLES = lexicon.words(D + "title_modifiers.txt")
# abbreviated titles written out for the speakers' role column ("sen" -> "Senator")
TITLE_ABBREVIATIONS = lexicon.mapping(D + "title_abbreviations.txt")


def role_text(title: list[str]) -> str | None:
    """The role a title before a name gives: "Sen." -> "Senator", "Defence Secretary"; None for honorifics
    and party labels alone ("Mr", "Republican")."""
    L = _lists()
    words = []
    for t in title:
        b = bare(t)
        if b in L["honorifics"] or b in PARTY_LABELS:
            continue
        words.append(TITLE_ABBREVIATIONS.get(b, strip_possessive(t)))
    if words and words[-1].lower() in _MODIFIER_TITLES:
        return None         # "State" left of "Secretary of State Hillary Clinton": no role by itself
    return " ".join(words) or None


@lru_cache(maxsize=1 << 16)
def is_abbreviation(token: str) -> bool:
    """A token whose full stop does not end a sentence: "Mr.", "Sen.", "V.", "U.S.", "Jr."."""
    b = token.rstrip(".")
    return len(b) == 1 or "." in b or b.lower() in _SUFFIXES or is_title(b) or b in ("St", "Mt", "Ft")


def is_core_token(t: str) -> bool:
    if len(t) > 2 and "." not in t:         # INITIAL cannot match (not cached: see bare)
        return t.lower() not in _SUFFIXES
    return not INITIAL.match(t) and t.lower() not in _SUFFIXES


def name_core(name: list[str]) -> list[str]:
    """The name without initials and generational suffixes: what identifies the person."""
    return [t for t in name if is_core_token(t)]


def is_acronym(token: str) -> bool:
    b = strip_possessive(token).replace(".", "")
    return 2 <= len(b) <= 6 and b.isupper() and b.isalpha()


def org_canonical(words: str) -> str | None:
    """The canonical name of a body named by ``words`` ("No 10" -> "Downing Street"), or None."""
    L = _lists()
    w = words.strip()
    low = w.lower()
    if low.startswith("the "):
        low, w = low[4:], w[4:]
    if low in L["metonyms"]:
        return L["metonyms"][low]
    if w in L["countries"]:
        return w
    return None


def looks_like_org(tokens: list[str]) -> bool:
    L = _lists()
    if any(bare(t) in L["org_words"] for t in tokens):
        return True
    joined = " ".join(strip_possessive(t) for t in tokens)
    if org_canonical(joined):
        return True
    return len(tokens) == 1 and is_acronym(tokens[0]) and not is_title(tokens[0])


@dataclass(slots=True, eq=False)
class Name:
    """A name read from a run: a person's (``name`` tokens, ``title`` tokens) or a body's."""
    kind: str                       # person, organization
    name: list[str]
    title: list[str] = field(default_factory=list)
    gender: str | None = None
    possessive: bool = False
    text: str = ""                  # the name tokens joined
    core: tuple[str, ...] = ()      # without initials and suffixes
    sur: str = ""                   # the surname (last core token)
    pkey: str = ""                  # folded core: "vladimir putin" for "Vladimir V. Putin"
    given_gender: str | None = None  # from the first name alone
    person_title: bool = False      # a title that only people hold: not a party label alone ("Democratic ...")

    def __post_init__(self):
        self.text = " ".join(self.name)
        self.person_title = any(bare(t) not in PARTY_LABELS and is_title(t) for t in self.title)
        self.core = tuple(name_core(self.name)) or tuple(self.name)
        self.sur = strip_possessive(self.core[-1])
        self.pkey = " ".join(strip_possessive(t).lower() for t in self.core)
        self.given_gender = first_name_gender(self.name)


@lru_cache(maxsize=8192)
def read(run: str) -> Name | None:
    """``read_run`` of a run as found in the text (cached: the same names recur across articles).

    The result is shared: callers must not modify it.
    """
    return read_run(run.replace("\u00a0", " ").split())


# the honorifics written before a bare surname ("Mr Hale", "Ms Kent")
PLAIN_HONORIFICS = frozenset(("mr", "mrs", "ms", "miss"))


def read_run(tokens: list[str]) -> Name | None:
    """Read a run of capitalised tokens as a person's or a body's name (None: nothing name-like)."""
    if org_canonical(" ".join(tokens)):        # "No 10" before "No" is dropped as a sentence opener
        return Name("organization", tokens)
    tokens, body = strip_descriptor(strip_common(tokens))
    # "Media Research Center’s Bozell", "Ukraine’s President Volodymyr Zelensky": the possessor is a modifier
    for i in range(len(tokens) - 2, -1, -1):
        if is_possessive(tokens[i]):
            tokens, body = tokens[i + 1:], False
            break
    if not tokens:
        return None
    poss = is_possessive(tokens[-1])
    if poss:
        tokens = tokens[:-1] + [strip_possessive(tokens[-1])]
    common = _lists()["common"]
    while len(tokens) > 1 and tokens[-1] in common:       # "CNN Tuesday"
        tokens = tokens[:-1]
    while len(tokens) > 2 and post_nominal(tokens):
        tokens = tokens[:-1]        # "Jane Doe QC" is Jane Doe; "Ealing North MP" stays (no given name)
    if body:
        return Name("organization", tokens, possessive=poss)
    title, name = split_run(tokens)
    # a body when the words after any title hold an organisation word ("House Intelligence Committee",
    # "the Foreign Office") or name a known body; "Senate Majority Leader Mitch McConnell" is a person
    if looks_like_org(name or tokens) or org_canonical(" ".join(tokens)):
        return Name("organization", tokens, possessive=poss)
    honorific = bool(title) and bare(title[-1]) in PLAIN_HONORIFICS
    if not name or all(is_title(t) for t in name) and not (honorific and len(name) == 1):
        return None         # (but "Mr Major", "Ms King": a title word after an honorific is a surname)
    if " ".join(name) in _lists()["places"] and not honorific:
        return None         # "Essex" is the county, "Ms Essex" a woman of that name
    if any(t in common for t in name[1:]) or len(name) > 5:
        return None         # a headline in title case ("Expressed Fear About Future Prejudice"), not a name
    if len(name) == 1 and INITIAL.match(name[0]):
        return None
    gender = gender_of_tokens(title) or first_name_gender(name)
    return Name("person", name, title, gender, poss)
