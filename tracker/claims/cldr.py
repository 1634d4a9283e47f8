"""Currencies and units from CLDR (through babel): currency names, symbols and ISO 4217 codes; unit names.

>>> from tracker.claims import find_claims
>>> [(c.text, c.unit) for c in find_claims(
...     "Iran's budget rose to 1,210 trillion rials, and the fine was 2m Swiss francs or CHF 2m.", None)]
[('1,210 trillion rials', 'IRR'), ('2m Swiss francs', 'CHF')]

CLDR (the Unicode Common Locale Data Repository, which babel ships and keeps
current) names about 160 currencies in use; ``data/claims/currencies.txt``
adds and overrides what news writes ("dollars" are US dollars, "pounds"
sterling, "A$" Australian dollars), and wins where both speak.

- a full name, singular or plural ("Iranian rials", "Swiss franc", "euros");
- the last word of a name when it names one currency in use ("rupiah"), or
  several ("rials": Iran's, Oman's and Yemen's): then the article decides,
  by the country it names whose currency has that word ("Iran" -> IRR);
  with none, the word itself is the unit ("rials"), never another
  currency's code (issue 16: a sum in rials was read as pounds);
- an ISO code after a figure in capitals ("5m CHF"), never a lower-case
  word that happens to be a code ("all", "top");
- a symbol before a figure ("₩", "R$", "CA$").

English words that are also the last word of a currency's name ("won",
"real", "rand", "mark") are left out: "Minar won the next five".

Units of measurement (``cldr_units``): CLDR's English names of the units of
length, area, volume, mass, speed, temperature, data, energy, power,
frequency and pressure, singular and plural, British and American
("kilometre", "miles per hour", "degrees Celsius", "megabits"), and their
abbreviations that cannot be a word ("km²", "km/h", "°F"). Each is stored
under one name: the project's (``data/claims/units.txt``: "km") where it
names the unit, else CLDR's British plural; so that "°C" and "degrees
Celsius" are one unit and "°F" another (issue 16: both were "degrees").
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from .. import lexicon

# what the article says around a figure: a word that names one currency, or several (resolved by the article)
Currency = "str | tuple[str, ...]"


@cache
def _locale():
    from babel import Locale          # imported here: only when a lexicon is first built
    return Locale("en")


@cache
def current_codes() -> frozenset[str]:
    """The ISO codes of the currencies legal tender somewhere today (CLDR's territory data)."""
    from babel.numbers import get_territory_currencies
    codes = set()
    for territory in _locale().territories:
        if territory.isalpha() and len(territory) == 2:
            codes.update(get_territory_currencies(territory, tender=True))
    return frozenset(codes)


@cache
def territory_names() -> frozenset[str]:
    """Lower-case English names of countries and regions (CLDR), of one word: "europe", "japan"."""
    return frozenset(n.lower() for n in _locale().territories.values() if " " not in n)


@cache
def territories_of() -> dict[str, tuple[str, ...]]:
    """Currency code -> the names of the territories that use it today ("IRR" -> ("Iran",))."""
    from babel.numbers import get_territory_currencies
    out: dict[str, list[str]] = {}
    names = _locale().territories
    for territory, name in names.items():
        if territory.isalpha() and len(territory) == 2:
            for code in get_territory_currencies(territory, tender=True):
                out.setdefault(code, []).append(name)
    return {code: tuple(v) for code, v in out.items()}


def _not_currency_words() -> frozenset[str]:
    return lexicon.words("claims/not_currency_words.txt")


@cache
def cldr_words() -> dict[str, str | tuple[str, ...]]:
    """Lower-case currency word -> ISO code (or the codes it may mean), from CLDR's English names."""
    loc = _locale()
    codes = current_codes()
    plural = loc._data["currency_names_plural"]
    full: dict[str, set[str]] = {}
    last: dict[str, set[str]] = {}
    for code in codes:
        forms = {loc.currencies.get(code, "")}
        forms.update(dict(plural.get(code, {})).values())
        for form in filter(None, forms):
            if "(" in form:
                continue
            low = " ".join(form.lower().split())
            full.setdefault(low, set()).add(code)
            word = low.split()[-1]
            if word.isalpha():
                last.setdefault(word, set()).add(code)
    stop = _not_currency_words()
    out: dict[str, str | tuple[str, ...]] = {}
    for word, cs in last.items():
        if word not in stop:
            out[word] = next(iter(cs)) if len(cs) == 1 else tuple(sorted(cs))
    for name, cs in full.items():
        if len(cs) == 1 and name not in stop:
            out[name] = next(iter(cs))
    return out


@cache
def cldr_symbols() -> dict[str, str]:
    """Lower-case symbol -> ISO code for the symbols CLDR's English gives that are not the code itself ("₩",
    "r$", "ca$"); "$" is the US dollar in English."""
    loc = _locale()
    out = {}
    for code in current_codes():
        sym = loc.currency_symbols.get(code)
        if sym and sym != code and not sym.isalpha() and not any(ch.isspace() for ch in sym) and any(not ch.isascii() or ch == "$" for ch in sym):
            out.setdefault(sym.lower(), code)
    return out


def cldr_currencies() -> dict[str, str | tuple[str, ...]]:
    """Every currency form CLDR gives: words, names and symbols (lower case) -> code or codes."""
    return {**cldr_words(), **cldr_symbols()}


@cache
def iso_codes() -> frozenset[str]:
    """Lower-case ISO codes of the currencies in use: read after a figure only when written in capitals."""
    return frozenset(c.lower() for c in current_codes())


@cache
def currency_names(code: str) -> tuple[str, ...]:
    """CLDR's English names of a currency, singular and plural, as written ("Danish krone", "Danish kroner")."""
    loc = _locale()
    names = {loc.currencies.get(code)} | set(dict(loc._data["currency_names_plural"].get(code, {})).values())
    return tuple(sorted(n for n in names if n and "(" not in n))


@cache
def _territory_names() -> dict[str, tuple[str, ...]]:
    """The country and currency names by their first three characters, longest first."""
    names = {n for ns in territories_of().values() for n in ns}
    names.update(n for code in current_codes() for n in currency_names(code))
    assert all(len(n) >= 3 and _WORD.match(n) for n in names)       # see _territory_mentions
    out: dict[str, list[str]] = {}
    for n in sorted(names, key=lambda n: (-len(n), n)):
        out.setdefault(n[:3], []).append(n)
    return {k: tuple(v) for k, v in out.items()}


_WORD, _WORD_START, _BOUNDARY = re.compile(r"\w"), re.compile(r"\b\w"), re.compile(r"\b")


@lru_cache(maxsize=1)
def _territory_mentions(text: str) -> list[tuple[int, str]]:
    """(start, name) of every country and currency name of ``text``: the article's several currency words
    ("rials", "kroner") read them once, not once each (the scans of the whole text were 3% of extraction).

    What ``\\b(names)\\b`` finds, left to right: at each start of a word (every name starts with a letter), the
    longest name written there with a word boundary after it. Walked by hand: a few articles a thousand need
    it (18 of the first 800 of the BBC corpus), and that regex of 700 names (a trie of 7,000 characters) took
    0.2 s to build and compile, more than reading those articles."""
    names, out, end = _territory_names(), [], 0
    startswith, boundary = text.startswith, _BOUNDARY.match
    for m in _WORD_START.finditer(text):
        p = m.start()
        if p < end:
            continue
        for name in names.get(text[p:p + 3], ()):
            if startswith(name, p) and boundary(text, p + len(name)):
                out.append((p, name))
                end = p + len(name)
                break
    return out


def resolve(codes: tuple[str, ...], text: str, pos: int) -> str | None:
    """The one of ``codes`` whose country or full name the article gives (the nearest before ``pos``, else the
    first after it), or None: "rials" in an article about Iran are IRR, "kroner" after "Danish kroner" DKK."""
    wanted = {name: code for code in codes for name in territories_of().get(code, ())}
    wanted.update((name, code) for code in codes for name in currency_names(code))
    best = None
    for start, name in _territory_mentions(text):
        code = wanted.get(name)
        if code is None:
            continue
        if start < pos or best is None:
            best = code
        if start >= pos:
            break
    return best


# the kinds of CLDR unit a news figure is measured in (durations and percentages are the project's own:
# data/claims/units.txt)
_UNIT_KINDS = ("length", "area", "volume", "mass", "speed", "temperature", "digital", "energy", "power", "frequency",
               "pressure")


@cache
def unit_kinds() -> dict[str, str]:
    """Lower-case long English form of a unit (singular and plural) -> its kind in CLDR ("megabits" ->
    "digital", "kilometres" -> "length"), for the kinds of ``_UNIT_KINDS``; not the typographer's point (in
    news, "points" are a score's or an index's)."""
    from babel import Locale
    out: dict[str, str] = {}
    for data in (Locale.parse("en_GB")._data["unit_patterns"], _locale()._data["unit_patterns"]):
        for unit_id, patterns in data.items():
            if unit_id.startswith(_UNIT_KINDS) and unit_id != "length-point":   # points of a score or an index
                for count, pattern in dict(patterns.get("long", {})).items():
                    if count != "per":
                        out.setdefault(" ".join(pattern.replace("{0}", " ").split()).lower(), unit_id.split("-")[0])
    return out


@cache
def cldr_units(project: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Lower-case unit form -> its one name, for the units of ``_UNIT_KINDS``; ``project`` (form, name) pairs
    name a unit when one of its forms is theirs."""
    from babel import Locale
    own = {form.replace("-", " "): name for form, name in project}
    stop = lexicon.words("claims/not_units.txt")
    gb, us = Locale.parse("en_GB")._data["unit_patterns"], _locale()._data["unit_patterns"]
    out: dict[str, str] = {}
    for unit_id in us:
        if not unit_id.startswith(_UNIT_KINDS):
            continue
        forms, long_forms, name = set(), [], None
        for patterns in (gb.get(unit_id, {}), us[unit_id]):
            for width, counts in patterns.items():
                for count, pattern in sorted(dict(counts).items(), reverse=True):      # "other" before "one"
                    if count == "per":
                        continue
                    form = " ".join(pattern.replace("{0}", " ").split()).lower()
                    if width == "long":
                        forms.add(form)
                        long_forms.append(form)
                    elif len(form) > 1 and any(not ch.isalpha() and not ch.isspace() for ch in form):
                        forms.add(form)         # "km²", "km/h", "°c"; never a lone "°" or a letter
                    if width == "long" and count == "other" and name is None:
                        name = " ".join(pattern.replace("{0}", " ").split())
        name = next((own[f] for f in long_forms if f in own), name)
        for form in forms:
            if form and form not in own and form not in stop:
                out[form] = name
    return out
